/* SPDX-License-Identifier: GPL-2.0 */
/* "fw443 save": the running configuration as a ruleset. */
#ifndef FW443_SAVE_H
#define FW443_SAVE_H

/*
 * Prints the configuration on standard output as the ruleset that makes
 * it, in canonical form (ruleset_print.h), after a comment that names the
 * generation and the versions. @what prefixes messages. Returns an exit
 * status.
 */
int fw443_save(const char *what);

#endif
