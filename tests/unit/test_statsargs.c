// SPDX-License-Identifier: GPL-2.0
/* statsargs.c: the words of "fw443 stats ...". */
#include "kselftest_harness.h"
#include "cli.h"
#include "statsargs.h"
#include "unit.h"

VARIANTS_FIXTURE(args)

/*
 * The words and the options given before "stats"; then either the error as
 * the user reads it, or what the parse gives.
 */
FIXTURE_VARIANT(args) {
	const char *argv[6];
	unsigned int opts;
	const char *says;
	bool help;
	uint8_t format;
	bool reset;
	const char *output;
};

FIXTURE_VARIANT_ADD(args, nothing_is_text) {
	.format = FW443_STATS_TEXT,
};

FIXTURE_VARIANT_ADD(args, json_before_the_command) {
	.opts = FW443_OPT_JSON, .format = FW443_STATS_JSON,
};

FIXTURE_VARIANT_ADD(args, json_after_it) {
	.argv = { "--json" }, .format = FW443_STATS_JSON,
};

FIXTURE_VARIANT_ADD(args, prometheus_to_a_file) {
	.argv = { "--output", "/var/lib/x.prom", "--prometheus" },
	.format = FW443_STATS_PROMETHEUS, .output = "/var/lib/x.prom",
};

/* A file name is taken as it is, even one that looks like an option. */
FIXTURE_VARIANT_ADD(args, output_named_like_an_option) {
	.argv = { "-j", "--output", "-j" },
	.format = FW443_STATS_JSON, .output = "-j",
};

FIXTURE_VARIANT_ADD(args, help_wins) {
	.argv = { "--prometheus", "-h" }, .opts = FW443_OPT_JSON,
	.help = true,
};

FIXTURE_VARIANT_ADD(args, reset_alone_is_text) {
	.argv = { "--reset" }, .format = FW443_STATS_TEXT, .reset = true,
};

FIXTURE_VARIANT_ADD(args, reset_with_json_before_the_command) {
	.argv = { "--reset" }, .opts = FW443_OPT_JSON,
	.format = FW443_STATS_JSON, .reset = true,
};

/* What a scrape that also zeroes the counters gives: any order. */
FIXTURE_VARIANT_ADD(args, reset_prometheus_to_a_file) {
	.argv = { "--output", "/run/x.prom", "--reset", "--prometheus" },
	.format = FW443_STATS_PROMETHEUS, .reset = true,
	.output = "/run/x.prom",
};

FIXTURE_VARIANT_ADD(args, reset_twice_is_once) {
	.argv = { "--reset", "-j", "--reset" },
	.format = FW443_STATS_JSON, .reset = true,
};

/* Asking for help resets nothing. */
FIXTURE_VARIANT_ADD(args, help_with_reset) {
	.argv = { "--reset", "--help" }, .help = true,
};

FIXTURE_VARIANT_ADD(args, reset_misspelt) {
	.argv = { "--reset=all" }, .says = "unknown option '--reset=all'",
};

FIXTURE_VARIANT_ADD(args, reset_takes_no_value) {
	.argv = { "--reset", "drops" }, .says = "unexpected argument 'drops'",
};

FIXTURE_VARIANT_ADD(args, reset_with_two_formats) {
	.argv = { "--reset", "--prometheus", "--json" },
	.says = "-j and --prometheus are two formats: give one",
};

FIXTURE_VARIANT_ADD(args, json_and_prometheus) {
	.argv = { "--prometheus" }, .opts = FW443_OPT_JSON,
	.says = "-j and --prometheus are two formats: give one",
};

FIXTURE_VARIANT_ADD(args, output_without_file) {
	.argv = { "--prometheus", "--output" },
	.says = "missing FILE after '--output'",
};

FIXTURE_VARIANT_ADD(args, output_empty) {
	.argv = { "--output", "" }, .says = "missing FILE after '--output'",
};

FIXTURE_VARIANT_ADD(args, output_twice) {
	.argv = { "--output", "a", "--output", "b" },
	.says = "given twice: '--output'",
};

FIXTURE_VARIANT_ADD(args, unknown_option) {
	.argv = { "--prom" }, .says = "unknown option '--prom'",
};

FIXTURE_VARIANT_ADD(args, version_is_no_option_here) {
	.argv = { "-V" }, .says = "unknown option '-V'",
};

FIXTURE_VARIANT_ADD(args, extra_word) {
	.argv = { "--prometheus", "now" }, .says = "unexpected argument 'now'",
};

TEST_F(args, parse)
{
	struct fw443_stats_args a;
	struct fw443_usage u = { 0 };
	int ret;

	ret = fw443_stats_args_parse(unit_argc(variant->argv),
				     (char *const *)variant->argv,
				     variant->opts, &a, &u);
	if (!unit_usage(_metadata, ret, variant->says, &u))
		return;
	EXPECT_EQ(variant->help, a.help);
	EXPECT_EQ(variant->format, a.format);
	EXPECT_EQ(variant->reset, a.reset);
	EXPECT_STREQ(variant->output ? variant->output : "(standard output)",
		     a.output ? a.output : "(standard output)");
}

TEST_HARNESS_MAIN
