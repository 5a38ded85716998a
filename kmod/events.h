/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Events on the packet path: what the hooks and the flow table call when
 * they drop a packet or a connection comes or goes. The inline parts cost a
 * compare while no one listens; the rest is out of line in events.c.
 */
#ifndef _FW443_EVENTS_H
#define _FW443_EVENTS_H

#include "fw443.h"

struct fw443_flow;

/* What an event says beyond its packet or flow; each field may be NULL. */
struct fw443_event_why {
	const char *list;	/* the block list that dropped it */
	const char *from;	/* the zones of a new connection */
	const char *to;
};

bool fw443_events_recheck(struct fw443_net *fn, unsigned long now);
void fw443_event_drop(struct fw443_net *fn, const struct sk_buff *skb,
		      const struct fw443_pkt *pkt,
		      enum fw443_drop_reason reason,
		      const struct fw443_event_why *why);
void fw443_event_flow_new(struct fw443_net *fn, struct fw443_flow *f,
			  const u32 *timeouts, const char *from,
			  const char *to);
void fw443_event_flow_end(struct fw443_net *fn, struct fw443_flow *f,
			  const u32 *timeouts, enum fw443_flow_end why);
void fw443_events_init(struct fw443_net *fn);
u32 fw443_events_rate(void);

/* Does the events group have a member? Asked again once a jiffy. */
static __always_inline bool fw443_events_wanted(struct fw443_net *fn)
{
	unsigned long now = jiffies;

	if (likely(READ_ONCE(fn->events.checked) == now))
		return READ_ONCE(fn->events.listening);
	return fw443_events_recheck(fn, now);
}

/*
 * Drops @pkt for @reason: counts it and reports it. Returns NF_DROP, for
 * the caller to return.
 */
static __always_inline unsigned int
fw443_drop(struct fw443_net *fn, const struct sk_buff *skb,
	   const struct fw443_pkt *pkt, enum fw443_drop_reason reason,
	   const struct fw443_event_why *why)
{
	fw443_stats_count_drop(fn, reason);
	if (unlikely(fw443_events_wanted(fn)))
		fw443_event_drop(fn, skb, pkt, reason, why);
	return NF_DROP;
}

#endif /* _FW443_EVENTS_H */
