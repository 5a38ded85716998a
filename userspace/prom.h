/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Prometheus text exposition format (version 0.0.4) of what one scrape
 * reads: status, stats and the list summaries. Pure: writes only to the
 * FILE * it is given.
 */
#ifndef FW443_PROM_H
#define FW443_PROM_H

#include <stdio.h>

#include "lists.h"
#include "stats.h"
#include "status.h"

/*
 * What one scrape reads: three replies that need no privilege and walk
 * neither list entries nor flows, so a scrape costs the same on any size.
 */
struct fw443_scrape {
	struct fw443_status status;
	struct fw443_stats stats;
	struct fw443_lists lists;
};

/*
 * Every metric family with a "# HELP" and a "# TYPE" line, fw443_ names,
 * counters ending in _total: fw443_build_info{version}, fw443_generation;
 * fw443_packets_total and fw443_bytes_total{ip_version,direction};
 * fw443_dropped_packets_total{reason}; fw443_flows_<counter>_total,
 * fw443_flows_active, fw443_flows_max; fw443_events_total{outcome};
 * fw443_list_entries and fw443_list_capacity_entries{list,kind,ip_version},
 * fw443_list_memory_bytes and fw443_list_hits_total{list,kind}. A family
 * the kernel sent nothing for (drops, flows, events, lists) is left out.
 */
void fw443_prom_print(const struct fw443_scrape *s, FILE *f);

#endif
