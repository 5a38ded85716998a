// SPDX-License-Identifier: GPL-2.0
/*
 * feed.c on excerpts of real feeds and on hostile input. The excerpts are
 * byte-exact lines of the files named above each, as published (see the
 * provenance in each comment); the tests need nothing outside the tree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "kselftest_harness.h"
#include "feed.h"
#include "leak_check.h"

/*
 * FireHOL level 1 (firehol_level1.netset, njcx/blackip_list@97ecbc56,
 * blob 8261213356db478fce142b62acaba93e736cf742): header and first entries.
 */
static const char firehol_level1[] =
	"#\n"
	"# firehol_level1\n"
	"#\n"
	"# ipv4 hash:net ipset\n"
	"#\n"
	"# Maintainer      : FireHOL\n"
	"# Update Frequency: 1 min \n"
	"# Entries         : 3911 subnets, 611209217 unique IPs\n"
	"#\n"
	"0.0.0.0/8\n"
	"1.10.16.0/20\n"
	"1.19.0.0/16\n"
	"1.32.128.0/18\n";

/*
 * Spamhaus DROP (drop.txt, dhqcn/ProcessedLists@7118fd48, blob
 * 8f1290e49df03f551877a7bfc7c18ad4b9646b10): header and first entries.
 */
static const char spamhaus_drop[] =
	"; Spamhaus DROP List 2026/08/21 - (c) 2026 The Spamhaus Project SLU\n"
	"; https://www.spamhaus.org/drop/drop.txt\n"
	"; Last-Modified: Thu, 20 Aug 2026 12:53:45 GMT\n"
	"; Expires: Fri, 21 Aug 2026 12:44:02 GMT\n"
	"1.10.16.0/20 ; SBL256894\n"
	"1.19.0.0/16 ; SBL434604\n"
	"1.32.128.0/18 ; SBL286275\n";

/*
 * Spamhaus IPv6 DROP (dropv6.txt, dhqcn/ProcessedLists@7118fd48, blob
 * 32d4833541ebf20f4c44d3ed6b2cb99ebcaefcdb).
 */
static const char spamhaus_dropv6[] =
	"; Spamhaus IPv6 DROP List 2026/08/21 - (c) 2026 The Spamhaus Project SLU\n"
	"2001:678:254::/48 ; SBL697648\n"
	"2001:678:6c0::/48 ; SBL624855\n";

/*
 * Team Cymru full IPv6 bogons (fullbogons-ipv6.txt, c2theg/DDoS_lists@
 * d9bc580d, blob b5cd5e59b392da594842c52054a7255d42bde3f9).
 */
static const char fullbogons_v6[] =
	"# last updated 1647435002 (Wed Mar 16 12:50:02 2022 GMT)\n"
	"::/8\n"
	"100::/8\n"
	"200::/7\n";

/*
 * blocklist.de (blocklist_de.ipset, njcx/blackip_list@97ecbc56, blob
 * c98a5106459075b131b3aa2bb1b8a4c3bcf6a142): bare addresses.
 */
static const char blocklist_de[] =
	"#\n"
	"1.20.150.200\n"
	"1.20.178.157\n";

FIXTURE(feed) {
	struct fw443_feed feed;
	struct fw443_parse_error err;
	FILE *f;
	char *buf;
};

FIXTURE_SETUP(feed)
{
	self->f = NULL;
	self->buf = NULL;
	memset(&self->err, 0, sizeof(self->err));
}

FIXTURE_TEARDOWN(feed)
{
	if (self->f)
		fclose(self->f);
	free(self->buf);
	EXPECT_NO_LEAKS();
}

static void open_text(FIXTURE_DATA(feed) *self, const char *text, size_t n)
{
	/* A copy: fmemopen() of an empty buffer is an error in old glibc. */
	self->buf = malloc(n + 1);
	memcpy(self->buf, text, n);
	self->f = n ? fmemopen(self->buf, n, "r") : fopen("/dev/null", "r");
	fw443_feed_init(&self->feed, self->f);
}

/* Reads everything; returns the entries' text joined by spaces, or NULL. */
static char *read_all(FIXTURE_DATA(feed) *self, unsigned long *lines)
{
	static char out[4096];
	struct fw443_feed_entry e;
	int ret;

	out[0] = '\0';
	while ((ret = fw443_feed_next(&self->feed, &e, &self->err)) > 0) {
		char text[FW443_PREFIX_STRLEN];

		fw443_prefix_format(&e.prefix, text);
		if (out[0])
			strcat(out, " ");
		strcat(out, text);
		lines[0]++;
		lines[lines[0]] = self->feed.line;
	}
	return ret ? NULL : out;
}

