// SPDX-License-Identifier: GPL-2.0
/*
 * Netfilter entry points: find TCP with port 443 on either side in IPv4 and
 * IPv6 packets, count it, check it against the lists, track its connection
 * (track.c), and let everything else go at once.
 *
 * Hooks are registered per network namespace at PRE_ROUTING (traffic that
 * arrives, forwarded or local) and LOCAL_OUT (traffic the host sends), where
 * each packet is counted and tracked exactly once on its way through a
 * namespace; at FORWARD, where a forwarded packet's destination is known to
 * be remote and in which zone; and at LOCAL_IN, where a packet is known to be
 * for the host. FORWARD is there only while a list checks destinations or
 * connections are tracked, LOCAL_IN only while they are tracked: a router
 * that only checks where connections come from pays for one hook per
 * packet, not three.
 * Hooks run under rcu_read_lock() from the netfilter core and take no lock
 * of their own beyond the flow table's (flow.h); they are registered and
 * unregistered under fw443_net.lock.
 * Every byte of the packet beyond the IP header is read through
 * skb_header_pointer(), so truncated and non-linear packets are safe.
 * Fragments are reassembled first (defrag.c).
 */
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/netfilter.h>
#include <linux/netfilter_ipv4.h>
#include <linux/netfilter_ipv6.h>
#include <linux/tcp.h>
#include <net/ipv6.h>
#include "events.h"
#include "list_match.h"

/* Where a packet is seen, which decides whose address is remote. */
enum fw443_hook_point {
	FW443_AT_ENTRY,		/* PRE_ROUTING: it came from outside */
	FW443_AT_EXIT,		/* FORWARD, LOCAL_OUT: it goes outside */
};

/* True for port 443 on a side of @th, whose ports are all it may hold. */
static __always_inline bool fw443_tcp_ports(const struct tcphdr *th,
					    struct fw443_pkt *pkt)
{
	if (th->dest == htons(FW443_PORT))
		pkt->dir = FW443_DIR_TO_SERVER;
	else if (th->source == htons(FW443_PORT))
		pkt->dir = FW443_DIR_TO_CLIENT;
	else
		return false;
	return true;
}

/* True for port 443 on a side of @th; fills in what @pkt needs of it. */
static __always_inline bool fw443_tcp_fields(const struct tcphdr *th,
					     struct fw443_pkt *pkt)
{
	if (!fw443_tcp_ports(th, pkt))
		return false;
	pkt->thlen = __tcp_hdrlen(th);
	pkt->tcp_flags = tcp_flag_byte(th);
	return true;
}

/*
 * A TCP header beyond the linear part of @skb, or cut short. One cut short
 * whose ports say it is ours is INVALID while connections are tracked, and
 * not traffic otherwise. Returns the verdict; pkt->thoff is 0 unless the
 * header is a whole one of ours.
 */
static noinline unsigned int fw443_tcp_fields_copy(struct fw443_net *fn,
						   const struct sk_buff *skb,
						   struct fw443_pkt *pkt)
{
	struct tcphdr buf;
	const struct tcphdr *th;

	th = skb_header_pointer(skb, pkt->thoff, sizeof(buf), &buf);
	if (th) {
		if (!fw443_tcp_fields(th, pkt))
			pkt->thoff = 0;
		return NF_ACCEPT;
	}
	th = skb_header_pointer(skb, pkt->thoff, offsetofend(struct tcphdr, dest),
				&buf);
	if (!th || !fw443_tcp_ports(th, pkt) ||
	    !fw443_tracking(rcu_dereference(fn->config))) {
		pkt->thoff = 0;
		return NF_ACCEPT;
	}
	fw443_drop(fn, skb, pkt, FW443_DROP_INVALID, NULL);
	pkt->thoff = 0;
	return NF_DROP;
}

/*
 * IPv6 with extension headers, off the fast path: reassemble if it is a
 * fragment, then find the TCP header. Returns the verdict of reassembly;
 * pkt->thoff is set if a whole packet carries TCP.
 */
static noinline unsigned int fw443_ipv6_ext(struct fw443_net *fn,
					    struct sk_buff *skb,
					    const struct nf_hook_state *state,
					    struct fw443_pkt *pkt)
{
	unsigned int verdict = fw443_defrag6(fn, skb, state);
	unsigned short frag_off = 0;
	unsigned int thoff = 0;
	int flags = 0;

