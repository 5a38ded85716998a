/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Output of a dump that the kernel may interrupt (NLM_F_DUMP_INTR) and
 * fw443_nl_dump() then runs again: what the dump gave is rendered into a
 * temporary file, not memory (a list holds millions of entries), and only
 * copied to standard output once the dump completed, so nothing is printed
 * twice.
 */
#ifndef FW443_SPOOL_H
#define FW443_SPOOL_H

#include <stdbool.h>
#include <stdio.h>

#include "nl.h"
#include "output.h"

struct fw443_spool {
	bool json;			/* render JSON, not text */
	struct fw443_json_array out;	/* out.f: the temporary file */
};

/* Forgets what was written: a fw443_nl_restart_fn. */
int fw443_spool_restart(void *data);

/*
 * Copies what was written to standard output between @before and @after
 * (either may be NULL). Returns an exit status, after reporting a failure.
 */
int fw443_spool_output(struct fw443_spool *sp, const char *what,
		       const char *before, const char *after);

/*
 * Reads into @sp through @nl and outputs it; returns an exit status, after
 * reporting a failure.
 */
typedef int (*fw443_spool_fn)(struct fw443_nl *nl, struct fw443_spool *sp,
			      const void *data);

/*
 * Opens a socket and a spool for @what, runs @fn with them, and closes
 * both. Returns @fn's exit status, or a failure to open.
 */
int fw443_spool_run(const char *what, bool json, fw443_spool_fn fn,
		    const void *data);

#endif
