// SPDX-License-Identifier: GPL-2.0
/* status.c against FW443_CMD_GET_STATUS replies built as the kernel does. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <linux/genetlink.h>
#include <uapi/linux/fw443.h>

#include "kselftest_harness.h"
#include "leak_check.h"
#include "status.h"
#include "unit.h"

#define BIG_GENERATION	((1ULL << 53) + 1)	/* a double would round it */

FIXTURE(reply) {
	char buf[1024] __attribute__((aligned(8)));
	struct nlmsghdr *nlh;
	struct fw443_status st;
	struct fw443_error err;
};

FIXTURE_SETUP(reply)
{
	struct genlmsghdr *genl;

	memset(self->buf, 0, sizeof(self->buf));
	self->nlh = mnl_nlmsg_put_header(self->buf);
	genl = mnl_nlmsg_put_extra_header(self->nlh, sizeof(*genl));
	genl->cmd = FW443_CMD_GET_STATUS;
	genl->version = FW443_GENL_VERSION;
}

FIXTURE_TEARDOWN(reply)
{
	EXPECT_NO_LEAKS();
}

TEST_F(reply, parses_version_and_generation)
{
	mnl_attr_put_strz(self->nlh, FW443_A_VERSION, "1.2.3");
	mnl_attr_put_u64(self->nlh, FW443_A_GENERATION, BIG_GENERATION);
	mnl_attr_put_u32(self->nlh, FW443_A_MAX + 1, 7);

	ASSERT_EQ(0, fw443_status_parse(self->nlh, &self->st, &self->err)) {
		TH_LOG("%s", self->err.msg);
	}
	EXPECT_STREQ("1.2.3", self->st.version);
	EXPECT_EQ(BIG_GENERATION, self->st.generation);
}

TEST_F(reply, event_rate_when_sent)
{
	mnl_attr_put_strz(self->nlh, FW443_A_VERSION, "1.2.3");
	mnl_attr_put_u64(self->nlh, FW443_A_GENERATION, 1);
	ASSERT_EQ(0, fw443_status_parse(self->nlh, &self->st, &self->err));
	EXPECT_FALSE(self->st.has_event_rate);

	mnl_attr_put_u32(self->nlh, FW443_A_EVENT_RATE, 250);
	ASSERT_EQ(0, fw443_status_parse(self->nlh, &self->st, &self->err));
	EXPECT_TRUE(self->st.has_event_rate);
	EXPECT_EQ(250, self->st.event_rate);
}

TEST_F(reply, rejects_a_short_event_rate)
{
	mnl_attr_put_strz(self->nlh, FW443_A_VERSION, "1.2.3");
	mnl_attr_put_u64(self->nlh, FW443_A_GENERATION, 1);
	mnl_attr_put_u8(self->nlh, FW443_A_EVENT_RATE, 1);
	ASSERT_EQ(-1, fw443_status_parse(self->nlh, &self->st, &self->err));
	EXPECT_NE(NULL, strstr(self->err.msg, "FW443_A_EVENT_RATE"));
}

TEST_F(reply, rejects_missing_generation)
{
	mnl_attr_put_strz(self->nlh, FW443_A_VERSION, "1.2.3");

	ASSERT_EQ(-1, fw443_status_parse(self->nlh, &self->st, &self->err));
	EXPECT_STREQ("status reply: FW443_A_GENERATION missing",
		     self->err.msg);
}

TEST_F(reply, rejects_version_without_nul)
{
	mnl_attr_put_str(self->nlh, FW443_A_VERSION, "1.2.3");
	mnl_attr_put_u64(self->nlh, FW443_A_GENERATION, 1);

	ASSERT_EQ(-1, fw443_status_parse(self->nlh, &self->st, &self->err));
	EXPECT_NE(NULL, strstr(self->err.msg, "FW443_A_VERSION"));
}

