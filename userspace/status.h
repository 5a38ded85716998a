/* SPDX-License-Identifier: GPL-2.0 */
/* The FW443_CMD_GET_STATUS reply: parsing and rendering. Pure: no I/O. */
#ifndef FW443_STATUS_H
#define FW443_STATUS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <jansson.h>
#include <libmnl/libmnl.h>

#include "attr.h"
#include "flowstate.h"

/* Room for the module's version string, NUL included. */
#define FW443_STATUS_VERSION_LEN 64

/* The connection policy and the flow table, as the module runs them. */
struct fw443_flow_status {
	uint8_t policy;		/* enum fw443_policy */
	bool pickup;
	uint32_t active;	/* flows in the table */
	uint32_t max;		/* FW443_A_FLOWS_MAX */
	uint32_t flow_size;	/* kernel bytes per flow */
	uint32_t buckets;	/* of the hash table */
	struct fw443_timeouts timeouts;
};

struct fw443_status {
	char version[FW443_STATUS_VERSION_LEN];
	uint64_t generation;
	/*
	 * A module with a flow table sends FW443_A_POLICY and the others with
	 * it; an older one none of them.
	 */
	bool has_flows;
	struct fw443_flow_status flows;
	/* FW443_A_EVENT_RATE, from a module that sends events. */
	bool has_event_rate;
	uint32_t event_rate;
};

/* Parses a whole generic netlink reply. Returns 0, or -1 with @err set. */
int fw443_status_parse(const struct nlmsghdr *nlh, struct fw443_status *st,
		       struct fw443_error *err);

/* fw443_status_parse() as a fw443_nl_reply_fn: @data is the fw443_status. */
int fw443_status_reply(const struct nlmsghdr *nlh, void *data,
		       struct fw443_error *err);

/* "name:       value" lines; the flow table's when the module sent it. */
void fw443_status_print(const struct fw443_status *st, FILE *f);

/*
 * {"version": "...", "generation": N}, "event_rate": N from a module that
 * sends events, and with a flow table "policy",
 * "pickup", "flows_active", "flows_max", "flow_size", "flow_buckets" and
 * "timeouts": {"STATE": SECONDS, ...}. NULL if it cannot be built.
 */
json_t *fw443_status_to_json(const struct fw443_status *st);

#endif
