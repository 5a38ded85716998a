// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU counters of one network namespace.
 *
 * Writers are the netfilter hooks, on the CPU they run on, in softirq
 * (PRE_ROUTING, FORWARD) or process context (LOCAL_OUT). The _irqsave
 * update section keeps a softirq that interrupts a process-context writer
 * on the same CPU from corrupting the 32-bit seqcount; on 64-bit machines
 * it compiles away. Readers sum all CPUs without stopping traffic.
 */
#include <linux/netdevice.h>
#include <linux/percpu.h>
#include "fw443.h"

int fw443_stats_init(struct fw443_net *fn)
{
	BUILD_BUG_ON(sizeof(struct fw443_counters) % sizeof(u64_stats_t));
	mutex_init(&fn->stats_lock);
	fn->stats = netdev_alloc_pcpu_stats(struct fw443_pcpu_stats);
	return fn->stats ? 0 : -ENOMEM;
}

void fw443_stats_free(struct fw443_net *fn)
{
	free_percpu(fn->stats);
	fn->stats = NULL;
}

/* Add @n to the counter at @offset in this CPU's struct fw443_pcpu_stats. */
static void fw443_stats_add(struct fw443_net *fn, size_t offset,
			    unsigned int n)
{
	struct fw443_pcpu_stats *s = get_cpu_ptr(fn->stats);
	unsigned long flags;

	flags = u64_stats_update_begin_irqsave(&s->syncp);
	u64_stats_add((u64_stats_t *)((u8 *)s + offset), n);
	u64_stats_update_end_irqrestore(&s->syncp, flags);
	put_cpu_ptr(fn->stats);
}

void fw443_stats_count_drop(struct fw443_net *fn,
			    enum fw443_drop_reason reason)
{
	fw443_stats_add(fn, offsetof(struct fw443_pcpu_stats, c.drops[reason]),
			1);
}

void fw443_stats_count_list_hit(struct fw443_net *fn, unsigned int slot)
{
	fw443_stats_add(fn, offsetof(struct fw443_pcpu_stats, list_hits[slot]),
			1);
}

void fw443_stats_count_event(struct fw443_net *fn,
			     enum fw443_event_counter ctr)
{
	fw443_stats_add(fn, offsetof(struct fw443_pcpu_stats, c.events[ctr]),
			1);
}

void fw443_stats_add_flow(struct fw443_net *fn, enum fw443_flow_counter ctr,
			  unsigned int n)
{
	fw443_stats_add(fn, offsetof(struct fw443_pcpu_stats, c.flow[ctr]), n);
}

/* A connection opened: accepted as new, and a flow created, in one go. */
void fw443_stats_count_opened(struct fw443_net *fn)
{
	struct fw443_pcpu_stats *s = get_cpu_ptr(fn->stats);
	unsigned long flags;

	flags = u64_stats_update_begin_irqsave(&s->syncp);
	u64_stats_inc(&s->c.flow[FW443_FLOWCTR_ACCEPTED_NEW]);
	u64_stats_inc(&s->c.flow[FW443_FLOWCTR_CREATED]);
	u64_stats_update_end_irqrestore(&s->syncp, flags);
	put_cpu_ptr(fn->stats);
}

u64 fw443_stats_read_list_hits(const struct fw443_net *fn, unsigned int slot)
{
	u64 sum = 0;
	int cpu;

	for_each_possible_cpu(cpu) {
		const struct fw443_pcpu_stats *s = per_cpu_ptr(fn->stats, cpu);
		unsigned int start;
		u64 v;

		do {
			start = u64_stats_fetch_begin(&s->syncp);
			v = u64_stats_read(&s->list_hits[slot]);
		} while (u64_stats_fetch_retry(&s->syncp, start));
		sum += v;
	}
	return sum;
}

/*
 * The counters since the last reset, into @out; with @reset, they restart
 * from zero. Each CPU's counters are read once, in one consistent section,
 * and what was read becomes the new base: an increment that races with the
 * reset lands after that read, so the next one finds it, and nothing is
 * lost or counted twice. Process context.
 */
void fw443_stats_snapshot(struct fw443_net *fn, struct fw443_counters *out,
			  bool reset)
{
	u64_stats_t *dst = (u64_stats_t *)out;
	u64 sum[FW443_N_COUNTERS] = {};
	unsigned int i;
	int cpu;

	mutex_lock(&fn->stats_lock);
	for_each_possible_cpu(cpu) {
		const struct fw443_pcpu_stats *s = per_cpu_ptr(fn->stats, cpu);
		const u64_stats_t *ctr = (const u64_stats_t *)&s->c;
		u64 v[FW443_N_COUNTERS];
		unsigned int start;

		do {
			start = u64_stats_fetch_begin(&s->syncp);
			for (i = 0; i < FW443_N_COUNTERS; i++)
				v[i] = u64_stats_read(&ctr[i]);
		} while (u64_stats_fetch_retry(&s->syncp, start));
		for (i = 0; i < FW443_N_COUNTERS; i++)
			sum[i] += v[i];
	}
	for (i = 0; i < FW443_N_COUNTERS; i++) {
		u64_stats_set(&dst[i], sum[i] - fn->stats_base[i]);
		if (reset)
			fn->stats_base[i] = sum[i];
	}
	mutex_unlock(&fn->stats_lock);
}
