/* SPDX-License-Identifier: GPL-2.0 */
/* Reading lists back: every list's summary, or one list's entries. */
#ifndef FW443_SHOW_H
#define FW443_SHOW_H

/*
 * Both print on stdout, as a table/lines or (with FW443_OPT_JSON in @opts)
 * JSON, and return an exit status. @what prefixes error messages.
 */
int fw443_show_lists(const char *what, unsigned int opts);
int fw443_show_entries(const char *what, const char *name, unsigned int opts);

#endif
