/* SPDX-License-Identifier: GPL-2.0 */
/* List requests shared by the block/allow operations, over nl.c. */
#ifndef FW443_LISTNL_H
#define FW443_LISTNL_H

#include <stdbool.h>
#include <stdint.h>

#include "nl.h"

/* A request for @cmd carrying FW443_A_LIST_NAME @name. */
struct nlmsghdr *fw443_list_request(struct fw443_nl *nl, uint8_t cmd,
				    const char *name, uint16_t flags);

/*
 * Looks list @name up. Returns 0 with *exists set, or -1 after reporting a
 * failure, including a list of another kind than @kind: block and allow
 * lists share one namespace of names, and an operation of one kind never
 * touches a list of the other.
 */
int fw443_list_check_kind(struct fw443_nl *nl, const char *name, uint8_t kind,
			  bool *exists);

/*
 * Says that list @name is of kind @has, not @wanted: an operation of one
 * kind never touches a list of the other.
 */
void fw443_list_kind_mismatch(const char *what, const char *name, uint8_t has,
			      uint8_t wanted);

/* LIST_CREATE; @replace redefines an existing list and empties it. */
int fw443_list_create(struct fw443_nl *nl, const char *name, uint8_t kind,
		      uint8_t direction, uint8_t flags, bool replace);

#endif