	if (verdict != NF_ACCEPT)
		return verdict;
	if (ipv6_find_hdr(skb, &thoff, IPPROTO_TCP, &frag_off,
			  &flags) == IPPROTO_TCP && !(flags & IP6_FH_F_FRAG))
		pkt->thoff = thoff;
	return NF_ACCEPT;
}

/*
 * Finds TCP with port 443 on a side: NF_ACCEPT with @pkt filled in and
 * pkt->thoff set, NF_ACCEPT with pkt->thoff 0 for any other packet, or the
 * verdict of reassembly for a fragment (NF_STOLEN, NF_DROP).
 */
static __always_inline unsigned int
fw443_classify(struct fw443_net *fn, struct sk_buff *skb,
	       const struct nf_hook_state *state, struct fw443_pkt *pkt)
{
	unsigned int verdict = NF_ACCEPT;

	pkt->thoff = 0;
	if (state->pf == NFPROTO_IPV4) {
		const struct iphdr *iph = ip_hdr(skb);

		if (unlikely(ip_is_fragment(iph))) {
			verdict = fw443_defrag4(skb, state);
			iph = ip_hdr(skb);
			/* A fragment that stays one has no TCP header we
			 * could trust.
			 */
			if (verdict != NF_ACCEPT || ip_is_fragment(iph))
				return verdict;
		}
		if (iph->protocol != IPPROTO_TCP)
			return NF_ACCEPT;
		pkt->ipver = FW443_IPV4;
		pkt->thoff = ip_hdrlen(skb);
		pkt->saddr = (const u8 *)&iph->saddr;
		pkt->daddr = (const u8 *)&iph->daddr;
	} else {
		const struct ipv6hdr *ip6h;

		/* Most packets carry no extension header: no walk. */
		if (likely(ipv6_hdr(skb)->nexthdr == IPPROTO_TCP))
			pkt->thoff = sizeof(*ip6h);
		else
			verdict = fw443_ipv6_ext(fn, skb, state, pkt);
		if (!pkt->thoff)
			return verdict;
		ip6h = ipv6_hdr(skb);
		pkt->ipver = FW443_IPV6;
		pkt->saddr = ip6h->saddr.s6_addr;
		pkt->daddr = ip6h->daddr.s6_addr;
	}
	if (likely(pkt->thoff + sizeof(struct tcphdr) <= skb_headlen(skb))) {
		if (!fw443_tcp_fields((void *)skb->data + pkt->thoff, pkt))
			pkt->thoff = 0;
		return NF_ACCEPT;
	}
	return fw443_tcp_fields_copy(fn, skb, pkt);
}

static inline void fw443_count(struct fw443_net *fn,
			       const struct sk_buff *skb,
			       const struct fw443_pkt *pkt)
{
	unsigned int segs = 1, wire_bytes = skb->len;

	/* A GSO super-packet stands for gso_segs packets on the wire, each
	 * with its own copy of the headers.
	 */
	if (skb_is_gso(skb)) {
		segs = skb_shinfo(skb)->gso_segs;
		wire_bytes += (segs - 1) * (pkt->thoff + pkt->thlen);
	}
	fw443_stats_count_traffic(fn, pkt->ipver, pkt->dir, segs, wire_bytes);
}

/*
 * The block and allow lists, on the packet's remote address: the source of
 * what enters, the destination of what leaves. The remote end initiated the
 * connection unless its port is 443.
 */
static __always_inline unsigned int
fw443_check_lists(struct fw443_net *fn, const struct fw443_config *cfg,
		  const struct sk_buff *skb, const struct fw443_pkt *pkt,
		  enum fw443_hook_point at)
{
	const struct fw443_list *blocker;
	bool remote_is_server;
	enum fw443_role role;

	if (!cfg->n_lists)
		return NF_ACCEPT;
	remote_is_server = (pkt->dir == FW443_DIR_TO_SERVER) ==
			   (at == FW443_AT_EXIT);
	role = remote_is_server ? FW443_ROLE_RESPONDER : FW443_ROLE_INITIATOR;
	blocker = fw443_lists_block(fn, cfg, pkt->ipver,
				    at == FW443_AT_ENTRY ? pkt->saddr :
							   pkt->daddr,
				    role);
	if (!blocker)
		return NF_ACCEPT;
	return fw443_drop(fn, skb, pkt, FW443_DROP_BLOCKLIST,
			  &(struct fw443_event_why){ .list = blocker->name });
}

