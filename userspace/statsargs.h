/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The words after "fw443 stats". Pure: no I/O.
 *
 *   [-j | --prometheus] [--reset] [--output FILE] [-h]
 *
 * in any order; -j may also come before "stats".
 */
#ifndef FW443_STATSARGS_H
#define FW443_STATSARGS_H

#include <stdbool.h>
#include <stdint.h>

#include "args.h"

enum fw443_stats_format {
	FW443_STATS_TEXT,
	FW443_STATS_JSON,
	FW443_STATS_PROMETHEUS,
};

struct fw443_stats_args {
	bool help;		/* -h: nothing else is done */
	uint8_t format;		/* enum fw443_stats_format */
	bool reset;		/* --reset: read the counters and zero them */
	const char *output;	/* --output FILE, or NULL: standard output */
};

/*
 * Parses the @argc words at @argv; @opts holds the options given before
 * the command. Returns 0, or -1 with @u set.
 */
int fw443_stats_args_parse(int argc, char *const argv[], unsigned int opts,
			   struct fw443_stats_args *a, struct fw443_usage *u);

#endif
