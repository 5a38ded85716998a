// SPDX-License-Identifier: GPL-2.0
/*
 * zoneargs.c (the words of "fw443 zone ...") and zone.c (ZONE_GET replies,
 * built as the kernel builds them).
 */
#include <stdlib.h>

#include "kselftest_harness.h"
#include "cli.h"
#include "leak_check.h"
#include "unit.h"
#include "zone.h"
#include "zoneargs.h"

VARIANTS_FIXTURE(args)

/* The words and -j; then the parse, or the error as the user reads it. */
FIXTURE_VARIANT(args) {
	const char *argv[6];
	unsigned int opts;
	const char *says;
	uint8_t op;
	const char *ifname;
	const char *zone;
};

FIXTURE_VARIANT_ADD(args, nothing_is_list) {
	.op = FW443_ZONE_LIST,
};

FIXTURE_VARIANT_ADD(args, list_json) {
	.argv = { "list" }, .opts = FW443_OPT_JSON, .op = FW443_ZONE_LIST,
};

FIXTURE_VARIANT_ADD(args, set) {
	.argv = { "set", "eth0", "inside" }, .op = FW443_ZONE_SET,
	.ifname = "eth0", .zone = "inside",
};

FIXTURE_VARIANT_ADD(args, set_wildcard_longest_names) {
	.argv = { "set", "abcdefghijklmn+", "Zone_15-chars_x" },
	.op = FW443_ZONE_SET, .ifname = "abcdefghijklmn+",
	.zone = "Zone_15-chars_x",
};

FIXTURE_VARIANT_ADD(args, del) {
	.argv = { "del", "wg+" }, .op = FW443_ZONE_DEL, .ifname = "wg+",
};

FIXTURE_VARIANT_ADD(args, json_with_set) {
	.argv = { "set", "eth0", "inside" }, .opts = FW443_OPT_JSON,
	.says = "-j only goes with 'list'",
};

FIXTURE_VARIANT_ADD(args, unknown_operation) {
	.argv = { "show" }, .says = "unknown operation 'show'",
};

FIXTURE_VARIANT_ADD(args, set_without_words) {
	.argv = { "set" }, .says = "set: missing IFNAME",
};

FIXTURE_VARIANT_ADD(args, set_without_zone) {
	.argv = { "set", "eth0" }, .says = "set: missing ZONE",
};

FIXTURE_VARIANT_ADD(args, del_without_ifname) {
	.argv = { "del" }, .says = "del: missing IFNAME",
};

FIXTURE_VARIANT_ADD(args, set_extra_word) {
	.argv = { "set", "eth0", "inside", "now" },
	.says = "unexpected argument 'now'",
};

FIXTURE_VARIANT_ADD(args, list_extra_word) {
	.argv = { "list", "eth0" }, .says = "unexpected argument 'eth0'",
};

FIXTURE_VARIANT_ADD(args, zone_local) {
	.argv = { "set", "eth0", "local" },
	.says = "an interface cannot be in zone 'local'",
};

FIXTURE_VARIANT_ADD(args, zone_any) {
	.argv = { "set", "eth0", "any" },
	.says = "an interface cannot be in zone 'any'",
};

FIXTURE_VARIANT_ADD(args, zone_with_space) {
	.argv = { "set", "eth0", "in side" },
	.says = "a zone name is 1 to 15 letters, digits, '_' or '-', not 'in side'",
};

FIXTURE_VARIANT_ADD(args, zone_too_long) {
	.argv = { "set", "eth0", "abcdefghijklmnop" },
	.says = "a zone name is 1 to 15 letters, digits, '_' or '-', not 'abcdefghijklmnop'",
};

FIXTURE_VARIANT_ADD(args, zone_empty) {
	.argv = { "set", "eth0", "" },
	.says = "a zone name is 1 to 15 letters, digits, '_' or '-', not ''",
};

FIXTURE_VARIANT_ADD(args, ifname_too_long) {
	.argv = { "set", "abcdefghijklmnop", "x" },
	.says = "an interface name is 1 to 15 bytes without '/', ':' or spaces, not 'abcdefghijklmnop'",
};

