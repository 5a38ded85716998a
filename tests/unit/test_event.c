// SPDX-License-Identifier: GPL-2.0
/*
 * event.c: FW443_CMD_EVENT messages built as the UAPI describes them, and
 * the line and the JSON object "fw443 monitor" prints for each, to the
 * byte; then the messages an event must not be taken from.
 */
#include <stdlib.h>

#include "kselftest_harness.h"
#include "event.h"
#include "leak_check.h"
#include "unit.h"

/* Above 2^53, where a double would round: printed exactly all the same. */
#define BIG	((1ULL << 62) + 1)

/*
 * An event message being built, and what is parsed from it: for the
 * events of the variants below, and for messages that must be refused.
 */
#define EVENT_FIXTURE(name)						\
	FIXTURE(name) {							\
		char buf[1024] __attribute__((aligned(8)));		\
		struct nlmsghdr *nlh;					\
		struct fw443_event ev;					\
		struct fw443_error err;					\
	};								\
	FIXTURE_SETUP(name)						\
	{								\
		self->nlh = unit_genl_msg(self->buf, sizeof(self->buf),	\
					  FW443_CMD_EVENT);		\
		memset(&self->err, 0, sizeof(self->err));		\
	}								\
	FIXTURE_TEARDOWN(name)						\
	{								\
		EXPECT_NO_LEAKS();					\
	}

EVENT_FIXTURE(event)

/*
 * An event as the kernel sends it: the type, what the type carries (a
 * drop's reason; a flow's state; an ended flow's reason and counters), the
 * names given, and the count of suppressed events when it is not 0. Then
 * the line and the JSON object that must come of it.
 */
FIXTURE_VARIANT(event) {
	uint8_t type;
	uint8_t reason;
	const char *list, *from, *to;	/* NULL: not sent */
	const char *src, *dst;
	uint16_t sport, dport;
	uint8_t state;
	uint64_t packets_orig, packets_reply, bytes_orig, bytes_reply;
	uint32_t age;
	bool picked_up;
	uint64_t suppressed;
	const char *line;
	const char *json;
};

FIXTURE_VARIANT_ADD(event, drop_blocklist_v4) {
	.type = FW443_EVENT_DROP, .reason = FW443_DROP_BLOCKLIST,
	.list = "bad-v4",
	.src = "198.51.100.7", .sport = 40112, .dst = "192.0.2.10",
	.dport = 443,
	.line = "drop blocklist list=bad-v4 tcp 198.51.100.7:40112 -> 192.0.2.10:443\n",
	.json = "{\"event\":\"drop\",\"reason\":\"blocklist\",\"list\":\"bad-v4\","
		"\"ip_version\":4,\"src\":\"198.51.100.7\",\"sport\":40112,"
		"\"dst\":\"192.0.2.10\",\"dport\":443}",
};

FIXTURE_VARIANT_ADD(event, drop_policy_v6) {
	.type = FW443_EVENT_DROP, .reason = FW443_DROP_POLICY,
	.from = "lan", .to = "outside",
	.src = "2001:db8:0:0:0:0:0:1", .sport = 5000, .dst = "2001:db8::2",
	.dport = 443,
	.line = "drop policy from=lan to=outside tcp [2001:db8::1]:5000 -> [2001:db8::2]:443\n",
	.json = "{\"event\":\"drop\",\"reason\":\"policy\",\"from\":\"lan\","
		"\"to\":\"outside\",\"ip_version\":6,\"src\":\"2001:db8::1\","
		"\"sport\":5000,\"dst\":\"2001:db8::2\",\"dport\":443}",
};

