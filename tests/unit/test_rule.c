// SPDX-License-Identifier: GPL-2.0
/*
 * ruleargs.c (the words of "fw443 policy ...") and rule.c (rules put into
 * requests, read from RULE_GET replies, and rendered back into words).
 */
#include <stdlib.h>
#include <sys/socket.h>

#include "kselftest_harness.h"
#include "cli.h"
#include "leak_check.h"
#include "rule.h"
#include "ruleargs.h"
#include "unit.h"

VARIANTS_FIXTURE(args)

/*
 * The words and -j; then either the error as the user reads it, or the
 * parse, with an added rule as fw443_rule_format() writes it.
 */
FIXTURE_VARIANT(args) {
	const char *argv[16];
	unsigned int opts;
	const char *says;
	uint8_t op;
	const char *rule;
	uint32_t index;
	uint8_t policy;
};

FIXTURE_VARIANT_ADD(args, nothing_is_list) {
	.op = FW443_POLICY_LIST,
};

FIXTURE_VARIANT_ADD(args, list_json) {
	.argv = { "list" }, .opts = FW443_OPT_JSON, .op = FW443_POLICY_LIST,
};

FIXTURE_VARIANT_ADD(args, add_zones_only) {
	.argv = { "add", "from", "inside", "to", "outside", "accept" },
	.op = FW443_POLICY_ADD, .rule = "from inside to outside accept",
};

FIXTURE_VARIANT_ADD(args, add_any_order) {
	.argv = { "add", "accept", "to", "outside", "from", "inside" },
	.op = FW443_POLICY_ADD, .rule = "from inside to outside accept",
};

FIXTURE_VARIANT_ADD(args, add_bare_address_is_host) {
	.argv = { "add", "from", "outside", "to", "inside", "dst",
		  "192.0.2.10", "accept" },
	.op = FW443_POLICY_ADD,
	.rule = "from outside to inside dst 192.0.2.10/32 accept",
};

FIXTURE_VARIANT_ADD(args, add_host_bits_cleared_with_index) {
	.argv = { "add", "index", "3", "from", "any", "to", "local", "src",
		  "10.1.2.3/8", "drop" },
	.op = FW443_POLICY_ADD, .index = 3,
	.rule = "from any to local src 10.0.0.0/8 drop",
};

FIXTURE_VARIANT_ADD(args, add_v4_slash_0) {
	.argv = { "add", "from", "a", "to", "b", "dst", "192.0.2.0/24",
		  "src", "0.0.0.0/0", "accept" },
	.op = FW443_POLICY_ADD,
	.rule = "from a to b src 0.0.0.0/0 dst 192.0.2.0/24 accept",
};

FIXTURE_VARIANT_ADD(args, add_v6) {
	.argv = { "add", "from", "a", "to", "b", "src", "::/0", "dst",
		  "2001:db8::1:2/112", "drop", "index", "256" },
	.op = FW443_POLICY_ADD, .index = 256,
	.rule = "from a to b src ::/0 dst 2001:db8::1:0/112 drop",
};

FIXTURE_VARIANT_ADD(args, add_without_from) {
	.argv = { "add", "to", "b", "accept" }, .says = "missing from ZONE",
};

FIXTURE_VARIANT_ADD(args, add_without_to) {
	.argv = { "add", "from", "a", "accept" }, .says = "missing to ZONE",
};

FIXTURE_VARIANT_ADD(args, add_without_action) {
	.argv = { "add", "from", "a", "to", "b" },
	.says = "missing accept or drop",
};

FIXTURE_VARIANT_ADD(args, add_two_actions) {
	.argv = { "add", "from", "a", "to", "b", "accept", "drop" },
	.says = "a rule has one action, not also 'drop'",
};

FIXTURE_VARIANT_ADD(args, add_keyword_twice) {
	.argv = { "add", "from", "a", "to", "b", "from", "c", "accept" },
	.says = "given twice: 'from'",
};

