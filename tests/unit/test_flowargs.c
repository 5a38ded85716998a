// SPDX-License-Identifier: GPL-2.0
/*
 * flowargs.c (the words of "fw443 flows ...") and flowstate.c (state names,
 * timeouts in FLOWS_SET requests and GET_STATUS replies).
 */
#include <stdlib.h>

#include "kselftest_harness.h"
#include "cli.h"
#include "flowargs.h"
#include "flowstate.h"
#include "leak_check.h"
#include "unit.h"

/* What a word that is no state a flow can be in is not. */
#define NOT_A_STATE(word) \
	"a state is syn_sent, syn_sent2, syn_recv, established, fin_wait, " \
	"close_wait, last_ack, time_wait or close, not '" word "'"

VARIANTS_FIXTURE(args)

/*
 * The words and -j; then either the error as the user reads it, or the
 * parse: the filter's prefixes as text and its state, the settings, and
 * the timeouts as fw443_timeouts_print() writes them.
 */
FIXTURE_VARIANT(args) {
	const char *argv[12];
	unsigned int opts;
	const char *says;
	uint8_t op;
	const char *src, *dst;
	uint8_t state;
	bool has_max, has_pickup, pickup;
	uint32_t max;
	const char *timeouts;
};

FIXTURE_VARIANT_ADD(args, nothing_is_list) {
	.op = FW443_FLOWS_LIST,
};

FIXTURE_VARIANT_ADD(args, list_json) {
	.argv = { "list" }, .opts = FW443_OPT_JSON, .op = FW443_FLOWS_LIST,
};

FIXTURE_VARIANT_ADD(args, filter_without_list) {
	.argv = { "src", "10.1.2.3/16" }, .opts = FW443_OPT_JSON,
	.op = FW443_FLOWS_LIST, .src = "10.1.0.0/16",
};

FIXTURE_VARIANT_ADD(args, every_filter) {
	.argv = { "list", "state", "established", "dst", "2001:db8::1",
		  "src", "::/0" },
	.op = FW443_FLOWS_LIST, .src = "::/0", .dst = "2001:db8::1/128",
	.state = FW443_FLOW_ESTABLISHED,
};

FIXTURE_VARIANT_ADD(args, filter_v4_slash_0) {
	.argv = { "list", "dst", "0.0.0.0/0" }, .op = FW443_FLOWS_LIST,
	.dst = "0.0.0.0/0",
};

FIXTURE_VARIANT_ADD(args, filter_without_value) {
	.argv = { "list", "src" }, .says = "missing value after 'src'",
};

FIXTURE_VARIANT_ADD(args, filter_state_none) {
	.argv = { "state", "none" }, .says = NOT_A_STATE("none"),
};

FIXTURE_VARIANT_ADD(args, filter_two_families) {
	.argv = { "src", "10.0.0.0/8", "dst", "::/0" },
	.says = "src and dst must be of one IP version",
};

FIXTURE_VARIANT_ADD(args, filter_twice) {
	.argv = { "src", "10.0.0.0/8", "src", "11.0.0.0/8" },
	.says = "given twice: 'src'",
};

FIXTURE_VARIANT_ADD(args, filter_unknown) {
	.argv = { "list", "sport", "443" }, .says = "unexpected argument 'sport'",
};

FIXTURE_VARIANT_ADD(args, filter_bad_prefix) {
	.argv = { "dst", "2001:db8::/129" },
	.says = "bad prefix '2001:db8::/129': prefix length /129 is longer than 128 (IPv6)",
};

FIXTURE_VARIANT_ADD(args, set_everything) {
	.argv = { "set", "timeout", "established", "3600", "pickup", "on",
		  "max", "16777216", "timeout", "syn_sent", "60" },
	.op = FW443_FLOWS_SET, .has_max = true, .max = 16777216,
	.has_pickup = true, .pickup = true,
	.timeouts = " syn_sent 60 established 3600",
};

FIXTURE_VARIANT_ADD(args, set_max_0_is_default) {
	.argv = { "set", "max", "0" }, .op = FW443_FLOWS_SET, .has_max = true,
	.timeouts = "",
};

FIXTURE_VARIANT_ADD(args, set_pickup_off) {
	.argv = { "set", "pickup", "off" }, .op = FW443_FLOWS_SET,
	.has_pickup = true, .timeouts = "",
};

FIXTURE_VARIANT_ADD(args, set_longest_timeout) {
	.argv = { "set", "timeout", "close", "2147483" },
	.op = FW443_FLOWS_SET, .timeouts = " close 2147483",
};

FIXTURE_VARIANT_ADD(args, set_nothing) {
	.argv = { "set" },
	.says = "set: nothing to set: give max, pickup or timeout",
};

FIXTURE_VARIANT_ADD(args, set_max_too_big) {
	.argv = { "set", "max", "16777217" },
	.says = "max is 0 to 16777216 flows, not '16777217'",
};

FIXTURE_VARIANT_ADD(args, set_max_twice) {
	.argv = { "set", "max", "1", "max", "2" },
	.says = "given twice: 'max'",
};

