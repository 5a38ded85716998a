// SPDX-License-Identifier: GPL-2.0
/*
 * Connection tracking on the packet path, while the policy is not "none".
 *
 * fw443_track() runs in the first hook a packet meets (PRE_ROUTING,
 * LOCAL_OUT): a packet of a live flow goes through the TCP state machine
 * under the flow's lock; a packet of no flow is INVALID unless it could open
 * one. Where a packet goes is known only after routing, so one that arrived
 * and could open a flow (a bare SYN; with pickup, a plain ACK) is looked up
 * only at FORWARD or LOCAL_IN, by fw443_track_open(): once, whether it
 * belongs to a flow or asks the policy to enter one. What the host sends has
 * been routed before LOCAL_OUT and is judged there at once.
 *
 * Nothing here sleeps or takes a lock beyond the flow table's (flow.h), and
 * everything here runs with BHs off (hook.c sees to it at LOCAL_OUT); every
 * header byte is read through skb_header_pointer().
 */
#include <linux/netfilter.h>
#include <linux/tcp.h>
#include "events.h"
#include "flow.h"

/*
 * The TCP fields the state machine needs, and the ports, or false for a
 * malformed header.
 */
static __always_inline bool fw443_tcp_read(const struct sk_buff *skb,
					   const struct fw443_pkt *pkt,
					   struct fw443_tcp_pkt *tp,
					   __be16 *ports)
{
	u8 optbuf[FW443_TCP_MAX_OPTLEN];
	unsigned int optlen = pkt->thlen - sizeof(struct tcphdr);
	const struct tcphdr *th;
	struct tcphdr buf;
	const u8 *opt;

	if (pkt->thlen < sizeof(buf) || pkt->thoff + pkt->thlen > skb->len)
		return false;
	th = skb_header_pointer(skb, pkt->thoff, sizeof(buf), &buf);
	if (!th)
		return false;
	ports[0] = th->source;
	ports[1] = th->dest;
	tp->seq = ntohl(th->seq);
	tp->ack_seq = ntohl(th->ack_seq);
	tp->window = ntohs(th->window);
	tp->flags = pkt->tcp_flags;
	tp->len = skb->len - pkt->thoff - pkt->thlen;
	tp->wscale = FW443_TCP_WSCALE_NONE;
	if (!th->syn || !optlen)
		return true;
	opt = skb_header_pointer(skb, pkt->thoff + sizeof(buf), optlen, optbuf);
	if (!opt)
		return false;
	tp->wscale = fw443_tcp_parse_wscale(opt, optlen);
	return true;
}

/*
 * The flow key of @pkt. The server is the endpoint with port 443; with 443
 * on both sides, the one with the higher address.
 */
static void fw443_flow_key_of(const struct fw443_pkt *pkt,
			      const __be16 *ports, struct fw443_flow_key *k)
{
	const union fw443_addr *src = (const void *)pkt->saddr;
	const union fw443_addr *dst = (const void *)pkt->daddr;

	k->ipv6 = pkt->ipver == FW443_IPV6;
	k->to_server = pkt->dir == FW443_DIR_TO_SERVER;
	if (unlikely(ports[0] == ports[1]))
		k->to_server = memcmp(dst, src, k->ipv6 ? 16 : 4) >= 0;
	k->client = k->to_server ? src : dst;
	k->server = k->to_server ? dst : src;
	k->client_port = ports[!k->to_server];
}

/* Packets and bytes on the wire: a GSO packet stands for gso_segs. */
static void fw443_wire_size(const struct sk_buff *skb,
			    const struct fw443_pkt *pkt, u32 *packets,
			    u32 *bytes)
{
	*packets = 1;
	*bytes = skb->len;
	if (skb_is_gso(skb)) {
		*packets = skb_shinfo(skb)->gso_segs;
		*bytes += (*packets - 1) * (pkt->thoff + pkt->thlen);
	}
}