TEST_F(reply, rejects_overlong_version)
{
	char version[FW443_STATUS_VERSION_LEN + 1];

	memset(version, 'v', sizeof(version) - 1);
	version[sizeof(version) - 1] = '\0';
	mnl_attr_put_strz(self->nlh, FW443_A_VERSION, version);
	mnl_attr_put_u64(self->nlh, FW443_A_GENERATION, 1);

	ASSERT_EQ(-1, fw443_status_parse(self->nlh, &self->st, &self->err));
	EXPECT_NE(NULL, strstr(self->err.msg, "longer than"));
}

TEST_F(reply, json_round_trip)
{
	struct fw443_status st = {
		.version = "0.1.0", .generation = BIG_GENERATION,
	};
	json_t *root = fw443_status_to_json(&st), *back;
	json_error_t jerr;
	char *text;

	ASSERT_NE(NULL, root);
	text = json_dumps(root, JSON_COMPACT);
	json_decref(root);
	ASSERT_NE(NULL, text);
	EXPECT_STREQ("{\"version\":\"0.1.0\",\"generation\":9007199254740993}",
		     text);
	back = json_loads(text, 0, &jerr);
	free(text);
	ASSERT_NE(NULL, back);
	EXPECT_STREQ("0.1.0",
		     json_string_value(json_object_get(back, "version")));
	EXPECT_TRUE(json_is_integer(json_object_get(back, "generation")));
	EXPECT_EQ((json_int_t)BIG_GENERATION,
		  json_integer_value(json_object_get(back, "generation")));
	json_decref(back);
}

TEST_F(reply, human_lines_are_aligned)
{
	struct fw443_status st = { .version = "0.1.0", .generation = 42 };
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	ASSERT_NE(NULL, f);
	fw443_status_print(&st, f);
	ASSERT_EQ(0, fclose(f));
	EXPECT_STREQ("version:    0.1.0\ngeneration: 42\n", text);
	free(text);
}

TEST_F(reply, human_and_json_say_whether_events_are_on)
{
	struct fw443_status st = { .version = "0.1.0", .generation = 1,
				   .has_event_rate = true };
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	ASSERT_NE(NULL, f);
	fw443_status_print(&st, f);
	st.event_rate = 200;
	fw443_status_print(&st, f);
	ASSERT_EQ(0, fclose(f));
	EXPECT_STREQ("version:    0.1.0\ngeneration: 1\n"
		     "events:     off (module parameter event_rate=0)\n"
		     "version:    0.1.0\ngeneration: 1\n"
		     "events:     at most 200 a second\n", text);
	free(text);
	text = unit_json(fw443_status_to_json(&st));
	EXPECT_STREQ("{\"version\":\"0.1.0\",\"generation\":1,"
		     "\"event_rate\":200}", text);
	free(text);
}

/* The flow table's part, as a module that has one sends it. */
static void put_flow_status(struct nlmsghdr *nlh, bool with_pickup)
{
	struct nlattr *nest;

	mnl_attr_put_u8(nlh, FW443_A_POLICY, FW443_POLICY_DROP);
	if (with_pickup)
		mnl_attr_put_u8(nlh, FW443_A_PICKUP, 0);
	mnl_attr_put_u32(nlh, FW443_A_FLOWS_MAX, 131072);
	mnl_attr_put_u32(nlh, FW443_A_FLOWS_ACTIVE, 12);
	mnl_attr_put_u32(nlh, FW443_A_FLOW_SIZE, 128);
	mnl_attr_put_u32(nlh, FW443_A_FLOWS_BUCKETS, 65536);
	nest = mnl_attr_nest_start(nlh, FW443_A_TIMEOUTS);
	mnl_attr_put_u32(nlh, FW443_FLOW_SYN_SENT, 120);
	mnl_attr_put_u32(nlh, FW443_FLOW_SYN_SENT2, 120);
	mnl_attr_put_u32(nlh, FW443_FLOW_SYN_RECV, 60);
	mnl_attr_put_u32(nlh, FW443_FLOW_ESTABLISHED, 432000);
	mnl_attr_put_u32(nlh, FW443_FLOW_FIN_WAIT, 120);
	mnl_attr_put_u32(nlh, FW443_FLOW_CLOSE_WAIT, 60);
	mnl_attr_put_u32(nlh, FW443_FLOW_LAST_ACK, 30);
	mnl_attr_put_u32(nlh, FW443_FLOW_TIME_WAIT, 120);
	mnl_attr_put_u32(nlh, FW443_FLOW_CLOSE, 10);
	mnl_attr_nest_end(nlh, nest);
}

