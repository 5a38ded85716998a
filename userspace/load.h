/* SPDX-License-Identifier: GPL-2.0 */
/* "block load" and "allow load": a list's whole content from a file. */
#ifndef FW443_LOAD_H
#define FW443_LOAD_H

#include "change.h"
#include "listargs.h"

/*
 * Replaces list @a->name (of @a->kind, created if missing) with the entries
 * of @a->file, in the transaction @c is in: everything, or nothing at all
 * when a line does not parse or the kernel refuses any of it. Returns 0, or
 * -1 after reporting what is wrong, naming the file's line.
 */
int fw443_load(struct fw443_change *c, const struct fw443_list_args *a);

#endif
