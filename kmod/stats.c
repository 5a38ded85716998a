// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU counters of one network namespace.
 *
 * Writers are the netfilter hooks, on the CPU they run on, in softirq
 * (PRE_ROUTING) or process context (LOCAL_OUT). The _irqsave update section
 * keeps a softirq that interrupts a process-context writer on the same CPU
 * from corrupting the 32-bit seqcount; on 64-bit machines it compiles away.
 * Readers sum all CPUs without stopping traffic.
 */
#include <linux/netdevice.h>
#include <linux/percpu.h>
#include "fw443.h"

int fw443_stats_init(struct fw443_net *fn)
{
	fn->stats = netdev_alloc_pcpu_stats(struct fw443_pcpu_stats);
	return fn->stats ? 0 : -ENOMEM;
}

void fw443_stats_free(struct fw443_net *fn)
{
	free_percpu(fn->stats);
	fn->stats = NULL;
}

void fw443_stats_count_traffic(struct fw443_net *fn, enum fw443_ipver ipver,
			       enum fw443_direction dir, unsigned int packets,
			       unsigned int bytes)
{
	struct fw443_pcpu_stats *s = get_cpu_ptr(fn->stats);
	struct fw443_traffic_ctr *ctr = &s->traffic[ipver][dir];
	unsigned long flags;

	flags = u64_stats_update_begin_irqsave(&s->syncp);
	u64_stats_add(&ctr->packets, packets);
	u64_stats_add(&ctr->bytes, bytes);
	u64_stats_update_end_irqrestore(&s->syncp, flags);
	put_cpu_ptr(fn->stats);
}

void fw443_stats_read_traffic(const struct fw443_net *fn,
			      enum fw443_ipver ipver, enum fw443_direction dir,
			      u64 *packets, u64 *bytes)
{
	int cpu;

	*packets = 0;
	*bytes = 0;
	for_each_possible_cpu(cpu) {
		const struct fw443_pcpu_stats *s = per_cpu_ptr(fn->stats, cpu);
		const struct fw443_traffic_ctr *ctr = &s->traffic[ipver][dir];
		unsigned int start;
		u64 p, b;

		do {
			start = u64_stats_fetch_begin(&s->syncp);
			p = u64_stats_read(&ctr->packets);
			b = u64_stats_read(&ctr->bytes);
		} while (u64_stats_fetch_retry(&s->syncp, start));
		*packets += p;
		*bytes += b;
	}
}
