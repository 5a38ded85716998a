// SPDX-License-Identifier: GPL-2.0
/*
 * ruleset.c (ruleset lines split into words and parsed as the CLI parses
 * them), ruleset_print.c (the canonical form "fw443 save" writes), and the
 * defaults of the flow table's settings that apply restores and save
 * leaves out.
 */
#include <stdlib.h>

#include "kselftest_harness.h"
#include "flowargs.h"
#include "flowstate.h"
#include "leak_check.h"
#include "ruleset.h"
#include "ruleset_print.h"
#include "tcp_state.h"
#include "unit.h"

/* A line in a buffer the split may write into, as apply reads it. */
struct line {
	char buf[256];
	size_t n;
};

static char *line_of(struct line *l, const char *text, size_t n)
{
	memcpy(l->buf, text, n);
	l->buf[n] = '\0';
	l->n = n;
	return l->buf;
}

VARIANTS_FIXTURE(split)

/* A line; then its words joined by '|' and their columns, or the error. */
FIXTURE_VARIANT(split) {
	const char *text;
	size_t n;		/* its length, if it holds a NUL */
	const char *words;
	unsigned int cols[6];
	unsigned int err_col;
	const char *says;
};

FIXTURE_VARIANT_ADD(split, words_and_columns) {
	.text = "zone set eth0 inside", .words = "zone|set|eth0|inside",
	.cols = { 1, 6, 10, 15 },
};

FIXTURE_VARIANT_ADD(split, tabs_spaces_and_crlf) {
	.text = "\tpolicy  default\tdrop\r", .words = "policy|default|drop",
	.cols = { 2, 10, 18 },
};

FIXTURE_VARIANT_ADD(split, blank) {
	.text = "  \t ", .words = "",
};

FIXTURE_VARIANT_ADD(split, empty) {
	.text = "", .words = "",
};

FIXTURE_VARIANT_ADD(split, comment_line) {
	.text = "# appliance ruleset", .words = "",
};

FIXTURE_VARIANT_ADD(split, indented_comment) {
	.text = "   #zone set eth0 inside", .words = "",
};

FIXTURE_VARIANT_ADD(split, comment_after_words) {
	.text = "block add 192.0.2.1 # why", .words = "block|add|192.0.2.1",
	.cols = { 1, 7, 11 },
};

FIXTURE_VARIANT_ADD(split, hash_inside_a_word) {
	.text = "zone set eth0 a#b", .words = "zone|set|eth0|a#b",
	.cols = { 1, 6, 10, 15 },
};

FIXTURE_VARIANT_ADD(split, nul_byte) {
	.text = "zone\0set", .n = 8, .err_col = 5,
	.says = "NUL byte in the line",
};

FIXTURE_VARIANT_ADD(split, too_many_words) {
	.text = "a b c d e f g h i j k l m n o p q r s t u v w x y z "
		"a b c d e f g h i j k l m n o p q r s t u v w x y z",
	.err_col = 97, .says = "more than 48 words in a line",
};

TEST_F(split, words)
{
	struct fw443_ruleset_words w;
	struct fw443_parse_error err = { 0 };
	char joined[256] = "";
	struct line l;
	int i, ret;

	line_of(&l, variant->text, variant->n ?: strlen(variant->text));
	ret = fw443_ruleset_split(l.buf, l.n, &w, &err);
	if (variant->says) {
		ASSERT_EQ(-1, ret);
		EXPECT_EQ(variant->err_col, err.col);
		EXPECT_STREQ(variant->says, err.msg);
		return;
	}
	ASSERT_EQ(0, ret);
	for (i = 0; i < w.n; i++) {
		if (i)
			strcat(joined, "|");
		strcat(joined, w.word[i]);
		EXPECT_EQ(variant->cols[i], w.word[i] - l.buf + 1);
	}
	EXPECT_STREQ(variant->words, joined);
}

VARIANTS_FIXTURE(parse)

/*
 * A line with a command; then either the error (its column, and its
 * start) or the command in canonical form.
 */
FIXTURE_VARIANT(parse) {
	const char *text;
	const char *prints;
	unsigned int col;
	const char *says;
};

FIXTURE_VARIANT_ADD(parse, zone) {
	.text = "zone set eth0 inside", .prints = "zone set eth0 inside\n",
};

