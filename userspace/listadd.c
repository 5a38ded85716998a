// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "entry.h"
#include "listadd.h"
#include "listnl.h"

/* "[CONTEXT: ]PATH:LINE" or "[CONTEXT: ]PATH: lines A-B", for messages. */
#define LISTADD_WHERE_LEN	(2 * FW443_ERROR_LEN + 64)

void fw443_listadd_init(struct fw443_listadd *la, struct fw443_nl *nl,
			const char *context, const char *path)
{
	la->nl = nl;
	la->context = context;
	la->path = path;
	la->name[0] = '\0';
	fw443_chunk_init(&la->chunks[0], AF_INET);
	fw443_chunk_init(&la->chunks[1], AF_INET6);
}

static void listadd_report(const struct fw443_listadd *la,
			   const struct fw443_nl_ack *ack, unsigned long first,
			   unsigned long last)
{
	char where[LISTADD_WHERE_LEN];
	int n = 0;

	if (la->context)
		n = snprintf(where, sizeof(where), "%s: ", la->context);
	if (first == last)
		snprintf(where + n, sizeof(where) - n, "%s:%lu", la->path,
			 first);
	else
		snprintf(where + n, sizeof(where) - n, "%s: lines %lu-%lu",
			 la->path, first, last);
	fw443_nl_report(la->nl, where, ack);
}

/* The kernel names the bad entry of a chunk by its index, if it can. */
static int listadd_send_chunk(struct fw443_listadd *la, struct fw443_chunk *c)
{
	struct nlmsghdr *nlh;
	struct fw443_nl_ack ack;

	if (!c->count)
		return 0;
	nlh = fw443_list_request(la->nl, FW443_CMD_LIST_ADD, la->name, 0);
	fw443_chunk_put(c, nlh);
	if (fw443_nl_call(la->nl, nlh, NULL, NULL, &ack)) {
		if (ack.has_index && ack.index < c->count)
			listadd_report(la, &ack, c->lines[ack.index],
				       c->lines[ack.index]);
		else
			listadd_report(la, &ack, c->lines[0],
				       c->lines[c->count - 1]);
		return -1;
	}
	c->count = 0;
	return 0;
}

int fw443_listadd_flush(struct fw443_listadd *la)
{
	return listadd_send_chunk(la, &la->chunks[0]) ||
	       listadd_send_chunk(la, &la->chunks[1]) ? -1 : 0;
}

static int listadd_send_timed(struct fw443_listadd *la,
			      const struct fw443_addr_prefix *p,
			      uint32_t timeout, unsigned long line)
{
	struct nlmsghdr *nlh;
	struct fw443_nl_ack ack;

	nlh = fw443_list_request(la->nl, FW443_CMD_LIST_ADD, la->name, 0);
	fw443_entry_put(nlh, p, timeout);
	if (!fw443_nl_call(la->nl, nlh, NULL, NULL, &ack))
		return 0;
	listadd_report(la, &ack, line, line);
	return -1;
}

int fw443_listadd_entry(struct fw443_listadd *la, const char *name,
			const struct fw443_addr_prefix *p, uint32_t timeout,
			unsigned long line)
{
	struct fw443_chunk *c = &la->chunks[p->family == AF_INET6];

	if (strcmp(la->name, name)) {
		if (fw443_listadd_flush(la))
			return -1;
		snprintf(la->name, sizeof(la->name), "%s", name);
	}
	if (timeout)
		return listadd_send_timed(la, p, timeout, line);
	if (fw443_chunk_full(c) && listadd_send_chunk(la, c))
		return -1;
	fw443_chunk_add(c, p, line);
	return 0;
}
