/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The interfaces given a zone (FW443_CMD_ZONE_GET replies): parsing, and
 * rendering as "IFNAME ZONE" lines or JSON. Pure: writes only to the FILE *
 * it is given.
 */
#ifndef FW443_ZONE_H
#define FW443_ZONE_H

#include <stdio.h>
#include <jansson.h>
#include <libmnl/libmnl.h>
#include <net/if.h>
#include <uapi/linux/fw443.h>

#include "attr.h"

struct fw443_zone {
	char ifname[IFNAMSIZ];
	char zone[FW443_ZONE_NAME_MAX];
};

/* Parses one ZONE_GET message. Returns 0, or -1 with @err set. */
int fw443_zone_parse(const struct nlmsghdr *nlh, struct fw443_zone *z,
		     struct fw443_error *err);

/* "IFNAME ZONE\n": what "fw443 zone set" takes. Returns 0, or -1. */
int fw443_zone_print(const struct fw443_zone *z, FILE *f);

/* {"interface":"eth0","zone":"inside"}, or NULL out of memory. */
json_t *fw443_zone_to_json(const struct fw443_zone *z);

#endif
