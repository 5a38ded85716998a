// SPDX-License-Identifier: GPL-2.0
/*
 * The file is parsed and sent chunk by chunk inside a transaction, so memory
 * stays at two chunks whatever the file's size; the kernel stages it all and
 * switches to it at the commit. Any failure aborts the transaction (closing
 * the socket would too), and the list stays as it was.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "feed.h"
#include "listadd.h"
#include "load.h"

struct load {
	/* In a ruleset, its line: messages then start with it. */
	const char *context;
	struct fw443_listadd la;
	struct fw443_feed feed;
};

static void load_error(const struct load *ld, const char *path,
		       const char *msg)
{
	fprintf(stderr, "%s: %s%s%s: %s\n", PROG_NAME,
		ld->context ? ld->context : "", ld->context ? ": " : "", path,
		msg);
}

static int load_entries(struct load *ld, const char *name)
{
	char where[FW443_ERROR_LEN + 64];
	struct fw443_parse_error err;
	struct fw443_feed_entry e;
	int ret;

	while ((ret = fw443_feed_next(&ld->feed, &e, &err)) > 0) {
		if (fw443_listadd_entry(&ld->la, name, &e.prefix, e.timeout,
					ld->feed.line))
			return -1;
	}
	if (ret < 0) {
		if (err.col)
			snprintf(where, sizeof(where), "%s:%lu:%u",
				 ld->la.path, ld->feed.line, err.col);
		else
			snprintf(where, sizeof(where), "%s:%lu", ld->la.path,
				 ld->feed.line);
		load_error(ld, where, err.msg);
		return -1;
	}
	return fw443_listadd_flush(&ld->la);
}

static int load_list(struct fw443_change *c, struct load *ld,
		     const struct fw443_list_args *a)
{
	bool exists;

	return fw443_change_list_kind(c, a->name, a->kind, &exists) ||
	       fw443_change_list_create(c, a->name, a->kind, a->direction,
					a->flags, true) ||
	       load_entries(ld, a->name) ? -1 : 0;
}

static FILE *load_open(const struct load *ld, const char *file,
		       const char **path)
{
	FILE *f;

	if (!strcmp(file, "-")) {
		*path = "<stdin>";
		return stdin;
	}
	*path = file;
	f = fopen(file, "r");
	if (!f)
		load_error(ld, file, strerror(errno));
	return f;
}

int fw443_load(struct fw443_change *c, const struct fw443_list_args *a)
{
	struct load *ld = calloc(1, sizeof(*ld));
	const char *path;
	int ret = -1;
	FILE *f;

	if (!ld) {
		fprintf(stderr, "%s: %s\n", PROG_NAME, strerror(errno));
		return ret;
	}
	ld->context = c->stage ? fw443_nl_what(c->nl) : NULL;
	f = load_open(ld, a->file, &path);
	if (f) {
		fw443_feed_init(&ld->feed, f);
		fw443_listadd_init(&ld->la, c->nl, ld->context, path);
		ret = load_list(c, ld, a);
		if (f != stdin)
			fclose(f);
	}
	free(ld);
	return ret;
}
