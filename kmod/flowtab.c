// SPDX-License-Identifier: GPL-2.0
/*
 * The flow table's life and housekeeping: creating and retiring a table,
 * entering flows (with early eviction when full), collecting expired ones,
 * flushing, and reading a flow consistently. The locking model is in flow.h.
 */
#include <linux/jhash.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/random.h>
#include <linux/slab.h>
#include "events.h"
#include "flow.h"

/* How many buckets past its own a new flow looks for one to evict. */
#define FW443_EVICT_BUCKETS	16
/* The collector sweeps the table in this many runs, one run per tick. */
#define FW443_GC_SLICES		32
#define FW443_GC_TICK		(HZ / 4)

u32 fw443_flow_hash(const struct fw443_flowtab *ft,
		    const struct fw443_flow_key *k)
{
	if (!k->ipv6)
		return jhash_3words((__force u32)k->client->ip,
				    (__force u32)k->server->ip,
				    (__force u32)k->client_port, ft->seed);
	return jhash2((const u32 *)&k->client->in6, 4,
		      jhash2((const u32 *)&k->server->in6, 4,
			     ft->seed ^ (__force u32)k->client_port));
}

/* Bytes of kernel memory one flow takes: its slab object. */
u32 fw443_flow_size(void)
{
	return kmalloc_size_roundup(sizeof(struct fw443_flow));
}

u32 fw443_flowtab_count(const struct fw443_flowtab *ft)
{
	return atomic_read(&ft->count);
}

/* The default limit: one flow per 16 KiB of RAM, as conntrack scales. */
u32 fw443_flows_default_max(void)
{
	u64 ram = (u64)totalram_pages() << PAGE_SHIFT;

	return clamp_t(u64, ram >> 14, 16384, 1U << 22);
}

static spinlock_t *fw443_bucket_lock(struct fw443_flowtab *ft, u32 bucket)
{
	return &ft->locks[bucket & (FW443_FLOW_LOCKS - 1)];
}

static void fw443_flow_unlink(struct fw443_flowtab *ft, struct fw443_flow *f)
{
	hlist_del_init_rcu(&f->node);
	atomic_dec(&ft->count);
	kfree_rcu(f, rcu);
}

/*
 * Unlinks @f, which leaves the table for @why, and says so to whoever
 * listens. Under its bucket's lock and rcu_read_lock().
 */
static void fw443_flow_remove(struct fw443_flowtab *ft, struct fw443_flow *f,
			      const u32 *timeouts, enum fw443_flow_end why)
{
	if (unlikely(fw443_events_wanted(ft->fn)))
		fw443_event_flow_end(ft->fn, f, timeouts, why);
	fw443_flow_unlink(ft, f);
}

static u32 fw443_gc_bucket(struct fw443_flowtab *ft, u32 b, const u32 *timeouts,
			   u32 now)
{
	struct hlist_head *head = &ft->buckets[b];
	spinlock_t *lock = fw443_bucket_lock(ft, b);
	struct hlist_node *tmp;
	struct fw443_flow *f;
	u32 n = 0;

	if (hlist_empty(head))
		return 0;
	spin_lock_bh(lock);
	hlist_for_each_entry_safe(f, tmp, head, node) {
		if (fw443_flow_expired(f, timeouts, now)) {
			fw443_flow_remove(ft, f, timeouts, FW443_END_EXPIRED);
			n++;
		}
	}
	spin_unlock_bh(lock);
	return n;
}

static void fw443_gc_run(struct work_struct *work)
{
	struct fw443_flowtab *ft = container_of(to_delayed_work(work),
						struct fw443_flowtab, gc_work);
	u32 slice = max_t(u32, (ft->mask + 1) / FW443_GC_SLICES, 1);
	u32 now = fw443_now(), expired = 0, i, b = ft->gc_next;
	const struct fw443_config *cfg;

	rcu_read_lock();
	cfg = rcu_dereference(ft->fn->config);
	for (i = 0; i < slice; i++, b = (b + 1) & ft->mask) {
		expired += fw443_gc_bucket(ft, b, cfg->timeouts, now);
		if ((i & 1023) == 1023) {
			rcu_read_unlock();
			cond_resched();
			rcu_read_lock();
			cfg = rcu_dereference(ft->fn->config);
		}
	}
	rcu_read_unlock();
	ft->gc_next = b;
	if (expired)
		fw443_stats_add_flow(ft->fn, FW443_FLOWCTR_EXPIRED, expired);
	queue_delayed_work(fw443_wq, &ft->gc_work, FW443_GC_TICK);
}