FIXTURE_VARIANT_ADD(args, add_keyword_without_value) {
	.argv = { "add", "accept", "to", "b", "from" },
	.says = "missing value after 'from'",
};

FIXTURE_VARIANT_ADD(args, add_bad_zone) {
	.argv = { "add", "from", "in.side", "to", "b", "accept" },
	.says = "a zone name is 1 to 15 letters, digits, '_' or '-', not 'in.side'",
};

FIXTURE_VARIANT_ADD(args, add_two_families) {
	.argv = { "add", "from", "a", "to", "b", "src", "10.0.0.0/8", "dst",
		  "2001:db8::/32", "accept" },
	.says = "src and dst must be of one IP version",
};

FIXTURE_VARIANT_ADD(args, add_bad_prefix) {
	.argv = { "add", "from", "a", "to", "b", "src", "10.0.0.0/33",
		  "accept" },
	.says = "bad prefix '10.0.0.0/33': prefix length /33 is longer than 32 (IPv4)",
};

FIXTURE_VARIANT_ADD(args, add_index_0) {
	.argv = { "add", "from", "a", "to", "b", "accept", "index", "0" },
	.says = "a rule number is 1 to 256, not '0'",
};

FIXTURE_VARIANT_ADD(args, add_index_257) {
	.argv = { "add", "from", "a", "to", "b", "accept", "index", "257" },
	.says = "a rule number is 1 to 256, not '257'",
};

FIXTURE_VARIANT_ADD(args, add_unknown_keyword) {
	.argv = { "add", "from", "a", "to", "b", "port", "443", "accept" },
	.says = "unexpected argument 'port'",
};

FIXTURE_VARIANT_ADD(args, add_with_json) {
	.argv = { "add", "from", "a", "to", "b", "accept" },
	.opts = FW443_OPT_JSON, .says = "-j only goes with 'list'",
};

FIXTURE_VARIANT_ADD(args, del) {
	.argv = { "del", "2" }, .op = FW443_POLICY_DEL, .index = 2,
};

FIXTURE_VARIANT_ADD(args, del_without_number) {
	.argv = { "del" }, .says = "del: missing N",
};

FIXTURE_VARIANT_ADD(args, del_not_a_number) {
	.argv = { "del", "first" }, .says = "a rule number is 1 to 256, not 'first'",
};

FIXTURE_VARIANT_ADD(args, del_two_numbers) {
	.argv = { "del", "2", "3" }, .says = "unexpected argument '3'",
};

FIXTURE_VARIANT_ADD(args, flush) {
	.argv = { "flush" }, .op = FW443_POLICY_FLUSH,
};

FIXTURE_VARIANT_ADD(args, flush_extra_word) {
	.argv = { "flush", "all" }, .says = "unexpected argument 'all'",
};

FIXTURE_VARIANT_ADD(args, default_drop) {
	.argv = { "default", "drop" }, .op = FW443_POLICY_DEFAULT,
	.policy = FW443_POLICY_DROP,
};

FIXTURE_VARIANT_ADD(args, default_none) {
	.argv = { "default", "none" }, .op = FW443_POLICY_DEFAULT,
	.policy = FW443_POLICY_NONE,
};

FIXTURE_VARIANT_ADD(args, default_reject) {
	.argv = { "default", "reject" },
	.says = "the default policy is accept, drop or none, not 'reject'",
};

FIXTURE_VARIANT_ADD(args, default_missing) {
	.argv = { "default" }, .says = "default: missing POLICY",
};

FIXTURE_VARIANT_ADD(args, unknown_operation) {
	.argv = { "insert" }, .says = "unknown operation 'insert'",
};

TEST_F(args, parse)
{
	struct fw443_policy_args a;
	struct fw443_usage u = { 0 };
	char rule[FW443_RULE_STRLEN];
	int ret;

	ret = fw443_policy_args_parse(unit_argc(variant->argv),
				      (char *const *)variant->argv,
				      variant->opts, &a, &u);
	if (!unit_usage(_metadata, ret, variant->says, &u))
		return;
	EXPECT_EQ(variant->op, a.op);
	EXPECT_EQ(variant->index, a.index);
	EXPECT_EQ(variant->policy, a.policy);
	if (variant->rule) {
		fw443_rule_format(&a.rule, rule);
		EXPECT_STREQ(variant->rule, rule);
	}
}

