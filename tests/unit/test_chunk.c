// SPDX-License-Identifier: GPL-2.0
/*
 * chunk.c and entry.c: the requests "block load" and "block add" build, and
 * the entry dumps "block list NAME" reads back into lines load takes.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/genetlink.h>

#include "kselftest_harness.h"
#include "chunk.h"
#include "entry.h"
#include "feed.h"
#include "leak_check.h"

/* The longest name the kernel takes: the chunk must fit even with it. */
static const char longest_name[] = "abcdefghijklmnopqrstuvwxyz01234";

FIXTURE(chunk) {
	char buf[FW443_MSG_MAX] __attribute__((aligned(8)));
	struct fw443_chunk *c;
	struct nlmsghdr *nlh;
};

FIXTURE_SETUP(chunk)
{
	struct genlmsghdr *genl;

	ASSERT_EQ(FW443_LIST_NAME_MAX - 1, strlen(longest_name));
	self->c = malloc(sizeof(*self->c));
	ASSERT_NE(NULL, self->c);
	self->nlh = mnl_nlmsg_put_header(self->buf);
	genl = mnl_nlmsg_put_extra_header(self->nlh, sizeof(*genl));
	genl->cmd = FW443_CMD_LIST_ADD;
	mnl_attr_put_strz(self->nlh, FW443_A_LIST_NAME, longest_name);
}

FIXTURE_TEARDOWN(chunk)
{
	free(self->c);
	EXPECT_NO_LEAKS();
}

FIXTURE_VARIANT(chunk) {
	int family;
	const char *text;
	unsigned int entry_size;
	uint16_t attr;
};

FIXTURE_VARIANT_ADD(chunk, v4) {
	.family = AF_INET, .text = "10.0.0.0/8", .entry_size = 5,
	.attr = FW443_A_ENTRIES4,
};

FIXTURE_VARIANT_ADD(chunk, v6) {
	.family = AF_INET6, .text = "2001:db8::/32", .entry_size = 17,
	.attr = FW443_A_ENTRIES6,
};

/* Filled up, the request stays within 64 KiB, and every line is kept. */
TEST_F(chunk, full_chunk_fits_one_message)
{
	struct fw443_parse_error err;
	struct fw443_addr_prefix p;
	const struct nlattr *attr;
	const uint8_t *e;
	unsigned long line = 7;

	ASSERT_EQ(0, fw443_prefix_parse(variant->text, strlen(variant->text),
					&p, &err));
	fw443_chunk_init(self->c, variant->family);
	EXPECT_EQ(FW443_CHUNK_ROOM / variant->entry_size, self->c->cap);
	while (!fw443_chunk_full(self->c)) {
		p.addr[3] = line;	/* below every length's host bits */
		fw443_chunk_add(self->c, &p, line);
		line += 3;
	}
	EXPECT_GT(self->c->cap, 3000);
	attr = mnl_nlmsg_get_payload_tail(self->nlh);
	fw443_chunk_put(self->c, self->nlh);
	EXPECT_LE(self->nlh->nlmsg_len, FW443_MSG_MAX);
	/* One more entry would not have fitted. */
	EXPECT_GT(self->nlh->nlmsg_len + variant->entry_size, FW443_MSG_MAX);
	EXPECT_EQ(variant->attr, mnl_attr_get_type(attr));
	EXPECT_EQ(self->c->cap * variant->entry_size,
		  mnl_attr_get_payload_len(attr));
	e = mnl_attr_get_payload(attr);
	/* Entry 100: its address, its length, and the line it came from. */
	e += 100 * variant->entry_size;
	EXPECT_EQ((uint8_t)(7 + 300), e[3]);
	EXPECT_EQ(p.len, e[variant->entry_size - 1]);
	EXPECT_EQ(7 + 300, self->c->lines[100]);
}

/* LIST_ENTRIES replies as the kernel builds them. */
FIXTURE(entries) {
	char buf[4096] __attribute__((aligned(8)));
	struct nlmsghdr *nlh;
	char *out;
	size_t out_len;
	FILE *f;
};

FIXTURE_SETUP(entries)
{
	struct genlmsghdr *genl;

	self->nlh = mnl_nlmsg_put_header(self->buf);
	genl = mnl_nlmsg_put_extra_header(self->nlh, sizeof(*genl));
	genl->cmd = FW443_CMD_LIST_ENTRIES;
	mnl_attr_put_u64(self->nlh, FW443_A_GENERATION, 9);
	self->out = NULL;
	self->f = open_memstream(&self->out, &self->out_len);
}

FIXTURE_TEARDOWN(entries)
{
	if (self->f)
		fclose(self->f);
	free(self->out);
	EXPECT_NO_LEAKS();
}

