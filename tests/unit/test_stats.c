// SPDX-License-Identifier: GPL-2.0
/*
 * stats.c against replies built the way the kernel builds them: one
 * FW443_A_STATS nest holding a FW443_STATS_A_TRAFFIC nest per (IP version,
 * direction) pair.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/genetlink.h>

#include "kselftest_harness.h"
#include "leak_check.h"
#include "stats.h"
#include "unit.h"

#define TEST_FAMILY_ID	0x1c	/* any id: the parser does not look */

/*
 * Above 2^32 (a 32-bit counter would wrap) and above 2^53 (a double would
 * round): only an exact 64-bit path gets these right.
 */
#define BIG_PACKETS	((1ULL << 32) + 5)
#define BIG_BYTES	((1ULL << 62) + 1)

FIXTURE(reply) {
	char buf[4096] __attribute__((aligned(8)));
	struct nlmsghdr *nlh;
	struct nlattr *stats_nest;
	struct fw443_stats stats;
	struct fw443_error err;
};

FIXTURE_SETUP(reply)
{
	struct genlmsghdr *genl;

	memset(self->buf, 0, sizeof(self->buf));
	self->nlh = mnl_nlmsg_put_header(self->buf);
	self->nlh->nlmsg_type = TEST_FAMILY_ID;
	genl = mnl_nlmsg_put_extra_header(self->nlh, sizeof(*genl));
	genl->cmd = FW443_CMD_GET_STATS;
	genl->version = FW443_GENL_VERSION;
	self->stats_nest = mnl_attr_nest_start(self->nlh, FW443_A_STATS);
	memset(self->err.msg, 0, sizeof(self->err.msg));
}

FIXTURE_TEARDOWN(reply)
{
	EXPECT_NO_LEAKS();
}

static void put_traffic(struct nlmsghdr *nlh, uint8_t family, uint8_t dir,
			uint64_t packets, uint64_t bytes)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, FW443_STATS_A_TRAFFIC);

	mnl_attr_put_u8(nlh, FW443_TRAFFIC_A_FAMILY, family);
	mnl_attr_put_u8(nlh, FW443_TRAFFIC_A_DIRECTION, dir);
	mnl_attr_put_u64(nlh, FW443_TRAFFIC_A_PACKETS, packets);
	mnl_attr_put_u64(nlh, FW443_TRAFFIC_A_BYTES, bytes);
	mnl_attr_nest_end(nlh, nest);
}

/* The four pairs the kernel sends, each with distinct counters. */
static void put_all_traffic(struct nlmsghdr *nlh)
{
	put_traffic(nlh, AF_INET, FW443_DIR_TO_SERVER, 1, 60);
	put_traffic(nlh, AF_INET, FW443_DIR_TO_CLIENT, BIG_PACKETS, BIG_BYTES);
	put_traffic(nlh, AF_INET6, FW443_DIR_TO_SERVER, 3, UINT32_MAX);
	put_traffic(nlh, AF_INET6, FW443_DIR_TO_CLIENT, 0, 0);
}

static int parse(struct __test_metadata *_metadata,
		 FIXTURE_DATA(reply) *self)
{
	int ret = fw443_stats_parse(self->nlh, &self->stats, &self->err);

	if (ret)
		TH_LOG("parse error: %s", self->err.msg);
	return ret;
}

static void expect_traffic(struct __test_metadata *_metadata,
			   const struct fw443_stats *stats, int ipver, int dir,
			   uint64_t packets, uint64_t bytes)
{
	const struct fw443_traffic *t = &stats->traffic[ipver][dir];

	EXPECT_TRUE(t->present);
	EXPECT_EQ(packets, t->packets);
	EXPECT_EQ(bytes, t->bytes);
}

TEST_F(reply, parses_every_pair)
{
	put_all_traffic(self->nlh);
	mnl_attr_nest_end(self->nlh, self->stats_nest);

	ASSERT_EQ(0, parse(_metadata, self));
	expect_traffic(_metadata, &self->stats, FW443_STATS_IPV4,
		       FW443_DIR_TO_SERVER, 1, 60);
	expect_traffic(_metadata, &self->stats, FW443_STATS_IPV4,
		       FW443_DIR_TO_CLIENT, BIG_PACKETS, BIG_BYTES);
	expect_traffic(_metadata, &self->stats, FW443_STATS_IPV6,
		       FW443_DIR_TO_SERVER, 3, UINT32_MAX);
	expect_traffic(_metadata, &self->stats, FW443_STATS_IPV6,
		       FW443_DIR_TO_CLIENT, 0, 0);
}

