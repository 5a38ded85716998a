// SPDX-License-Identifier: GPL-2.0
#include <string.h>
#include <linux/genetlink.h>
#include <uapi/linux/fw443.h>

#include "ctrl.h"

static const struct fw443_attr_policy ctrl_policy[CTRL_ATTR_MCAST_GROUPS + 1] = {
	[CTRL_ATTR_FAMILY_ID]	 = { MNL_TYPE_U16, "CTRL_ATTR_FAMILY_ID" },
	[CTRL_ATTR_MCAST_GROUPS] = { MNL_TYPE_NESTED, "CTRL_ATTR_MCAST_GROUPS" },
};

static const struct fw443_attr_policy grp_policy[CTRL_ATTR_MCAST_GRP_MAX + 1] = {
	[CTRL_ATTR_MCAST_GRP_NAME] = { MNL_TYPE_NUL_STRING,
				       "CTRL_ATTR_MCAST_GRP_NAME" },
	[CTRL_ATTR_MCAST_GRP_ID]   = { MNL_TYPE_U32, "CTRL_ATTR_MCAST_GRP_ID" },
};

struct ctrl_groups {
	struct fw443_ctrl_family *fam;
	struct fw443_error *err;
};

/*
 * One group of CTRL_ATTR_MCAST_GROUPS: a nest whose type is only its
 * index in the list, holding the group's name and id.
 */
static int ctrl_group_cb(const struct nlattr *attr, void *data)
{
	const struct nlattr *tb[CTRL_ATTR_MCAST_GRP_MAX + 1] = { NULL };
	struct ctrl_groups *g = data;

	if (mnl_attr_validate(attr, MNL_TYPE_NESTED) < 0) {
		fw443_error_set(g->err,
				"CTRL_ATTR_MCAST_GROUPS: malformed group %u",
				mnl_attr_get_type(attr));
		return MNL_CB_ERROR;
	}
	if (fw443_attr_parse_nested(attr, grp_policy,
				    CTRL_ATTR_MCAST_GRP_MAX, tb,
				    "multicast group", g->err) ||
	    fw443_attr_require(grp_policy, CTRL_ATTR_MCAST_GRP_MAX, tb,
			       "multicast group", g->err))
		return MNL_CB_ERROR;
	if (!strcmp(mnl_attr_get_str(tb[CTRL_ATTR_MCAST_GRP_NAME]),
		    FW443_MCGRP_EVENTS))
		g->fam->events_group =
			mnl_attr_get_u32(tb[CTRL_ATTR_MCAST_GRP_ID]);
	return MNL_CB_OK;
}

int fw443_ctrl_family_parse(const struct nlmsghdr *nlh,
			    struct fw443_ctrl_family *fam,
			    struct fw443_error *err)
{
	const struct nlattr *tb[CTRL_ATTR_MCAST_GROUPS + 1] = { NULL };
	struct ctrl_groups g = { fam, err };

	memset(fam, 0, sizeof(*fam));
	if (fw443_attr_parse_msg(nlh, GENL_HDRLEN, ctrl_policy,
				 CTRL_ATTR_MCAST_GROUPS, tb, "controller reply",
				 err))
		return -1;
	if (!tb[CTRL_ATTR_FAMILY_ID]) {
		fw443_error_set(err, "controller reply: CTRL_ATTR_FAMILY_ID missing");
		return -1;
	}
	fam->id = mnl_attr_get_u16(tb[CTRL_ATTR_FAMILY_ID]);
	/* A family without groups has no CTRL_ATTR_MCAST_GROUPS at all. */
	if (!tb[CTRL_ATTR_MCAST_GROUPS])
		return 0;
	return fw443_attr_walk_nested(tb[CTRL_ATTR_MCAST_GROUPS],
				      ctrl_group_cb, &g,
				      "CTRL_ATTR_MCAST_GROUPS", err);
}

int fw443_ctrl_family_reply(const struct nlmsghdr *nlh, void *data,
			    struct fw443_error *err)
{
	return fw443_ctrl_family_parse(nlh, data, err);
}