static void put_entry(struct nlmsghdr *nlh, const char *text,
		      uint32_t timeout, bool hits, uint64_t n)
{
	struct fw443_parse_error err;
	struct fw443_addr_prefix p;
	struct nlattr *nest;

	fw443_prefix_parse(text, strlen(text), &p, &err);
	nest = mnl_attr_nest_start(nlh, FW443_A_ENTRY);
	mnl_attr_put_u8(nlh, FW443_ENTRY_A_FAMILY, p.family);
	mnl_attr_put(nlh, FW443_ENTRY_A_ADDR, fw443_prefix_addr_len(&p),
		     p.addr);
	mnl_attr_put_u8(nlh, FW443_ENTRY_A_PREFIX_LEN, p.len);
	if (timeout)
		mnl_attr_put_u32(nlh, FW443_ENTRY_A_TIMEOUT, timeout);
	if (hits)
		mnl_attr_put_u64(nlh, FW443_ENTRY_A_HITS, n);
	mnl_attr_nest_end(nlh, nest);
}

static int print_cb(const struct fw443_list_entry *e, void *data)
{
	return fw443_entry_print(e, data);
}

TEST_F(entries, listing_loads_back)
{
	struct fw443_error err = { { 0 } };
	struct fw443_feed_entry fe;
	struct fw443_parse_error perr;
	const char *line, *nl;
	int n = 0;

	put_entry(self->nlh, "10.0.0.0/8", 0, false, 0);
	put_entry(self->nlh, "192.0.2.1", 300, false, 0);
	put_entry(self->nlh, "2001:db8::/32", 0, true, 1ULL << 60);
	ASSERT_EQ(0, fw443_entries_parse(self->nlh, print_cb, self->f, &err)) {
		TH_LOG("%s", err.msg);
	}
	fflush(self->f);
	EXPECT_STREQ("10.0.0.0/8\n"
		     "192.0.2.1/32 timeout 300\n"
		     "2001:db8::/32 hits 1152921504606846976\n", self->out);
	for (line = self->out; (nl = strchr(line, '\n')); line = nl + 1) {
		EXPECT_EQ(1, fw443_feed_parse_line(line, nl - line, &fe,
						   &perr));
		n++;
	}
	EXPECT_EQ(3, n);
	EXPECT_EQ(0, fe.timeout);
}

TEST_F(entries, json_keeps_exact_numbers)
{
	struct fw443_list_entry e = { .timeout = 5, .has_hits = true,
				      .hits = (1ULL << 53) + 1 };
	struct fw443_parse_error perr;
	json_t *obj;
	char *text;

	ASSERT_EQ(0, fw443_prefix_parse("2001:db8::1", 11, &e.prefix, &perr));
	obj = fw443_entry_to_json(&e);
	ASSERT_NE(NULL, obj);
	text = json_dumps(obj, JSON_COMPACT);
	json_decref(obj);
	EXPECT_STREQ("{\"prefix\":\"2001:db8::1/128\",\"timeout\":5,"
		     "\"hits\":9007199254740993}", text);
	free(text);
}

TEST_F(entries, family_and_address_must_agree)
{
	struct fw443_error err = { { 0 } };
	struct nlattr *nest = mnl_attr_nest_start(self->nlh, FW443_A_ENTRY);
	static const uint8_t addr[16];

	mnl_attr_put_u8(self->nlh, FW443_ENTRY_A_FAMILY, AF_INET);
	mnl_attr_put(self->nlh, FW443_ENTRY_A_ADDR, sizeof(addr), addr);
	mnl_attr_put_u8(self->nlh, FW443_ENTRY_A_PREFIX_LEN, 8);
	mnl_attr_nest_end(self->nlh, nest);
	EXPECT_EQ(-1, fw443_entries_parse(self->nlh, print_cb, self->f, &err));
	EXPECT_NE(NULL, strstr(err.msg, "do not agree"));
}

/* What "block add" sends: one FW443_A_ENTRY nest the kernel's policy takes. */
TEST_F(entries, put_entry_round_trip)
{
	struct fw443_error err = { { 0 } };
	struct fw443_addr_prefix p;
	struct fw443_parse_error perr;

	ASSERT_EQ(0, fw443_prefix_parse("198.51.100.9/24", 15, &p, &perr));
	fw443_entry_put(self->nlh, &p, 60);
	ASSERT_EQ(0, fw443_entries_parse(self->nlh, print_cb, self->f, &err));
	fflush(self->f);
	EXPECT_STREQ("198.51.100.0/24 timeout 60\n", self->out);
}

TEST_HARNESS_MAIN
