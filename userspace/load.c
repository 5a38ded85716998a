// SPDX-License-Identifier: GPL-2.0
/*
 * The file is parsed and sent chunk by chunk inside a transaction, so memory
 * stays at two chunks whatever the file's size; the kernel stages it all and
 * switches to it at the commit. Any failure aborts the transaction (closing
 * the socket would too), and the list stays as it was.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <uapi/linux/fw443.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "chunk.h"
#include "cli.h"
#include "entry.h"
#include "feed.h"
#include "listnl.h"
#include "load.h"

/* "FILE:LINE", "FILE:LINE:COL" or "FILE: lines A-B", for messages. */
#define LOAD_WHERE_LEN	(FW443_ERROR_LEN + 64)

struct load {
	struct fw443_nl *nl;
	const char *name;	/* the list */
	const char *path;	/* the file, as messages name it */
	struct fw443_feed feed;
	struct fw443_chunk chunks[2];	/* IPv4, IPv6 */
};

/* The kernel refused entry @index of @c (or all of @c, if it named none). */
static void load_chunk_failed(const struct load *ld, const struct fw443_chunk *c,
			      const struct fw443_nl_ack *ack)
{
	char where[LOAD_WHERE_LEN];

	if (ack->has_index && ack->index < c->count)
		snprintf(where, sizeof(where), "%s:%lu", ld->path,
			 c->lines[ack->index]);
	else
		snprintf(where, sizeof(where), "%s: lines %lu-%lu", ld->path,
			 c->lines[0], c->lines[c->count - 1]);
	fw443_nl_report(ld->nl, where, ack);
}

static int load_send_chunk(struct load *ld, struct fw443_chunk *c)
{
	struct nlmsghdr *nlh;
	struct fw443_nl_ack ack;

	if (!c->count)
		return 0;
	nlh = fw443_list_request(ld->nl, FW443_CMD_LIST_ADD, ld->name, 0);
	fw443_chunk_put(c, nlh);
	if (fw443_nl_call(ld->nl, nlh, NULL, NULL, &ack)) {
		load_chunk_failed(ld, c, &ack);
		return -1;
	}
	c->count = 0;
	return 0;
}

/* Packed arrays carry no timeouts: such an entry goes on its own. */
static int load_send_timed(struct load *ld, const struct fw443_feed_entry *e)
{
	struct nlmsghdr *nlh;
	struct fw443_nl_ack ack;
	char where[LOAD_WHERE_LEN];

	nlh = fw443_list_request(ld->nl, FW443_CMD_LIST_ADD, ld->name, 0);
	fw443_entry_put(nlh, &e->prefix, e->timeout);
	if (!fw443_nl_call(ld->nl, nlh, NULL, NULL, &ack))
		return 0;
	snprintf(where, sizeof(where), "%s:%lu", ld->path, ld->feed.line);
	fw443_nl_report(ld->nl, where, &ack);
	return -1;
}

static int load_entry(struct load *ld, const struct fw443_feed_entry *e)
{
	struct fw443_chunk *c = &ld->chunks[e->prefix.family == AF_INET6];

	if (e->timeout)
		return load_send_timed(ld, e);
	if (fw443_chunk_full(c) && load_send_chunk(ld, c))
		return -1;
	fw443_chunk_add(c, &e->prefix, ld->feed.line);
	return 0;
}

static int load_entries(struct load *ld)
{
	struct fw443_feed_entry e;
	struct fw443_parse_error err;
	int ret;

	while ((ret = fw443_feed_next(&ld->feed, &e, &err)) > 0) {
		if (load_entry(ld, &e))
			return -1;
	}
	if (ret < 0) {
		if (err.col)
			fprintf(stderr, "%s: %s:%lu:%u: %s\n", PROG_NAME,
				ld->path, ld->feed.line, err.col, err.msg);
		else
			fprintf(stderr, "%s: %s:%lu: %s\n", PROG_NAME,
				ld->path, ld->feed.line, err.msg);
		return -1;
	}
	return load_send_chunk(ld, &ld->chunks[0]) ||
	       load_send_chunk(ld, &ld->chunks[1]) ? -1 : 0;
}

static int load_txn(struct load *ld, uint8_t kind,
		    const struct fw443_list_args *a)
{
	bool exists;

	if (fw443_nl_command(ld->nl, FW443_CMD_TXN_BEGIN))
		return -1;
	if (fw443_list_check_kind(ld->nl, ld->name, kind, &exists) ||
	    fw443_list_create(ld->nl, ld->name, kind, a->direction, a->flags,
			      true) ||
	    load_entries(ld) ||
	    fw443_nl_command(ld->nl, FW443_CMD_TXN_COMMIT)) {
		fw443_nl_txn_abort(ld->nl);
		return -1;
	}
	return 0;
}

static FILE *load_open(const char *file, const char **path)
{
	FILE *f;

	if (!strcmp(file, "-")) {
		*path = "<stdin>";
		return stdin;
	}
	*path = file;
	f = fopen(file, "r");
	if (!f)
		fprintf(stderr, "%s: %s: %s\n", PROG_NAME, file,
			strerror(errno));
	return f;
}

int fw443_load(struct fw443_nl *nl, uint8_t kind,
	       const struct fw443_list_args *a)
{
	struct load *ld = calloc(1, sizeof(*ld));
	FILE *f = NULL;
	int ret = FW443_EXIT_FAILURE;

	if (!ld) {
		fprintf(stderr, "%s: %s\n", PROG_NAME, strerror(errno));
		return ret;
	}
	ld->nl = nl;
	ld->name = a->name;
	f = load_open(a->file, &ld->path);
	if (f) {
		fw443_feed_init(&ld->feed, f);
		fw443_chunk_init(&ld->chunks[0], AF_INET);
		fw443_chunk_init(&ld->chunks[1], AF_INET6);
		if (!load_txn(ld, kind, a))
			ret = FW443_EXIT_OK;
		if (f != stdin)
			fclose(f);
	}
	free(ld);
	return ret;
}
