/* SPDX-License-Identifier: GPL-2.0 */
/*
 * FW443_A_ENTRY nests: put into LIST_ADD/LIST_DEL requests, read from
 * LIST_ENTRIES dumps, and rendered as feed lines ("block load" reads them
 * back) or JSON; and nests of the same attributes that carry a rule's
 * prefixes. Pure: writes only to the FILE * it is given.
 */
#ifndef FW443_ENTRY_H
#define FW443_ENTRY_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <jansson.h>
#include <libmnl/libmnl.h>

#include "attr.h"
#include "prefix.h"

struct fw443_list_entry {
	struct fw443_addr_prefix prefix;
	uint32_t timeout;	/* seconds left, 0 for none */
	bool has_hits;		/* the list counts hits */
	uint64_t hits;
};

/* Puts one FW443_A_ENTRY nest; @timeout 0 means none. */
void fw443_entry_put(struct nlmsghdr *nlh, const struct fw443_addr_prefix *p,
		     uint32_t timeout);

/*
 * Puts a nest of type @type holding only @p's FW443_ENTRY_A_FAMILY, _ADDR
 * and _PREFIX_LEN: a rule's FW443_RULE_A_SRC or FW443_RULE_A_DST.
 */
void fw443_entry_put_prefix(struct nlmsghdr *nlh, uint16_t type,
			    const struct fw443_addr_prefix *p);

/*
 * Reads such a nest back into @p (a length of 0 included). Returns 0, or -1
 * with @err set; @what names the nest in errors.
 */
int fw443_entry_parse_prefix(const struct nlattr *nest, const char *what,
			     struct fw443_addr_prefix *p,
			     struct fw443_error *err);

typedef int (*fw443_entry_fn)(const struct fw443_list_entry *e, void *data);

/*
 * Runs @fn over every FW443_A_ENTRY of a LIST_ENTRIES message. Returns 0, or
 * -1 with @err set (a malformed entry, or @fn failed).
 */
int fw443_entries_parse(const struct nlmsghdr *nlh, fw443_entry_fn fn,
			void *data, struct fw443_error *err);

/* "PREFIX[ timeout N][ hits N]\n": a line of a list file. */
int fw443_entry_print(const struct fw443_list_entry *e, FILE *f);

/* {"prefix":"...","timeout":N,"hits":N}, the last two when present. */
json_t *fw443_entry_to_json(const struct fw443_list_entry *e);

#endif
