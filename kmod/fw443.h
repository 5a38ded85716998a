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

#include <linux/if.h>
#include <linux/mutex.h>
#include <linux/netfilter.h>
#include <linux/refcount.h>
#include <linux/types.h>
#include <linux/u64_stats_sync.h>
#include <linux/workqueue.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>
#include <uapi/linux/fw443.h>
#include "lpm.h"
#include "tcp_state.h"

#define FW443_VERSION "0.1.0"

/* Netfilter priority: after conntrack's defragmentation (-400) and the raw
 * table (-300), before connection tracking (-200), so that what fw443 drops
 * never costs a conntrack entry.
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

/*
 * The counters FW443_CMD_GET_STATS reports and FW443_CMD_RESET_STATS
 * resets: nothing but u64_stats_t, so that stats.c can treat them as an
 * array.
 */
struct fw443_counters {
	struct fw443_traffic_ctr traffic[FW443_IPVER_COUNT][__FW443_DIR_MAX];
	u64_stats_t drops[__FW443_DROP_MAX];
	u64_stats_t flow[__FW443_FLOWCTR_MAX];
	u64_stats_t events[__FW443_EVCTR_MAX];
};

#define FW443_N_COUNTERS (sizeof(struct fw443_counters) / sizeof(u64_stats_t))

struct fw443_pcpu_stats {
	struct fw443_counters c;
	/* Indexed by a list's slot, which outlives its content changes. */
	u64_stats_t list_hits[FW443_LISTS_MAX];
	struct u64_stats_sync syncp;
};

/*
 * Events (events.c). Whether the group has a member is asked at most once
 * a jiffy, so that a drop costs a compare while nobody listens; the rate
 * limit lets event_rate events through per one-second window.
 */
struct fw443_events {
	unsigned long checked;		/* jiffies of the last ask */
	bool listening;
	unsigned long window;		/* jiffies the window began */
	atomic_t in_window;		/* events let through in it */
	atomic64_t suppressed;		/* since the last event sent */
};

/* Whom a packet's remote address belongs to, see the UAPI header. */
enum fw443_role {
	FW443_ROLE_INITIATOR,
	FW443_ROLE_RESPONDER,
	FW443_ROLE_COUNT
};

/*
 * The entries of one list, immutable once published. Shared by every
 * configuration that holds the list unchanged, hence the reference count;
 * the last configuration to go frees it.
 */
struct fw443_list_data {
	refcount_t ref;
	struct fw443_lpm *lpm[FW443_IPVER_COUNT];
	/* Per entry: when it expires, in seconds of fw443_now(); 0: never.
	 * NULL when no entry of that family expires.
	 */
	u32 *expires[FW443_IPVER_COUNT];
	/* Per entry hit counts, for FW443_LIST_F_COUNTERS lists only. */
	atomic64_t *hits[FW443_IPVER_COUNT];
};

struct fw443_list {
	char name[FW443_LIST_NAME_MAX];
	u8 kind;
	u8 direction;
	u8 flags;
	u8 slot;
	struct fw443_list_data *data;
};

/* An interface given a zone; a wildcard matches names starting with name. */
struct fw443_iface {
	char name[IFNAMSIZ];	/* without the wildcard's '+' */
	char zone[FW443_ZONE_NAME_MAX];
	u8 len;			/* of name */
	bool wildcard;
};

/* fw443_rule.match */
#define FW443_RULE_SRC	0x01
#define FW443_RULE_DST	0x02

/* A connection policy rule; zone names are NUL-padded, "any" matches all. */
struct fw443_rule {
	char from[FW443_ZONE_NAME_MAX];
	char to[FW443_ZONE_NAME_MAX];
	struct fw443_prefix src;
	struct fw443_prefix dst;
	u8 family;		/* AF_INET, AF_INET6, or 0 without prefixes */
	u8 match;		/* FW443_RULE_* */
	u8 action;		/* enum fw443_action */
};

/*
 * A namespace's configuration: immutable once published through
 * fw443_net.config, replaced as a whole under fw443_net.lock and freed after
 * an RCU grace period, so the packet path reads it without a lock.
 */
