// SPDX-License-Identifier: GPL-2.0
/*
 * flowfmt.c against FLOWS_GET messages built as the kernel builds them:
 * several FW443_A_FLOW nests each; and the filters of "flows list".
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <sys/socket.h>

#include "kselftest_harness.h"
#include "flowfmt.h"
#include "leak_check.h"
#include "unit.h"

#define BIG	((1ULL << 53) + 1)	/* a double would round it */

struct test_flow {
	const char *src, *dst;	/* addresses as text: v4 or v6 */
	uint16_t sport, dport;
	uint8_t state;
	uint64_t packets_orig, bytes_orig, packets_reply, bytes_reply;
	uint32_t age, idle, timeout;
	bool picked_up;
};

static const struct test_flow v4_flow = {
	"10.1.0.2", "10.2.0.2", 51234, 443, FW443_FLOW_ESTABLISHED,
	12, 1800, 10, 5000, 3, 0, 431999, false,
};

static const struct test_flow v6_flow = {
	"2001:db8:0:0:0:0:0:10", "2001:db8::ffff:1.2.3.4", 443, 40000,
	FW443_FLOW_SYN_SENT2, 1, 60, 0, 0, 0, 0, 120, true,
};

static const struct test_flow big_flow = {
	"192.0.2.1", "198.51.100.1", 1, 443, FW443_FLOW_STATE_MAX + 1,
	BIG, BIG, 0, 0, UINT32_MAX, 7, 1, false,
};

static void put_flow(struct nlmsghdr *nlh, const struct test_flow *t)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, FW443_A_FLOW);

	unit_put_ends(nlh, t->src, t->sport, t->dst, t->dport);
	mnl_attr_put_u8(nlh, FW443_FLOW_A_STATE, t->state);
	mnl_attr_put_u64(nlh, FW443_FLOW_A_PACKETS_ORIG, t->packets_orig);
	mnl_attr_put_u64(nlh, FW443_FLOW_A_BYTES_ORIG, t->bytes_orig);
	mnl_attr_put_u64(nlh, FW443_FLOW_A_PACKETS_REPLY, t->packets_reply);
	mnl_attr_put_u64(nlh, FW443_FLOW_A_BYTES_REPLY, t->bytes_reply);
	mnl_attr_put_u32(nlh, FW443_FLOW_A_AGE, t->age);
	mnl_attr_put_u32(nlh, FW443_FLOW_A_IDLE, t->idle);
	mnl_attr_put_u32(nlh, FW443_FLOW_A_TIMEOUT, t->timeout);
	if (t->picked_up)
		mnl_attr_put(nlh, FW443_FLOW_A_PICKED_UP, 0, NULL);
	/* What a newer module may add is skipped. */
	mnl_attr_put_u32(nlh, FW443_FLOW_A_MAX + 1, 0xdeadbeef);
	mnl_attr_nest_end(nlh, nest);
}

FIXTURE(msg) {
	char buf[4096] __attribute__((aligned(8)));
	struct nlmsghdr *nlh;
	struct fw443_error err;
	struct unit_out out;
};

FIXTURE_SETUP(msg)
{
	self->nlh = unit_genl_msg(self->buf, sizeof(self->buf),
				  FW443_CMD_FLOWS_GET);
	ASSERT_NE(NULL, unit_out_start(&self->out));
}

FIXTURE_TEARDOWN(msg)
{
	unit_out_end(&self->out);
	free(self->out.text);
	EXPECT_NO_LEAKS();
}

static int print_cb(const struct fw443_flow *fl, void *data)
{
	return fw443_flow_print(fl, data);
}

/* Each object as json_dumpf() writes it, one a line. */
static int json_cb(const struct fw443_flow *fl, void *data)
{
	json_t *obj = fw443_flow_to_json(fl);
	int ret;

	if (!obj)
		return -1;
	ret = json_dumpf(obj, data, JSON_COMPACT);
	json_decref(obj);
	return ret || putc('\n', data) == EOF ? -1 : 0;
}

TEST_F(msg, text_lines)
{
	put_flow(self->nlh, &v4_flow);
	put_flow(self->nlh, &v6_flow);
	put_flow(self->nlh, &big_flow);
	ASSERT_EQ(0, fw443_flows_parse(self->nlh, print_cb, self->out.f,
				       &self->err)) {
		TH_LOG("%s", self->err.msg);
	}
	fflush(self->out.f);
	EXPECT_STREQ("ipv4 established src=10.1.0.2 dst=10.2.0.2 sport=51234 dport=443 packets=12 bytes=1800 reply_packets=10 reply_bytes=5000 age=3 idle=0 timeout=431999\n"
		     "ipv6 syn_sent2 src=2001:db8::10 dst=2001:db8::ffff:102:304 sport=443 dport=40000 packets=1 bytes=60 reply_packets=0 reply_bytes=0 age=0 idle=0 timeout=120 picked_up\n"
		     "ipv4 unknown src=192.0.2.1 dst=198.51.100.1 sport=1 dport=443 packets=9007199254740993 bytes=9007199254740993 reply_packets=0 reply_bytes=0 age=4294967295 idle=7 timeout=1\n",
		     self->out.text);
}

