/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Connection policy rules: put into RULE_ADD requests, read from RULE_GET
 * dumps, and rendered in the words "fw443 policy add" takes (ruleargs.c
 * reads them back) or as JSON. Pure: writes only to the FILE * it is given.
 */
#ifndef FW443_RULE_H
#define FW443_RULE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <jansson.h>
#include <libmnl/libmnl.h>
#include <uapi/linux/fw443.h>

#include "attr.h"
#include "prefix.h"

struct fw443_rule {
	char from[FW443_ZONE_NAME_MAX];	/* the initiator's zone, or any */
	char to[FW443_ZONE_NAME_MAX];	/* the responder's zone, or any */
	struct fw443_ends ends;		/* their addresses */
	uint8_t action;			/* enum fw443_action */
};

/* Room for a rule's words, NUL included. */
#define FW443_RULE_STRLEN \
	(2 * FW443_ZONE_NAME_MAX + 2 * FW443_PREFIX_STRLEN + 32)

/* Puts the FW443_A_RULE nest of @r. */
void fw443_rule_put(struct nlmsghdr *nlh, const struct fw443_rule *r);

/*
 * Parses one RULE_GET message into *@index (1-based) and @r. Returns 0, or
 * -1 with @err set.
 */
int fw443_rule_parse(const struct nlmsghdr *nlh, uint32_t *index,
		     struct fw443_rule *r, struct fw443_error *err);

/*
 * "from ZONE to ZONE[ src PREFIX][ dst PREFIX] ACTION" into @buf, which
 * holds FW443_RULE_STRLEN bytes.
 */
void fw443_rule_format(const struct fw443_rule *r, char *buf);

/* "INDEX WORDS\n". Returns 0, or -1 when the write failed. */
int fw443_rule_print(uint32_t index, const struct fw443_rule *r, FILE *f);

/*
 * {"index":N,"from":"...","to":"...","src":"PREFIX" or null,"dst":...,
 * "action":"accept"}, or NULL out of memory.
 */
json_t *fw443_rule_to_json(uint32_t index, const struct fw443_rule *r);

#endif