/* What a newer kernel may add, at every level, must be skipped. */
TEST_F(reply, skips_unknown_attributes)
{
	struct nlattr *nest;

	mnl_attr_put_u32(self->nlh, FW443_STATS_A_MAX + 1, 0xdeadbeef);
	nest = mnl_attr_nest_start(self->nlh, FW443_STATS_A_TRAFFIC);
	mnl_attr_put(self->nlh, FW443_TRAFFIC_A_PAD, 0, NULL);
	mnl_attr_put_u8(self->nlh, FW443_TRAFFIC_A_FAMILY, AF_INET6);
	mnl_attr_put_u8(self->nlh, FW443_TRAFFIC_A_DIRECTION,
			FW443_DIR_TO_CLIENT);
	mnl_attr_put_u64(self->nlh, FW443_TRAFFIC_A_PACKETS, BIG_PACKETS);
	mnl_attr_put_strz(self->nlh, FW443_TRAFFIC_A_MAX + 1, "future");
	mnl_attr_put_u64(self->nlh, FW443_TRAFFIC_A_BYTES, BIG_BYTES);
	mnl_attr_nest_end(self->nlh, nest);
	mnl_attr_nest_end(self->nlh, self->stats_nest);
	mnl_attr_put_u64(self->nlh, FW443_A_MAX + 1, 42);

	ASSERT_EQ(0, parse(_metadata, self));
	expect_traffic(_metadata, &self->stats, FW443_STATS_IPV6,
		       FW443_DIR_TO_CLIENT, BIG_PACKETS, BIG_BYTES);
	EXPECT_FALSE(self->stats.traffic[FW443_STATS_IPV4][0].present);
}

TEST_F(reply, skips_unknown_family_and_direction)
{
	put_traffic(self->nlh, AF_UNIX, FW443_DIR_TO_SERVER, 7, 7);
	put_traffic(self->nlh, AF_INET, FW443_DIR_MAX + 1, 8, 8);
	put_traffic(self->nlh, AF_INET, FW443_DIR_TO_CLIENT, 9, 9);
	mnl_attr_nest_end(self->nlh, self->stats_nest);

	ASSERT_EQ(0, parse(_metadata, self));
	EXPECT_FALSE(self->stats.traffic[FW443_STATS_IPV4][0].present);
	expect_traffic(_metadata, &self->stats, FW443_STATS_IPV4,
		       FW443_DIR_TO_CLIENT, 9, 9);
}

TEST_F(reply, rejects_u8_with_four_bytes)
{
	struct nlattr *nest = mnl_attr_nest_start(self->nlh,
						  FW443_STATS_A_TRAFFIC);

	mnl_attr_put_u32(self->nlh, FW443_TRAFFIC_A_FAMILY, AF_INET);
	mnl_attr_put_u8(self->nlh, FW443_TRAFFIC_A_DIRECTION, 0);
	mnl_attr_put_u64(self->nlh, FW443_TRAFFIC_A_PACKETS, 1);
	mnl_attr_put_u64(self->nlh, FW443_TRAFFIC_A_BYTES, 1);
	mnl_attr_nest_end(self->nlh, nest);
	mnl_attr_nest_end(self->nlh, self->stats_nest);

	ASSERT_EQ(-1, fw443_stats_parse(self->nlh, &self->stats, &self->err));
	EXPECT_NE(NULL, strstr(self->err.msg, "FW443_TRAFFIC_A_FAMILY"));
	EXPECT_NE(NULL, strstr(self->err.msg, "4-byte"));
}

TEST_F(reply, rejects_short_u64)
{
	struct nlattr *nest = mnl_attr_nest_start(self->nlh,
						  FW443_STATS_A_TRAFFIC);

	mnl_attr_put_u8(self->nlh, FW443_TRAFFIC_A_FAMILY, AF_INET);
	mnl_attr_put_u8(self->nlh, FW443_TRAFFIC_A_DIRECTION, 0);
	mnl_attr_put_u32(self->nlh, FW443_TRAFFIC_A_PACKETS, 1);
	mnl_attr_put_u64(self->nlh, FW443_TRAFFIC_A_BYTES, 1);
	mnl_attr_nest_end(self->nlh, nest);
	mnl_attr_nest_end(self->nlh, self->stats_nest);

	ASSERT_EQ(-1, fw443_stats_parse(self->nlh, &self->stats, &self->err));
	EXPECT_NE(NULL, strstr(self->err.msg, "FW443_TRAFFIC_A_PACKETS"));
}

