// SPDX-License-Identifier: GPL-2.0
/* listargs.c: the words of "fw443 block ..." and "fw443 allow ...". */
#include <string.h>
#include <sys/socket.h>
#include <uapi/linux/fw443.h>

#include "kselftest_harness.h"
#include "cli.h"
#include "listargs.h"

FIXTURE(args) {
};

FIXTURE_SETUP(args)
{
}

FIXTURE_TEARDOWN(args)
{
}

/* The words; then either the parse (@ok) or the words of the error. */
FIXTURE_VARIANT(args) {
	const char *argv[10];
	bool ok;
	enum fw443_list_op op;
	const char *name;
	const char *file;
	uint32_t timeout;
	uint8_t direction;
	uint8_t flags;
	unsigned int opts;
	const char *says;
};

FIXTURE_VARIANT_ADD(args, add_default_list) {
	.argv = { "add", "192.0.2.1" }, .ok = true, .op = FW443_OP_ADD,
};

FIXTURE_VARIANT_ADD(args, add_everything) {
	.argv = { "add", "2001:db8::/32", "timeout", "60", "list", "bad6" },
	.ok = true, .op = FW443_OP_ADD, .name = "bad6", .timeout = 60,
};

FIXTURE_VARIANT_ADD(args, del_with_list) {
	.argv = { "del", "10.0.0.0/8", "list", "x" }, .ok = true,
	.op = FW443_OP_DEL, .name = "x",
};

FIXTURE_VARIANT_ADD(args, create_out_counters) {
	.argv = { "create", "cdn", "counters", "direction", "out" },
	.ok = true, .op = FW443_OP_CREATE, .name = "cdn",
	.direction = FW443_LIST_OUT, .flags = FW443_LIST_F_COUNTERS,
};

FIXTURE_VARIANT_ADD(args, name_may_be_a_keyword) {
	.argv = { "destroy", "counters" }, .ok = true,
	.op = FW443_OP_DESTROY, .name = "counters",
};

FIXTURE_VARIANT_ADD(args, load_stdin) {
	.argv = { "load", "drop", "-", "direction", "in" }, .ok = true,
	.op = FW443_OP_LOAD, .name = "drop", .file = "-",
	.direction = FW443_LIST_IN,
};

FIXTURE_VARIANT_ADD(args, list_all_json) {
	.argv = { "list", "-j" }, .ok = true, .op = FW443_OP_LIST,
	.opts = FW443_OPT_JSON,
};

FIXTURE_VARIANT_ADD(args, list_one) {
	.argv = { "list", "--json", "x" }, .ok = true, .op = FW443_OP_LIST,
	.name = "x", .opts = FW443_OPT_JSON,
};

FIXTURE_VARIANT_ADD(args, json_only_for_list) {
	.argv = { "add", "10.0.0.1", "-j" }, .says = "unknown option",
};

FIXTURE_VARIANT_ADD(args, help_anywhere) {
	.argv = { "load", "-h" }, .ok = true, .op = FW443_OP_LOAD,
	.opts = FW443_OPT_HELP,
};

FIXTURE_VARIANT_ADD(args, no_operation) {
	.argv = { NULL }, .says = "missing operation",
};

FIXTURE_VARIANT_ADD(args, unknown_operation) {
	.argv = { "insert", "10.0.0.1" }, .says = "unknown operation",
};

FIXTURE_VARIANT_ADD(args, missing_prefix) {
	.argv = { "add" }, .says = "add: missing PREFIX",
};

FIXTURE_VARIANT_ADD(args, missing_file) {
	.argv = { "load", "x" }, .says = "load: missing FILE",
};

FIXTURE_VARIANT_ADD(args, bad_prefix) {
	.argv = { "add", "0.0.0.0/0" }, .says = "would match everything",
};

FIXTURE_VARIANT_ADD(args, range) {
	.argv = { "del", "10.0.0.1-10.0.0.9" }, .says = "ranges are not",
};

FIXTURE_VARIANT_ADD(args, keyword_twice) {
	.argv = { "add", "10.0.0.1", "list", "a", "list", "b" },
	.says = "given twice",
};

FIXTURE_VARIANT_ADD(args, keyword_of_another_op) {
	.argv = { "add", "10.0.0.1", "direction", "in" },
	.says = "unexpected argument",
};

FIXTURE_VARIANT_ADD(args, keyword_without_value) {
	.argv = { "add", "10.0.0.1", "timeout" }, .says = "missing value",
};

FIXTURE_VARIANT_ADD(args, bad_direction) {
	.argv = { "create", "x", "direction", "up" },
	.says = "direction is in, out or both",
};

FIXTURE_VARIANT_ADD(args, bad_timeout) {
	.argv = { "add", "10.0.0.1", "timeout", "-5" }, .says = "timeout is",
};

FIXTURE_VARIANT_ADD(args, bad_name) {
	.argv = { "create", "a/b" }, .says = "a list name is",
};

FIXTURE_VARIANT_ADD(args, name_too_long) {
	.argv = { "flush", "abcdefghijklmnopqrstuvwxyz0123456" },
	.says = "a list name is",
};

FIXTURE_VARIANT_ADD(args, extra_word) {
	.argv = { "flush", "x", "y" }, .says = "unexpected argument",
};

TEST_F(args, parse)
{
	struct fw443_list_args a;
	struct fw443_usage u = { 0 };
	int argc = 0;
	int ret;

	while (variant->argv[argc])
		argc++;
	ret = fw443_list_args_parse(argc, (char *const *)variant->argv, &a, &u);
	if (!variant->ok) {
		ASSERT_EQ(-1, ret);
		EXPECT_NE(NULL, strstr(u.what, variant->says)) {
			TH_LOG("got '%s'", u.what);
		}
		return;
	}
	ASSERT_EQ(0, ret) {
		TH_LOG("%s '%s'", u.what, u.arg ? u.arg : "");
	}
	EXPECT_EQ(variant->op, a.op);
	if (variant->name) {
		EXPECT_STREQ(variant->name, a.name);
	} else {
		EXPECT_EQ(NULL, a.name);
	}
	if (variant->file) {
		EXPECT_STREQ(variant->file, a.file);
	}
	EXPECT_EQ(variant->timeout, a.timeout);
	EXPECT_EQ(variant->direction, a.direction);
	EXPECT_EQ(variant->flags, a.flags);
	EXPECT_EQ(variant->opts, a.opts);
}

TEST_HARNESS_MAIN