FIXTURE_VARIANT_ADD(parse, zone_wildcard) {
	.text = "zone  set  wg+  vpn", .prints = "zone set wg+ vpn\n",
};

FIXTURE_VARIANT_ADD(parse, rule_words_in_order) {
	.text = "policy add accept to outside from inside",
	.prints = "policy add from inside to outside accept\n",
};

FIXTURE_VARIANT_ADD(parse, rule_prefix_and_index) {
	.text = "policy add from outside to inside dst 192.0.2.10 accept index 2",
	.prints = "policy add from outside to inside dst 192.0.2.10/32 accept index 2\n",
};

FIXTURE_VARIANT_ADD(parse, rule_v6_source) {
	.text = "policy add drop src 2001:db8::1/48 from any to local",
	.prints = "policy add from any to local src 2001:db8::/48 drop\n",
};

FIXTURE_VARIANT_ADD(parse, default_policy) {
	.text = "policy default drop", .prints = "policy default drop\n",
};

FIXTURE_VARIANT_ADD(parse, flows_keywords_in_order) {
	.text = "flows set timeout established 3600 pickup off max 200000 timeout syn_sent 30",
	.prints = "flows set max 200000 pickup off timeout syn_sent 30 timeout established 3600\n",
};

FIXTURE_VARIANT_ADD(parse, list_create_in) {
	.text = "block create feed direction in",
	.prints = "block create feed direction in\n",
};

FIXTURE_VARIANT_ADD(parse, list_create_both_is_the_default) {
	.text = "block create feed direction both",
	.prints = "block create feed\n",
};

FIXTURE_VARIANT_ADD(parse, list_create_counters) {
	.text = "allow create ok counters direction out",
	.prints = "allow create ok direction out counters\n",
};

FIXTURE_VARIANT_ADD(parse, add_to_a_list) {
	.text = "block add 198.51.100.0/24 list feed",
	.prints = "block add 198.51.100.0/24 list feed\n",
};

FIXTURE_VARIANT_ADD(parse, add_to_the_default_list) {
	.text = "block add 198.51.100.7",
	.prints = "block add 198.51.100.7/32 list manual\n",
};

FIXTURE_VARIANT_ADD(parse, allow_add_with_timeout) {
	.text = "allow add 2001:db8::1/64 timeout 60",
	.prints = "allow add 2001:db8::/64 list manual-allow timeout 60\n",
};

FIXTURE_VARIANT_ADD(parse, load) {
	.text = "block load firehol /etc/fw443/firehol_level1.netset direction in",
	.prints = "block load firehol /etc/fw443/firehol_level1.netset direction in\n",
};

FIXTURE_VARIANT_ADD(parse, bad_zone_word) {
	.text = "zone set eth0 local", .col = 15,
	.says = "zone: an interface cannot be in zone 'local'",
};

FIXTURE_VARIANT_ADD(parse, bad_prefix_word) {
	.text = "block add  10.0.0.1/33 list feed", .col = 12,
	.says = "block: bad prefix '10.0.0.1/33': ",
};

FIXTURE_VARIANT_ADD(parse, bad_action_word) {
	.text = "policy add from inside to outside acept", .col = 35,
	.says = "policy: unexpected argument 'acept'",
};

FIXTURE_VARIANT_ADD(parse, number_out_of_range) {
	.text = "flows set max 99999999", .col = 15,
	.says = "flows: max is 0 to 16777216 flows, not '99999999'",
};

FIXTURE_VARIANT_ADD(parse, missing_word_names_the_command) {
	.text = "  policy add from a to b", .col = 3,
	.says = "policy: missing accept or drop",
};

FIXTURE_VARIANT_ADD(parse, zone_list_reads) {
	.text = "   zone list", .col = 9, .says = "'zone list' only reads",
};

FIXTURE_VARIANT_ADD(parse, bare_policy_reads) {
	.text = "policy", .col = 1, .says = "'policy list' only reads",
};

FIXTURE_VARIANT_ADD(parse, flows_filter_reads) {
	.text = "flows state established", .col = 7,
	.says = "'flows list' only reads",
};

FIXTURE_VARIANT_ADD(parse, block_list_reads) {
	.text = "block list feed", .col = 7, .says = "'block list' only reads",
};