TEST_F(reply, rejects_traffic_that_is_not_a_nest)
{
	mnl_attr_put_u16(self->nlh, FW443_STATS_A_TRAFFIC, 1);
	mnl_attr_nest_end(self->nlh, self->stats_nest);

	ASSERT_EQ(-1, fw443_stats_parse(self->nlh, &self->stats, &self->err));
	EXPECT_NE(NULL, strstr(self->err.msg, "FW443_STATS_A_TRAFFIC"));
}

/*
 * The last traffic nest claims more bytes than its container holds, as when
 * a reply was cut short: an error, not counters quietly missing.
 */
TEST_F(reply, rejects_truncated_nest)
{
	const uint16_t cut = 8;

	put_all_traffic(self->nlh);
	mnl_attr_nest_end(self->nlh, self->stats_nest);
	self->stats_nest->nla_len -= cut;
	self->nlh->nlmsg_len -= cut;

	ASSERT_EQ(-1, fw443_stats_parse(self->nlh, &self->stats, &self->err));
	EXPECT_NE(NULL, strstr(self->err.msg, "truncated"));
}

TEST_F(reply, rejects_truncated_message)
{
	put_all_traffic(self->nlh);
	mnl_attr_nest_end(self->nlh, self->stats_nest);
	self->nlh->nlmsg_len -= 8;

	ASSERT_EQ(-1, fw443_stats_parse(self->nlh, &self->stats, &self->err));
	EXPECT_NE(NULL, strstr(self->err.msg, "truncated"));
}

TEST_F(reply, rejects_missing_direction)
{
	struct nlattr *nest = mnl_attr_nest_start(self->nlh,
						  FW443_STATS_A_TRAFFIC);

	mnl_attr_put_u8(self->nlh, FW443_TRAFFIC_A_FAMILY, AF_INET);
	mnl_attr_put_u64(self->nlh, FW443_TRAFFIC_A_PACKETS, 1);
	mnl_attr_put_u64(self->nlh, FW443_TRAFFIC_A_BYTES, 1);
	mnl_attr_nest_end(self->nlh, nest);
	mnl_attr_nest_end(self->nlh, self->stats_nest);

	ASSERT_EQ(-1, fw443_stats_parse(self->nlh, &self->stats, &self->err));
	EXPECT_STREQ("traffic entry: FW443_TRAFFIC_A_DIRECTION missing",
		     self->err.msg);
}

TEST_F(reply, rejects_duplicate_pair)
{
	put_traffic(self->nlh, AF_INET, FW443_DIR_TO_SERVER, 1, 1);
	put_traffic(self->nlh, AF_INET, FW443_DIR_TO_SERVER, 2, 2);
	mnl_attr_nest_end(self->nlh, self->stats_nest);

	ASSERT_EQ(-1, fw443_stats_parse(self->nlh, &self->stats, &self->err));
	EXPECT_NE(NULL, strstr(self->err.msg, "twice"));
}

TEST(rejects_reply_without_stats)
{
	char buf[256] __attribute__((aligned(8))) = { 0 };
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct fw443_stats stats;
	struct fw443_error err;

	mnl_nlmsg_put_extra_header(nlh, GENL_HDRLEN);
	ASSERT_EQ(-1, fw443_stats_parse(nlh, &stats, &err));
	EXPECT_STREQ("stats reply: FW443_A_STATS missing", err.msg);
}

TEST(rejects_message_shorter_than_genl_header)
{
	char buf[256] __attribute__((aligned(8))) = { 0 };
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct fw443_stats stats;
	struct fw443_error err;

	ASSERT_EQ(-1, fw443_stats_parse(nlh, &stats, &err));
	EXPECT_NE(NULL, strstr(err.msg, "too short"));
}

