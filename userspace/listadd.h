/* SPDX-License-Identifier: GPL-2.0 */
/*
 * LIST_ADDs of many entries, as a list file or a ruleset gives them: packed
 * in chunks of each family (chunk.c) for one list at a time, so a million
 * entries take a few dozen requests. Each entry keeps the number of the
 * line it came from, so an entry the kernel refuses is named by its line.
 * An entry with a timeout, which packed arrays cannot carry, goes alone.
 */
#ifndef FW443_LISTADD_H
#define FW443_LISTADD_H

#include <stdint.h>
#include <uapi/linux/fw443.h>

#include "chunk.h"
#include "nl.h"
#include "prefix.h"

struct fw443_listadd {
	struct fw443_nl *nl;
	/* Messages: "fw443: [CONTEXT: ]PATH:LINE: why"; CONTEXT may be NULL. */
	const char *context;
	const char *path;
	char name[FW443_LIST_NAME_MAX];	/* the list the chunks are for */
	struct fw443_chunk chunks[2];	/* IPv4, IPv6 */
};

void fw443_listadd_init(struct fw443_listadd *la, struct fw443_nl *nl,
			const char *context, const char *path);

/*
 * Adds @p, expiring after @timeout seconds (0: never), read from line
 * @line, to list @name; what was packed for another list is sent first.
 * Returns 0, or -1 after reporting the kernel's refusal.
 */
int fw443_listadd_entry(struct fw443_listadd *la, const char *name,
			const struct fw443_addr_prefix *p, uint32_t timeout,
			unsigned long line);

/* Sends what is packed. Returns 0, or -1 after reporting a refusal. */
int fw443_listadd_flush(struct fw443_listadd *la);

#endif