FIXTURE_VARIANT_ADD(parse, status_reads) {
	.text = "status", .col = 1, .says = "'status' only reads",
};

FIXTURE_VARIANT_ADD(parse, stats_reads) {
	.text = " stats", .col = 2, .says = "'stats' only reads",
};

FIXTURE_VARIANT_ADD(parse, zone_del_removes) {
	.text = "zone del eth0", .col = 6, .says = "'zone del' removes",
};

FIXTURE_VARIANT_ADD(parse, policy_flush_removes) {
	.text = "policy flush", .col = 8, .says = "'policy flush' removes",
};

FIXTURE_VARIANT_ADD(parse, flows_flush_removes) {
	.text = "flows flush", .col = 7, .says = "'flows flush' removes",
};

FIXTURE_VARIANT_ADD(parse, block_destroy_removes) {
	.text = "block destroy feed", .col = 7,
	.says = "'block destroy' removes",
};

FIXTURE_VARIANT_ADD(parse, allow_del_removes) {
	.text = "allow del 192.0.2.1", .col = 7, .says = "'allow del' removes",
};

FIXTURE_VARIANT_ADD(parse, option) {
	.text = "zone set -j eth0 inside", .col = 10,
	.says = "zone: options have no place in a ruleset: '-j'",
};

FIXTURE_VARIANT_ADD(parse, load_from_stdin) {
	.text = "block load feed -", .col = 17,
	.says = "block load: a ruleset loads from a file",
};

FIXTURE_VARIANT_ADD(parse, unknown_command) {
	.text = "ipset add x", .col = 1,
	.says = "unknown command 'ipset': a ruleset holds zone, policy, flows, block and allow commands",
};

TEST_F(parse, line)
{
	struct fw443_ruleset_words w;
	struct fw443_ruleset_cmd c;
	struct fw443_parse_error err = { 0 };
	struct unit_out out;
	struct line l;
	int ret;

	line_of(&l, variant->text, strlen(variant->text));
	ASSERT_EQ(0, fw443_ruleset_split(l.buf, l.n, &w, &err));
	ret = fw443_ruleset_parse(&w, &c, &err);
	if (variant->says) {
		ASSERT_EQ(-1, ret);
		EXPECT_EQ(variant->col, err.col);
		EXPECT_EQ(0, strncmp(variant->says, err.msg,
				     strlen(variant->says))) {
			TH_LOG("got '%s'", err.msg);
		}
		return;
	}
	ASSERT_EQ(0, ret) {
		TH_LOG("%u: %s", err.col, err.msg);
	}
	ASSERT_NE(NULL, unit_out_start(&out));
	fw443_ruleset_print(out.f, &c);
	EXPECT_STREQ(variant->prints, unit_out_end(&out));
	free(out.text);
}

FIXTURE(file) {
};

FIXTURE_SETUP(file)
{
}

FIXTURE_TEARDOWN(file)
{
	EXPECT_NO_LEAKS();
}

/* A ruleset as a person writes it, and the canonical form of its lines. */
static const char ruleset[] =
	"# appliance ruleset\n"
	"\n"
	"zone set eth1 inside\n"
	"zone set eth0 outside   # the uplink\n"
	"policy add from inside to outside accept\n"
	"policy add accept from outside to inside dst 192.0.2.10\n"
	"policy default drop\n"
	"flows set max 200000 pickup off timeout established 3600\n"
	"\t\n"
	"block create feed direction in\n"
	"block add 198.51.100.0/24 list feed\n"
	"block load firehol /etc/fw443/firehol_level1.netset\n"
	"allow add 198.51.100.7 list feed-ok\n";

static const char canonical[] =
	"zone set eth1 inside\n"
	"zone set eth0 outside\n"
	"policy add from inside to outside accept\n"
	"policy add from outside to inside dst 192.0.2.10/32 accept\n"
	"policy default drop\n"
	"flows set max 200000 pickup off timeout established 3600\n"
	"block create feed direction in\n"
	"block add 198.51.100.0/24 list feed\n"
	"block load firehol /etc/fw443/firehol_level1.netset\n"
	"allow add 198.51.100.7/32 list feed-ok\n";

