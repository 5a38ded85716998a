// SPDX-License-Identifier: GPL-2.0
/*
 * Netfilter entry points: find TCP with port 443 on either side in IPv4 and
 * IPv6 packets, count it, and let everything else go at once.
 *
 * Hooks are registered per network namespace at PRE_ROUTING (traffic that
 * arrives, forwarded or local) and LOCAL_OUT (traffic the host sends), so each
 * packet is seen exactly once on its way through a namespace. They run under
 * rcu_read_lock() from the netfilter core and take no lock of their own.
 * Every byte of the packet beyond the IP header is read through
 * skb_header_pointer(), so truncated and non-linear packets are safe.
 */
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/netfilter.h>
#include <linux/netfilter_ipv4.h>
#include <linux/netfilter_ipv6.h>
#include <linux/tcp.h>
#include <net/ipv6.h>
#include <net/netfilter/ipv4/nf_defrag_ipv4.h>
#include <net/netfilter/ipv6/nf_defrag_ipv6.h>
#include "fw443.h"

static bool fw443_tcp_direction(const struct tcphdr *th,
				enum fw443_direction *dir)
{
	if (th->dest == htons(FW443_PORT)) {
		*dir = FW443_DIR_TO_SERVER;
		return true;
	}
	if (th->source == htons(FW443_PORT)) {
		*dir = FW443_DIR_TO_CLIENT;
		return true;
	}
	return false;
}

/* @thoff is the offset of the TCP header from skb->data, which points at the
 * IP header in both hooks.
 */
static unsigned int fw443_handle_tcp(struct net *net, struct sk_buff *skb,
				     enum fw443_ipver ipver, unsigned int thoff)
{
	unsigned int segs = 1, wire_bytes = skb->len;
	enum fw443_direction dir;
	struct tcphdr _th;
	const struct tcphdr *th;

	th = skb_header_pointer(skb, thoff, sizeof(_th), &_th);
	if (!th || !fw443_tcp_direction(th, &dir))
		return NF_ACCEPT;

	/* A GSO super-packet stands for gso_segs packets on the wire, each
	 * with its own copy of the headers.
	 */
	if (skb_is_gso(skb)) {
		segs = skb_shinfo(skb)->gso_segs;
		wire_bytes += (segs - 1) * (thoff + __tcp_hdrlen(th));
	}
	fw443_stats_count_traffic(fw443_pernet(net), ipver, dir, segs,
				  wire_bytes);
	return NF_ACCEPT;
}

static unsigned int fw443_hook_ipv4(void *priv, struct sk_buff *skb,
				    const struct nf_hook_state *state)
{
	const struct iphdr *iph = ip_hdr(skb);

	/* Defragmentation ran before us; a fragment that still arrives is one
	 * defrag gave up on, and carries no TCP header we could trust.
	 */
	if (iph->protocol != IPPROTO_TCP || ip_is_fragment(iph))
		return NF_ACCEPT;
	return fw443_handle_tcp(state->net, skb, FW443_IPV4, ip_hdrlen(skb));
}

static unsigned int fw443_hook_ipv6(void *priv, struct sk_buff *skb,
				    const struct nf_hook_state *state)
{
	unsigned short frag_off = 0;
	unsigned int thoff = 0;
	int proto;

	proto = ipv6_find_hdr(skb, &thoff, IPPROTO_TCP, &frag_off, NULL);
	if (proto != IPPROTO_TCP || frag_off)
		return NF_ACCEPT;
	return fw443_handle_tcp(state->net, skb, FW443_IPV6, thoff);
}

static const struct nf_hook_ops fw443_nf_ops[] = {
	{
		.hook		= fw443_hook_ipv4,
		.pf		= NFPROTO_IPV4,
		.hooknum	= NF_INET_PRE_ROUTING,
		.priority	= FW443_HOOK_PRIORITY,
	},
	{
		.hook		= fw443_hook_ipv4,
		.pf		= NFPROTO_IPV4,
		.hooknum	= NF_INET_LOCAL_OUT,
		.priority	= FW443_HOOK_PRIORITY,
	},
	{
		.hook		= fw443_hook_ipv6,
		.pf		= NFPROTO_IPV6,
		.hooknum	= NF_INET_PRE_ROUTING,
		.priority	= FW443_HOOK_PRIORITY,
	},
	{
		.hook		= fw443_hook_ipv6,
		.pf		= NFPROTO_IPV6,
		.hooknum	= NF_INET_LOCAL_OUT,
		.priority	= FW443_HOOK_PRIORITY,
	},
};

int fw443_hooks_register(struct net *net)
{
	int err;

	/* Our hooks must see whole packets: make the defrag hooks run in this
	 * namespace even if nothing else asked for them.
	 */
	err = nf_defrag_ipv4_enable(net);
	if (err)
		return err;
	err = nf_defrag_ipv6_enable(net);
	if (err)
		goto err_v4;
	err = nf_register_net_hooks(net, fw443_nf_ops,
				    ARRAY_SIZE(fw443_nf_ops));
	if (err)
		goto err_v6;
	return 0;

err_v6:
	nf_defrag_ipv6_disable(net);
err_v4:
	nf_defrag_ipv4_disable(net);
	return err;
}

void fw443_hooks_unregister(struct net *net)
{
	nf_unregister_net_hooks(net, fw443_nf_ops, ARRAY_SIZE(fw443_nf_ops));
	nf_defrag_ipv6_disable(net);
	nf_defrag_ipv4_disable(net);
}
