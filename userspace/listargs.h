/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The words after "fw443 block" or "fw443 allow": a small regular grammar,
 * the same words a ruleset file will hold. Pure: no I/O.
 *
 *   add PREFIX [list NAME] [timeout SECONDS]
 *   del PREFIX [list NAME]
 *   create NAME [direction in|out|both] [counters]
 *   destroy NAME | flush NAME
 *   load NAME FILE|- [direction in|out|both] [counters]
 *   list [NAME]
 *
 * Positional words come first, keywords after, each keyword at most once;
 * -j and -h may stand anywhere.
 */
#ifndef FW443_LISTARGS_H
#define FW443_LISTARGS_H

#include <stdint.h>

#include "args.h"
#include "prefix.h"

enum fw443_list_op {
	FW443_OP_ADD,
	FW443_OP_DEL,
	FW443_OP_CREATE,
	FW443_OP_DESTROY,
	FW443_OP_FLUSH,
	FW443_OP_LOAD,
	FW443_OP_LIST,
};

struct fw443_list_args {
	uint8_t kind;		/* the command's: set by its caller */
	enum fw443_list_op op;
	unsigned int opts;	/* FW443_OPT_JSON, FW443_OPT_HELP seen */
	const char *name;	/* NULL if not given */
	const char *file;	/* load: a path, or "-" for standard input */
	struct fw443_addr_prefix prefix;	/* add, del */
	uint32_t timeout;	/* add: seconds, 0 for none */
	uint8_t direction;	/* create, load: enum fw443_list_direction */
	uint8_t flags;		/* create, load: enum fw443_list_flags */
};

/*
 * Parses @argc words from @argv[0], the operation. Returns 0, or -1 with @u
 * set. With -h, returns 0 as soon as it is seen.
 */
int fw443_list_args_parse(int argc, char *const argv[],
			  struct fw443_list_args *a, struct fw443_usage *u);

/* The list of add and del without "list": "manual", "manual-allow". */
const char *fw443_list_default_name(uint8_t kind);

/* A list name: 1..FW443_LIST_NAME_MAX-1 letters, digits, '_', '-', '.'. */
int fw443_list_name_check(const char *name);

#endif