static void expect_json_traffic(struct __test_metadata *_metadata,
				json_t *entry, int ip_version,
				const char *direction, uint64_t packets,
				uint64_t bytes)
{
	ASSERT_TRUE(json_is_object(entry));
	EXPECT_EQ(4, json_object_size(entry));
	EXPECT_TRUE(json_is_integer(json_object_get(entry, "ip_version")));
	EXPECT_EQ(ip_version,
		  json_integer_value(json_object_get(entry, "ip_version")));
	EXPECT_STREQ(direction,
		     json_string_value(json_object_get(entry, "direction")));
	EXPECT_TRUE(json_is_integer(json_object_get(entry, "packets")));
	EXPECT_EQ((json_int_t)packets,
		  json_integer_value(json_object_get(entry, "packets")));
	EXPECT_TRUE(json_is_integer(json_object_get(entry, "bytes")));
	EXPECT_EQ((json_int_t)bytes,
		  json_integer_value(json_object_get(entry, "bytes")));
}

/* Rendered, printed, and read back: the numbers survive exactly. */
TEST_F(reply, json_round_trip)
{
	json_t *root, *back, *traffic;
	json_error_t jerr;
	char *text;

	put_all_traffic(self->nlh);
	mnl_attr_nest_end(self->nlh, self->stats_nest);
	ASSERT_EQ(0, parse(_metadata, self));

	root = fw443_stats_to_json(&self->stats);
	ASSERT_NE(NULL, root);
	text = json_dumps(root, JSON_COMPACT);
	json_decref(root);
	ASSERT_NE(NULL, text);
	EXPECT_NE(NULL, strstr(text, "\"bytes\":4611686018427387905"));
	back = json_loads(text, 0, &jerr);
	free(text);
	ASSERT_NE(NULL, back);

	EXPECT_EQ(1, json_object_size(back));
	traffic = json_object_get(back, "traffic");
	ASSERT_TRUE(json_is_array(traffic));
	ASSERT_EQ(4, json_array_size(traffic));
	expect_json_traffic(_metadata, json_array_get(traffic, 0), 4,
			    "to_server", 1, 60);
	expect_json_traffic(_metadata, json_array_get(traffic, 1), 4,
			    "to_client", BIG_PACKETS, BIG_BYTES);
	expect_json_traffic(_metadata, json_array_get(traffic, 2), 6,
			    "to_server", 3, UINT32_MAX);
	expect_json_traffic(_metadata, json_array_get(traffic, 3), 6,
			    "to_client", 0, 0);
	json_decref(back);
}

/* Beyond jansson's int64: no JSON at all rather than a wrong number. */
TEST_F(reply, json_refuses_counter_above_int64)
{
	struct fw443_stats stats = { 0 };
	struct fw443_traffic *t;

	t = &stats.traffic[FW443_STATS_IPV6][FW443_DIR_TO_CLIENT];
	t->present = true;
	t->bytes = (uint64_t)INT64_MAX + 1;
	EXPECT_EQ(NULL, fw443_stats_to_json(&stats));
}

TEST_F(reply, json_of_nothing_is_empty_list)
{
	struct fw443_stats stats = { 0 };
	json_t *root = fw443_stats_to_json(&stats);
	char *text;

	ASSERT_NE(NULL, root);
	text = json_dumps(root, JSON_COMPACT);
	json_decref(root);
	ASSERT_NE(NULL, text);
	EXPECT_STREQ("{\"traffic\":[]}", text);
	free(text);
}

TEST_F(reply, human_table_has_every_number)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f;

	put_all_traffic(self->nlh);
	mnl_attr_nest_end(self->nlh, self->stats_nest);
	ASSERT_EQ(0, parse(_metadata, self));

	f = open_memstream(&text, &len);
	ASSERT_NE(NULL, f);
	fw443_stats_print(&self->stats, f);
	ASSERT_EQ(0, fclose(f));

	EXPECT_NE(NULL, strstr(text, "packets"));
	EXPECT_NE(NULL, strstr(text, "4294967301"));
	EXPECT_NE(NULL, strstr(text, "4611686018427387905"));
	EXPECT_NE(NULL, strstr(text, "4294967295"));
	EXPECT_NE(NULL, strstr(text, "ipv4  to_server"));
	EXPECT_NE(NULL, strstr(text, "ipv6  to_client"));
	free(text);
}