/* A packet of live flow @f. */
static unsigned int fw443_flow_follow(struct fw443_net *fn,
				      struct fw443_flow *f,
				      const struct fw443_flow_key *k,
				      const struct fw443_tcp_pkt *tp,
				      const struct sk_buff *skb,
				      const struct fw443_pkt *pkt, u32 now)
{
	enum fw443_tcp_dir dir = fw443_flow_dir(f, k);
	enum fw443_tcp_verdict verdict;
	u32 packets, bytes;

	fw443_wire_size(skb, pkt, &packets, &bytes);
	spin_lock(&f->lock);
	verdict = fw443_tcp_track(&f->tcp, dir, tp);
	if (verdict != FW443_TCP_INVALID) {
		f->packets[dir] += packets;
		f->bytes[dir] += bytes;
		if (verdict == FW443_TCP_VALID)
			WRITE_ONCE(f->last, now);
	}
	spin_unlock(&f->lock);
	if (verdict == FW443_TCP_INVALID)
		return fw443_drop(fn, skb, pkt, FW443_DROP_INVALID, NULL);
	fw443_stats_add_flow(fn, FW443_FLOWCTR_ACCEPTED_ESTABLISHED, 1);
	return NF_ACCEPT;
}

/* A bare SYN opens a flow; with pickup, so does a plain ACK. */
static bool fw443_may_open(const struct fw443_config *cfg, u8 tcp_flags)
{
	u8 flags = tcp_flags & (FW443_TCP_SYN | FW443_TCP_ACK | FW443_TCP_RST |
				FW443_TCP_FIN);

	return flags == FW443_TCP_SYN ||
	       (cfg->pickup && flags == FW443_TCP_ACK);
}

/* What a hook learns of a packet in the flow table. */
struct fw443_track_ctx {
	struct fw443_flowtab *ft;
	struct fw443_flow_key k;
	struct fw443_tcp_pkt tp;
	struct fw443_flow *f;	/* live, or NULL */
	__be16 ports[2];	/* source, destination */
	u32 hash;
	u32 now;
};

/*
 * Looks @pkt up: 0 with @c filled in, -ENOENT when there is no table (being
 * switched on or off), -EINVAL for a malformed TCP header.
 */
static __always_inline int
fw443_track_lookup(struct fw443_net *fn, const struct fw443_config *cfg,
		   const struct sk_buff *skb, const struct fw443_pkt *pkt,
		   struct fw443_track_ctx *c)
{
	c->ft = rcu_dereference(fn->flows);
	if (unlikely(!c->ft))
		return -ENOENT;
	if (!fw443_tcp_read(skb, pkt, &c->tp, c->ports))
		return -EINVAL;
	c->now = fw443_now();
	fw443_flow_key_of(pkt, c->ports, &c->k);
	c->hash = fw443_flow_hash(c->ft, &c->k);
	c->f = fw443_flow_find(c->ft, &c->k, c->hash);
	if (c->f && fw443_flow_expired(c->f, cfg->timeouts, c->now))
		c->f = NULL;
	return 0;
}

/* The verdict on a packet fw443_track_lookup() could not look up. */
static unsigned int fw443_track_unknown(struct fw443_net *fn,
					const struct sk_buff *skb,
					const struct fw443_pkt *pkt, int err)
{
	if (err != -EINVAL)
		return NF_ACCEPT;
	return fw443_drop(fn, skb, pkt, FW443_DROP_INVALID, NULL);
}

/*
 * A packet of no flow that may open one, with the zones it comes from and
 * goes to: ask the policy, then enter the flow.
 */
static unsigned int fw443_flow_open(struct fw443_net *fn,
				    const struct fw443_config *cfg,
				    const struct fw443_track_ctx *c,
				    const struct sk_buff *skb,
				    const struct fw443_pkt *pkt,
				    const char *from, const char *to)
{
	const struct fw443_tcp_pkt *tp = &c->tp;
	bool syn = tp->flags & FW443_TCP_SYN, created;
	const u8 *src = pkt->saddr, *dst = pkt->daddr;
	struct fw443_flow_seed seed = {
		/* A picked-up connection is taken to be opened by its client. */
		.server_opened = syn && !c->k.to_server,
		.dir = syn || c->k.to_server ? FW443_TCP_ORIGINAL :
					       FW443_TCP_REPLY,
	};
	struct fw443_flow *f;

	if ((syn ? fw443_tcp_new(&seed.tcp, tp) :
		   fw443_tcp_pickup(&seed.tcp, seed.dir, tp)) ==
	    FW443_TCP_INVALID)
		return fw443_drop(fn, skb, pkt, FW443_DROP_INVALID, NULL);
	if (seed.dir == FW443_TCP_REPLY) {
		swap(from, to);
		swap(src, dst);
	}
	if (fw443_policy_decide(cfg, from, to, pkt->ipver, src, dst) !=
	    FW443_ACTION_ACCEPT)
		return fw443_drop(fn, skb, pkt, FW443_DROP_POLICY,
				  &(struct fw443_event_why){ .from = from,
							     .to = to });

	fw443_wire_size(skb, pkt, &seed.packets, &seed.bytes);
	f = fw443_flowtab_add(c->ft, &c->k, c->hash, &seed, cfg, c->now,
			      &created);
	if (IS_ERR(f))
		return fw443_drop(fn, skb, pkt, FW443_DROP_TABLE_FULL, NULL);
	if (!created)
		return fw443_flow_follow(fn, f, &c->k, tp, skb, pkt, c->now);
	fw443_stats_count_opened(fn);
	if (unlikely(fw443_events_wanted(fn)))
		fw443_event_flow_new(fn, f, cfg->timeouts, from, to);
	return NF_ACCEPT;
}

