/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The words after "fw443 policy": a small regular grammar, the same words
 * a ruleset file will hold. Pure: no I/O.
 *
 *   add RULE [index N]
 *   del N
 *   flush
 *   default accept|drop|none
 *   [list]
 *
 *   RULE := from ZONE to ZONE [src PREFIX] [dst PREFIX] accept|drop
 *
 * The keywords of add come in any order, each at most once; from, to and
 * the action are required. A ZONE may be "any" or "local"; src and dst are
 * of one IP version, and /0 is allowed. -j goes with list only.
 */
#ifndef FW443_RULEARGS_H
#define FW443_RULEARGS_H

#include <stdint.h>

#include "args.h"
#include "rule.h"

enum fw443_policy_op {
	FW443_POLICY_LIST,
	FW443_POLICY_ADD,
	FW443_POLICY_DEL,
	FW443_POLICY_FLUSH,
	FW443_POLICY_DEFAULT,
};

struct fw443_policy_args {
	uint8_t op;		/* enum fw443_policy_op */
	struct fw443_rule rule;	/* add */
	uint32_t index;		/* add: 0 to append; del */
	uint8_t policy;		/* default: enum fw443_policy */
};

/*
 * Parses the @argc words at @argv (options taken out; -j in @opts).
 * Returns 0, or -1 with @u set.
 */
int fw443_policy_args_parse(int argc, char *const argv[], unsigned int opts,
			    struct fw443_policy_args *a,
			    struct fw443_usage *u);

/*
 * The words of a rule, and "index N" if @index is not NULL (*@index is 0
 * without it). Returns 0, or -1 with @u set.
 */
int fw443_rule_args_parse(int argc, char *const argv[], struct fw443_rule *r,
			  uint32_t *index, struct fw443_usage *u);

#endif