static void put_id_counter(struct nlmsghdr *nlh, uint16_t type,
			   uint16_t id_attr, uint16_t value_attr, uint8_t id,
			   uint64_t value)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, type);

	mnl_attr_put_u8(nlh, id_attr, id);
	mnl_attr_put_u64(nlh, value_attr, value);
	mnl_attr_nest_end(nlh, nest);
}

static void put_drop(struct nlmsghdr *nlh, uint8_t reason, uint64_t packets)
{
	put_id_counter(nlh, FW443_STATS_A_DROP, FW443_DROP_A_REASON,
		       FW443_DROP_A_PACKETS, reason, packets);
}

static void put_flowctr(struct nlmsghdr *nlh, uint8_t id, uint64_t value)
{
	put_id_counter(nlh, FW443_STATS_A_FLOW, FW443_FLOWCTR_A_ID,
		       FW443_FLOWCTR_A_VALUE, id, value);
}

/* What a module with a flow table sends besides traffic. */
static void put_flow_stats(struct nlmsghdr *nlh)
{
	put_drop(nlh, FW443_DROP_BLOCKLIST, 7);
	put_drop(nlh, FW443_DROP_POLICY, 3);
	put_drop(nlh, FW443_DROP_INVALID, 2);
	put_drop(nlh, FW443_DROP_TABLE_FULL, 1);
	put_flowctr(nlh, FW443_FLOWCTR_ACCEPTED_NEW, 12);
	put_flowctr(nlh, FW443_FLOWCTR_ACCEPTED_ESTABLISHED, BIG_BYTES);
	put_flowctr(nlh, FW443_FLOWCTR_CREATED, 12);
	put_flowctr(nlh, FW443_FLOWCTR_EXPIRED, 0);
	put_flowctr(nlh, FW443_FLOWCTR_EVICTED, 4);
	put_flowctr(nlh, FW443_FLOWCTR_MAX + 1, 99);	/* newer: skipped */
	mnl_attr_put_u32(nlh, FW443_STATS_A_FLOWS_ACTIVE, 8);
	mnl_attr_put_u32(nlh, FW443_STATS_A_FLOWS_MAX, 131072);
}

static void put_evctr(struct nlmsghdr *nlh, uint8_t id, uint64_t value)
{
	put_id_counter(nlh, FW443_STATS_A_EVENT, FW443_FLOWCTR_A_ID,
		       FW443_FLOWCTR_A_VALUE, id, value);
}

/* What a module with events sends besides traffic. */
static void put_event_stats(struct nlmsghdr *nlh)
{
	put_evctr(nlh, FW443_EVCTR_SENT, 1200);
	put_evctr(nlh, FW443_EVCTR_MAX + 1, 99);	/* newer: skipped */
	put_evctr(nlh, FW443_EVCTR_SUPPRESSED, BIG_BYTES);
	put_evctr(nlh, FW443_EVCTR_LOST, 0);
}

/* Every group a module with a flow table and events sends, in order. */
TEST_F(reply, tables_of_every_group)
{
	struct unit_out out;

	put_traffic(self->nlh, AF_INET, FW443_DIR_TO_SERVER, 1, 60);
	put_event_stats(self->nlh);
	put_flow_stats(self->nlh);
	mnl_attr_nest_end(self->nlh, self->stats_nest);
	ASSERT_EQ(0, parse(_metadata, self));

	ASSERT_NE(NULL, unit_out_start(&out));
	fw443_stats_print(&self->stats, out.f);
	EXPECT_STREQ("ip    direction               packets                 bytes\n"
		     "ipv4  to_server                     1                    60\n"
		     "\n"
		     "drop reason                   packets\n"
		     "blocklist                           7\n"
		     "policy                              3\n"
		     "invalid                             2\n"
		     "table_full                          1\n"
		     "\n"
		     "flow table                           value\n"
		     "accepted_new                            12\n"
		     "accepted_established   4611686018427387905\n"
		     "created                                 12\n"
		     "expired                                  0\n"
		     "evicted                                  4\n"
		     "active                                   8\n"
		     "max                                 131072\n"
		     "\n"
		     "events                          value\n"
		     "sent                             1200\n"
		     "suppressed        4611686018427387905\n"
		     "lost                                0\n",
		     unit_out_end(&out));
	free(out.text);
}

