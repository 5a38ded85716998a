/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lists of a ruleset while its transaction is open. The kernel's reads
 * show the running configuration only, so what the ruleset staged is kept
 * here: which lists it has made, of which kind.
 *
 * A ruleset states the whole configuration, so a list it does not name
 * goes. A running list it names again is redefined in place (LIST_CREATE
 * with FW443_A_REPLACE, which empties it) rather than destroyed and made
 * anew, so that its hit counter goes on; the running lists it never named
 * are destroyed at the end, or earlier when their place is needed under
 * the limit of FW443_LISTS_MAX.
 */
#ifndef FW443_STAGE_H
#define FW443_STAGE_H

#include <stdbool.h>
#include <stdint.h>

#include "listadd.h"
#include "nl.h"
#include "prefix.h"

struct fw443_stage {
	struct fw443_nl *nl;
	unsigned long line;	/* of the ruleset command being staged */
	size_t n;
	struct fw443_stage_list {
		char name[FW443_LIST_NAME_MAX];
		uint8_t kind;
		bool running;	/* running, not named by the ruleset yet */
	} lists[FW443_LISTS_MAX];
	struct fw443_listadd adds;	/* the ruleset's add lines, packed */
};

/*
 * A stage for the ruleset at @path, whose entries are named by its lines,
 * with the running lists read in the transaction open on @nl. Returns NULL
 * after reporting a failure.
 */
struct fw443_stage *fw443_stage_new(struct fw443_nl *nl, const char *path);
void fw443_stage_free(struct fw443_stage *s);

/* As fw443_change_list_kind() etc. (change.h), for what is staged. */
int fw443_stage_list_kind(struct fw443_stage *s, const char *name,
			  uint8_t kind, bool *exists);
int fw443_stage_list_create(struct fw443_stage *s, const char *name,
			    uint8_t kind, uint8_t direction, uint8_t flags,
			    bool replace);
int fw443_stage_list_add(struct fw443_stage *s, const char *name,
			 const struct fw443_addr_prefix *p, uint32_t timeout);

/*
 * Sends the packed entries, so that the requests that follow come after
 * them as their lines do. Returns 0, or -1 after reporting a refusal.
 */
int fw443_stage_flush(struct fw443_stage *s);

/* The end of the ruleset: flushes, and destroys the lists it never named. */
int fw443_stage_finish(struct fw443_stage *s);

#endif