unsigned int fw443_track(struct fw443_net *fn, const struct fw443_config *cfg,
			 struct sk_buff *skb, const struct fw443_pkt *pkt,
			 const struct nf_hook_state *state)
{
	bool may_open = fw443_may_open(cfg, pkt->tcp_flags);
	bool local = state->hook == NF_INET_LOCAL_OUT;
	struct fw443_track_ctx c;
	int err;

	/*
	 * A packet that arrived and could open a flow is looked up once,
	 * after routing, by fw443_track_open(): whether it opens one or
	 * belongs to one (a retransmitted SYN).
	 */
	if (may_open && !local)
		return NF_ACCEPT;
	err = fw443_track_lookup(fn, cfg, skb, pkt, &c);
	if (unlikely(err))
		return fw443_track_unknown(fn, skb, pkt, err);
	if (likely(c.f))
		return fw443_flow_follow(fn, c.f, &c.k, &c.tp, skb, pkt, c.now);
	if (!may_open)
		return fw443_drop(fn, skb, pkt, FW443_DROP_INVALID, NULL);
	return fw443_flow_open(fn, cfg, &c, skb, pkt, fw443_zone_host(),
			       fw443_zone_of(cfg, state->out));
}

unsigned int fw443_track_open(struct fw443_net *fn,
			      const struct fw443_config *cfg,
			      struct sk_buff *skb, const struct fw443_pkt *pkt,
			      const struct nf_hook_state *state)
{
	struct fw443_track_ctx c;
	const char *to;
	int err;

	/* What cannot open a flow was tracked in the first hook already. */
	if (!fw443_may_open(cfg, pkt->tcp_flags))
		return NF_ACCEPT;
	err = fw443_track_lookup(fn, cfg, skb, pkt, &c);
	if (unlikely(err))
		return fw443_track_unknown(fn, skb, pkt, err);
	if (c.f)
		return fw443_flow_follow(fn, c.f, &c.k, &c.tp, skb, pkt, c.now);
	to = state->hook == NF_INET_LOCAL_IN ? fw443_zone_host() :
					       fw443_zone_of(cfg, state->out);
	return fw443_flow_open(fn, cfg, &c, skb, pkt,
			       fw443_zone_of(cfg, state->in), to);
}

/*
 * Before @cfg is published: the table it needs, if tracking starts. Nothing
 * changes on failure.
 */
int fw443_flows_grow(struct fw443_net *fn, const struct fw443_config *cfg)
{
	struct fw443_flowtab *ft;

	lockdep_assert_held(&fn->lock);
	if (!fw443_tracking(cfg) || rcu_access_pointer(fn->flows))
		return 0;
	ft = fw443_flowtab_create(fn, cfg->flows_max);
	if (!ft)
		return -ENOMEM;
	rcu_assign_pointer(fn->flows, ft);
	return 0;
}

/* After @cfg is published: forget the table if tracking stopped. */
void fw443_flows_shrink(struct fw443_net *fn, const struct fw443_config *cfg)
{
	struct fw443_flowtab *ft;

	lockdep_assert_held(&fn->lock);
	ft = rcu_dereference_protected(fn->flows, lockdep_is_held(&fn->lock));
	if (fw443_tracking(cfg) || !ft)
		return;
	RCU_INIT_POINTER(fn->flows, NULL);
	fw443_flowtab_retire(ft);
}
