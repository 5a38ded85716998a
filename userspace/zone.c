// SPDX-License-Identifier: GPL-2.0
#include <linux/genetlink.h>

#include "zone.h"

static const struct fw443_attr_policy zone_policy[FW443_A_MAX + 1] = {
	[FW443_A_IFNAME] = { MNL_TYPE_NUL_STRING, "FW443_A_IFNAME" },
	[FW443_A_ZONE]	 = { MNL_TYPE_NUL_STRING, "FW443_A_ZONE" },
};

int fw443_zone_parse(const struct nlmsghdr *nlh, struct fw443_zone *z,
		     struct fw443_error *err)
{
	const struct nlattr *tb[FW443_A_MAX + 1] = { NULL };

	if (fw443_attr_parse_msg(nlh, GENL_HDRLEN, zone_policy, FW443_A_MAX,
				 tb, "zone", err) ||
	    fw443_attr_require(zone_policy, FW443_A_MAX, tb, "zone", err) ||
	    fw443_attr_strcpy(z->ifname, sizeof(z->ifname), tb[FW443_A_IFNAME],
			      zone_policy, "zone", err) ||
	    fw443_attr_strcpy(z->zone, sizeof(z->zone), tb[FW443_A_ZONE],
			      zone_policy, "zone", err))
		return -1;
	return 0;
}

int fw443_zone_print(const struct fw443_zone *z, FILE *f)
{
	return fprintf(f, "%s %s\n", z->ifname, z->zone) < 0 ? -1 : 0;
}

json_t *fw443_zone_to_json(const struct fw443_zone *z)
{
	return json_pack("{s:s, s:s}", "interface", z->ifname,
			 "zone", z->zone);
}