TEST_F(reply, json_of_every_group)
{
	char *text;

	put_event_stats(self->nlh);
	put_flow_stats(self->nlh);
	mnl_attr_nest_end(self->nlh, self->stats_nest);
	ASSERT_EQ(0, parse(_metadata, self));
	text = unit_json(fw443_stats_to_json(&self->stats));
	EXPECT_STREQ("{\"traffic\":[],"
		     "\"drops\":[{\"reason\":\"blocklist\",\"packets\":7},"
		     "{\"reason\":\"policy\",\"packets\":3},"
		     "{\"reason\":\"invalid\",\"packets\":2},"
		     "{\"reason\":\"table_full\",\"packets\":1}],"
		     "\"flows\":{\"accepted_new\":12,"
		     "\"accepted_established\":4611686018427387905,"
		     "\"created\":12,\"expired\":0,\"evicted\":4,"
		     "\"active\":8,\"max\":131072},"
		     "\"events\":{\"sent\":1200,"
		     "\"suppressed\":4611686018427387905,\"lost\":0}}", text);
	free(text);
}

/* Gauges without counters (or the other way round) still show. */
TEST_F(reply, flow_gauges_alone)
{
	char *text;

	mnl_attr_put_u32(self->nlh, FW443_STATS_A_FLOWS_MAX, 0);
	mnl_attr_nest_end(self->nlh, self->stats_nest);
	ASSERT_EQ(0, parse(_metadata, self));
	text = unit_json(fw443_stats_to_json(&self->stats));
	EXPECT_STREQ("{\"traffic\":[],\"flows\":{\"max\":0}}", text);
	free(text);
}

TEST_F(reply, rejects_flow_counter_twice)
{
	put_flowctr(self->nlh, FW443_FLOWCTR_CREATED, 1);
	put_flowctr(self->nlh, FW443_FLOWCTR_CREATED, 2);
	mnl_attr_nest_end(self->nlh, self->stats_nest);
	ASSERT_EQ(-1, fw443_stats_parse(self->nlh, &self->stats, &self->err));
	EXPECT_STREQ("flow counter: created sent twice", self->err.msg);
}

TEST_F(reply, rejects_flow_counter_without_value)
{
	struct nlattr *nest = mnl_attr_nest_start(self->nlh,
						  FW443_STATS_A_FLOW);

	mnl_attr_put_u8(self->nlh, FW443_FLOWCTR_A_ID, FW443_FLOWCTR_EXPIRED);
	mnl_attr_nest_end(self->nlh, nest);
	mnl_attr_nest_end(self->nlh, self->stats_nest);
	ASSERT_EQ(-1, fw443_stats_parse(self->nlh, &self->stats, &self->err));
	EXPECT_STREQ("flow counter: FW443_FLOWCTR_A_VALUE missing",
		     self->err.msg);
}

/* An event counter is parsed as a flow counter is, and checked the same. */
TEST_F(reply, rejects_event_counter_twice)
{
	put_evctr(self->nlh, FW443_EVCTR_LOST, 1);
	put_evctr(self->nlh, FW443_EVCTR_LOST, 2);
	mnl_attr_nest_end(self->nlh, self->stats_nest);
	ASSERT_EQ(-1, fw443_stats_parse(self->nlh, &self->stats, &self->err));
	EXPECT_STREQ("event counter: lost sent twice", self->err.msg);
}

TEST_F(reply, rejects_event_counter_without_id)
{
	struct nlattr *nest = mnl_attr_nest_start(self->nlh,
						  FW443_STATS_A_EVENT);

	mnl_attr_put_u64(self->nlh, FW443_FLOWCTR_A_VALUE, 3);
	mnl_attr_nest_end(self->nlh, nest);
	mnl_attr_nest_end(self->nlh, self->stats_nest);
	ASSERT_EQ(-1, fw443_stats_parse(self->nlh, &self->stats, &self->err));
	EXPECT_STREQ("event counter: FW443_FLOWCTR_A_ID missing",
		     self->err.msg);
}

TEST_F(reply, rejects_short_gauge)
{
	mnl_attr_put_u8(self->nlh, FW443_STATS_A_FLOWS_ACTIVE, 1);
	mnl_attr_nest_end(self->nlh, self->stats_nest);
	ASSERT_EQ(-1, fw443_stats_parse(self->nlh, &self->stats, &self->err));
	EXPECT_STREQ("stats: malformed attribute FW443_STATS_A_FLOWS_ACTIVE (1-byte payload)",
		     self->err.msg);
}

TEST_HARNESS_MAIN
