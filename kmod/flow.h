/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fw443's own table of TCP/443 connections, one per network namespace.
 *
 * A flow is keyed by its two endpoints, ordered so that both directions of a
 * connection find the same entry: the "server" endpoint is the one with port
 * 443 (of two, the one with the higher address), the other is the "client".
 * Only the client's port is stored; the server's is 443.
 *
 * Locking:
 * - Buckets are RCU hlists. Lookups walk them under rcu_read_lock() (the
 *   netfilter hooks, the dump) and take no lock.
 * - Inserting and unlinking take one of FW443_FLOW_LOCKS striped bucket
 *   locks, never two at a time. Unlinked flows are freed after a grace
 *   period (kfree_rcu).
 * - A flow's tracker, times and counters are under its own lock. Softirq
 *   (PRE_ROUTING) and process context (LOCAL_OUT) both update flows: the
 *   packet path runs with BHs off (hook.c disables them around LOCAL_OUT)
 *   and takes the locks plainly; the collector, flush and dump take them
 *   with spin_lock_bh().
 * - The table itself is created and retired under fw443_net.lock and read
 *   through fw443_net.flows under RCU; it is freed after a grace period,
 *   once its collector has stopped.
 */
#ifndef _FW443_FLOW_H
#define _FW443_FLOW_H

#include <linux/in6.h>
#include <linux/rculist.h>
#include <linux/spinlock.h>
#include <net/ipv6.h>
#include "tcp_state.h"

union fw443_addr {
	__be32 ip;
	struct in6_addr in6;
};

/* A packet's endpoints, ordered as the flow key orders them. */
struct fw443_flow_key {
	const union fw443_addr *client;
	const union fw443_addr *server;
	__be16 client_port;
	bool ipv6;
	bool to_server;		/* the packet goes from client to server */
};

/* fw443_flow.flags */
#define FW443_FLOW_F_IPV6		0x01
/* The connection was opened by the server endpoint (port 443 to port 443,
 * or from port 443 outwards): the original direction is server to client.
 */
#define FW443_FLOW_F_SERVER_OPENED	0x02

struct fw443_flow {
	struct hlist_node node;
	struct rcu_head rcu;
	union fw443_addr client;
	union fw443_addr server;
	spinlock_t lock;
	/* Under lock. */
	struct fw443_tcp_track tcp;
	u32 start;			/* fw443_now() at creation */
	u32 last;			/* of the last packet that counted */
	u32 packets[2];			/* by enum fw443_tcp_dir */
	__be16 client_port;
	u8 flags;
	u64 bytes[2];
};

#define FW443_FLOW_LOCKS	1024

struct fw443_flowtab {
	struct hlist_head *buckets;
	u32 mask;			/* buckets - 1, a power of two less one */
	u32 seed;			/* of the hash: secret, per table */
	atomic_t count;
	spinlock_t locks[FW443_FLOW_LOCKS];
	/* The collector: scans a slice of buckets per run. */
	struct delayed_work gc_work;
	u32 gc_next;
	struct fw443_net *fn;
	struct rcu_work free_work;
};

u32 fw443_flow_hash(const struct fw443_flowtab *ft,
		    const struct fw443_flow_key *k);

static inline bool fw443_flow_addr_eq(const union fw443_addr *a,
				      const union fw443_addr *b, bool ipv6)
{
	if (!ipv6)
		return a->ip == b->ip;
	return ipv6_addr_equal(&a->in6, &b->in6);
}

static inline bool fw443_flow_matches(const struct fw443_flow *f,
				      const struct fw443_flow_key *k)
{
	return f->client_port == k->client_port &&
	       !(f->flags & FW443_FLOW_F_IPV6) == !k->ipv6 &&
	       fw443_flow_addr_eq(&f->client, k->client, k->ipv6) &&
	       fw443_flow_addr_eq(&f->server, k->server, k->ipv6);
}

/* The entry of @k, expired or not, or NULL. Under rcu_read_lock(). */
static inline struct fw443_flow *
fw443_flow_find(const struct fw443_flowtab *ft, const struct fw443_flow_key *k,
		u32 hash)
{
	struct fw443_flow *f;

	hlist_for_each_entry_rcu(f, &ft->buckets[hash & ft->mask], node)
		if (fw443_flow_matches(f, k))
			return f;
	return NULL;
}

/* Which way a packet of @k travels through flow @f. */
static inline enum fw443_tcp_dir fw443_flow_dir(const struct fw443_flow *f,
						const struct fw443_flow_key *k)
{
	bool server_opened = f->flags & FW443_FLOW_F_SERVER_OPENED;

	return k->to_server != server_opened ? FW443_TCP_ORIGINAL :
					       FW443_TCP_REPLY;
}

/*
 * Has @f outlived its state's timeout? Racy reads: the caller decides. @now
 * may be older than the flow's last packet, seen by another CPU after @now
 * was read: the difference is signed.
 */
static inline bool fw443_flow_expired(const struct fw443_flow *f,
				      const u32 *timeouts, u32 now)
{
	u8 state = READ_ONCE(f->tcp.state);

	return (s32)(now - READ_ONCE(f->last)) >= (s32)timeouts[state];
}

/* What a new flow starts with: its first packet tracked and counted. */
struct fw443_flow_seed {
	struct fw443_tcp_track tcp;
	bool server_opened;
	u8 dir;			/* enum fw443_tcp_dir of the first packet */
	u32 packets;
	u32 bytes;
};

struct fw443_config;
struct fw443_flow *fw443_flowtab_add(struct fw443_flowtab *ft,
				     const struct fw443_flow_key *k, u32 hash,
				     const struct fw443_flow_seed *seed,
				     const struct fw443_config *cfg, u32 now,
				     bool *created);
void fw443_flow_read(struct fw443_flow *f, struct fw443_flow *copy);

#endif /* _FW443_FLOW_H */