/* A reply from a server the rules no longer allow: from 443. */
FIXTURE_VARIANT_ADD(event, drop_invalid_after_suppressed) {
	.type = FW443_EVENT_DROP, .reason = FW443_DROP_INVALID,
	.src = "203.0.113.5", .sport = 443, .dst = "10.0.0.2", .dport = 41000,
	.suppressed = 1234,
	.line = "suppressed 1234 events (rate limit)\n"
		"drop invalid tcp 203.0.113.5:443 -> 10.0.0.2:41000\n",
	.json = "{\"event\":\"drop\",\"reason\":\"invalid\",\"ip_version\":4,"
		"\"src\":\"203.0.113.5\",\"sport\":443,\"dst\":\"10.0.0.2\","
		"\"dport\":41000,\"suppressed\":1234}",
};

/* A reason of a newer module is shown, not refused. */
FIXTURE_VARIANT_ADD(event, drop_reason_unknown_v6) {
	.type = FW443_EVENT_DROP, .reason = FW443_DROP_MAX + 1,
	.src = "::ffff:192.0.2.1", .sport = 1, .dst = "::1", .dport = 443,
	.line = "drop unknown tcp [::ffff:192.0.2.1]:1 -> [::1]:443\n",
	.json = "{\"event\":\"drop\",\"reason\":\"unknown\",\"ip_version\":6,"
		"\"src\":\"::ffff:192.0.2.1\",\"sport\":1,\"dst\":\"::1\","
		"\"dport\":443}",
};

FIXTURE_VARIANT_ADD(event, new_v4) {
	.type = FW443_EVENT_FLOW_NEW, .state = FW443_FLOW_SYN_SENT,
	.from = "lan", .to = "outside",
	.src = "10.0.0.2", .sport = 41000, .dst = "203.0.113.5", .dport = 443,
	.line = "new syn_sent from=lan to=outside tcp 10.0.0.2:41000 -> 203.0.113.5:443\n",
	.json = "{\"event\":\"new\",\"state\":\"syn_sent\",\"from\":\"lan\","
		"\"to\":\"outside\",\"ip_version\":4,\"src\":\"10.0.0.2\","
		"\"sport\":41000,\"dst\":\"203.0.113.5\",\"dport\":443}",
};

/* Picked up mid-stream, after more than a double holds was held back. */
FIXTURE_VARIANT_ADD(event, new_v6_picked_up_after_suppressed) {
	.type = FW443_EVENT_FLOW_NEW, .state = FW443_FLOW_ESTABLISHED,
	.from = "local", .to = "outside",
	.src = "2001:db8::10", .sport = 52000, .dst = "2001:db8:1::443",
	.dport = 443, .picked_up = true, .suppressed = BIG,
	.line = "suppressed 4611686018427387905 events (rate limit)\n"
		"new established from=local to=outside tcp [2001:db8::10]:52000 -> [2001:db8:1::443]:443 picked_up\n",
	.json = "{\"event\":\"new\",\"state\":\"established\",\"from\":\"local\","
		"\"to\":\"outside\",\"ip_version\":6,\"src\":\"2001:db8::10\","
		"\"sport\":52000,\"dst\":\"2001:db8:1::443\",\"dport\":443,"
		"\"picked_up\":true,\"suppressed\":4611686018427387905}",
};

FIXTURE_VARIANT_ADD(event, end_expired_v4) {
	.type = FW443_EVENT_FLOW_END, .reason = FW443_END_EXPIRED,
	.state = FW443_FLOW_TIME_WAIT,
	.src = "10.0.0.2", .sport = 41000, .dst = "203.0.113.5", .dport = 443,
	.packets_orig = 12, .packets_reply = 10, .bytes_orig = 1500,
	.bytes_reply = 9000, .age = 3,
	.line = "end expired time_wait tcp 10.0.0.2:41000 -> 203.0.113.5:443 packets=12/10 bytes=1500/9000 age=3s\n",
	.json = "{\"event\":\"end\",\"reason\":\"expired\",\"state\":\"time_wait\","
		"\"ip_version\":4,\"src\":\"10.0.0.2\",\"sport\":41000,"
		"\"dst\":\"203.0.113.5\",\"dport\":443,"
		"\"orig\":{\"packets\":12,\"bytes\":1500},"
		"\"reply\":{\"packets\":10,\"bytes\":9000},\"age\":3}",
};

