// SPDX-License-Identifier: GPL-2.0
/* prefix.c: addresses and prefixes as text, both ways. */
#include <string.h>
#include <sys/socket.h>

#include "kselftest_harness.h"
#include "prefix.h"

FIXTURE(valid) {
};

FIXTURE_SETUP(valid)
{
}

FIXTURE_TEARDOWN(valid)
{
}

/* Text in, and what is stored (so what a listing shows). */
FIXTURE_VARIANT(valid) {
	const char *text;
	int family;
	const char *stored;
};

FIXTURE_VARIANT_ADD(valid, v4_prefix) {
	.text = "192.0.2.0/24", .family = AF_INET, .stored = "192.0.2.0/24",
};

FIXTURE_VARIANT_ADD(valid, v4_bare_is_32) {
	.text = "198.51.100.7", .family = AF_INET, .stored = "198.51.100.7/32",
};

FIXTURE_VARIANT_ADD(valid, v4_host_bits_cleared) {
	.text = "10.1.2.3/8", .family = AF_INET, .stored = "10.0.0.0/8",
};

FIXTURE_VARIANT_ADD(valid, v4_odd_length) {
	.text = "1.10.31.255/20", .family = AF_INET, .stored = "1.10.16.0/20",
};

FIXTURE_VARIANT_ADD(valid, v4_slash_1) {
	.text = "255.1.1.1/1", .family = AF_INET, .stored = "128.0.0.0/1",
};

FIXTURE_VARIANT_ADD(valid, v4_leading_zero_length) {
	.text = "10.0.0.0/008", .family = AF_INET, .stored = "10.0.0.0/8",
};

FIXTURE_VARIANT_ADD(valid, v6_host) {
	.text = "2001:db8::1/128", .family = AF_INET6,
	.stored = "2001:db8::1/128",
};

FIXTURE_VARIANT_ADD(valid, v6_bare_is_128) {
	.text = "2001:db8::1", .family = AF_INET6, .stored = "2001:db8::1/128",
};

FIXTURE_VARIANT_ADD(valid, v6_host_bits_cleared) {
	.text = "2001:db8:ffff::1/33", .family = AF_INET6,
	.stored = "2001:db8:8000::/33",
};

FIXTURE_VARIANT_ADD(valid, v6_mapped_v4) {
	.text = "::ffff:1.2.3.4", .family = AF_INET6,
	.stored = "::ffff:1.2.3.4/128",
};

FIXTURE_VARIANT_ADD(valid, v6_bogon_slash_8) {
	.text = "::/8", .family = AF_INET6, .stored = "::/8",
};

FIXTURE_VARIANT_ADD(valid, v6_full_form) {
	.text = "2001:0db8:0000:0000:0000:0000:0000:0001", .family = AF_INET6,
	.stored = "2001:db8::1/128",
};

TEST_F(valid, parses_and_formats)
{
	struct fw443_addr_prefix p;
	struct fw443_parse_error err = { 0 };
	char text[FW443_PREFIX_STRLEN];
	struct fw443_addr_prefix again;

	ASSERT_EQ(0, fw443_prefix_parse(variant->text, strlen(variant->text),
					&p, &err)) {
		TH_LOG("%s: %s", variant->text, err.msg);
	}
	EXPECT_EQ(variant->family, p.family);
	fw443_prefix_format(&p, text);
	EXPECT_STREQ(variant->stored, text);
	/* What is printed reads back as the same prefix. */
	ASSERT_EQ(0, fw443_prefix_parse(text, strlen(text), &again, &err));
	EXPECT_EQ(0, memcmp(&p, &again, sizeof(p)));
}

FIXTURE(invalid) {
};

FIXTURE_SETUP(invalid)
{
}

FIXTURE_TEARDOWN(invalid)
{
}

/* Text in; the column and words of the error. */
FIXTURE_VARIANT(invalid) {
	const char *text;
	unsigned int col;
	const char *says;
};

FIXTURE_VARIANT_ADD(invalid, v4_slash_0) {
	.text = "0.0.0.0/0", .col = 9, .says = "would match everything",
};

FIXTURE_VARIANT_ADD(invalid, v6_slash_0) {
	.text = "::/0", .col = 4, .says = "would match everything",
};

FIXTURE_VARIANT_ADD(invalid, v4_slash_33) {
	.text = "1.2.3.4/33", .col = 9, .says = "/33 is longer than 32",
};

FIXTURE_VARIANT_ADD(invalid, v6_slash_129) {
	.text = "2001:db8::/129", .col = 12, .says = "/129 is longer than 128",
};

FIXTURE_VARIANT_ADD(invalid, huge_length) {
	.text = "1.2.3.4/99999999999999999999", .col = 9,
	.says = "is longer than 32",
};

FIXTURE_VARIANT_ADD(invalid, negative_length) {
	.text = "1.2.3.4/-8", .col = 9, .says = "not a number",
};

