/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where the requests of a configuration command go: a socket of its own,
 * for a command given on the command line, or the transaction of a whole
 * ruleset (apply.c), one command after the other. Each command builds its
 * requests one way for both; what differs is answered here: inside a
 * transaction the kernel's reads show the running configuration, not what
 * is staged, so a ruleset's lists are looked up in what it staged so far
 * (stage.c), and its entries are packed many to a request.
 */
#ifndef FW443_CHANGE_H
#define FW443_CHANGE_H

#include <stdbool.h>
#include <stdint.h>

#include "nl.h"
#include "prefix.h"

struct fw443_stage;

struct fw443_change {
	struct fw443_nl *nl;
	struct fw443_stage *stage;	/* a ruleset's; NULL: one command */
};

/* A command's requests from its parsed words. Returns 0, or -1 after
 * reporting a failure.
 */
typedef int (*fw443_change_fn)(struct fw443_change *c, const void *args);

/* The configuration commands, each in its cmd_<name>.c. */
int fw443_zone_change(struct fw443_change *c, const void *zone_args);
int fw443_policy_change(struct fw443_change *c, const void *policy_args);
int fw443_flows_change(struct fw443_change *c, const void *flows_args);
int fw443_list_change(struct fw443_change *c, const void *list_args);

/*
 * A command of its own: opens a socket (@what prefixes its messages) and
 * runs @fn, inside a transaction of its own when @txn (one that reads the
 * configuration before it changes it). Returns an exit status.
 */
int fw443_change_run(const char *what, bool txn, fw443_change_fn fn,
		     const void *args);

/*
 * Whether list @name exists: 0 with *@exists set, or -1 after reporting
 * that it is of another kind than @kind (see fw443_list_check_kind()).
 */
int fw443_change_list_kind(struct fw443_change *c, const char *name,
			   uint8_t kind, bool *exists);

/* LIST_CREATE; @replace redefines an existing list and empties it. */
int fw443_change_list_create(struct fw443_change *c, const char *name,
			     uint8_t kind, uint8_t direction, uint8_t flags,
			     bool replace);

/* Adds @p to list @name, expiring after @timeout seconds (0: never). */
int fw443_change_list_add(struct fw443_change *c, const char *name,
			  const struct fw443_addr_prefix *p, uint32_t timeout);

#endif
