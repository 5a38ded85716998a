/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The words after "fw443 flows", and the FLOWS_SET request "set" makes.
 * Pure: no I/O.
 *
 *   [list] [src PREFIX] [dst PREFIX] [state STATE]
 *   set [max N] [pickup on|off] [timeout STATE SECONDS]...
 *   flush
 *
 * Keywords come in any order, each at most once but timeout, which may
 * come once per state. src holds the initiator, dst the responder; /0 is
 * allowed. -j goes with list only.
 */
#ifndef FW443_FLOWARGS_H
#define FW443_FLOWARGS_H

#include <stdbool.h>
#include <stdint.h>

#include "args.h"
#include "flowfmt.h"
#include "flowstate.h"
#include "status.h"

enum fw443_flows_op {
	FW443_FLOWS_LIST,
	FW443_FLOWS_SET,
	FW443_FLOWS_FLUSH,
};

/* What "flows set" gives, for a FLOWS_SET request. */
struct fw443_flow_settings {
	bool has_max, has_pickup, has_timeouts;
	uint32_t max;		/* 0: the default, scaled to memory */
	bool pickup;
	struct fw443_timeouts timeouts;
};

struct fw443_flows_args {
	uint8_t op;		/* enum fw443_flows_op */
	struct fw443_flow_filter filter;	/* list */
	struct fw443_flow_settings set;		/* set */
};

/*
 * Parses the @argc words at @argv (options taken out; -j in @opts).
 * Returns 0, or -1 with @u set.
 */
int fw443_flows_args_parse(int argc, char *const argv[], unsigned int opts,
			   struct fw443_flows_args *a, struct fw443_usage *u);

/* Puts the attributes of the settings given in @s. */
void fw443_flow_settings_put(struct nlmsghdr *nlh,
			     const struct fw443_flow_settings *s);

/*
 * Every setting as a namespace starts: max 0 (the default, scaled to
 * memory), pickup off, the module's timeouts.
 */
void fw443_flow_settings_default(struct fw443_flow_settings *s);

/*
 * The limit max 0 stands for on a machine of @ram bytes, as the module
 * computes it (fw443_flows_default_max() in kmod/flowtab.c): the status
 * tells the limit in force, not whether it was given.
 */
uint32_t fw443_flows_default_max(uint64_t ram);

/*
 * The settings of @fs (a status) that differ from the defaults, with
 * @default_max the limit max 0 stands for, as "flows set" gives them.
 * Returns whether any does.
 */
bool fw443_flow_settings_diff(const struct fw443_flow_status *fs,
			      uint32_t default_max,
			      struct fw443_flow_settings *s);

#endif
