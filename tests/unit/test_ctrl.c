// SPDX-License-Identifier: GPL-2.0
/*
 * ctrl.c against CTRL_CMD_GETFAMILY replies built as the controller builds
 * them (ctrl_fill_info() in net/netlink/genetlink.c): the family's name,
 * id, version and sizes, its operations, then its multicast groups, each a
 * nest of type index holding a name and an id.
 */
#include "kselftest_harness.h"
#include "ctrl.h"
#include "leak_check.h"
#include "unit.h"

#define TEST_FAMILY_ID	0x1d

struct test_group {
	const char *name;	/* NULL: left out */
	uint32_t id;		/* 0: left out */
};

FIXTURE(ctrl) {
	char buf[1024] __attribute__((aligned(8)));
	struct nlmsghdr *nlh;
	struct fw443_ctrl_family fam;
	struct fw443_error err;
};

/* What every reply starts with: the family, and one operation. */
FIXTURE_SETUP(ctrl)
{
	struct nlattr *ops, *op;

	self->nlh = unit_genl_msg(self->buf, sizeof(self->buf),
				  CTRL_CMD_NEWFAMILY);
	mnl_attr_put_strz(self->nlh, CTRL_ATTR_FAMILY_NAME, FW443_GENL_NAME);
	mnl_attr_put_u16(self->nlh, CTRL_ATTR_FAMILY_ID, TEST_FAMILY_ID);
	mnl_attr_put_u32(self->nlh, CTRL_ATTR_VERSION, FW443_GENL_VERSION);
	mnl_attr_put_u32(self->nlh, CTRL_ATTR_HDRSIZE, 0);
	mnl_attr_put_u32(self->nlh, CTRL_ATTR_MAXATTR, FW443_A_MAX);
	ops = mnl_attr_nest_start(self->nlh, CTRL_ATTR_OPS);
	op = mnl_attr_nest_start(self->nlh, 1);
	mnl_attr_put_u32(self->nlh, CTRL_ATTR_OP_ID, FW443_CMD_GET_STATUS);
	mnl_attr_put_u32(self->nlh, CTRL_ATTR_OP_FLAGS, 0);
	mnl_attr_nest_end(self->nlh, op);
	mnl_attr_nest_end(self->nlh, ops);
	memset(&self->err, 0, sizeof(self->err));
}

FIXTURE_TEARDOWN(ctrl)
{
	EXPECT_NO_LEAKS();
}

static void put_groups(struct nlmsghdr *nlh, const struct test_group *g,
		       size_t n)
{
	struct nlattr *groups = mnl_attr_nest_start(nlh,
						    CTRL_ATTR_MCAST_GROUPS);
	size_t i;

	for (i = 0; i < n; i++) {
		struct nlattr *grp = mnl_attr_nest_start(nlh, i + 1);

		if (g[i].id)
			mnl_attr_put_u32(nlh, CTRL_ATTR_MCAST_GRP_ID, g[i].id);
		if (g[i].name)
			mnl_attr_put_strz(nlh, CTRL_ATTR_MCAST_GRP_NAME,
					  g[i].name);
		mnl_attr_nest_end(nlh, grp);
	}
	mnl_attr_nest_end(nlh, groups);
}

static int parse(FIXTURE_DATA(ctrl) *self)
{
	return fw443_ctrl_family_parse(self->nlh, &self->fam, &self->err);
}

TEST_F(ctrl, events_group_among_others)
{
	const struct test_group g[] = {
		{ "config", 9 }, { "events", 12 }, { "events2", 13 },
	};

	put_groups(self->nlh, g, ARRAY_SIZE(g));
	ASSERT_EQ(0, parse(self)) {
		TH_LOG("%s", self->err.msg);
	}
	EXPECT_EQ(TEST_FAMILY_ID, self->fam.id);
	EXPECT_EQ(12, self->fam.events_group);
}

/* A module from before events registers no group: not an error. */
TEST_F(ctrl, no_groups_at_all)
{
	ASSERT_EQ(0, parse(self));
	EXPECT_EQ(TEST_FAMILY_ID, self->fam.id);
	EXPECT_EQ(0, self->fam.events_group);
}

