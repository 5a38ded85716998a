// SPDX-License-Identifier: GPL-2.0
/*
 * "fw443 block ..." and "fw443 allow ...": one grammar (listargs.c) and one
 * implementation for both kinds of list. Every change that touches an
 * existing list runs in a transaction that first checks the list's kind, so
 * "block" never edits an allow list nor the other way round.
 */
#include <stdbool.h>
#include <stdio.h>
#include <uapi/linux/fw443.h>

#include "change.h"
#include "cli.h"
#include "entry.h"
#include "listargs.h"
#include "listnl.h"
#include "load.h"
#include "show.h"
#include "subcommands.h"

struct list_kind {
	uint8_t kind;
	const char *word;		/* the command: "block" or "allow" */
	const char *about;
};

static const struct list_kind block_kind = {
	FW443_LIST_BLOCK, "block",
	"Block lists: the remote addresses whose HTTPS traffic is dropped.\n",
};

static const struct list_kind allow_kind = {
	FW443_LIST_ALLOW, "allow",
	"Allow lists: exceptions to block lists. An address is blocked only when\n"
	"its longest match in a block list is longer than its longest match in\n"
	"an allow list of the same direction.\n",
};

static void list_usage(const struct list_kind *k)
{
	printf("Usage: " PROG_NAME " %s OPERATION [ARGS]\n"
	       "\n"
	       "%s"
	       "\n"
	       "  add PREFIX [list NAME] [timeout SECONDS]\n"
	       "        add an entry to NAME (default '%s', created with\n"
	       "        direction both if missing); it expires after SECONDS\n"
	       "  del PREFIX [list NAME]\n"
	       "        remove an entry\n"
	       "  create NAME [direction in|out|both] [counters]\n"
	       "        create an empty list (direction both by default);\n"
	       "        counters counts hits per entry\n"
	       "  destroy NAME         remove a list\n"
	       "  flush NAME           remove all of a list's entries\n"
	       "  load NAME FILE|- [direction in|out|both] [counters]\n"
	       "        replace NAME, defined anew as given, with the entries of\n"
	       "        FILE (- for standard input), atomically: all or nothing\n"
	       "  list [NAME] [-j]\n"
	       "        every list's summary (as '" PROG_NAME " lists'), or NAME's\n"
	       "        entries, one per line, in the form load reads\n"
	       "\n"
	       "PREFIX is ADDRESS[/LENGTH], IPv4 or IPv6; an address alone is a /32\n"
	       "or /128. FILE holds one PREFIX [timeout N] per line; '#' and ';'\n"
	       "start comments (FireHOL .netset/.ipset and Spamhaus DROP load as\n"
	       "they are). Block and allow lists share one namespace of names.\n",
	       k->word, k->about, fw443_list_default_name(k->kind));
}

/* Add, del, destroy, flush: inside a transaction, which checks the kind. */
static int list_op(struct fw443_change *c, const struct fw443_list_args *a)
{
	static const uint8_t cmds[] = {
		[FW443_OP_DEL] = FW443_CMD_LIST_DEL,
		[FW443_OP_DESTROY] = FW443_CMD_LIST_DESTROY,
		[FW443_OP_FLUSH] = FW443_CMD_LIST_FLUSH,
	};
	struct nlmsghdr *nlh;
	bool exists;

	if (fw443_change_list_kind(c, a->name, a->kind, &exists))
		return -1;
	if (!exists && a->op != FW443_OP_ADD) {
		fprintf(stderr, "%s: %s: no list '%s'\n", PROG_NAME,
			fw443_nl_what(c->nl), a->name);
		return -1;
	}
	if (!exists && fw443_change_list_create(c, a->name, a->kind,
						FW443_LIST_BOTH, 0, false))
		return -1;
	if (a->op == FW443_OP_ADD)
		return fw443_change_list_add(c, a->name, &a->prefix,
					     a->timeout);
	nlh = fw443_list_request(c->nl, cmds[a->op], a->name, 0);
	if (a->op == FW443_OP_DEL)
		fw443_entry_put(nlh, &a->prefix, 0);
	return fw443_nl_run(c->nl, nlh, NULL, NULL);
}

int fw443_list_change(struct fw443_change *c, const void *list_args)
{
	const struct fw443_list_args *a = list_args;

	if (a->op == FW443_OP_LOAD)
		return fw443_load(c, a);
	if (a->op == FW443_OP_CREATE)
		return fw443_change_list_create(c, a->name, a->kind,
						a->direction, a->flags, false);
	return list_op(c, a);
}

static int list_main(const struct list_kind *k, int argc, char *argv[],
		     unsigned int opts)
{
	struct fw443_list_args a;
	struct fw443_usage u;
	const char *bad = NULL;
	char what[16];
	int n;

	/* "help block" comes here as "block --help". */
	n = fw443_cli_parse_opts(argc - 1, argv + 1, FW443_OPT_HELP, &opts,
				 &bad);
	if (n < 0)
		return fw443_cli_usage_error(k->word, "unknown option", bad);
	if (opts & FW443_OPT_HELP) {
		list_usage(k);
		return FW443_EXIT_OK;
	}
	if (fw443_list_args_parse(argc - 1 - n, argv + 1 + n, &a, &u))
		return fw443_cli_usage_error(k->word, u.what, u.arg);
	if (a.opts & FW443_OPT_HELP) {
		list_usage(k);
		return FW443_EXIT_OK;
	}
	snprintf(what, sizeof(what), "%s %s", k->word, argv[1 + n]);
	if (a.op == FW443_OP_LIST)
		return a.name ? fw443_show_entries(what, a.name, opts | a.opts) :
				fw443_show_lists(what, opts | a.opts);
	a.kind = k->kind;
	if (!a.name)
		a.name = fw443_list_default_name(k->kind);
	/* A create reads nothing first: the kernel checks the definition. */
	return fw443_change_run(what, a.op != FW443_OP_CREATE,
				fw443_list_change, &a);
}

int block_main(int argc, char *argv[], unsigned int opts)
{
	return list_main(&block_kind, argc, argv, opts);
}

int allow_main(int argc, char *argv[], unsigned int opts)
{
	return list_main(&allow_kind, argc, argv, opts);
}