/* Loopback traffic never leaves the host: no remote address to check. */
static bool fw443_is_loopback(const struct net_device *dev)
{
	return !dev || (dev->flags & IFF_LOOPBACK);
}

/*
 * The flow table's packet path runs with BHs off: softirq already, for
 * what arrives; LOCAL_OUT may run in process context.
 */
static unsigned int fw443_track_local(struct fw443_net *fn,
				      const struct fw443_config *cfg,
				      struct sk_buff *skb,
				      const struct fw443_pkt *pkt,
				      const struct nf_hook_state *state)
{
	unsigned int verdict;

	local_bh_disable();
	verdict = fw443_track(fn, cfg, skb, pkt, state);
	local_bh_enable();
	return verdict;
}

/*
 * PRE_ROUTING and LOCAL_OUT, the first hook a packet meets in a namespace:
 * count it, then, unless it stays on the host, check the lists and track its
 * connection.
 */
static __always_inline unsigned int
fw443_first_hook(struct fw443_net *fn, struct sk_buff *skb,
		 const struct nf_hook_state *state,
		 const struct net_device *dev, enum fw443_hook_point at)
{
	const struct fw443_config *cfg;
	struct fw443_pkt pkt;
	unsigned int verdict = fw443_classify(fn, skb, state, &pkt);

	if (!pkt.thoff)
		return verdict;
	fw443_count(fn, skb, &pkt);
	if (fw443_is_loopback(dev))
		return NF_ACCEPT;
	cfg = rcu_dereference(fn->config);
	if (fw443_check_lists(fn, cfg, skb, &pkt, at) != NF_ACCEPT)
		return NF_DROP;
	if (!fw443_tracking(cfg))
		return NF_ACCEPT;
	if (at == FW443_AT_EXIT)
		return fw443_track_local(fn, cfg, skb, &pkt, state);
	return fw443_track(fn, cfg, skb, &pkt, state);
}

static unsigned int fw443_hook_pre_routing(void *priv, struct sk_buff *skb,
					   const struct nf_hook_state *state)
{
	return fw443_first_hook(priv, skb, state, state->in, FW443_AT_ENTRY);
}

/* Routed: check where it goes, and open its connection if it may. */
static unsigned int fw443_hook_forward(void *priv, struct sk_buff *skb,
				       const struct nf_hook_state *state)
{
	struct fw443_net *fn = priv;
	const struct fw443_config *cfg;
	struct fw443_pkt pkt;
	unsigned int verdict = fw443_classify(fn, skb, state, &pkt);

	if (!pkt.thoff)
		return verdict;
	cfg = rcu_dereference(fn->config);
	if (fw443_check_lists(fn, cfg, skb, &pkt, FW443_AT_EXIT) != NF_ACCEPT)
		return NF_DROP;
	if (!fw443_tracking(cfg))
		return NF_ACCEPT;
	return fw443_track_open(fn, cfg, skb, &pkt, state);
}

/* For the host: open its connection if it may. */
static unsigned int fw443_hook_local_in(void *priv, struct sk_buff *skb,
					const struct nf_hook_state *state)
{
	struct fw443_net *fn = priv;
	const struct fw443_config *cfg;
	struct fw443_pkt pkt;
	unsigned int verdict = fw443_classify(fn, skb, state, &pkt);

	if (!pkt.thoff || fw443_is_loopback(state->in))
		return verdict;
	cfg = rcu_dereference(fn->config);
	if (!fw443_tracking(cfg))
		return NF_ACCEPT;
	return fw443_track_open(fn, cfg, skb, &pkt, state);
}

static unsigned int fw443_hook_local_out(void *priv, struct sk_buff *skb,
					 const struct nf_hook_state *state)
{
	return fw443_first_hook(priv, skb, state, state->out, FW443_AT_EXIT);
}

#define FW443_HOOK(_fn, _pf, _hooknum) {		\
	.hook		= _fn,				\
	.pf		= _pf,				\
	.hooknum	= _hooknum,			\
	.priority	= FW443_HOOK_PRIORITY,		\
}

/*
 * Templates of the hooks; each namespace registers its own copies, whose
 * priv points to its fw443_net, so that a hook finds it without the RCU
 * read section of net_generic().
 */