FIXTURE_VARIANT_ADD(invalid, length_with_junk) {
	.text = "1.2.3.4/24x", .col = 11, .says = "not a number",
};

FIXTURE_VARIANT_ADD(invalid, empty_length) {
	.text = "1.2.3.4/", .col = 9, .says = "missing prefix length",
};

FIXTURE_VARIANT_ADD(invalid, range) {
	.text = "1.2.3.4-1.2.3.9", .col = 8, .says = "ranges are not supported",
};

FIXTURE_VARIANT_ADD(invalid, garbage) {
	.text = "example.com", .col = 1, .says = "not an IPv4 address",
};

FIXTURE_VARIANT_ADD(invalid, short_quad) {
	.text = "10.1.2", .col = 1, .says = "not an IPv4 address",
};

FIXTURE_VARIANT_ADD(invalid, octet_too_big) {
	.text = "10.1.2.256/32", .col = 1, .says = "not an IPv4 address",
};

FIXTURE_VARIANT_ADD(invalid, trailing_junk) {
	.text = "10.1.2.3x", .col = 1, .says = "not an IPv4 address",
};

FIXTURE_VARIANT_ADD(invalid, bad_v6) {
	.text = "2001:db8:::1", .col = 1, .says = "not an IPv6 address",
};

FIXTURE_VARIANT_ADD(invalid, overlong_address) {
	.text = "1111:2222:3333:4444:5555:6666:7777:8888:9999:aaaa", .col = 1,
	.says = "not an IPv4 or IPv6 address",
};

FIXTURE_VARIANT_ADD(invalid, only_slash) {
	.text = "/24", .col = 1, .says = "missing address",
};

TEST_F(invalid, refused_with_column)
{
	struct fw443_addr_prefix p;
	struct fw443_parse_error err = { 0 };

	ASSERT_EQ(-1, fw443_prefix_parse(variant->text, strlen(variant->text),
					 &p, &err));
	EXPECT_EQ(variant->col, err.col);
	EXPECT_NE(NULL, strstr(err.msg, variant->says)) {
		TH_LOG("%s: %s", variant->text, err.msg);
	}
}

/* The parser takes a length, not a C string: it must not read past it. */
TEST(prefix_reads_only_its_bytes)
{
	static const char line[] = "10.0.0.0/8 ; SBL1";
	struct fw443_addr_prefix p;
	struct fw443_parse_error err = { 0 };
	char text[FW443_PREFIX_STRLEN];

	ASSERT_EQ(0, fw443_prefix_parse(line, 10, &p, &err));
	fw443_prefix_format(&p, text);
	EXPECT_STREQ("10.0.0.0/8", text);
}

/* Rules and filters take /0: every address of one family. */
TEST(match_takes_slash_0)
{
	static const char *const ok[] = { "0.0.0.0/0", "10.1.2.3/0", "::/0" };
	static const char *const stored[] = { "0.0.0.0/0", "0.0.0.0/0",
					      "::/0" };
	struct fw443_addr_prefix p;
	struct fw443_parse_error err = { 0 };
	char text[FW443_PREFIX_STRLEN];
	size_t i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		ASSERT_EQ(0, fw443_prefix_parse_match(ok[i], strlen(ok[i]), &p,
						      &err)) {
			TH_LOG("%s: %s", ok[i], err.msg);
		}
		fw443_prefix_format(&p, text);
		EXPECT_STREQ(stored[i], text);
	}
	EXPECT_EQ(-1, fw443_prefix_parse_match("10.0.0.0/33", 11, &p, &err));
}

TEST(contains)
{
	struct fw443_addr_prefix p;
	struct fw443_parse_error err = { 0 };
	uint8_t a4[4] = { 10, 2, 0, 1 }, a6[16] = { 0x20, 0x01, 0x0d, 0xb8 };

	ASSERT_EQ(0, fw443_prefix_parse_match("10.2.0.0/31", 11, &p, &err));
	EXPECT_TRUE(fw443_prefix_contains(&p, AF_INET, a4));
	a4[3] = 2;
	EXPECT_FALSE(fw443_prefix_contains(&p, AF_INET, a4));
	EXPECT_FALSE(fw443_prefix_contains(&p, AF_INET6, a6));
	ASSERT_EQ(0, fw443_prefix_parse_match("2001:db8::/32", 13, &p, &err));
	EXPECT_TRUE(fw443_prefix_contains(&p, AF_INET6, a6));
	a6[3] = 0xb9;
	EXPECT_FALSE(fw443_prefix_contains(&p, AF_INET6, a6));
	ASSERT_EQ(0, fw443_prefix_parse_match("::/0", 4, &p, &err));
	EXPECT_TRUE(fw443_prefix_contains(&p, AF_INET6, a6));
	EXPECT_FALSE(fw443_prefix_contains(&p, AF_INET, a4));
}

TEST_HARNESS_MAIN
