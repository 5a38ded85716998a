// SPDX-License-Identifier: GPL-2.0
/*
 * Reassembly of IP fragments before the hooks look at a packet.
 *
 * netfilter's defragmentation hooks would do it, but they cost every packet
 * a hook call and, for IPv6, a walk of its extension headers: measured,
 * that is most of what fw443 adds to a packet that is not a fragment. The
 * hooks call here only for fragments (IPv4) or packets with extension
 * headers (IPv6), and reassemble with the same functions and the same
 * queues as conntrack's defragmentation (zone 0), as act_ct and openvswitch
 * do. When conntrack is loaded its hooks, at -400, have already reassembled
 * everything and we never get here.
 *
 * Called from the hooks in softirq or process context; the fragment queues
 * have their own locking.
 */
#include <linux/netfilter.h>
#include <net/ip.h>
#include <net/ipv6_frag.h>
#include <net/netfilter/ipv6/nf_defrag_ipv6.h>
#include "compat.h"
#include "fw443.h"

/*
 * The reassembly queue owner conntrack would use (zone 0) at @state's hook:
 * @in at PRE_ROUTING, @out at LOCAL_OUT. Elsewhere (FORWARD) there is none:
 * packets were reassembled on their way in.
 */
static bool fw443_defrag_user(const struct nf_hook_state *state, u32 in,
			      u32 out, u32 *user)
{
	if (state->hook == NF_INET_PRE_ROUTING)
		*user = in;
	else if (state->hook == NF_INET_LOCAL_OUT)
		*user = out;
	else
		return false;
	return true;
}

/*
 * An IPv4 fragment: NF_STOLEN if ip_defrag() kept it (queued, or freed as
 * bad), NF_ACCEPT with @skb now the whole datagram, or NF_ACCEPT with @skb
 * untouched where it must stay a fragment: a raw socket that asked for
 * IP_NODEFRAG, or past PRE_ROUTING, where reassembly already happened.
 */
unsigned int fw443_defrag4(struct sk_buff *skb,
			   const struct nf_hook_state *state)
{
	struct sock *sk = skb->sk;
	u32 user;
	int err;

	if (!fw443_defrag_user(state, IP_DEFRAG_CONNTRACK_IN,
			       IP_DEFRAG_CONNTRACK_OUT, &user))
		return NF_ACCEPT;
	if (sk && sk_fullsock(sk) && sk->sk_family == PF_INET &&
	    fw443_sk_nodefrag(sk))
		return NF_ACCEPT;
	local_bh_disable();
	err = ip_defrag(state->net, skb, user);
	local_bh_enable();
	if (err)
		return NF_STOLEN;
	skb->ignore_df = 1;
	return NF_ACCEPT;
}

/*
 * An IPv6 packet with extension headers, which may hold a fragment header:
 * NF_STOLEN if it was queued, NF_DROP (counted) if it is a fragment that
 * cannot be reassembled, NF_ACCEPT with @skb whole or as it was.
 */
unsigned int fw443_defrag6(struct fw443_net *fn, struct sk_buff *skb,
			   const struct nf_hook_state *state)
{
	u32 user;
	int err;

	if (!fw443_defrag_user(state, IP6_DEFRAG_CONNTRACK_IN,
			       IP6_DEFRAG_CONNTRACK_OUT, &user))
		return NF_ACCEPT;
	err = nf_ct_frag6_gather(state->net, skb, user);
	if (err == -EINPROGRESS)
		return NF_STOLEN;
	if (err) {
		fw443_stats_count_drop(fn, FW443_DROP_FRAGMENT);
		return NF_DROP;
	}
	return NF_ACCEPT;
}
