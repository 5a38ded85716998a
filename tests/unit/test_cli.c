// SPDX-License-Identifier: GPL-2.0
/* Option parsing and command lookup, without main(). */
#include <stdio.h>

#include "kselftest_harness.h"
#include "cli.h"

#define ALL_OPTS (FW443_OPT_JSON | FW443_OPT_HELP | FW443_OPT_VERSION)

FIXTURE(parse) {
};

FIXTURE_SETUP(parse)
{
}

FIXTURE_TEARDOWN(parse)
{
}

/* One command line each: what it holds, and what parsing it must give. */
FIXTURE_VARIANT(parse) {
	const char *argv[4];
	unsigned int allowed;
	unsigned int opts_before;
	int consumed;
	unsigned int opts;
	const char *bad;
};

FIXTURE_VARIANT_ADD(parse, stops_at_the_command) {
	.argv = { "-j", "stats", "-h" }, .allowed = ALL_OPTS,
	.consumed = 1, .opts = FW443_OPT_JSON,
};

FIXTURE_VARIANT_ADD(parse, long_and_short_forms) {
	.argv = { "--json", "-h", "--version" }, .allowed = ALL_OPTS,
	.consumed = 3, .opts = ALL_OPTS,
};

FIXTURE_VARIANT_ADD(parse, keeps_options_seen_before) {
	.argv = { "-h" }, .allowed = ALL_OPTS, .opts_before = FW443_OPT_JSON,
	.consumed = 1, .opts = FW443_OPT_JSON | FW443_OPT_HELP,
};

FIXTURE_VARIANT_ADD(parse, unknown_option) {
	.argv = { "-j", "--jsonx", "stats" }, .allowed = ALL_OPTS,
	.consumed = -1, .opts = FW443_OPT_JSON, .bad = "--jsonx",
};

FIXTURE_VARIANT_ADD(parse, option_not_allowed_here) {
	.argv = { "-V" }, .allowed = FW443_OPT_JSON | FW443_OPT_HELP,
	.consumed = -1, .bad = "-V",
};

FIXTURE_VARIANT_ADD(parse, double_dash_ends_options) {
	.argv = { "-j", "--", "-h" }, .allowed = ALL_OPTS,
	.consumed = 2, .opts = FW443_OPT_JSON,
};

FIXTURE_VARIANT_ADD(parse, lone_dash_is_an_argument) {
	.argv = { "-" }, .allowed = ALL_OPTS, .consumed = 0,
};

TEST_F(parse, options)
{
	unsigned int opts = variant->opts_before;
	const char *bad = NULL;
	int argc = 0;

	while (variant->argv[argc])
		argc++;
	EXPECT_EQ(variant->consumed,
		  fw443_cli_parse_opts(argc, (char *const *)variant->argv,
				       variant->allowed, &opts, &bad));
	EXPECT_EQ(variant->opts, opts);
	if (variant->bad) {
		EXPECT_STREQ(variant->bad, bad);
	} else {
		EXPECT_EQ(NULL, bad);
	}
}

static int cmd_stub(int argc, char *argv[], unsigned int opts)
{
	return 0;
}

TEST(finds_commands_by_exact_name)
{
	static const struct fw443_subcommand cmds[] = {
		{ "status", cmd_stub, "" },
		{ "stats", cmd_stub, "" },
	};

	EXPECT_EQ(&cmds[1], fw443_cli_find_cmd(cmds, 2, "stats"));
	EXPECT_EQ(&cmds[0], fw443_cli_find_cmd(cmds, 2, "status"));
	EXPECT_EQ(NULL, fw443_cli_find_cmd(cmds, 2, "stat"));
	EXPECT_EQ(NULL, fw443_cli_find_cmd(cmds, 2, "statsx"));
}

/* The commands' own argument handling: help, usage errors, or go on. */
FIXTURE(cmd_args) {
	unsigned int opts;
};

FIXTURE_SETUP(cmd_args)
{
	self->opts = 0;
	/* The usage text and messages are not TAP: keep them out of it. */
	ASSERT_NE(NULL, freopen("/dev/null", "w", stdout));
	ASSERT_NE(NULL, freopen("/dev/null", "w", stderr));
}

FIXTURE_TEARDOWN(cmd_args)
{
}

TEST_F(cmd_args, json_after_the_command)
{
	char *argv[] = { "stats", "-j", NULL };

	EXPECT_EQ(-1, fw443_cli_simple_cmd_args(2, argv, "", &self->opts));
	EXPECT_EQ(FW443_OPT_JSON, self->opts);
}

TEST_F(cmd_args, help_ends_the_command)
{
	char *argv[] = { "stats", "--help", NULL };

	EXPECT_EQ(FW443_EXIT_OK,
		  fw443_cli_simple_cmd_args(2, argv, "", &self->opts));
}

TEST_F(cmd_args, extra_argument_is_usage_error)
{
	char *argv[] = { "stats", "extra", NULL };

	EXPECT_EQ(FW443_EXIT_USAGE,
		  fw443_cli_simple_cmd_args(2, argv, "", &self->opts));
}

TEST_F(cmd_args, version_is_not_a_command_option)
{
	char *argv[] = { "stats", "-V", NULL };

	EXPECT_EQ(FW443_EXIT_USAGE,
		  fw443_cli_simple_cmd_args(2, argv, "", &self->opts));
}

/* -j and -h come out wherever they stand; the other words stay in order. */
TEST(split_options_anywhere)
{
	char *argv[] = { "add", "-j", "from", "--help", "a", "--", "-h", "-" };
	unsigned int opts = 0;
	const char *bad = NULL;

	ASSERT_EQ(5, fw443_cli_split_opts(8, argv, &opts, &bad));
	EXPECT_EQ(FW443_OPT_JSON | FW443_OPT_HELP, opts);
	EXPECT_STREQ("add", argv[0]);
	EXPECT_STREQ("from", argv[1]);
	EXPECT_STREQ("a", argv[2]);
	EXPECT_STREQ("-h", argv[3]);
	EXPECT_STREQ("-", argv[4]);
}

TEST(split_options_refuses_version)
{
	char *argv[] = { "list", "-V" };
	unsigned int opts = 0;
	const char *bad = NULL;

	EXPECT_EQ(-1, fw443_cli_split_opts(2, argv, &opts, &bad));
	EXPECT_STREQ("-V", bad);
}

TEST_HARNESS_MAIN