struct fw443_config {
	u32 n_lists;
	struct fw443_list lists[FW443_LISTS_MAX];
	/* Which lists each role looks up: indexes into lists[], so a packet
	 * walks only the lists that concern it.
	 */
	u8 n_role_lists[FW443_ROLE_COUNT];
	u8 role_lists[FW443_ROLE_COUNT][FW443_LISTS_MAX];
	/* Connection tracking (policy.c, track.c); off with FW443_POLICY_NONE. */
	u8 policy;		/* enum fw443_policy */
	bool pickup;
	u32 flows_max_set;	/* as given; 0: the default */
	u32 flows_max;		/* in force */
	u32 timeouts[FW443_TCP_STATE_COUNT];
	u32 n_ifaces;
	struct fw443_iface ifaces[FW443_IFACES_MAX];
	u32 n_rules;
	struct fw443_rule rules[FW443_RULES_MAX];
	struct rcu_work free_work;
};

static inline bool fw443_tracking(const struct fw443_config *cfg)
{
	return cfg->policy != FW443_POLICY_NONE;
}

/* What the hooks need to know of a TCP/443 packet. */
struct fw443_pkt {
	u8 ipver;		/* enum fw443_ipver */
	u8 dir;			/* enum fw443_direction */
	u8 tcp_flags;		/* the header's flag byte: FW443_TCP_SYN... */
	unsigned int thoff;	/* TCP header offset from skb->data; 0: none */
	unsigned int thlen;	/* TCP header length, options included */
	const u8 *saddr;	/* in the IP header, network order */
	const u8 *daddr;
};

struct fw443_txn;
struct netlink_ext_ack;

/* PRE_ROUTING and LOCAL_OUT, IPv4 and IPv6. */
#define FW443_ENTRY_HOOKS	4

/* A hook point registered on demand, for IPv4 and IPv6 (hook.c). */
struct fw443_hook_pair {
	struct nf_hook_ops ops[2];
	bool hooked;
};

struct fw443_flowtab;

struct fw443_net {
	struct fw443_pcpu_stats __percpu *stats;
	/* What each counter of fw443_counters read at the last reset, as an
	 * array; under stats_lock, which serialises reads and resets.
	 */
	u64 stats_base[FW443_N_COUNTERS];
	struct mutex stats_lock;
	struct fw443_events events;
	/* Serialises every configuration change and transaction. */
	struct mutex lock;
	struct fw443_config __rcu *config;
	/* Configuration generation, see FW443_A_GENERATION. Written under
	 * lock, read locklessly by status requests.
	 */
	u64 generation;
	/* The open transaction, if any (under lock). */
	struct fw443_txn *txn;
	/* List counter slots in use, and what each slot's hit counter read
	 * when its list was created (counters only ever grow).
	 */
	DECLARE_BITMAP(slots_used, FW443_LISTS_MAX);
	u64 slot_base[FW443_LISTS_MAX];
	/* Drops entries whose timeout passed from the lists. */
	struct delayed_work expiry_work;
	/* This namespace's hooks (hook.c); FORWARD and LOCAL_IN are there
	 * only while the configuration needs them (under lock).
	 */
	struct nf_hook_ops entry_ops[FW443_ENTRY_HOOKS];
	struct fw443_hook_pair forward;
	struct fw443_hook_pair local_in;
	/* The flow table while tracking is on: replaced under lock. */
	struct fw443_flowtab __rcu *flows;
	struct net *net;
};

extern unsigned int fw443_net_id;
/* Frees replaced configurations and expires list entries; drained at exit. */
extern struct workqueue_struct *fw443_wq;

static inline struct fw443_net *fw443_pernet(const struct net *net)
{
	return net_generic(net, fw443_net_id);
}

/* Seconds since boot: the clock of entry timeouts, cheap on the packet path. */
static inline u32 fw443_now(void)
{
	return (u32)div_u64(get_jiffies_64(), HZ);
}

/* stats.c */
int fw443_stats_init(struct fw443_net *fn);
void fw443_stats_free(struct fw443_net *fn);

/*
 * Counts a packet of ours, on every one of them: inline. The _irqsave
 * section is explained in stats.c.
 */