FIXTURE_VARIANT_ADD(event, end_evicted_v6_picked_up_after_suppressed) {
	.type = FW443_EVENT_FLOW_END, .reason = FW443_END_EVICTED,
	.state = FW443_FLOW_SYN_RECV,
	.src = "2001:db8::10", .sport = 52000, .dst = "2001:db8:1::443",
	.dport = 443, .packets_orig = 1, .packets_reply = 0,
	.bytes_orig = BIG, .bytes_reply = 0, .age = UINT32_MAX,
	.picked_up = true, .suppressed = 1,
	.line = "suppressed 1 events (rate limit)\n"
		"end evicted syn_recv tcp [2001:db8::10]:52000 -> [2001:db8:1::443]:443 packets=1/0 bytes=4611686018427387905/0 age=4294967295s picked_up\n",
	.json = "{\"event\":\"end\",\"reason\":\"evicted\",\"state\":\"syn_recv\","
		"\"ip_version\":6,\"src\":\"2001:db8::10\",\"sport\":52000,"
		"\"dst\":\"2001:db8:1::443\",\"dport\":443,"
		"\"orig\":{\"packets\":1,\"bytes\":4611686018427387905},"
		"\"reply\":{\"packets\":0,\"bytes\":0},\"age\":4294967295,"
		"\"picked_up\":true,\"suppressed\":1}",
};

static void put_str(struct nlmsghdr *nlh, uint16_t type, const char *s)
{
	if (s)
		mnl_attr_put_strz(nlh, type, s);
}

/* The message of @v, with attributes of a newer module at both levels. */
static void put_event(struct nlmsghdr *nlh,
		      const FIXTURE_VARIANT(event) *v)
{
	bool end = v->type == FW443_EVENT_FLOW_END;
	struct nlattr *flow;

	mnl_attr_put_u8(nlh, FW443_A_EVENT_TYPE, v->type);
	if (v->type == FW443_EVENT_DROP)
		mnl_attr_put_u8(nlh, FW443_A_DROP_REASON, v->reason);
	if (end)
		mnl_attr_put_u8(nlh, FW443_A_END_REASON, v->reason);
	put_str(nlh, FW443_A_LIST_NAME, v->list);
	put_str(nlh, FW443_A_FROM_ZONE, v->from);
	put_str(nlh, FW443_A_TO_ZONE, v->to);
	mnl_attr_put_u32(nlh, FW443_A_MAX + 1, 7);
	flow = mnl_attr_nest_start(nlh, FW443_A_FLOW);
	unit_put_ends(nlh, v->src, v->sport, v->dst, v->dport);
	if (v->type != FW443_EVENT_DROP)
		mnl_attr_put_u8(nlh, FW443_FLOW_A_STATE, v->state);
	if (end) {
		mnl_attr_put_u64(nlh, FW443_FLOW_A_PACKETS_ORIG,
				 v->packets_orig);
		mnl_attr_put_u64(nlh, FW443_FLOW_A_BYTES_ORIG, v->bytes_orig);
		mnl_attr_put_u64(nlh, FW443_FLOW_A_PACKETS_REPLY,
				 v->packets_reply);
		mnl_attr_put_u64(nlh, FW443_FLOW_A_BYTES_REPLY,
				 v->bytes_reply);
		mnl_attr_put_u32(nlh, FW443_FLOW_A_AGE, v->age);
	}
	if (v->picked_up)
		mnl_attr_put(nlh, FW443_FLOW_A_PICKED_UP, 0, NULL);
	mnl_attr_put_strz(nlh, FW443_FLOW_A_MAX + 1, "future");
	mnl_attr_nest_end(nlh, flow);
	if (v->suppressed)
		mnl_attr_put_u64(nlh, FW443_A_EVENTS_SUPPRESSED, v->suppressed);
}