FIXTURE_VARIANT_ADD(args, set_pickup_yes) {
	.argv = { "set", "pickup", "yes" },
	.says = "pickup is on or off, not 'yes'",
};

FIXTURE_VARIANT_ADD(args, set_timeout_without_seconds) {
	.argv = { "set", "timeout", "established" },
	.says = "missing SECONDS after timeout 'established'",
};

FIXTURE_VARIANT_ADD(args, set_timeout_0) {
	.argv = { "set", "timeout", "established", "0" },
	.says = "timeout is 1 to 2147483 seconds, not '0'",
};

FIXTURE_VARIANT_ADD(args, set_timeout_too_long) {
	.argv = { "set", "timeout", "established", "2147484" },
	.says = "timeout is 1 to 2147483 seconds, not '2147484'",
};

FIXTURE_VARIANT_ADD(args, set_timeout_of_typo) {
	.argv = { "set", "timeout", "establised", "5" },
	.says = NOT_A_STATE("establised"),
};

FIXTURE_VARIANT_ADD(args, set_timeout_twice) {
	.argv = { "set", "timeout", "close", "5", "timeout", "close", "6" },
	.says = "timeout given twice for 'close'",
};

FIXTURE_VARIANT_ADD(args, set_with_json) {
	.argv = { "set", "max", "5" }, .opts = FW443_OPT_JSON,
	.says = "-j only goes with 'list'",
};

FIXTURE_VARIANT_ADD(args, flush) {
	.argv = { "flush" }, .op = FW443_FLOWS_FLUSH,
};

FIXTURE_VARIANT_ADD(args, flush_extra_word) {
	.argv = { "flush", "now" }, .says = "unexpected argument 'now'",
};

static void expect_prefix(struct __test_metadata *_metadata,
			  const char *want, bool has,
			  const struct fw443_addr_prefix *p)
{
	char text[FW443_PREFIX_STRLEN];

	EXPECT_EQ(!!want, has);
	if (want && has) {
		fw443_prefix_format(p, text);
		EXPECT_STREQ(want, text);
	}
}

static void expect_timeouts(struct __test_metadata *_metadata,
			    const char *want, const struct fw443_timeouts *t)
{
	struct unit_out out;

	ASSERT_NE(NULL, unit_out_start(&out));
	fw443_timeouts_print(t, out.f);
	EXPECT_STREQ(want, unit_out_end(&out));
	free(out.text);
}

TEST_F(args, parse)
{
	const struct fw443_ends *e;
	struct fw443_flows_args a;
	struct fw443_usage u = { 0 };
	int ret;

	ret = fw443_flows_args_parse(unit_argc(variant->argv),
				     (char *const *)variant->argv,
				     variant->opts, &a, &u);
	if (!unit_usage(_metadata, ret, variant->says, &u))
		return;
	EXPECT_EQ(variant->op, a.op);
	e = &a.filter.ends;
	expect_prefix(_metadata, variant->src, e->has_src, &e->src);
	expect_prefix(_metadata, variant->dst, e->has_dst, &e->dst);
	EXPECT_EQ(!!variant->state, a.filter.has_state);
	EXPECT_EQ(variant->state, a.filter.state);
	EXPECT_EQ(variant->has_max, a.set.has_max);
	EXPECT_EQ(variant->max, a.set.max);
	EXPECT_EQ(variant->has_pickup, a.set.has_pickup);
	EXPECT_EQ(variant->pickup, a.set.pickup);
	if (variant->timeouts) {
		EXPECT_EQ(!!variant->timeouts[0], a.set.has_timeouts);
		expect_timeouts(_metadata, variant->timeouts,
				&a.set.timeouts);
	}
}

TEST(state_names)
{
	char text[256] = "";
	uint8_t s;

	EXPECT_STREQ("none", fw443_flow_state_name(FW443_FLOW_NONE));
	EXPECT_STREQ("syn_sent2", fw443_flow_state_name(FW443_FLOW_SYN_SENT2));
	EXPECT_STREQ("close", fw443_flow_state_name(FW443_FLOW_CLOSE));
	EXPECT_STREQ("unknown",
		     fw443_flow_state_name(FW443_FLOW_STATE_MAX + 1));
	for (s = FW443_FLOW_SYN_SENT; s <= FW443_FLOW_STATE_MAX; s++) {
		uint8_t back = 0;

		EXPECT_EQ(0, fw443_flow_state_parse(fw443_flow_state_name(s),
						    &back));
		EXPECT_EQ(s, back);
		snprintf(text + strlen(text), sizeof(text) - strlen(text),
			 "%s%s", s == FW443_FLOW_SYN_SENT ? "" :
			 s == FW443_FLOW_STATE_MAX ? " or " : ", ",
			 fw443_flow_state_name(s));
	}
	/* What errors list is every state a flow can be in. */
	EXPECT_STREQ(FW443_FLOW_STATES_TEXT, text);
}

FIXTURE(msg) {
	char buf[1024] __attribute__((aligned(8)));
	struct nlmsghdr *nlh;
	struct fw443_error err;
};