static const struct nf_hook_ops fw443_entry_ops[FW443_ENTRY_HOOKS] = {
	FW443_HOOK(fw443_hook_pre_routing, NFPROTO_IPV4, NF_INET_PRE_ROUTING),
	FW443_HOOK(fw443_hook_local_out, NFPROTO_IPV4, NF_INET_LOCAL_OUT),
	FW443_HOOK(fw443_hook_pre_routing, NFPROTO_IPV6, NF_INET_PRE_ROUTING),
	FW443_HOOK(fw443_hook_local_out, NFPROTO_IPV6, NF_INET_LOCAL_OUT),
};

static const struct nf_hook_ops fw443_forward_ops[2] = {
	FW443_HOOK(fw443_hook_forward, NFPROTO_IPV4, NF_INET_FORWARD),
	FW443_HOOK(fw443_hook_forward, NFPROTO_IPV6, NF_INET_FORWARD),
};

static const struct nf_hook_ops fw443_local_in_ops[2] = {
	FW443_HOOK(fw443_hook_local_in, NFPROTO_IPV4, NF_INET_LOCAL_IN),
	FW443_HOOK(fw443_hook_local_in, NFPROTO_IPV6, NF_INET_LOCAL_IN),
};

/*
 * A forwarded packet's destination is checked by the responder lists, and
 * new connections are judged where both zones are known.
 */
static bool fw443_wants_forward(const struct fw443_config *cfg)
{
	return cfg->n_role_lists[FW443_ROLE_RESPONDER] || fw443_tracking(cfg);
}

static int fw443_pair_grow(struct fw443_net *fn, struct fw443_hook_pair *pair,
			   bool wanted)
{
	int err;

	if (pair->hooked || !wanted)
		return 0;
	err = nf_register_net_hooks(fn->net, pair->ops, ARRAY_SIZE(pair->ops));
	if (!err)
		pair->hooked = true;
	return err;
}

static void fw443_pair_shrink(struct fw443_net *fn,
			      struct fw443_hook_pair *pair, bool wanted)
{
	if (!pair->hooked || wanted)
		return;
	nf_unregister_net_hooks(fn->net, pair->ops, ARRAY_SIZE(pair->ops));
	pair->hooked = false;
}

/*
 * Before @cfg is published: register the FORWARD and LOCAL_IN hooks it needs
 * and that are not there yet. Nothing changes on failure.
 */
int fw443_hooks_grow(struct fw443_net *fn, const struct fw443_config *cfg)
{
	bool had_forward = fn->forward.hooked;
	int err;

	lockdep_assert_held(&fn->lock);
	err = fw443_pair_grow(fn, &fn->forward, fw443_wants_forward(cfg));
	if (err)
		return err;
	err = fw443_pair_grow(fn, &fn->local_in, fw443_tracking(cfg));
	if (err)
		fw443_pair_shrink(fn, &fn->forward, had_forward);
	return err;
}

/*
 * After @cfg is published: drop the hooks it does not need. Only now, so
 * that the configuration it replaced was enforced to its end.
 */
void fw443_hooks_shrink(struct fw443_net *fn, const struct fw443_config *cfg)
{
	lockdep_assert_held(&fn->lock);
	fw443_pair_shrink(fn, &fn->forward, fw443_wants_forward(cfg));
	fw443_pair_shrink(fn, &fn->local_in, fw443_tracking(cfg));
}

static void fw443_pair_init(struct fw443_net *fn, struct fw443_hook_pair *pair,
			    const struct nf_hook_ops *tmpl)
{
	u32 i;

	memcpy(pair->ops, tmpl, sizeof(pair->ops));
	for (i = 0; i < ARRAY_SIZE(pair->ops); i++)
		pair->ops[i].priv = fn;
	pair->hooked = false;
}

int fw443_hooks_register(struct fw443_net *fn)
{
	u32 i;

	memcpy(fn->entry_ops, fw443_entry_ops, sizeof(fw443_entry_ops));
	for (i = 0; i < FW443_ENTRY_HOOKS; i++)
		fn->entry_ops[i].priv = fn;
	fw443_pair_init(fn, &fn->forward, fw443_forward_ops);
	fw443_pair_init(fn, &fn->local_in, fw443_local_in_ops);
	return nf_register_net_hooks(fn->net, fn->entry_ops, FW443_ENTRY_HOOKS);
}

/* The namespace is going away: no configuration change can race with us. */
void fw443_hooks_unregister(struct fw443_net *fn)
{
	fw443_pair_shrink(fn, &fn->forward, false);
	fw443_pair_shrink(fn, &fn->local_in, false);
	nf_unregister_net_hooks(fn->net, fn->entry_ops, FW443_ENTRY_HOOKS);
}
