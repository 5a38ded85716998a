/* SPDX-License-Identifier: GPL-2.0 */
/* The FW443_CMD_GET_STATUS reply: parsing and rendering. Pure: no I/O. */
#ifndef FW443_STATUS_H
#define FW443_STATUS_H

#include <stdint.h>
#include <stdio.h>
#include <jansson.h>
#include <libmnl/libmnl.h>

#include "attr.h"

/* Room for the module's version string, NUL included. */
#define FW443_STATUS_VERSION_LEN 64

struct fw443_status {
	char version[FW443_STATUS_VERSION_LEN];
	uint64_t generation;
};

/* Parses a whole generic netlink reply. Returns 0, or -1 with @err set. */
int fw443_status_parse(const struct nlmsghdr *nlh, struct fw443_status *st,
		       struct fw443_error *err);

void fw443_status_print(const struct fw443_status *st, FILE *f);

/* {"version": "...", "generation": N}, or NULL if it cannot be built. */
json_t *fw443_status_to_json(const struct fw443_status *st);

#endif
