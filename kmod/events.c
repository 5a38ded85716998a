// SPDX-License-Identifier: GPL-2.0
/*
 * Events: dropped packets and connections that come and go, sent as
 * FW443_CMD_EVENT messages to the FW443_MCGRP_EVENTS group of the namespace
 * they happen in.
 *
 * Callers are the packet path (softirq, or process context with BHs off)
 * and the flow table's collector, some of them under a bucket lock: nothing
 * here sleeps or waits. A flood must not turn into a flood of messages, so
 * a namespace sends at most event_rate events per second and counts the
 * rest as suppressed; the next event sent says how many. Delivery never
 * waits either: a reader whose socket buffer is full misses the event, its
 * socket reports ENOBUFS, and the event is counted as lost.
 */
#include <linux/jiffies.h>
#include <linux/moduleparam.h>
#include <linux/netfilter.h>
#include <net/genetlink.h>
#include "events.h"
#include "flow.h"
#include "fw443_netlink.h"

static unsigned int event_rate = 200;
module_param(event_rate, uint, 0444);
MODULE_PARM_DESC(event_rate,
		 "Most events sent per second per network namespace (0: none)");

/* Room for the largest event: an IPv6 flow at its end, list name, zones. */
#define FW443_EVENT_MSG_SIZE	512

/* Fixed while the module is loaded (0444): status reports it. */
u32 fw443_events_rate(void)
{
	return event_rate;
}

void fw443_events_init(struct fw443_net *fn)
{
	fn->events.checked = jiffies - 1;
	fn->events.window = jiffies;
}

/*
 * Netlink tells whether a group has a member in any namespace, not in this
 * one: a namespace without a reader of its own may build an event for
 * nobody, which delivery then finds (-ESRCH) and counts nowhere.
 */
bool fw443_events_recheck(struct fw443_net *fn, unsigned long now)
{
	bool on = event_rate &&
		  genl_has_listeners(&fw443_genl_family, fn->net,
				     FW443_MCGRP_EVENTS_ID);

	WRITE_ONCE(fn->events.listening, on);
	WRITE_ONCE(fn->events.checked, now);
	return on;
}

/*
 * The rate limit: a one-second window of event_rate events, restarted by
 * whoever finds it over. Racing CPUs may let a few more through at the
 * turn of a window; none waits.
 */
static bool fw443_event_admit(struct fw443_net *fn)
{
	struct fw443_events *ev = &fn->events;
	unsigned long start = READ_ONCE(ev->window), now = jiffies;

	if (time_after_eq(now, start + HZ) &&
	    cmpxchg(&ev->window, start, now) == start)
		atomic_set(&ev->in_window, 0);
	if (atomic_inc_return(&ev->in_window) <= event_rate)
		return true;
	atomic64_inc(&ev->suppressed);
	fw443_stats_count_event(fn, FW443_EVCTR_SUPPRESSED);
	return false;
}

/*
 * Sends @msg, with the count of events suppressed since the last one sent.
 * An event that found no reader is no loss: the group emptied meanwhile.
 */
static void fw443_event_send(struct fw443_net *fn, struct sk_buff *msg,
			     void *hdr)
{
	s64 suppressed = atomic64_xchg(&fn->events.suppressed, 0);
	int err;

	if (suppressed &&
	    nla_put_u64_64bit(msg, FW443_A_EVENTS_SUPPRESSED, suppressed,
			      FW443_A_PAD)) {
		nlmsg_free(msg);
		err = -EMSGSIZE;
	} else {
		genlmsg_end(msg, hdr);
		err = genlmsg_multicast_netns(&fw443_genl_family, fn->net, msg,
					      0, FW443_MCGRP_EVENTS_ID,
					      GFP_ATOMIC);
	}
	if (!err) {
		fw443_stats_count_event(fn, FW443_EVCTR_SENT);
		return;
	}
	atomic64_add(suppressed, &fn->events.suppressed);
	if (err != -ESRCH)
		fw443_stats_count_event(fn, FW443_EVCTR_LOST);
}

/* What an event says, for its fill function. */
struct fw443_event_args {
	const struct sk_buff *skb;		/* drops */
	const struct fw443_pkt *pkt;
	u8 reason;				/* of the drop, of the end */
	const struct fw443_event_why *why;
	struct fw443_flow *flow;		/* flows */
	const u32 *timeouts;
};

/*
 * An event of @type whose attributes @fill puts, if the rate limit lets
 * it through. A message that cannot be had is a lost event.
 */