/* Splits @text into words in @buf; returns how many. */
static int split_words(const char *text, char *buf, char **words, int max)
{
	int n = 0;
	char *w;

	strcpy(buf, text);
	for (w = strtok(buf, " "); w && n < max; w = strtok(NULL, " "))
		words[n++] = w;
	return n;
}

/* Rule to words and back: the same rule, the same words. */
TEST(round_trip)
{
	static const char *const texts[] = {
		"from inside to outside accept",
		"from any to local drop",
		"from outside to inside dst 192.0.2.10/32 accept",
		"from a to b src 10.0.0.0/8 dst 0.0.0.0/0 drop",
		"from a to b src 2001:db8::/32 dst ::ffff:1.2.3.0/120 accept",
		"from x-1 to Y_2 src ::/0 drop",
	};
	struct fw443_rule r, again;
	struct fw443_usage u = { 0 };
	char buf[FW443_RULE_STRLEN], words_buf[FW443_RULE_STRLEN];
	char *words[16];
	uint32_t index;
	size_t i;
	int n;

	for (i = 0; i < ARRAY_SIZE(texts); i++) {
		n = split_words(texts[i], words_buf, words, 16);
		ASSERT_EQ(0, fw443_rule_args_parse(n, words, &r, &index, &u)) {
			TH_LOG("%s: %s", texts[i], u.what);
		}
		fw443_rule_format(&r, buf);
		EXPECT_STREQ(texts[i], buf);
		n = split_words(buf, words_buf, words, 16);
		ASSERT_EQ(0, fw443_rule_args_parse(n, words, &again, &index,
						   &u));
		EXPECT_EQ(0, memcmp(&r, &again, sizeof(r)));
		EXPECT_EQ(0, index);
	}
}

FIXTURE(reply) {
	char buf[1024] __attribute__((aligned(8)));
	struct nlmsghdr *nlh;
	struct fw443_error err;
	struct fw443_rule r;
};

FIXTURE_SETUP(reply)
{
	self->nlh = unit_genl_msg(self->buf, sizeof(self->buf),
				  FW443_CMD_RULE_GET);
}

FIXTURE_TEARDOWN(reply)
{
	EXPECT_NO_LEAKS();
}

/* @text's rule, as RULE_ADD carries it and RULE_GET returns it. */
static void put_rule(struct __test_metadata *_metadata,
		     struct nlmsghdr *nlh, uint32_t index, const char *text)
{
	char buf[FW443_RULE_STRLEN];
	char *words[16];
	struct fw443_rule r;
	struct fw443_usage u = { 0 };
	uint32_t ignored;
	int n = split_words(text, buf, words, 16);

	ASSERT_EQ(0, fw443_rule_args_parse(n, words, &r, &ignored, &u));
	mnl_attr_put_u32(nlh, FW443_A_RULE_INDEX, index);
	fw443_rule_put(nlh, &r);
}

TEST_F(reply, line_and_json)
{
	struct unit_out out;
	uint32_t index;
	char *json;

	put_rule(_metadata, self->nlh, 2,
		 "from outside to inside dst 192.0.2.10/32 accept");
	ASSERT_EQ(0, fw443_rule_parse(self->nlh, &index, &self->r,
				      &self->err)) {
		TH_LOG("%s", self->err.msg);
	}
	ASSERT_NE(NULL, unit_out_start(&out));
	EXPECT_EQ(0, fw443_rule_print(index, &self->r, out.f));
	EXPECT_STREQ("2 from outside to inside dst 192.0.2.10/32 accept\n",
		     unit_out_end(&out));
	free(out.text);

	json = unit_json(fw443_rule_to_json(index, &self->r));
	EXPECT_STREQ("{\"index\":2,\"from\":\"outside\",\"to\":\"inside\","
		     "\"src\":null,\"dst\":\"192.0.2.10/32\","
		     "\"action\":\"accept\"}", json);
	free(json);
}