TEST_F(event, line)
{
	struct unit_out out;

	put_event(self->nlh, variant);
	ASSERT_EQ(0, fw443_event_parse(self->nlh, &self->ev, &self->err)) {
		TH_LOG("%s", self->err.msg);
	}
	ASSERT_NE(NULL, unit_out_start(&out));
	EXPECT_EQ(0, fw443_event_print(&self->ev, out.f));
	EXPECT_STREQ(variant->line, unit_out_end(&out));
	free(out.text);
}

TEST_F(event, json)
{
	char *text;

	put_event(self->nlh, variant);
	ASSERT_EQ(0, fw443_event_parse(self->nlh, &self->ev, &self->err)) {
		TH_LOG("%s", self->err.msg);
	}
	text = unit_json(fw443_event_to_json(&self->ev));
	EXPECT_STREQ(variant->json, text);
	free(text);
}

/* Messages to skip with a warning: what the warning says. */
EVENT_FIXTURE(bad)

/* A FW443_A_FLOW nest with both ends and @state, if it is not NULL. */
static void put_flow(struct nlmsghdr *nlh, const uint8_t *state)
{
	struct nlattr *flow = mnl_attr_nest_start(nlh, FW443_A_FLOW);

	unit_put_ends(nlh, "10.0.0.2", 41000, "203.0.113.5", 443);
	if (state)
		mnl_attr_put_u8(nlh, FW443_FLOW_A_STATE, *state);
	mnl_attr_nest_end(nlh, flow);
}

static const char *parse_error(FIXTURE_DATA(bad) *self)
{
	if (!fw443_event_parse(self->nlh, &self->ev, &self->err))
		return "(parsed)";
	return self->err.msg;
}

TEST_F(bad, no_type)
{
	mnl_attr_put_u8(self->nlh, FW443_A_DROP_REASON, FW443_DROP_POLICY);
	put_flow(self->nlh, NULL);
	EXPECT_STREQ("event: FW443_A_EVENT_TYPE missing", parse_error(self));
}

TEST_F(bad, type_of_a_newer_module)
{
	mnl_attr_put_u8(self->nlh, FW443_A_EVENT_TYPE,
			FW443_EVENT_TYPE_MAX + 1);
	put_flow(self->nlh, NULL);
	EXPECT_STREQ("event: type 3, which this tool does not know (a newer module's)",
		     parse_error(self));
}

TEST_F(bad, type_of_the_wrong_size)
{
	mnl_attr_put_u32(self->nlh, FW443_A_EVENT_TYPE, FW443_EVENT_DROP);
	EXPECT_STREQ("event: malformed attribute FW443_A_EVENT_TYPE (4-byte payload)",
		     parse_error(self));
}

TEST_F(bad, drop_without_reason)
{
	mnl_attr_put_u8(self->nlh, FW443_A_EVENT_TYPE, FW443_EVENT_DROP);
	put_flow(self->nlh, NULL);
	EXPECT_STREQ("event: FW443_A_DROP_REASON missing", parse_error(self));
}

TEST_F(bad, drop_without_flow)
{
	mnl_attr_put_u8(self->nlh, FW443_A_EVENT_TYPE, FW443_EVENT_DROP);
	mnl_attr_put_u8(self->nlh, FW443_A_DROP_REASON, FW443_DROP_INVALID);
	EXPECT_STREQ("event: FW443_A_FLOW missing", parse_error(self));
}