FIXTURE_SETUP(msg)
{
	self->nlh = unit_genl_msg(self->buf, sizeof(self->buf),
				  FW443_CMD_FLOWS_SET);
}

FIXTURE_TEARDOWN(msg)
{
	EXPECT_NO_LEAKS();
}

static const struct fw443_attr_policy set_policy[FW443_A_MAX + 1] = {
	[FW443_A_PICKUP]	= { MNL_TYPE_U8, "FW443_A_PICKUP" },
	[FW443_A_FLOWS_MAX]	= { MNL_TYPE_U32, "FW443_A_FLOWS_MAX" },
	[FW443_A_TIMEOUTS]	= { MNL_TYPE_NESTED, "FW443_A_TIMEOUTS" },
};

/* What "flows set" sends is what the kernel's policy reads. */
TEST_F(msg, settings_request)
{
	char *argv[] = { "set", "timeout", "time_wait", "30", "max", "1000",
			 "timeout", "syn_recv", "45", "pickup", "off" };
	const struct nlattr *tb[FW443_A_MAX + 1] = { NULL };
	struct fw443_flows_args a;
	struct fw443_usage u = { 0 };
	struct fw443_timeouts t;

	ASSERT_EQ(0, fw443_flows_args_parse(ARRAY_SIZE(argv), argv, 0, &a,
					    &u));
	fw443_flow_settings_put(self->nlh, &a.set);
	ASSERT_EQ(0, fw443_attr_parse_msg(self->nlh, GENL_HDRLEN, set_policy,
					  FW443_A_MAX, tb, "set", &self->err));
	ASSERT_NE(NULL, tb[FW443_A_FLOWS_MAX]);
	EXPECT_EQ(1000, mnl_attr_get_u32(tb[FW443_A_FLOWS_MAX]));
	ASSERT_NE(NULL, tb[FW443_A_PICKUP]);
	EXPECT_EQ(0, mnl_attr_get_u8(tb[FW443_A_PICKUP]));
	ASSERT_NE(NULL, tb[FW443_A_TIMEOUTS]);
	ASSERT_EQ(0, fw443_timeouts_parse(tb[FW443_A_TIMEOUTS], &t,
					  &self->err));
	expect_timeouts(_metadata, " syn_recv 45 time_wait 30", &t);
}

/* Only what was given: no timeouts, no nest. */
TEST_F(msg, settings_request_without_timeouts)
{
	char *argv[] = { "set", "pickup", "on" };
	const struct nlattr *tb[FW443_A_MAX + 1] = { NULL };
	struct fw443_flows_args a;
	struct fw443_usage u = { 0 };

	ASSERT_EQ(0, fw443_flows_args_parse(ARRAY_SIZE(argv), argv, 0, &a,
					    &u));
	fw443_flow_settings_put(self->nlh, &a.set);
	ASSERT_EQ(0, fw443_attr_parse_msg(self->nlh, GENL_HDRLEN, set_policy,
					  FW443_A_MAX, tb, "set", &self->err));
	EXPECT_EQ(NULL, tb[FW443_A_FLOWS_MAX]);
	EXPECT_EQ(NULL, tb[FW443_A_TIMEOUTS]);
	ASSERT_NE(NULL, tb[FW443_A_PICKUP]);
	EXPECT_EQ(1, mnl_attr_get_u8(tb[FW443_A_PICKUP]));
}

/* A newer module's state is skipped; a timeout that is no u32 is not. */
TEST_F(msg, timeouts_nest)
{
	struct nlattr *nest = mnl_attr_nest_start(self->nlh, FW443_A_TIMEOUTS);
	struct fw443_timeouts t;
	char *json;

	mnl_attr_put_u32(self->nlh, FW443_FLOW_ESTABLISHED, 432000);
	mnl_attr_put_u32(self->nlh, FW443_FLOW_STATE_MAX + 1, 5);
	mnl_attr_put_u32(self->nlh, FW443_FLOW_SYN_SENT, 120);
	mnl_attr_nest_end(self->nlh, nest);
	ASSERT_EQ(0, fw443_timeouts_parse(nest, &t, &self->err)) {
		TH_LOG("%s", self->err.msg);
	}
	expect_timeouts(_metadata, " syn_sent 120 established 432000", &t);
	json = unit_json(fw443_timeouts_to_json(&t));
	EXPECT_STREQ("{\"syn_sent\":120,\"established\":432000}", json);
	free(json);
}

TEST_F(msg, timeouts_nest_rejects_short_value)
{
	struct nlattr *nest = mnl_attr_nest_start(self->nlh, FW443_A_TIMEOUTS);
	struct fw443_timeouts t;

	mnl_attr_put_u8(self->nlh, FW443_FLOW_ESTABLISHED, 1);
	mnl_attr_nest_end(self->nlh, nest);
	EXPECT_EQ(-1, fw443_timeouts_parse(nest, &t, &self->err));
	EXPECT_STREQ("timeouts: malformed timeout of state established (1-byte payload)",
		     self->err.msg);
}

TEST_HARNESS_MAIN
