/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Ruleset files: a namespace's configuration as the commands that make it,
 * one a line, in the words of the CLI without the leading "fw443". "fw443
 * apply" reads them, "fw443 save" writes them (ruleset_print.h). Pure: no
 * I/O.
 *
 *   line    := [COMMAND] [COMMENT]
 *   COMMENT := '#' where a word would start, and the rest of the line
 *   COMMAND := zone set IFNAME ZONE
 *            | policy add RULE [index N]
 *            | policy default accept|drop|none
 *            | flows set [max N] [pickup on|off] [timeout STATE SECONDS]...
 *            | block|allow create NAME [direction in|out|both] [counters]
 *            | block|allow add PREFIX [list NAME] [timeout SECONDS]
 *            | block|allow load NAME FILE [direction in|out|both] [counters]
 *
 * Words are separated by spaces and tabs, and not quoted. What only reads
 * (list, status, ...) has no place in a ruleset, nor what removes (del,
 * flush, destroy): a ruleset states the whole configuration.
 */
#ifndef FW443_RULESET_H
#define FW443_RULESET_H

#include <stddef.h>
#include <stdint.h>

#include "flowargs.h"
#include "listargs.h"
#include "prefix.h"
#include "ruleargs.h"
#include "zoneargs.h"

/* More than the longest command ("flows set" with every timeout) holds. */
#define FW443_RULESET_WORDS_MAX	48

/* A line split into words in place: they point into it. */
struct fw443_ruleset_words {
	const char *line;	/* columns count from here, 1-based */
	size_t len;
	int n;
	char *word[FW443_RULESET_WORDS_MAX];
};

enum fw443_ruleset_type {
	FW443_RULESET_ZONE,
	FW443_RULESET_POLICY,
	FW443_RULESET_FLOWS,
	FW443_RULESET_LIST,	/* block or allow: list.kind says which */
};

/* A command of a ruleset: its words parsed as the CLI parses them. */
struct fw443_ruleset_cmd {
	uint8_t type;		/* enum fw443_ruleset_type */
	union {			/* by type: a change.h function's args */
		struct fw443_zone_args zone;
		struct fw443_policy_args policy;
		struct fw443_flows_args flows;
		struct fw443_list_args list;
	} args;
};

/*
 * Splits the line @s of @n bytes (with a NUL at @s[@n]) into words, ending
 * each with a NUL where the space after it was, and stops at a comment.
 * Returns 0 (@w->n is 0 for a line without a command), or -1 with @err
 * saying what is wrong at column @err->col.
 */
int fw443_ruleset_split(char *s, size_t n, struct fw443_ruleset_words *w,
			struct fw443_parse_error *err);

/*
 * Parses the words of a line with a command (@w->n > 0). The names in @c
 * point into the line. Returns 0, or -1 with @err saying what is wrong and
 * at which column (of the word at fault, else of the command).
 */
int fw443_ruleset_parse(const struct fw443_ruleset_words *w,
			struct fw443_ruleset_cmd *c,
			struct fw443_parse_error *err);

#endif