FIXTURE_VARIANT_ADD(args, ifname_with_slash) {
	.argv = { "del", "eth/0" },
	.says = "an interface name is 1 to 15 bytes without '/', ':' or spaces, not 'eth/0'",
};

FIXTURE_VARIANT_ADD(args, ifname_dot) {
	.argv = { "del", "." },
	.says = "an interface name is 1 to 15 bytes without '/', ':' or spaces, not '.'",
};

TEST_F(args, parse)
{
	struct fw443_zone_args a;
	struct fw443_usage u = { 0 };
	int ret;

	ret = fw443_zone_args_parse(unit_argc(variant->argv),
				    (char *const *)variant->argv,
				    variant->opts, &a, &u);
	if (!unit_usage(_metadata, ret, variant->says, &u))
		return;
	EXPECT_EQ(variant->op, a.op);
	if (variant->ifname) {
		EXPECT_STREQ(variant->ifname, a.ifname);
	} else {
		EXPECT_EQ(NULL, a.ifname);
	}
	if (variant->zone) {
		EXPECT_STREQ(variant->zone, a.zone);
	} else {
		EXPECT_EQ(NULL, a.zone);
	}
}

/* Rules name zones too, and "any" and "local" are theirs. */
TEST(rules_may_name_any_and_local)
{
	struct fw443_usage u = { 0 };

	EXPECT_EQ(0, fw443_zone_name_check("any", false, &u));
	EXPECT_EQ(0, fw443_zone_name_check("local", false, &u));
	EXPECT_EQ(-1, fw443_zone_name_check("lo cal", false, &u));
}

FIXTURE(reply) {
	char buf[512] __attribute__((aligned(8)));
	struct nlmsghdr *nlh;
	struct fw443_zone z;
	struct fw443_error err;
};

FIXTURE_SETUP(reply)
{
	self->nlh = unit_genl_msg(self->buf, sizeof(self->buf),
				  FW443_CMD_ZONE_GET);
}

FIXTURE_TEARDOWN(reply)
{
	EXPECT_NO_LEAKS();
}

TEST_F(reply, line_and_json)
{
	struct unit_out out;
	char *json;

	mnl_attr_put_strz(self->nlh, FW443_A_IFNAME, "wg+");
	mnl_attr_put_strz(self->nlh, FW443_A_ZONE, "vpn");
	mnl_attr_put_u32(self->nlh, FW443_A_MAX + 1, 7);
	ASSERT_EQ(0, fw443_zone_parse(self->nlh, &self->z, &self->err)) {
		TH_LOG("%s", self->err.msg);
	}
	ASSERT_NE(NULL, unit_out_start(&out));
	EXPECT_EQ(0, fw443_zone_print(&self->z, out.f));
	EXPECT_STREQ("wg+ vpn\n", unit_out_end(&out));
	free(out.text);

	json = unit_json(fw443_zone_to_json(&self->z));
	EXPECT_STREQ("{\"interface\":\"wg+\",\"zone\":\"vpn\"}", json);
	free(json);
}

TEST_F(reply, rejects_missing_zone)
{
	mnl_attr_put_strz(self->nlh, FW443_A_IFNAME, "eth0");
	EXPECT_EQ(-1, fw443_zone_parse(self->nlh, &self->z, &self->err));
	EXPECT_STREQ("zone: FW443_A_ZONE missing", self->err.msg);
}

TEST_F(reply, rejects_overlong_interface)
{
	mnl_attr_put_strz(self->nlh, FW443_A_IFNAME, "abcdefghijklmnop");
	mnl_attr_put_strz(self->nlh, FW443_A_ZONE, "x");
	EXPECT_EQ(-1, fw443_zone_parse(self->nlh, &self->z, &self->err));
	EXPECT_STREQ("zone: FW443_A_IFNAME longer than 15 bytes",
		     self->err.msg);
}

TEST_HARNESS_MAIN
