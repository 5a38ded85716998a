// SPDX-License-Identifier: GPL-2.0
#include <ctype.h>
#include <string.h>
#include <net/if.h>
#include <uapi/linux/fw443.h>

#include "cli.h"
#include "zoneargs.h"

static const char *const zone_op_words[] = {
	[FW443_ZONE_LIST] = "list",
	[FW443_ZONE_SET]  = "set",
	[FW443_ZONE_DEL]  = "del",
};

static const struct fw443_args_ops zone_ops = {
	zone_op_words, ARRAY_SIZE(zone_op_words), FW443_ZONE_LIST, false,
};

/* The words after the operation: the first zone_nwords[op] of these. */
static const char *const zone_words[] = { "IFNAME", "ZONE" };
static const int zone_nwords[] = {
	[FW443_ZONE_LIST] = 0,
	[FW443_ZONE_SET]  = 2,
	[FW443_ZONE_DEL]  = 1,
};

int fw443_zone_name_check(const char *name, bool iface,
			  struct fw443_usage *u)
{
	size_t i, n = strlen(name);

	if (!n || n >= FW443_ZONE_NAME_MAX)
		goto bad;
	for (i = 0; i < n; i++) {
		if (!isalnum((unsigned char)name[i]) && !strchr("_-", name[i]))
			goto bad;
	}
	if (iface && (!strcmp(name, "local") || !strcmp(name, "any")))
		return fw443_args_fail(u, "an interface cannot be in zone",
				       name);
	return 0;

bad:
	return fw443_args_failf(u, name,
				"a zone name is 1 to %d letters, digits, '_' or '-', not",
				FW443_ZONE_NAME_MAX - 1);
}

int fw443_ifname_check(const char *name, struct fw443_usage *u)
{
	size_t i, n = strlen(name);

	if (!n || n >= IFNAMSIZ || !strcmp(name, ".") || !strcmp(name, ".."))
		goto bad;
	for (i = 0; i < n; i++) {
		if (isspace((unsigned char)name[i]) || strchr("/:", name[i]))
			goto bad;
	}
	return 0;

bad:
	return fw443_args_failf(u, name,
				"an interface name is 1 to %d bytes without '/', ':' or spaces, not",
				IFNAMSIZ - 1);
}

int fw443_zone_args_parse(int argc, char *const argv[], unsigned int opts,
			  struct fw443_zone_args *a, struct fw443_usage *u)
{
	memset(a, 0, sizeof(*a));
	if (fw443_args_op(&zone_ops, argc, argv, opts, &a->op, u) < 0 ||
	    fw443_args_positional(argc, argv, zone_words,
				  zone_nwords[a->op], u))
		return -1;
	if (a->op == FW443_ZONE_LIST)
		return 0;
	a->ifname = argv[1];
	if (fw443_ifname_check(a->ifname, u))
		return -1;
	if (a->op == FW443_ZONE_DEL)
		return 0;
	a->zone = argv[2];
	return fw443_zone_name_check(a->zone, true, u);
}
