/* SPDX-License-Identifier: GPL-2.0 */
/* "fw443 apply" and "fw443 check": a ruleset file as one transaction. */
#ifndef FW443_APPLY_H
#define FW443_APPLY_H

#include <stdbool.h>

/*
 * Runs the ruleset in @file ("-": standard input) in one kernel
 * transaction that first clears what runs, and commits it (@commit) or,
 * to check it, aborts it. Without CAP_NET_ADMIN a check parses only, and
 * says so. @what prefixes messages. Returns an exit status.
 */
int fw443_apply(const char *what, const char *file, bool commit);

#endif