static void fw443_event(struct fw443_net *fn, u8 type,
			int (*fill)(struct sk_buff *msg,
				    const struct fw443_event_args *args),
			const struct fw443_event_args *args)
{
	struct sk_buff *msg;
	void *hdr;

	if (!fw443_event_admit(fn))
		return;
	msg = genlmsg_new(FW443_EVENT_MSG_SIZE, GFP_ATOMIC);
	if (!msg) {
		fw443_stats_count_event(fn, FW443_EVCTR_LOST);
		return;
	}
	hdr = genlmsg_put(msg, 0, 0, &fw443_genl_family, 0, FW443_CMD_EVENT);
	/* FW443_EVENT_MSG_SIZE holds every event: not fitting is a bug. */
	if (WARN_ON_ONCE(!hdr || nla_put_u8(msg, FW443_A_EVENT_TYPE, type) ||
			 fill(msg, args))) {
		nlmsg_free(msg);
		fw443_stats_count_event(fn, FW443_EVCTR_LOST);
		return;
	}
	fw443_event_send(fn, msg, hdr);
}

/* The packet's addresses, and its ports as it travels. */
static int fw443_event_put_packet(struct sk_buff *msg,
				  const struct sk_buff *skb,
				  const struct fw443_pkt *pkt)
{
	unsigned int alen = pkt->ipver == FW443_IPV6 ? 16 : 4;
	struct nlattr *nest = nla_nest_start(msg, FW443_A_FLOW);
	const __be16 *ports;
	__be16 buf[2];

	ports = skb_header_pointer(skb, pkt->thoff, sizeof(buf), buf);
	if (!nest ||
	    nla_put_u8(msg, FW443_FLOW_A_FAMILY,
		       pkt->ipver == FW443_IPV6 ? AF_INET6 : AF_INET) ||
	    nla_put(msg, FW443_FLOW_A_SRC, alen, pkt->saddr) ||
	    nla_put(msg, FW443_FLOW_A_DST, alen, pkt->daddr) ||
	    (ports && (nla_put_u16(msg, FW443_FLOW_A_SPORT, ntohs(ports[0])) ||
		       nla_put_u16(msg, FW443_FLOW_A_DPORT, ntohs(ports[1])))))
		return -EMSGSIZE;
	nla_nest_end(msg, nest);
	return 0;
}

static int fw443_event_put_why(struct sk_buff *msg,
			       const struct fw443_event_why *why)
{
	if (!why)
		return 0;
	if ((why->list && nla_put_string(msg, FW443_A_LIST_NAME, why->list)) ||
	    (why->from && nla_put_string(msg, FW443_A_FROM_ZONE, why->from)) ||
	    (why->to && nla_put_string(msg, FW443_A_TO_ZONE, why->to)))
		return -EMSGSIZE;
	return 0;
}

static int fw443_event_fill_drop(struct sk_buff *msg,
				 const struct fw443_event_args *args)
{
	if (fw443_event_put_packet(msg, args->skb, args->pkt) ||
	    nla_put_u8(msg, FW443_A_DROP_REASON, args->reason))
		return -EMSGSIZE;
	return fw443_event_put_why(msg, args->why);
}

static int fw443_event_fill_new(struct sk_buff *msg,
				const struct fw443_event_args *args)
{
	if (fw443_nl_put_flow(msg, args->flow, args->timeouts))
		return -EMSGSIZE;
	return fw443_event_put_why(msg, args->why);
}

static int fw443_event_fill_end(struct sk_buff *msg,
				const struct fw443_event_args *args)
{
	if (fw443_nl_put_flow(msg, args->flow, args->timeouts) ||
	    nla_put_u8(msg, FW443_A_END_REASON, args->reason))
		return -EMSGSIZE;
	return 0;
}

void fw443_event_drop(struct fw443_net *fn, const struct sk_buff *skb,
		      const struct fw443_pkt *pkt,
		      enum fw443_drop_reason reason,
		      const struct fw443_event_why *why)
{
	struct fw443_event_args args = {
		.skb = skb, .pkt = pkt, .reason = reason, .why = why,
	};

	fw443_event(fn, FW443_EVENT_DROP, fw443_event_fill_drop, &args);
}

void fw443_event_flow_new(struct fw443_net *fn, struct fw443_flow *f,
			  const u32 *timeouts, const char *from,
			  const char *to)
{
	struct fw443_event_why zones = { .from = from, .to = to };
	struct fw443_event_args args = {
		.flow = f, .timeouts = timeouts, .why = &zones,
	};

	fw443_event(fn, FW443_EVENT_FLOW_NEW, fw443_event_fill_new, &args);
}

void fw443_event_flow_end(struct fw443_net *fn, struct fw443_flow *f,
			  const u32 *timeouts, enum fw443_flow_end why)
{
	struct fw443_event_args args = {
		.flow = f, .timeouts = timeouts, .reason = why,
	};

	fw443_event(fn, FW443_EVENT_FLOW_END, fw443_event_fill_end, &args);
}
