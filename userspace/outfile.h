/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Output that replaces a file atomically: it is written to a temporary file
 * beside it, synced, made 0644 and renamed over it, so a reader (Prometheus
 * node_exporter's textfile collector) sees the old file or the new one,
 * never half of one. Errors are reported on stderr as
 * "fw443: WHAT: FILE: <what failed>: <errno text>".
 */
#ifndef FW443_OUTFILE_H
#define FW443_OUTFILE_H

#include <stdio.h>

struct fw443_outfile {
	const char *what;	/* the command, in messages */
	const char *path;	/* the file to replace */
	char *tmp;		/* PATH.XXXXXX */
	FILE *f;		/* write here */
};

/* Creates the temporary file. Returns 0, or -1 after reporting why. */
int fw443_outfile_open(struct fw443_outfile *o, const char *what,
		       const char *path);

/*
 * Puts what was written in place of @o->path. Returns 0, or -1 after
 * reporting why, the temporary file removed and @o->path untouched.
 */
int fw443_outfile_commit(struct fw443_outfile *o);

/* Removes the temporary file, for output that failed before commit. */
void fw443_outfile_abort(struct fw443_outfile *o);

#endif