static inline void fw443_stats_count_traffic(struct fw443_net *fn,
					     enum fw443_ipver ipver,
					     enum fw443_direction dir,
					     unsigned int packets,
					     unsigned int bytes)
{
	struct fw443_pcpu_stats *s = get_cpu_ptr(fn->stats);
	struct fw443_traffic_ctr *ctr = &s->c.traffic[ipver][dir];
	unsigned long flags;

	flags = u64_stats_update_begin_irqsave(&s->syncp);
	u64_stats_add(&ctr->packets, packets);
	u64_stats_add(&ctr->bytes, bytes);
	u64_stats_update_end_irqrestore(&s->syncp, flags);
	put_cpu_ptr(fn->stats);
}

void fw443_stats_count_drop(struct fw443_net *fn,
			    enum fw443_drop_reason reason);
void fw443_stats_count_list_hit(struct fw443_net *fn, unsigned int slot);
void fw443_stats_count_event(struct fw443_net *fn,
			     enum fw443_event_counter ctr);
u64 fw443_stats_read_list_hits(const struct fw443_net *fn, unsigned int slot);
void fw443_stats_add_flow(struct fw443_net *fn, enum fw443_flow_counter ctr,
			  unsigned int n);
void fw443_stats_count_opened(struct fw443_net *fn);
void fw443_stats_snapshot(struct fw443_net *fn, struct fw443_counters *out,
			  bool reset);

/* config.c */
int fw443_config_init(struct fw443_net *fn);
void fw443_config_exit(struct fw443_net *fn);
struct fw443_config *fw443_config_clone(const struct fw443_config *cfg);
void fw443_config_free(struct fw443_config *cfg);
int fw443_config_publish(struct fw443_net *fn, struct fw443_config *cfg,
			 bool bump_generation, struct netlink_ext_ack *extack);
struct fw443_config *fw443_config_current(struct fw443_net *fn);
int fw443_config_find_list(const struct fw443_config *cfg, const char *name);

/* list.c */
struct fw443_list_data *fw443_list_data_empty(void);
void fw443_list_data_put(struct fw443_list_data *d);
s32 fw443_list_match_live(const struct fw443_list_data *d,
			  enum fw443_ipver ipver, s32 i);
int fw443_list_hit(struct fw443_net *fn, const struct fw443_list *l,
		   enum fw443_ipver ipver, s32 i);
u32 fw443_list_data_count(const struct fw443_list_data *d,
			  enum fw443_ipver ipver);
size_t fw443_list_data_memory(const struct fw443_list_data *d);
void fw443_list_data_entry(const struct fw443_list_data *d,
			   enum fw443_ipver ipver, u32 i,
			   struct fw443_prefix *p, u32 *expires, u64 *hits);
bool fw443_list_data_expiring(const struct fw443_list_data *d, u32 now);

struct fw443_list_entry_in {
	struct fw443_prefix p;
	u32 expires;
	u32 seq;	/* order of arrival: a later add of a prefix wins */
};

struct fw443_edit_vec {
	struct fw443_list_entry_in *v;
	u32 n;
	u32 cap;
};

/* What a transaction does to one list's entries, applied at commit. */
struct fw443_list_edit {
	bool from_empty;	/* flushed or replaced: old entries are gone */
	bool rebuild;		/* drop expired entries even if nothing else changes */
	u32 seq;
	struct fw443_edit_vec add[FW443_IPVER_COUNT];
	struct fw443_edit_vec del[FW443_IPVER_COUNT];
};

void fw443_list_edit_reset(struct fw443_list_edit *e);
void fw443_list_edit_free(struct fw443_list_edit *e);
void fw443_prefix_normalise(struct fw443_prefix *p);
int fw443_list_edit_add(struct fw443_list_edit *e, enum fw443_ipver ipver,
			const struct fw443_prefix *p, u32 expires);
int fw443_list_edit_del(struct fw443_list_edit *e, enum fw443_ipver ipver,
			const struct fw443_prefix *p);
bool fw443_list_edit_has(const struct fw443_list_edit *e,
			 const struct fw443_list_data *d,
			 enum fw443_ipver ipver, const struct fw443_prefix *p);
int fw443_list_data_build(struct fw443_list_data **out,
			  const struct fw443_list_data *old,
			  const struct fw443_list_edit *e, u8 flags, u32 now,
			  struct netlink_ext_ack *extack);