TEST_F(msg, json_objects)
{
	put_flow(self->nlh, &v4_flow);
	put_flow(self->nlh, &v6_flow);
	ASSERT_EQ(0, fw443_flows_parse(self->nlh, json_cb, self->out.f,
				       &self->err)) {
		TH_LOG("%s", self->err.msg);
	}
	fflush(self->out.f);
	EXPECT_STREQ("{\"ip_version\":4,\"state\":\"established\","
		     "\"src\":\"10.1.0.2\",\"dst\":\"10.2.0.2\","
		     "\"sport\":51234,\"dport\":443,"
		     "\"orig\":{\"packets\":12,\"bytes\":1800},"
		     "\"reply\":{\"packets\":10,\"bytes\":5000},"
		     "\"age\":3,\"idle\":0,\"timeout\":431999,"
		     "\"picked_up\":false}\n"
		     "{\"ip_version\":6,\"state\":\"syn_sent2\","
		     "\"src\":\"2001:db8::10\","
		     "\"dst\":\"2001:db8::ffff:102:304\","
		     "\"sport\":443,\"dport\":40000,"
		     "\"orig\":{\"packets\":1,\"bytes\":60},"
		     "\"reply\":{\"packets\":0,\"bytes\":0},"
		     "\"age\":0,\"idle\":0,\"timeout\":120,"
		     "\"picked_up\":true}\n",
		     self->out.text);
}

/* Beyond jansson's int64: no JSON at all rather than a wrong number. */
TEST_F(msg, json_refuses_counter_above_int64)
{
	struct test_flow t = v4_flow;

	t.bytes_reply = (uint64_t)INT64_MAX + 1;
	put_flow(self->nlh, &t);
	EXPECT_EQ(-1, fw443_flows_parse(self->nlh, json_cb, self->out.f,
					&self->err));
	EXPECT_STREQ("cannot write the flows", self->err.msg);
}

TEST_F(msg, rejects_missing_state)
{
	struct nlattr *nest = mnl_attr_nest_start(self->nlh, FW443_A_FLOW);
	static const uint8_t addr[4];

	mnl_attr_put_u8(self->nlh, FW443_FLOW_A_FAMILY, AF_INET);
	mnl_attr_put(self->nlh, FW443_FLOW_A_SRC, sizeof(addr), addr);
	mnl_attr_put(self->nlh, FW443_FLOW_A_DST, sizeof(addr), addr);
	mnl_attr_put_u16(self->nlh, FW443_FLOW_A_SPORT, 1);
	mnl_attr_put_u16(self->nlh, FW443_FLOW_A_DPORT, 443);
	mnl_attr_nest_end(self->nlh, nest);
	EXPECT_EQ(-1, fw443_flows_parse(self->nlh, print_cb, self->out.f,
					&self->err));
	EXPECT_STREQ("flow: FW443_FLOW_A_STATE missing", self->err.msg);
}

TEST_F(msg, rejects_family_and_address_apart)
{
	struct test_flow t = v6_flow;
	struct nlattr *nest;

	t.src = "10.0.0.1";	/* 4 bytes in an IPv6 flow */
	put_flow(self->nlh, &t);
	nest = mnl_nlmsg_get_payload_offset(self->nlh, GENL_HDRLEN);
	/* put_flow() took the family from the source: make it IPv6. */
	*(uint8_t *)mnl_attr_get_payload(mnl_attr_get_payload(nest)) =
		AF_INET6;
	EXPECT_EQ(-1, fw443_flows_parse(self->nlh, print_cb, self->out.f,
					&self->err));
	EXPECT_STREQ("flow: family 10, 4- and 16-byte addresses do not agree",
		     self->err.msg);
}

TEST_F(msg, rejects_flow_that_is_not_a_nest)
{
	mnl_attr_put_u16(self->nlh, FW443_A_FLOW, 1);
	EXPECT_EQ(-1, fw443_flows_parse(self->nlh, print_cb, self->out.f,
					&self->err));
	EXPECT_STREQ("malformed attribute FW443_A_FLOW", self->err.msg);
}

TEST_F(msg, rejects_truncated_message)
{
	put_flow(self->nlh, &v4_flow);
	self->nlh->nlmsg_len -= 8;
	EXPECT_EQ(-1, fw443_flows_parse(self->nlh, print_cb, self->out.f,
					&self->err));
	EXPECT_STREQ("FW443_A_FLOW: truncated attribute", self->err.msg);
}

VARIANTS_FIXTURE(filter)

/* A filter as "flows list" reads it, a flow, and whether they match. */
FIXTURE_VARIANT(filter) {
	const char *src, *dst;	/* prefixes, NULL for none */
	uint8_t state;		/* 0 for none */
	const char *flow_src, *flow_dst;
	uint8_t flow_state;
	bool match;
};