struct fw443_flowtab *fw443_flowtab_create(struct fw443_net *fn, u32 max)
{
	struct fw443_flowtab *ft = kzalloc(sizeof(*ft), GFP_KERNEL_ACCOUNT);
	u32 n = roundup_pow_of_two(max_t(u32, max / 2, 16)), i;

	BUILD_BUG_ON((int)FW443_TCP_STATE_COUNT != (int)__FW443_FLOW_STATE_MAX);
	/* The budget of a flow: see "Memory per connection" in the README. */
	BUILD_BUG_ON(!IS_ENABLED(CONFIG_DEBUG_SPINLOCK) &&
		     !IS_ENABLED(CONFIG_DEBUG_LOCK_ALLOC) &&
		     sizeof(struct fw443_flow) > 128);
	if (!ft)
		return NULL;
	ft->buckets = kvcalloc(n, sizeof(*ft->buckets), GFP_KERNEL_ACCOUNT);
	if (!ft->buckets) {
		kfree(ft);
		return NULL;
	}
	ft->mask = n - 1;
	ft->seed = get_random_u32();
	ft->fn = fn;
	for (i = 0; i < FW443_FLOW_LOCKS; i++)
		spin_lock_init(&ft->locks[i]);
	INIT_DELAYED_WORK(&ft->gc_work, fw443_gc_run);
	queue_delayed_work(fw443_wq, &ft->gc_work, FW443_GC_TICK);
	return ft;
}

/* No reader and no writer is left: free every flow at once. */
void fw443_flowtab_destroy(struct fw443_flowtab *ft)
{
	struct hlist_node *tmp;
	struct fw443_flow *f;
	u32 b;

	if (!ft)
		return;
	cancel_delayed_work_sync(&ft->gc_work);
	for (b = 0; b <= ft->mask; b++)
		hlist_for_each_entry_safe(f, tmp, &ft->buckets[b], node)
			kfree(f);
	kvfree(ft->buckets);
	kfree(ft);
}

static void fw443_flowtab_free_work(struct work_struct *work)
{
	fw443_flowtab_destroy(container_of(to_rcu_work(work),
					   struct fw443_flowtab, free_work));
}

/* @ft is unpublished: free it once the packet path is done with it. */
void fw443_flowtab_retire(struct fw443_flowtab *ft)
{
	cancel_delayed_work_sync(&ft->gc_work);
	INIT_RCU_WORK(&ft->free_work, fw443_flowtab_free_work);
	queue_rcu_work(fw443_wq, &ft->free_work);
}

/*
 * Whether a full table may give up @f for a new connection: one that has not
 * reached ESTABLISHED, or is closed, or has expired. A connection in its FIN
 * states may still carry data and stays.
 */
static bool fw443_flow_evictable(const struct fw443_flow *f,
				 const u32 *timeouts, u32 now)
{
	switch (READ_ONCE(f->tcp.state)) {
	case FW443_TCP_SYN_SENT:
	case FW443_TCP_SYN_SENT2:
	case FW443_TCP_SYN_RECV:
	case FW443_TCP_TIME_WAIT:
	case FW443_TCP_CLOSE:
		return true;
	default:
		return fw443_flow_expired(f, timeouts, now);
	}
}

/*
 * Evicts one flow from the buckets after @hash's; false if none would go. It
 * looks into FW443_EVICT_BUCKETS buckets that hold flows, skipping empty ones
 * up to as many as a table that is sparse for its limit (the limit lowered
 * after the table was sized) needs to find them.
 */
static bool fw443_flowtab_evict(struct fw443_flowtab *ft, u32 hash,
				const u32 *timeouts, u32 now)
{
	u32 held = max_t(u32, atomic_read(&ft->count), 1);
	u32 span = min_t(u64, (u64)FW443_EVICT_BUCKETS * (ft->mask + 1) / held,
			 ft->mask);
	u32 i, looked = 0;

	for (i = 1; i <= max_t(u32, span, FW443_EVICT_BUCKETS) &&
	     looked < FW443_EVICT_BUCKETS; i++) {
		u32 b = (hash + i) & ft->mask;
		spinlock_t *lock = fw443_bucket_lock(ft, b);
		struct fw443_flow *f;
		bool expired;

		if (hlist_empty(&ft->buckets[b]))
			continue;
		looked++;
		spin_lock(lock);
		hlist_for_each_entry(f, &ft->buckets[b], node) {
			if (!fw443_flow_evictable(f, timeouts, now))
				continue;
			expired = fw443_flow_expired(f, timeouts, now);
			fw443_flow_remove(ft, f, timeouts, expired ?
					  FW443_END_EXPIRED :
					  FW443_END_EVICTED);
			spin_unlock(lock);
			fw443_stats_add_flow(ft->fn, expired ?
					     FW443_FLOWCTR_EXPIRED :
					     FW443_FLOWCTR_EVICTED, 1);
			return true;
		}
		spin_unlock(lock);
	}
	return false;
}