TEST_F(feed, firehol_netset)
{
	unsigned long lines[16] = { 0 };

	open_text(self, firehol_level1, sizeof(firehol_level1) - 1);
	ASSERT_STREQ("0.0.0.0/8 1.10.16.0/20 1.19.0.0/16 1.32.128.0/18",
		     read_all(self, lines));
	EXPECT_EQ(4, lines[0]);
	EXPECT_EQ(10, lines[1]);	/* after nine comment lines */
	EXPECT_EQ(13, lines[4]);
	EXPECT_EQ(4, self->feed.count[0]);
	EXPECT_EQ(0, self->feed.count[1]);
}

TEST_F(feed, spamhaus_drop)
{
	unsigned long lines[16] = { 0 };

	open_text(self, spamhaus_drop, sizeof(spamhaus_drop) - 1);
	ASSERT_STREQ("1.10.16.0/20 1.19.0.0/16 1.32.128.0/18",
		     read_all(self, lines));
	EXPECT_EQ(5, lines[1]);
}

TEST_F(feed, spamhaus_dropv6)
{
	unsigned long lines[16] = { 0 };

	open_text(self, spamhaus_dropv6, sizeof(spamhaus_dropv6) - 1);
	ASSERT_STREQ("2001:678:254::/48 2001:678:6c0::/48",
		     read_all(self, lines));
	EXPECT_EQ(2, self->feed.count[1]);
}

TEST_F(feed, fullbogons_v6)
{
	unsigned long lines[16] = { 0 };

	open_text(self, fullbogons_v6, sizeof(fullbogons_v6) - 1);
	ASSERT_STREQ("::/8 100::/8 200::/7", read_all(self, lines));
}

TEST_F(feed, ipset_bare_addresses)
{
	unsigned long lines[16] = { 0 };

	open_text(self, blocklist_de, sizeof(blocklist_de) - 1);
	ASSERT_STREQ("1.20.150.200/32 1.20.178.157/32", read_all(self, lines));
}

TEST_F(feed, crlf_blanks_and_spaces)
{
	static const char text[] =
		"\r\n"
		"  \t\n"
		"  10.0.0.0/8  \r\n"
		"\t2001:db8::/32\t# trailing\r\n"
		"192.0.2.1;x\n"
		"198.51.100.0/24";	/* no final newline */
	unsigned long lines[16] = { 0 };

	open_text(self, text, sizeof(text) - 1);
	ASSERT_STREQ("10.0.0.0/8 2001:db8::/32 192.0.2.1/32 198.51.100.0/24",
		     read_all(self, lines));
	EXPECT_EQ(3, lines[1]);
	EXPECT_EQ(6, lines[4]);
}

TEST_F(feed, empty_file_is_empty_list)
{
	unsigned long lines[16] = { 0 };

	open_text(self, "", 0);
	ASSERT_STREQ("", read_all(self, lines));
	EXPECT_EQ(0, self->feed.line);
}

TEST_F(feed, only_comments_is_empty_list)
{
	unsigned long lines[16] = { 0 };

	open_text(self, "# a\n; b\n\n", 9);
	ASSERT_STREQ("", read_all(self, lines));
	EXPECT_EQ(3, self->feed.line);
}

TEST_F(feed, options_as_listings_print_them)
{
	static const char text[] = "10.0.0.0/8 timeout 300 hits 12\n"
				   "10.1.0.0/16 hits 18446744073709551615\n";
	struct fw443_feed_entry e;

	open_text(self, text, sizeof(text) - 1);
	ASSERT_EQ(1, fw443_feed_next(&self->feed, &e, &self->err));
	EXPECT_EQ(300, e.timeout);
	ASSERT_EQ(1, fw443_feed_next(&self->feed, &e, &self->err));
	EXPECT_EQ(0, e.timeout);
	EXPECT_EQ(0, fw443_feed_next(&self->feed, &e, &self->err));
}

TEST_F(feed, long_line_is_an_error_not_a_crash)
{
	size_t n = 1 << 20;
	char *text = malloc(n + 32);
	struct fw443_feed_entry e;

	ASSERT_NE(NULL, text);
	strcpy(text, "10.0.0.0/8\n");
	memset(text + 11, 'a', n);
	strcpy(text + 11 + n, "\n10.0.0.1\n");
	open_text(self, text, strlen(text));
	free(text);
	ASSERT_EQ(1, fw443_feed_next(&self->feed, &e, &self->err));
	ASSERT_EQ(-1, fw443_feed_next(&self->feed, &e, &self->err));
	EXPECT_EQ(2, self->feed.line);
	EXPECT_EQ(FW443_FEED_LINE_MAX + 1, self->err.col);
	EXPECT_NE(NULL, strstr(self->err.msg, "line longer than 4096"));
}

