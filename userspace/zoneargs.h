/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The words after "fw443 zone", and the names they carry. Pure: no I/O.
 *
 *   set IFNAME ZONE
 *   del IFNAME
 *   [list]
 *
 * -j goes with list only.
 */
#ifndef FW443_ZONEARGS_H
#define FW443_ZONEARGS_H

#include <stdbool.h>

#include "args.h"

enum fw443_zone_op {
	FW443_ZONE_LIST,
	FW443_ZONE_SET,
	FW443_ZONE_DEL,
};

struct fw443_zone_args {
	uint8_t op;		/* enum fw443_zone_op */
	const char *ifname;	/* set, del */
	const char *zone;	/* set */
};

/*
 * Parses the @argc words at @argv (options taken out; -j in @opts).
 * Returns 0, or -1 with @u set.
 */
int fw443_zone_args_parse(int argc, char *const argv[], unsigned int opts,
			  struct fw443_zone_args *a, struct fw443_usage *u);

/*
 * A zone: 1..FW443_ZONE_NAME_MAX-1 letters, digits, '_' and '-'. An
 * interface (@iface) cannot be in "local" (the host) nor "any" (a rule's
 * word for every zone). Returns 0, or -1 with @u set.
 */
int fw443_zone_name_check(const char *name, bool iface,
			  struct fw443_usage *u);

/*
 * An interface name: 1..IFNAMSIZ-1 bytes, none of them '/', ':' or
 * white space, and not "." or ".."; a '+' at its end makes it a wildcard.
 * Returns 0, or -1 with @u set.
 */
int fw443_ifname_check(const char *name, struct fw443_usage *u);

#endif