static void fw443_flow_init(struct fw443_flow *f, const struct fw443_flow_key *k,
			    const struct fw443_flow_seed *seed, u32 now)
{
	memset(f, 0, sizeof(*f));
	spin_lock_init(&f->lock);
	if (k->ipv6) {
		f->client.in6 = k->client->in6;
		f->server.in6 = k->server->in6;
		f->flags |= FW443_FLOW_F_IPV6;
	} else {
		f->client.ip = k->client->ip;
		f->server.ip = k->server->ip;
	}
	if (seed->server_opened)
		f->flags |= FW443_FLOW_F_SERVER_OPENED;
	f->client_port = k->client_port;
	f->tcp = seed->tcp;
	f->packets[seed->dir] = seed->packets;
	f->bytes[seed->dir] = seed->bytes;
	f->start = now;
	f->last = now;
}

/*
 * Enters a flow for @k, starting from @seed: the new flow, or the live
 * one another CPU entered first (*created false), or ERR_PTR(-ENOSPC) when
 * the table is full of flows that may not be evicted, or -ENOMEM. Runs on the
 * packet path, BHs off: never sleeps.
 */
struct fw443_flow *fw443_flowtab_add(struct fw443_flowtab *ft,
				     const struct fw443_flow_key *k, u32 hash,
				     const struct fw443_flow_seed *seed,
				     const struct fw443_config *cfg, u32 now,
				     bool *created)
{
	spinlock_t *lock = fw443_bucket_lock(ft, hash & ft->mask);
	struct hlist_head *head = &ft->buckets[hash & ft->mask];
	struct fw443_flow *f, *old = NULL;

	*created = false;
	if (atomic_inc_return(&ft->count) > cfg->flows_max &&
	    !fw443_flowtab_evict(ft, hash, cfg->timeouts, now)) {
		atomic_dec(&ft->count);
		return ERR_PTR(-ENOSPC);
	}
	f = kmalloc(sizeof(*f), GFP_ATOMIC | __GFP_NOWARN);
	if (!f) {
		atomic_dec(&ft->count);
		return ERR_PTR(-ENOMEM);
	}
	fw443_flow_init(f, k, seed, now);

	spin_lock(lock);
	hlist_for_each_entry(old, head, node)
		if (fw443_flow_matches(old, k))
			break;
	if (old && !fw443_flow_expired(old, cfg->timeouts, now)) {
		spin_unlock(lock);
		atomic_dec(&ft->count);
		kfree(f);
		return old;
	}
	if (old)
		fw443_flow_remove(ft, old, cfg->timeouts, FW443_END_EXPIRED);
	hlist_add_head_rcu(&f->node, head);
	spin_unlock(lock);
	if (old)
		fw443_stats_add_flow(ft->fn, FW443_FLOWCTR_EXPIRED, 1);
	*created = true;
	return f;
}

/* Forgets every flow. Process context. */
void fw443_flowtab_flush(struct fw443_flowtab *ft)
{
	struct hlist_node *tmp;
	struct fw443_flow *f;
	u32 b;

	for (b = 0; b <= ft->mask; b++) {
		spinlock_t *lock = fw443_bucket_lock(ft, b);

		if (hlist_empty(&ft->buckets[b]))
			continue;
		spin_lock_bh(lock);
		hlist_for_each_entry_safe(f, tmp, &ft->buckets[b], node)
			fw443_flow_unlink(ft, f);
		spin_unlock_bh(lock);
		if ((b & 1023) == 1023)
			cond_resched();
	}
}

/* A consistent copy of what @f holds under its lock. */
void fw443_flow_read(struct fw443_flow *f, struct fw443_flow *copy)
{
	spin_lock_bh(&f->lock);
	copy->tcp = f->tcp;
	copy->start = f->start;
	copy->last = f->last;
	memcpy(copy->packets, f->packets, sizeof(copy->packets));
	memcpy(copy->bytes, f->bytes, sizeof(copy->bytes));
	spin_unlock_bh(&f->lock);
	copy->client = f->client;
	copy->server = f->server;
	copy->client_port = f->client_port;
	copy->flags = f->flags;
}
