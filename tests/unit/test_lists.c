// SPDX-License-Identifier: GPL-2.0
/*
 * lists.c (LIST_GET summaries: table and JSON) and the drop counters of
 * stats.c, on replies built the way the kernel builds them.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/genetlink.h>

#include "kselftest_harness.h"
#include "leak_check.h"
#include "lists.h"
#include "stats.h"

#define BIG	((1ULL << 53) + 1)	/* a double would round it */

FIXTURE(msg) {
	char buf[4096] __attribute__((aligned(8)));
	struct nlmsghdr *nlh;
	struct fw443_error err;
	char *out;
	size_t out_len;
	FILE *f;
};

static struct nlmsghdr *start_msg(char *buf, uint8_t cmd)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *genl;

	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = FW443_GENL_VERSION;
	return nlh;
}

FIXTURE_SETUP(msg)
{
	memset(self->buf, 0, sizeof(self->buf));
	memset(&self->err, 0, sizeof(self->err));
	self->out = NULL;
	self->f = open_memstream(&self->out, &self->out_len);
}

FIXTURE_TEARDOWN(msg)
{
	fclose(self->f);
	free(self->out);
	EXPECT_NO_LEAKS();
}

static void put_list(struct nlmsghdr *nlh, const char *name, uint8_t kind,
		     uint8_t dir, uint8_t flags, uint32_t n4, uint32_t n6,
		     uint64_t mem, uint64_t hits)
{
	mnl_attr_put_strz(nlh, FW443_A_LIST_NAME, name);
	mnl_attr_put_u8(nlh, FW443_A_LIST_KIND, kind);
	mnl_attr_put_u8(nlh, FW443_A_LIST_DIRECTION, dir);
	mnl_attr_put_u8(nlh, FW443_A_LIST_FLAGS, flags);
	mnl_attr_put_u32(nlh, FW443_A_LIST_COUNT4, n4);
	mnl_attr_put_u32(nlh, FW443_A_LIST_COUNT6, n6);
	mnl_attr_put_u64(nlh, FW443_A_LIST_MEMORY, mem);
	mnl_attr_put_u64(nlh, FW443_A_LIST_HITS, hits);
}

/* Two lists, each parsed from its own message as a dump delivers them. */
static void two_lists(struct __test_metadata *_metadata,
		      FIXTURE_DATA(msg) *self, struct fw443_lists *ls)
{
	struct fw443_list_info li;

	put_list(start_msg(self->buf, FW443_CMD_LIST_GET), "firehol_level1",
		 FW443_LIST_BLOCK, FW443_LIST_IN, 0, 4631, 0, 1258291, BIG);
	ASSERT_EQ(0, fw443_list_info_parse((void *)self->buf, &li, &self->err));
	ASSERT_EQ(0, fw443_lists_add(ls, &li));
	put_list(start_msg(self->buf, FW443_CMD_LIST_GET), "ok",
		 FW443_LIST_ALLOW, FW443_LIST_BOTH, FW443_LIST_F_COUNTERS,
		 UINT32_MAX, 85, 512, 0);
	ASSERT_EQ(0, fw443_list_info_parse((void *)self->buf, &li, &self->err));
	ASSERT_EQ(0, fw443_lists_add(ls, &li));
}

static json_int_t jint(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	return json_is_integer(v) ? json_integer_value(v) : -1;
}

/* Printed as the tool prints it, then read back; takes @root. */
static json_t *reparse(json_t *root)
{
	json_error_t jerr;
	json_t *back;
	char *text;

	if (!root)
		return NULL;
	text = json_dumps(root, JSON_COMPACT);
	json_decref(root);
	back = json_loads(text, 0, &jerr);
	free(text);
	return back;
}

TEST_F(msg, lists_json_round_trip)
{
	struct fw443_lists ls = { 0 };
	json_t *back, *arr, *l;

	two_lists(_metadata, self, &ls);
	back = reparse(fw443_lists_to_json(&ls));
	fw443_lists_free(&ls);
	ASSERT_NE(NULL, back);
	arr = json_object_get(back, "lists");
	ASSERT_EQ(2, json_array_size(arr));
	l = json_array_get(arr, 0);
	EXPECT_EQ(8, json_object_size(l));
	EXPECT_STREQ("firehol_level1",
		     json_string_value(json_object_get(l, "name")));
	EXPECT_STREQ("block", json_string_value(json_object_get(l, "kind")));
	EXPECT_STREQ("in", json_string_value(json_object_get(l, "direction")));
	EXPECT_TRUE(json_is_false(json_object_get(l, "counters")));
	EXPECT_EQ(4631, jint(l, "entries_v4"));
	EXPECT_EQ(0, jint(l, "entries_v6"));
	EXPECT_EQ(1258291, jint(l, "memory_bytes"));
	EXPECT_EQ((json_int_t)BIG, jint(l, "hits"));
	l = json_array_get(arr, 1);
	EXPECT_STREQ("allow", json_string_value(json_object_get(l, "kind")));
	EXPECT_STREQ("both",
		     json_string_value(json_object_get(l, "direction")));
	EXPECT_TRUE(json_is_true(json_object_get(l, "counters")));
	EXPECT_EQ(UINT32_MAX, jint(l, "entries_v4"));
	EXPECT_EQ(85, jint(l, "entries_v6"));
	json_decref(back);
}

TEST_F(msg, lists_json_of_none)
{
	struct fw443_lists ls = { 0 };
	json_t *root = fw443_lists_to_json(&ls);
	char *text = json_dumps(root, JSON_COMPACT);

	EXPECT_STREQ("{\"lists\":[]}", text);
	free(text);
	json_decref(root);
}