TEST_F(reply, v6_with_both_prefixes_to_json)
{
	char *json;
	uint32_t index;

	put_rule(_metadata, self->nlh, 1,
		 "from any to local src ::/0 dst 2001:db8::/48 drop");
	ASSERT_EQ(0, fw443_rule_parse(self->nlh, &index, &self->r,
				      &self->err));
	json = unit_json(fw443_rule_to_json(index, &self->r));
	EXPECT_STREQ("{\"index\":1,\"from\":\"any\",\"to\":\"local\","
		     "\"src\":\"::/0\",\"dst\":\"2001:db8::/48\","
		     "\"action\":\"drop\"}", json);
	free(json);
}

TEST_F(reply, rejects_rule_without_action)
{
	struct nlattr *nest;
	uint32_t index;

	mnl_attr_put_u32(self->nlh, FW443_A_RULE_INDEX, 1);
	nest = mnl_attr_nest_start(self->nlh, FW443_A_RULE);
	mnl_attr_put_strz(self->nlh, FW443_RULE_A_FROM, "a");
	mnl_attr_put_strz(self->nlh, FW443_RULE_A_TO, "b");
	mnl_attr_nest_end(self->nlh, nest);
	EXPECT_EQ(-1, fw443_rule_parse(self->nlh, &index, &self->r,
				       &self->err));
	EXPECT_STREQ("rule: from, to or action missing", self->err.msg);
}

TEST_F(reply, rejects_missing_index)
{
	struct fw443_rule r = { .from = "a", .to = "b" };
	uint32_t index;

	fw443_rule_put(self->nlh, &r);
	EXPECT_EQ(-1, fw443_rule_parse(self->nlh, &index, &self->r,
				       &self->err));
	EXPECT_STREQ("rule: FW443_A_RULE_INDEX missing", self->err.msg);
}

TEST_F(reply, rejects_prefix_longer_than_its_family)
{
	struct nlattr *nest, *src;
	static const uint8_t addr[4] = { 10 };
	uint32_t index;

	mnl_attr_put_u32(self->nlh, FW443_A_RULE_INDEX, 1);
	nest = mnl_attr_nest_start(self->nlh, FW443_A_RULE);
	mnl_attr_put_strz(self->nlh, FW443_RULE_A_FROM, "a");
	mnl_attr_put_strz(self->nlh, FW443_RULE_A_TO, "b");
	src = mnl_attr_nest_start(self->nlh, FW443_RULE_A_SRC);
	mnl_attr_put_u8(self->nlh, FW443_ENTRY_A_FAMILY, AF_INET);
	mnl_attr_put(self->nlh, FW443_ENTRY_A_ADDR, sizeof(addr), addr);
	mnl_attr_put_u8(self->nlh, FW443_ENTRY_A_PREFIX_LEN, 33);
	mnl_attr_nest_end(self->nlh, src);
	mnl_attr_put_u8(self->nlh, FW443_RULE_A_ACTION, FW443_ACTION_DROP);
	mnl_attr_nest_end(self->nlh, nest);
	EXPECT_EQ(-1, fw443_rule_parse(self->nlh, &index, &self->r,
				       &self->err));
	EXPECT_STREQ("rule source: family 2, 4-byte address, length 33 do not agree",
		     self->err.msg);
}

/* An action of a newer module still lists. */
TEST_F(reply, unknown_action)
{
	char buf[FW443_RULE_STRLEN];
	uint32_t index;

	put_rule(_metadata, self->nlh, 1, "from a to b accept");
	ASSERT_EQ(0, fw443_rule_parse(self->nlh, &index, &self->r,
				      &self->err));
	self->r.action = FW443_ACTION_MAX + 1;
	fw443_rule_format(&self->r, buf);
	EXPECT_STREQ("from a to b unknown", buf);
}

TEST_HARNESS_MAIN