TEST_F(file, every_line_in_canonical_form)
{
	char *text = strdup(ruleset), *s, *nl;
	struct fw443_ruleset_words w;
	struct fw443_ruleset_cmd c;
	struct fw443_parse_error err;
	struct unit_out out;
	int commands = 0;

	ASSERT_NE(NULL, text);
	ASSERT_NE(NULL, unit_out_start(&out));
	for (s = text; (nl = strchr(s, '\n')); s = nl + 1) {
		*nl = '\0';
		ASSERT_EQ(0, fw443_ruleset_split(s, nl - s, &w, &err));
		if (!w.n)
			continue;
		ASSERT_EQ(0, fw443_ruleset_parse(&w, &c, &err)) {
			TH_LOG("'%s': %u: %s", s, err.col, err.msg);
		}
		fw443_ruleset_print(out.f, &c);
		commands++;
	}
	EXPECT_STREQ(canonical, unit_out_end(&out));
	EXPECT_EQ(10, commands);
	free(out.text);
	free(text);
}

/* What save writes for the running configuration, item by item. */
TEST_F(file, printers)
{
	struct fw443_addr_prefix p = {
		AF_INET6, 32, { 0x20, 0x01, 0x0d, 0xb8 },
	};
	struct fw443_rule r = { "any", "local", { 0 }, FW443_ACTION_DROP };
	struct unit_out out;

	ASSERT_NE(NULL, unit_out_start(&out));
	fw443_ruleset_print_rule(out.f, &r, 0);
	fw443_ruleset_print_list(out.f, FW443_LIST_ALLOW, "ok", FW443_LIST_BOTH,
				 FW443_LIST_F_COUNTERS);
	fw443_ruleset_print_entry(out.f, FW443_LIST_ALLOW, "ok", &p, 0);
	fw443_ruleset_print_entry(out.f, FW443_LIST_ALLOW, "ok", &p, 300);
	fw443_ruleset_print_default(out.f, FW443_POLICY_ACCEPT);
	EXPECT_STREQ("policy add from any to local drop\n"
		     "allow create ok counters\n"
		     "allow add 2001:db8::/32 list ok\n"
		     "allow add 2001:db8::/32 list ok timeout 300\n"
		     "policy default accept\n", unit_out_end(&out));
	free(out.text);
}

/* apply restores them and save leaves them out: they must be the module's. */
TEST(default_timeouts_are_the_modules)
{
	int s;

	ASSERT_EQ(FW443_TCP_STATE_COUNT, __FW443_FLOW_STATE_MAX);
	for (s = 0; s < FW443_TCP_STATE_COUNT; s++)
		EXPECT_EQ(fw443_tcp_default_timeouts[s],
			  fw443_default_timeouts.secs[s]);
}

TEST(default_max_scales_with_memory)
{
	EXPECT_EQ(16384, fw443_flows_default_max(64ULL << 20));
	EXPECT_EQ(262144, fw443_flows_default_max(4ULL << 30));
	EXPECT_EQ(1U << 22, fw443_flows_default_max(1ULL << 40));
}

TEST(settings_that_differ_from_the_defaults)
{
	struct fw443_flow_status fs = {
		.policy = FW443_POLICY_DROP, .max = 262144,
		.timeouts = fw443_default_timeouts,
	};
	struct fw443_flow_settings s;
	struct unit_out out;

	EXPECT_FALSE(fw443_flow_settings_diff(&fs, 262144, &s));
	fs.max = 1000;
	fs.pickup = true;
	fs.timeouts.secs[FW443_FLOW_ESTABLISHED] = 3600;
	EXPECT_TRUE(fw443_flow_settings_diff(&fs, 262144, &s));
	ASSERT_NE(NULL, unit_out_start(&out));
	fw443_ruleset_print_flows(out.f, &s);
	EXPECT_STREQ("flows set max 1000 pickup on timeout established 3600\n",
		     unit_out_end(&out));
	free(out.text);

	fw443_flow_settings_default(&s);
	ASSERT_NE(NULL, unit_out_start(&out));
	fw443_ruleset_print_flows(out.f, &s);
	EXPECT_STREQ("flows set max 0 pickup off timeout syn_sent 120 timeout syn_sent2 120 timeout syn_recv 60 timeout established 432000 timeout fin_wait 120 timeout close_wait 60 timeout last_ack 30 timeout time_wait 120 timeout close 10\n",
		     unit_out_end(&out));
	free(out.text);
}

TEST_HARNESS_MAIN
