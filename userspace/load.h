/* SPDX-License-Identifier: GPL-2.0 */
/* "block load" and "allow load": a list's whole content from a file. */
#ifndef FW443_LOAD_H
#define FW443_LOAD_H

#include <stdint.h>

#include "listargs.h"
#include "nl.h"

/*
 * Replaces list @a->name (of @kind, created if missing) with the entries of
 * @a->file in one transaction: everything, or nothing at all when a line
 * does not parse or the kernel refuses any of it. Returns an exit status.
 */
int fw443_load(struct fw443_nl *nl, uint8_t kind,
	       const struct fw443_list_args *a);

#endif