TEST_F(feed, line_of_exactly_the_limit_is_fine)
{
	char text[FW443_FEED_LINE_MAX + 2];
	struct fw443_feed_entry e;

	memset(text, ' ', FW443_FEED_LINE_MAX);
	memcpy(text, "10.0.0.0/8", 10);
	text[FW443_FEED_LINE_MAX] = '\n';
	open_text(self, text, FW443_FEED_LINE_MAX + 1);
	EXPECT_EQ(1, fw443_feed_next(&self->feed, &e, &self->err));
}

TEST_F(feed, nul_byte)
{
	static const char text[] = "10.0.0.0/8\n10.0\0.0.1\n";
	struct fw443_feed_entry e;

	open_text(self, text, sizeof(text) - 1);
	ASSERT_EQ(1, fw443_feed_next(&self->feed, &e, &self->err));
	ASSERT_EQ(-1, fw443_feed_next(&self->feed, &e, &self->err));
	EXPECT_EQ(2, self->feed.line);
	EXPECT_EQ(5, self->err.col);
	EXPECT_STREQ("NUL byte in the line", self->err.msg);
}

TEST_F(feed, per_family_limit_names_the_line)
{
	static const char text[] = "10.0.0.1\n2001:db8::1\n10.0.0.2\n"
				   "# comment\n10.0.0.3\n";
	struct fw443_feed_entry e;
	int i;

	open_text(self, text, sizeof(text) - 1);
	self->feed.limit = 2;
	for (i = 0; i < 3; i++)
		ASSERT_EQ(1, fw443_feed_next(&self->feed, &e, &self->err));
	ASSERT_EQ(-1, fw443_feed_next(&self->feed, &e, &self->err));
	EXPECT_EQ(5, self->feed.line);
	EXPECT_NE(NULL, strstr(self->err.msg, "more than 2 IPv4 entries"));
}

/* One bad line each: where the error points, and what it says. */
FIXTURE(bad_line) {
};

FIXTURE_SETUP(bad_line)
{
}

FIXTURE_TEARDOWN(bad_line)
{
}

FIXTURE_VARIANT(bad_line) {
	const char *line;
	unsigned int col;
	const char *says;
};

FIXTURE_VARIANT_ADD(bad_line, slash_0) {
	.line = "  0.0.0.0/0", .col = 11, .says = "would match everything",
};

FIXTURE_VARIANT_ADD(bad_line, slash_33) {
	.line = "1.2.3.4/33 ; SBL1", .col = 9, .says = "longer than 32",
};

FIXTURE_VARIANT_ADD(bad_line, slash_129) {
	.line = "\t::/129", .col = 5, .says = "longer than 128",
};

FIXTURE_VARIANT_ADD(bad_line, range) {
	.line = "1.2.3.4-1.2.3.9", .col = 8, .says = "ranges are not supported",
};

FIXTURE_VARIANT_ADD(bad_line, garbage) {
	.line = "hello world", .col = 1, .says = "not an IPv4 address",
};

FIXTURE_VARIANT_ADD(bad_line, trailing_junk) {
	.line = "10.0.0.0/8 junk", .col = 12, .says = "unexpected 'junk'",
};

FIXTURE_VARIANT_ADD(bad_line, timeout_without_value) {
	.line = "10.0.0.0/8 timeout", .col = 12, .says = "needs a number",
};

FIXTURE_VARIANT_ADD(bad_line, timeout_zero) {
	.line = "10.0.0.0/8 timeout 0", .col = 20, .says = "not 1..2147483",
};

FIXTURE_VARIANT_ADD(bad_line, timeout_too_long) {
	.line = "10.0.0.0/8 timeout 2147484", .col = 20,
	.says = "not 1..2147483",
};

FIXTURE_VARIANT_ADD(bad_line, timeout_twice) {
	.line = "10.0.0.0/8 timeout 1 timeout 2", .col = 22,
	.says = "unexpected 'timeout'",
};

FIXTURE_VARIANT_ADD(bad_line, hits_not_a_number) {
	.line = "10.0.0.0/8 hits -1", .col = 17, .says = "not a counter",
};

TEST_F(bad_line, points_at_the_column)
{
	struct fw443_feed_entry e;
	struct fw443_parse_error err = { 0 };

	ASSERT_EQ(-1, fw443_feed_parse_line(variant->line,
					    strlen(variant->line), &e, &err));
	EXPECT_EQ(variant->col, err.col);
	EXPECT_NE(NULL, strstr(err.msg, variant->says)) {
		TH_LOG("'%s': %s", variant->line, err.msg);
	}
}

TEST_HARNESS_MAIN