TEST_F(msg, lists_table)
{
	struct fw443_lists ls = { 0 };

	two_lists(_metadata, self, &ls);
	fw443_lists_print(&ls, self->f);
	fw443_lists_free(&ls);
	fflush(self->f);
	EXPECT_STREQ(
		"name            kind   direction          v4          v6      memory                  hits\n"
		"firehol_level1  block  in               4631           0     1.2 MiB      9007199254740993\n"
		"ok              allow  both       4294967295          85       512 B                     0\n",
		self->out);
}

TEST_F(msg, list_missing_attribute)
{
	struct fw443_list_info li;
	struct nlmsghdr *nlh = start_msg(self->buf, FW443_CMD_LIST_GET);

	mnl_attr_put_strz(nlh, FW443_A_LIST_NAME, "x");
	EXPECT_EQ(-1, fw443_list_info_parse(nlh, &li, &self->err));
	EXPECT_STREQ("list: FW443_A_LIST_KIND missing", self->err.msg);
}

FIXTURE(bytes) {
};

FIXTURE_SETUP(bytes)
{
}

FIXTURE_TEARDOWN(bytes)
{
}

FIXTURE_VARIANT(bytes) {
	uint64_t n;
	const char *text;
};

FIXTURE_VARIANT_ADD(bytes, zero) { .n = 0, .text = "0 B" };
FIXTURE_VARIANT_ADD(bytes, below_kib) { .n = 1023, .text = "1023 B" };
FIXTURE_VARIANT_ADD(bytes, kib) { .n = 1024, .text = "1.0 KiB" };
FIXTURE_VARIANT_ADD(bytes, mib) { .n = 1258291, .text = "1.2 MiB" };
FIXTURE_VARIANT_ADD(bytes, rounds_up_a_unit) {
	.n = 1048575, .text = "1.0 MiB"
};
FIXTURE_VARIANT_ADD(bytes, max) { .n = UINT64_MAX, .text = "16.0 EiB" };

TEST_F(bytes, human)
{
	char buf[16];

	fw443_format_bytes(variant->n, buf, sizeof(buf));
	EXPECT_STREQ(variant->text, buf);
}

/* stats: FW443_STATS_A_DROP nests beside the traffic ones. */
static void put_drop(struct nlmsghdr *nlh, uint8_t reason, uint64_t packets)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, FW443_STATS_A_DROP);

	mnl_attr_put_u8(nlh, FW443_DROP_A_REASON, reason);
	mnl_attr_put_u64(nlh, FW443_DROP_A_PACKETS, packets);
	mnl_attr_nest_end(nlh, nest);
}

static struct nlmsghdr *stats_with_drops(char *buf, uint64_t packets)
{
	struct nlmsghdr *nlh = start_msg(buf, FW443_CMD_GET_STATS);
	struct nlattr *stats = mnl_attr_nest_start(nlh, FW443_A_STATS);
	struct nlattr *t = mnl_attr_nest_start(nlh, FW443_STATS_A_TRAFFIC);

	mnl_attr_put_u8(nlh, FW443_TRAFFIC_A_FAMILY, AF_INET);
	mnl_attr_put_u8(nlh, FW443_TRAFFIC_A_DIRECTION, FW443_DIR_TO_SERVER);
	mnl_attr_put_u64(nlh, FW443_TRAFFIC_A_PACKETS, 10);
	mnl_attr_put_u64(nlh, FW443_TRAFFIC_A_BYTES, 600);
	mnl_attr_nest_end(nlh, t);
	put_drop(nlh, 200, 1);	/* a reason from a newer module: skipped */
	put_drop(nlh, FW443_DROP_BLOCKLIST, packets);
	mnl_attr_nest_end(nlh, stats);
	return nlh;
}

TEST_F(msg, stats_drops_json)
{
	struct fw443_stats st;
	json_t *back, *drops, *d;

	ASSERT_EQ(0, fw443_stats_parse(stats_with_drops(self->buf, BIG), &st,
				       &self->err)) {
		TH_LOG("%s", self->err.msg);
	}
	back = reparse(fw443_stats_to_json(&st));
	ASSERT_NE(NULL, back);
	drops = json_object_get(back, "drops");
	ASSERT_EQ(1, json_array_size(drops));
	d = json_array_get(drops, 0);
	EXPECT_EQ(2, json_object_size(d));
	EXPECT_STREQ("blocklist",
		     json_string_value(json_object_get(d, "reason")));
	EXPECT_EQ((json_int_t)BIG, jint(d, "packets"));
	EXPECT_EQ(1, json_array_size(json_object_get(back, "traffic")));
	json_decref(back);
}

TEST_F(msg, stats_drops_table)
{
	struct fw443_stats st;

	ASSERT_EQ(0, fw443_stats_parse(stats_with_drops(self->buf, 42), &st,
				       &self->err));
	fw443_stats_print(&st, self->f);
	fflush(self->f);
	EXPECT_NE(NULL, strstr(self->out,
			       "\ndrop reason                   packets\n"
			       "blocklist                          42\n"));
}

TEST_F(msg, stats_drop_twice_is_an_error)
{
	struct fw443_stats st;
	struct nlmsghdr *nlh = start_msg(self->buf, FW443_CMD_GET_STATS);
	struct nlattr *stats = mnl_attr_nest_start(nlh, FW443_A_STATS);

	put_drop(nlh, FW443_DROP_BLOCKLIST, 1);
	put_drop(nlh, FW443_DROP_BLOCKLIST, 2);
	mnl_attr_nest_end(nlh, stats);
	EXPECT_EQ(-1, fw443_stats_parse(nlh, &st, &self->err));
	EXPECT_STREQ("drop entry: blocklist sent twice", self->err.msg);
}

TEST_HARNESS_MAIN
