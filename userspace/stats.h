/* SPDX-License-Identifier: GPL-2.0 */
/* The FW443_CMD_GET_STATS reply: parsing and rendering. Pure: no I/O. */
#ifndef FW443_STATS_H
#define FW443_STATS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <jansson.h>
#include <libmnl/libmnl.h>
#include <uapi/linux/fw443.h>

#include "attr.h"

/* Index into fw443_stats.traffic: IPv4 first, then IPv6. */
enum fw443_stats_ipver {
	FW443_STATS_IPV4,
	FW443_STATS_IPV6,
	FW443_STATS_IPVER_COUNT
};

struct fw443_traffic {
	bool present;	/* the kernel sent this pair */
	uint64_t packets;
	uint64_t bytes;
};

struct fw443_counter {
	bool present;	/* the kernel sent it */
	uint64_t value;
};

/*
 * The rows of fw443_stats.flows: the counters of enum fw443_flow_counter,
 * then the table's two gauges.
 */
enum fw443_stats_flow_row {
	FW443_STATS_FLOWS_ACTIVE = __FW443_FLOWCTR_MAX,
	FW443_STATS_FLOWS_MAX,
	FW443_STATS_FLOW_ROWS
};

struct fw443_stats {
	struct fw443_traffic traffic[FW443_STATS_IPVER_COUNT][__FW443_DIR_MAX];
	struct fw443_counter drops[__FW443_DROP_MAX];	/* packets */
	struct fw443_counter flows[FW443_STATS_FLOW_ROWS];
	struct fw443_counter events[__FW443_EVCTR_MAX];	/* events */
};

/*
 * What the indexes above stand for, as every output names them: 4 and 6;
 * "to_server", "to_client"; "blocklist", ...; "accepted_new", ..., "max";
 * "sent", "suppressed", "lost".
 */
extern const int fw443_ip_versions[FW443_STATS_IPVER_COUNT];
extern const char *const fw443_direction_names[__FW443_DIR_MAX];
extern const char *const fw443_drop_reason_names[__FW443_DROP_MAX];
extern const char *const fw443_flow_row_names[FW443_STATS_FLOW_ROWS];
extern const char *const fw443_event_counter_names[__FW443_EVCTR_MAX];

/*
 * Parses a whole generic netlink reply (of GET_STATS, or of RESET_STATS:
 * the same shape) into @stats (which it zeroes first). A traffic entry for
 * an address family or a direction this tool does not know is skipped, and
 * so is a drop reason, a flow counter or an event counter it does not know.
 * Returns 0, or -1 with @err set.
 */
int fw443_stats_parse(const struct nlmsghdr *nlh, struct fw443_stats *stats,
		      struct fw443_error *err);

/* fw443_stats_parse() as a fw443_nl_reply_fn: @data is the fw443_stats. */
int fw443_stats_reply(const struct nlmsghdr *nlh, void *data,
		      struct fw443_error *err);

/*
 * A table with one row per pair present; then, if the kernel sent any, a
 * table of drops with one row per reason, one of the flow table's counters
 * and gauges, and one of what became of events.
 */
void fw443_stats_print(const struct fw443_stats *stats, FILE *f);

/*
 * {"traffic": [{"ip_version": 4, "direction": "to_server", "packets": N,
 * "bytes": N}, ...]} with one element per pair present, IPv4 before IPv6 and
 * to_server before to_client; plus "drops": [{"reason": "blocklist",
 * "packets": N}, ...] when the kernel sent drop counters (a module without
 * them sends none), "flows": {"accepted_new": N, ..., "active": N,
 * "max": N} with what it sent of the flow table's, and "events": {"sent": N,
 * "suppressed": N, "lost": N} with what it sent of its event counters.
 * NULL if it cannot be built.
 */
json_t *fw443_stats_to_json(const struct fw443_stats *stats);

#endif