/* txn.c */
struct fw443_txn *fw443_txn_open(struct fw443_net *fn, u32 portid,
				 struct netlink_ext_ack *extack);
int fw443_txn_end(struct fw443_net *fn, struct fw443_txn *txn, int err,
		  struct netlink_ext_ack *extack);
int fw443_txn_begin(struct fw443_net *fn, u32 portid, bool check_generation,
		    u64 generation, struct netlink_ext_ack *extack);
int fw443_txn_commit(struct fw443_net *fn, u32 portid,
		     struct netlink_ext_ack *extack);
int fw443_txn_abort(struct fw443_net *fn, u32 portid,
		    struct netlink_ext_ack *extack);
void fw443_txn_release(struct fw443_net *fn, u32 portid);
void fw443_txn_free(struct fw443_txn *txn);
int fw443_txn_list_create(struct fw443_txn *txn, const char *name, u8 kind,
			  u8 direction, u8 flags, bool replace,
			  struct netlink_ext_ack *extack);
int fw443_txn_list_destroy(struct fw443_txn *txn, const char *name,
			   struct netlink_ext_ack *extack);
struct fw443_list_edit *fw443_txn_list_edit(struct fw443_txn *txn,
					    const char *name,
					    const struct fw443_list_data **data,
					    struct netlink_ext_ack *extack);
void fw443_expiry_run(struct work_struct *work);

struct fw443_config *fw443_txn_config(struct fw443_txn *txn);

/* policy.c */
int fw443_zone_set(struct fw443_config *cfg, const char *ifname,
		   const char *zone, struct netlink_ext_ack *extack);
int fw443_zone_del(struct fw443_config *cfg, const char *ifname,
		   struct netlink_ext_ack *extack);
int fw443_rule_insert(struct fw443_config *cfg, const struct fw443_rule *r,
		      u32 index, struct netlink_ext_ack *extack);
int fw443_rule_delete(struct fw443_config *cfg, u32 index,
		      struct netlink_ext_ack *extack);
bool fw443_zone_name_valid(const char *name);
const char *fw443_zone_of(const struct fw443_config *cfg,
			  const struct net_device *dev);
const char *fw443_zone_host(void);
u8 fw443_policy_decide(const struct fw443_config *cfg, const char *from,
		       const char *to, enum fw443_ipver ipver, const u8 *src,
		       const u8 *dst);

/* flowtab.c */
struct fw443_flowtab *fw443_flowtab_create(struct fw443_net *fn, u32 max);
void fw443_flowtab_retire(struct fw443_flowtab *ft);
void fw443_flowtab_destroy(struct fw443_flowtab *ft);
void fw443_flowtab_flush(struct fw443_flowtab *ft);
u32 fw443_flow_size(void);
u32 fw443_flowtab_count(const struct fw443_flowtab *ft);
u32 fw443_flows_default_max(void);

/* track.c */
struct nf_hook_state;
unsigned int fw443_track(struct fw443_net *fn, const struct fw443_config *cfg,
			 struct sk_buff *skb, const struct fw443_pkt *pkt,
			 const struct nf_hook_state *state);
unsigned int fw443_track_open(struct fw443_net *fn,
			      const struct fw443_config *cfg,
			      struct sk_buff *skb, const struct fw443_pkt *pkt,
			      const struct nf_hook_state *state);
int fw443_flows_grow(struct fw443_net *fn, const struct fw443_config *cfg);
void fw443_flows_shrink(struct fw443_net *fn, const struct fw443_config *cfg);

/* defrag.c */
unsigned int fw443_defrag4(struct sk_buff *skb,
			   const struct nf_hook_state *state);
unsigned int fw443_defrag6(struct fw443_net *fn, struct sk_buff *skb,
			   const struct nf_hook_state *state);

/* hook.c */
int fw443_hooks_register(struct fw443_net *fn);
void fw443_hooks_unregister(struct fw443_net *fn);
int fw443_hooks_grow(struct fw443_net *fn, const struct fw443_config *cfg);
void fw443_hooks_shrink(struct fw443_net *fn, const struct fw443_config *cfg);

/* netlink.c */
int fw443_netlink_init(void);
void fw443_netlink_exit(void);

#endif /* _FW443_H */