TEST_F(ctrl, no_events_group)
{
	const struct test_group g[] = { { "event", 4 }, { "EVENTS", 5 } };

	put_groups(self->nlh, g, ARRAY_SIZE(g));
	ASSERT_EQ(0, parse(self));
	EXPECT_EQ(0, self->fam.events_group);
}

/* What a newer controller may add, at both levels, is skipped. */
TEST_F(ctrl, skips_unknown_attributes)
{
	struct nlattr *groups, *grp;

	groups = mnl_attr_nest_start(self->nlh, CTRL_ATTR_MCAST_GROUPS);
	grp = mnl_attr_nest_start(self->nlh, 1);
	mnl_attr_put_strz(self->nlh, CTRL_ATTR_MCAST_GRP_NAME, "events");
	mnl_attr_put_u64(self->nlh, CTRL_ATTR_MCAST_GRP_MAX + 1, 1);
	mnl_attr_put_u32(self->nlh, CTRL_ATTR_MCAST_GRP_ID, 7);
	mnl_attr_nest_end(self->nlh, grp);
	mnl_attr_nest_end(self->nlh, groups);
	mnl_attr_put_u32(self->nlh, CTRL_ATTR_MAX + 1, 1);
	ASSERT_EQ(0, parse(self));
	EXPECT_EQ(7, self->fam.events_group);
}

TEST_F(ctrl, rejects_group_without_id)
{
	const struct test_group g[] = { { "config", 9 }, { "events", 0 } };

	put_groups(self->nlh, g, ARRAY_SIZE(g));
	ASSERT_EQ(-1, parse(self));
	EXPECT_STREQ("multicast group: CTRL_ATTR_MCAST_GRP_ID missing",
		     self->err.msg);
}

TEST_F(ctrl, rejects_group_without_name)
{
	const struct test_group g[] = { { NULL, 9 } };

	put_groups(self->nlh, g, ARRAY_SIZE(g));
	ASSERT_EQ(-1, parse(self));
	EXPECT_STREQ("multicast group: CTRL_ATTR_MCAST_GRP_NAME missing",
		     self->err.msg);
}

TEST_F(ctrl, rejects_short_group_id)
{
	struct nlattr *groups, *grp;

	groups = mnl_attr_nest_start(self->nlh, CTRL_ATTR_MCAST_GROUPS);
	grp = mnl_attr_nest_start(self->nlh, 1);
	mnl_attr_put_strz(self->nlh, CTRL_ATTR_MCAST_GRP_NAME, "events");
	mnl_attr_put_u16(self->nlh, CTRL_ATTR_MCAST_GRP_ID, 7);
	mnl_attr_nest_end(self->nlh, grp);
	mnl_attr_nest_end(self->nlh, groups);
	ASSERT_EQ(-1, parse(self));
	EXPECT_STREQ("multicast group: malformed attribute CTRL_ATTR_MCAST_GRP_ID (2-byte payload)",
		     self->err.msg);
}

TEST_F(ctrl, rejects_group_that_is_not_a_nest)
{
	struct nlattr *groups;

	groups = mnl_attr_nest_start(self->nlh, CTRL_ATTR_MCAST_GROUPS);
	mnl_attr_put_u16(self->nlh, 1, 7);
	mnl_attr_nest_end(self->nlh, groups);
	ASSERT_EQ(-1, parse(self));
	EXPECT_STREQ("CTRL_ATTR_MCAST_GROUPS: malformed group 1",
		     self->err.msg);
}

TEST(rejects_reply_without_family_id)
{
	char buf[256] __attribute__((aligned(8)));
	struct nlmsghdr *nlh = unit_genl_msg(buf, sizeof(buf),
					     CTRL_CMD_NEWFAMILY);
	struct fw443_ctrl_family fam;
	struct fw443_error err;

	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, FW443_GENL_NAME);
	ASSERT_EQ(-1, fw443_ctrl_family_parse(nlh, &fam, &err));
	EXPECT_STREQ("controller reply: CTRL_ATTR_FAMILY_ID missing", err.msg);
}

TEST_HARNESS_MAIN