TEST_F(bad, drop_without_a_port)
{
	struct nlattr *flow;

	mnl_attr_put_u8(self->nlh, FW443_A_EVENT_TYPE, FW443_EVENT_DROP);
	mnl_attr_put_u8(self->nlh, FW443_A_DROP_REASON, FW443_DROP_INVALID);
	flow = mnl_attr_nest_start(self->nlh, FW443_A_FLOW);
	mnl_attr_put_u8(self->nlh, FW443_FLOW_A_FAMILY, AF_INET);
	unit_put_addr(self->nlh, FW443_FLOW_A_SRC, "10.0.0.2");
	unit_put_addr(self->nlh, FW443_FLOW_A_DST, "10.0.0.3");
	mnl_attr_put_u16(self->nlh, FW443_FLOW_A_SPORT, 443);
	mnl_attr_nest_end(self->nlh, flow);
	EXPECT_STREQ("flow: FW443_FLOW_A_DPORT missing", parse_error(self));
}

TEST_F(bad, new_without_state)
{
	mnl_attr_put_u8(self->nlh, FW443_A_EVENT_TYPE, FW443_EVENT_FLOW_NEW);
	put_flow(self->nlh, NULL);
	EXPECT_STREQ("flow: FW443_FLOW_A_STATE missing", parse_error(self));
}

TEST_F(bad, end_without_counters)
{
	const uint8_t state = FW443_FLOW_CLOSE;

	mnl_attr_put_u8(self->nlh, FW443_A_EVENT_TYPE, FW443_EVENT_FLOW_END);
	mnl_attr_put_u8(self->nlh, FW443_A_END_REASON, FW443_END_EXPIRED);
	put_flow(self->nlh, &state);
	EXPECT_STREQ("flow: FW443_FLOW_A_PACKETS_ORIG missing",
		     parse_error(self));
}

TEST_F(bad, end_without_reason)
{
	const uint8_t state = FW443_FLOW_CLOSE;

	mnl_attr_put_u8(self->nlh, FW443_A_EVENT_TYPE, FW443_EVENT_FLOW_END);
	put_flow(self->nlh, &state);
	EXPECT_STREQ("event: FW443_A_END_REASON missing", parse_error(self));
}

TEST_F(bad, list_name_too_long)
{
	mnl_attr_put_u8(self->nlh, FW443_A_EVENT_TYPE, FW443_EVENT_DROP);
	mnl_attr_put_u8(self->nlh, FW443_A_DROP_REASON, FW443_DROP_BLOCKLIST);
	mnl_attr_put_strz(self->nlh, FW443_A_LIST_NAME,
			  "a-list-name-of-thirty-two-bytes!");
	put_flow(self->nlh, NULL);
	EXPECT_STREQ("event: FW443_A_LIST_NAME longer than 31 bytes",
		     parse_error(self));
}

TEST_F(bad, zone_without_its_nul)
{
	mnl_attr_put_u8(self->nlh, FW443_A_EVENT_TYPE, FW443_EVENT_FLOW_NEW);
	mnl_attr_put(self->nlh, FW443_A_FROM_ZONE, 3, "lan");
	put_flow(self->nlh, NULL);
	EXPECT_STREQ("event: malformed attribute FW443_A_FROM_ZONE (3-byte payload)",
		     parse_error(self));
}

TEST_F(bad, addresses_of_two_families)
{
	struct nlattr *flow;

	mnl_attr_put_u8(self->nlh, FW443_A_EVENT_TYPE, FW443_EVENT_DROP);
	mnl_attr_put_u8(self->nlh, FW443_A_DROP_REASON, FW443_DROP_INVALID);
	flow = mnl_attr_nest_start(self->nlh, FW443_A_FLOW);
	unit_put_ends(self->nlh, "10.0.0.2", 1, "2001:db8::1", 443);
	mnl_attr_nest_end(self->nlh, flow);
	EXPECT_STREQ("flow: family 2, 4- and 16-byte addresses do not agree",
		     parse_error(self));
}

TEST_F(bad, shorter_than_its_header)
{
	self->nlh->nlmsg_len = mnl_nlmsg_size(0);
	EXPECT_STREQ("event: message too short", parse_error(self));
}

TEST_HARNESS_MAIN