TEST_F(reply, flow_table_lines)
{
	struct unit_out out;

	mnl_attr_put_strz(self->nlh, FW443_A_VERSION, "0.2.0");
	mnl_attr_put_u64(self->nlh, FW443_A_GENERATION, 7);
	put_flow_status(self->nlh, true);
	ASSERT_EQ(0, fw443_status_parse(self->nlh, &self->st, &self->err)) {
		TH_LOG("%s", self->err.msg);
	}
	EXPECT_TRUE(self->st.has_flows);
	ASSERT_NE(NULL, unit_out_start(&out));
	fw443_status_print(&self->st, out.f);
	EXPECT_STREQ("version:    0.2.0\n"
		     "generation: 7\n"
		     "policy:     drop\n"
		     "pickup:     off\n"
		     "flows:      12 of 131072 (128 bytes each, 65536 buckets)\n"
		     "timeouts:   syn_sent 120 syn_sent2 120 syn_recv 60 established 432000 fin_wait 120 close_wait 60 last_ack 30 time_wait 120 close 10\n",
		     unit_out_end(&out));
	free(out.text);
}

TEST_F(reply, flow_table_json)
{
	char *text;

	mnl_attr_put_strz(self->nlh, FW443_A_VERSION, "0.2.0");
	mnl_attr_put_u64(self->nlh, FW443_A_GENERATION, 7);
	put_flow_status(self->nlh, true);
	ASSERT_EQ(0, fw443_status_parse(self->nlh, &self->st, &self->err));
	self->st.flows.pickup = true;
	text = unit_json(fw443_status_to_json(&self->st));
	EXPECT_STREQ("{\"version\":\"0.2.0\",\"generation\":7,"
		     "\"policy\":\"drop\",\"pickup\":true,"
		     "\"flows_active\":12,\"flows_max\":131072,"
		     "\"flow_size\":128,\"flow_buckets\":65536,"
		     "\"timeouts\":{\"syn_sent\":120,\"syn_sent2\":120,"
		     "\"syn_recv\":60,\"established\":432000,"
		     "\"fin_wait\":120,\"close_wait\":60,\"last_ack\":30,"
		     "\"time_wait\":120,\"close\":10}}", text);
	free(text);
}

/* The attributes come together: one missing is a broken reply. */
TEST_F(reply, rejects_flow_table_in_part)
{
	mnl_attr_put_strz(self->nlh, FW443_A_VERSION, "0.2.0");
	mnl_attr_put_u64(self->nlh, FW443_A_GENERATION, 7);
	put_flow_status(self->nlh, false);
	ASSERT_EQ(-1, fw443_status_parse(self->nlh, &self->st, &self->err));
	EXPECT_STREQ("status reply: FW443_A_PICKUP missing", self->err.msg);
}

/* A module without a flow table: the lines and keys of before. */
TEST_F(reply, older_module_has_no_flow_table)
{
	mnl_attr_put_strz(self->nlh, FW443_A_VERSION, "0.1.0");
	mnl_attr_put_u64(self->nlh, FW443_A_GENERATION, 3);
	ASSERT_EQ(0, fw443_status_parse(self->nlh, &self->st, &self->err));
	EXPECT_FALSE(self->st.has_flows);
}

TEST_HARNESS_MAIN
