/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal declarations shared by the files of fw443.ko.
 *
 * Each network namespace has one struct fw443_net (net_generic storage). It is
 * created by the pernet init before any hook or netlink request can see the
 * namespace, and torn down by the pernet exit after the hooks are gone.
 */
#ifndef _FW443_H
#define _FW443_H

#include <linux/types.h>
#include <linux/u64_stats_sync.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>
#include <uapi/linux/fw443.h>

#define FW443_VERSION "0.1.0"

/* Netfilter priority: after defragmentation (-400) and the raw table (-300),
 * before connection tracking (-200), so that what fw443 drops never costs a
 * conntrack entry.
 */
#define FW443_HOOK_PRIORITY (NF_IP_PRI_RAW + 10)

enum fw443_ipver {
	FW443_IPV4,
	FW443_IPV6,
	FW443_IPVER_COUNT
};

struct fw443_traffic_ctr {
	u64_stats_t packets;
	u64_stats_t bytes;
};

struct fw443_pcpu_stats {
	struct fw443_traffic_ctr traffic[FW443_IPVER_COUNT][__FW443_DIR_MAX];
	struct u64_stats_sync syncp;
};

struct fw443_net {
	struct fw443_pcpu_stats __percpu *stats;
	/* Configuration generation, see FW443_A_GENERATION. */
	u64 generation;
};

extern unsigned int fw443_net_id;

static inline struct fw443_net *fw443_pernet(const struct net *net)
{
	return net_generic(net, fw443_net_id);
}

/* stats.c */
int fw443_stats_init(struct fw443_net *fn);
void fw443_stats_free(struct fw443_net *fn);
void fw443_stats_count_traffic(struct fw443_net *fn, enum fw443_ipver ipver,
			       enum fw443_direction dir, unsigned int packets,
			       unsigned int bytes);
void fw443_stats_read_traffic(const struct fw443_net *fn,
			      enum fw443_ipver ipver, enum fw443_direction dir,
			      u64 *packets, u64 *bytes);

/* hook.c */
int fw443_hooks_register(struct net *net);
void fw443_hooks_unregister(struct net *net);

/* netlink.c */
int fw443_netlink_init(void);
void fw443_netlink_exit(void);

#endif /* _FW443_H */