FIXTURE_VARIANT_ADD(filter, nothing_matches_all) {
	.flow_src = "10.1.0.2", .flow_dst = "10.2.0.2", .match = true,
};

FIXTURE_VARIANT_ADD(filter, v4_src_inside) {
	.src = "10.0.0.0/8", .flow_src = "10.1.0.2", .flow_dst = "10.2.0.2",
	.match = true,
};

FIXTURE_VARIANT_ADD(filter, v4_src_outside) {
	.src = "10.0.0.0/8", .flow_src = "11.1.0.2", .flow_dst = "10.2.0.2",
};

FIXTURE_VARIANT_ADD(filter, src_is_the_initiator) {
	.src = "10.2.0.0/16", .flow_src = "10.1.0.2", .flow_dst = "10.2.0.2",
};

FIXTURE_VARIANT_ADD(filter, v4_odd_length_in) {
	.dst = "10.2.0.0/31", .flow_src = "10.1.0.2", .flow_dst = "10.2.0.1",
	.match = true,
};

FIXTURE_VARIANT_ADD(filter, v4_odd_length_out) {
	.dst = "10.2.0.0/31", .flow_src = "10.1.0.2", .flow_dst = "10.2.0.2",
};

FIXTURE_VARIANT_ADD(filter, v4_host) {
	.dst = "192.0.2.10", .flow_src = "10.1.0.2", .flow_dst = "192.0.2.10",
	.match = true,
};

FIXTURE_VARIANT_ADD(filter, v4_slash_0_takes_every_v4) {
	.src = "0.0.0.0/0", .flow_src = "255.255.255.255",
	.flow_dst = "10.2.0.2", .match = true,
};

FIXTURE_VARIANT_ADD(filter, v4_slash_0_takes_no_v6) {
	.src = "0.0.0.0/0", .flow_src = "::ffff:10.1.0.2",
	.flow_dst = "2001:db8::1",
};

FIXTURE_VARIANT_ADD(filter, v6_slash_0_takes_every_v6) {
	.dst = "::/0", .flow_src = "2001:db8::1", .flow_dst = "fe80::1",
	.match = true,
};

FIXTURE_VARIANT_ADD(filter, v6_slash_0_takes_no_v4) {
	.dst = "::/0", .flow_src = "10.1.0.2", .flow_dst = "0.0.0.0",
};

FIXTURE_VARIANT_ADD(filter, v6_prefix_in) {
	.dst = "2001:db8::/32", .flow_src = "2001:db9::1",
	.flow_dst = "2001:db8:ffff::1", .match = true,
};

FIXTURE_VARIANT_ADD(filter, v6_prefix_out) {
	.dst = "2001:db8::/32", .flow_src = "2001:db8::1",
	.flow_dst = "2001:db9::1",
};

FIXTURE_VARIANT_ADD(filter, v6_odd_length) {
	.src = "2001:db8::/127", .flow_src = "2001:db8::1",
	.flow_dst = "2001:db8::2", .match = true,
};

FIXTURE_VARIANT_ADD(filter, v6_host_out) {
	.src = "2001:db8::1", .flow_src = "2001:db8::3",
	.flow_dst = "2001:db8::2",
};

FIXTURE_VARIANT_ADD(filter, both_and_state) {
	.src = "10.0.0.0/8", .dst = "10.2.0.0/16",
	.state = FW443_FLOW_ESTABLISHED, .flow_src = "10.1.0.2",
	.flow_dst = "10.2.0.2", .flow_state = FW443_FLOW_ESTABLISHED,
	.match = true,
};

FIXTURE_VARIANT_ADD(filter, other_state) {
	.src = "10.0.0.0/8", .state = FW443_FLOW_ESTABLISHED,
	.flow_src = "10.1.0.2", .flow_dst = "10.2.0.2",
	.flow_state = FW443_FLOW_FIN_WAIT,
};

static void set_prefix(struct __test_metadata *_metadata, const char *text,
		       bool *has, struct fw443_addr_prefix *p)
{
	struct fw443_parse_error err;

	*has = text;
	if (text) {
		ASSERT_EQ(0, fw443_prefix_parse_match(text, strlen(text), p,
						      &err));
	}
}

TEST_F(filter, match)
{
	struct fw443_flow_filter flt = { 0 };
	struct fw443_flow fl = { 0 };

	set_prefix(_metadata, variant->src, &flt.ends.has_src, &flt.ends.src);
	set_prefix(_metadata, variant->dst, &flt.ends.has_dst, &flt.ends.dst);
	flt.has_state = variant->state;
	flt.state = variant->state;
	fl.family = unit_addr_family(variant->flow_src);
	ASSERT_EQ(1, inet_pton(fl.family, variant->flow_src, fl.src));
	ASSERT_EQ(1, inet_pton(fl.family, variant->flow_dst, fl.dst));
	fl.state = variant->flow_state;
	EXPECT_EQ(variant->match, fw443_flow_match(&flt, &fl));
}

TEST_HARNESS_MAIN
