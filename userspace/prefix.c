// SPDX-License-Identifier: GPL-2.0
#include <arpa/inet.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "prefix.h"

/* Longer than any address text: "ffff:...:255.255.255.255" is 45 bytes. */
#define PREFIX_ADDR_TEXT_MAX	(INET6_ADDRSTRLEN - 1)

static int prefix_fail(struct fw443_parse_error *err, size_t off,
		       const char *what, size_t n, const char *s)
{
	err->col = off + 1;
	if (s)
		snprintf(err->msg, sizeof(err->msg), "%s '%.*s'", what,
			 (int)(n > 64 ? 64 : n), s);
	else
		snprintf(err->msg, sizeof(err->msg), "%s", what);
	return -1;
}

size_t fw443_prefix_addr_len(const struct fw443_addr_prefix *p)
{
	return p->family == AF_INET ? 4 : 16;
}

static void prefix_clear_host_bits(struct fw443_addr_prefix *p)
{
	size_t i, alen = fw443_prefix_addr_len(p);

	for (i = 0; i < alen; i++) {
		unsigned int bits = i * 8;

		if (bits >= p->len)
			p->addr[i] = 0;
		else if (bits + 8 > p->len)
			p->addr[i] &= 0xff << (8 - (p->len - bits));
	}
}

static int prefix_parse_addr(const char *s, size_t n,
			     struct fw443_addr_prefix *p,
			     struct fw443_parse_error *err)
{
	char text[PREFIX_ADDR_TEXT_MAX + 1];
	const char *dash = memchr(s, '-', n);

	if (dash)
		return prefix_fail(err, dash - s,
				   "ranges are not supported, write them as prefixes:",
				   n, s);
	if (!n)
		return prefix_fail(err, 0, "missing address", 0, NULL);
	if (n > PREFIX_ADDR_TEXT_MAX)
		return prefix_fail(err, 0, "not an IPv4 or IPv6 address:", n, s);
	memcpy(text, s, n);
	text[n] = '\0';
	memset(p, 0, sizeof(*p));
	p->family = memchr(s, ':', n) ? AF_INET6 : AF_INET;
	if (inet_pton(p->family, text, p->addr) != 1)
		return prefix_fail(err, 0,
				   p->family == AF_INET ? "not an IPv4 address:" :
				   "not an IPv6 address:", n, s);
	p->len = fw443_prefix_addr_len(p) * 8;
	return 0;
}

/* The text after '/': decimal digits only, no sign, nothing after them. */
static int prefix_parse_len(const char *s, size_t n, size_t off, bool match,
			    struct fw443_addr_prefix *p,
			    struct fw443_parse_error *err)
{
	unsigned int max = p->len, len = 0;
	size_t i;

	if (!n)
		return prefix_fail(err, off, "missing prefix length after '/'",
				   0, NULL);
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return prefix_fail(err, off + i,
					   "prefix length is not a number:",
					   n, s);
		/* Saturates: any value above 128 is as wrong as the next. */
		if (len <= max)
			len = len * 10 + (s[i] - '0');
	}
	if (len == 0 && !match)
		return prefix_fail(err, off,
				   "prefix length /0 would match everything", 0,
				   NULL);
	if (len > max) {
		err->col = off + 1;
		snprintf(err->msg, sizeof(err->msg),
			 "prefix length /%.*s is longer than %u (%s)",
			 (int)(n > 8 ? 8 : n), s, max,
			 p->family == AF_INET ? "IPv4" : "IPv6");
		return -1;
	}
	p->len = len;
	return 0;
}

static int prefix_parse(const char *s, size_t n, bool match,
			struct fw443_addr_prefix *p,
			struct fw443_parse_error *err)
{
	const char *slash = memchr(s, '/', n);
	size_t alen = slash ? (size_t)(slash - s) : n;

	if (prefix_parse_addr(s, alen, p, err))
		return -1;
	if (slash && prefix_parse_len(slash + 1, n - alen - 1, alen + 1, match,
				      p, err))
		return -1;
	prefix_clear_host_bits(p);
	return 0;
}

int fw443_prefix_parse(const char *s, size_t n, struct fw443_addr_prefix *p,
		       struct fw443_parse_error *err)
{
	return prefix_parse(s, n, false, p, err);
}

int fw443_prefix_parse_match(const char *s, size_t n,
			     struct fw443_addr_prefix *p,
			     struct fw443_parse_error *err)
{
	return prefix_parse(s, n, true, p, err);
}

bool fw443_prefix_contains(const struct fw443_addr_prefix *p, uint8_t family,
			   const uint8_t *addr)
{
	size_t full = p->len / 8;
	unsigned int rest = p->len % 8;

	if (family != p->family || memcmp(addr, p->addr, full))
		return false;
	return !rest || !((addr[full] ^ p->addr[full]) & (0xff << (8 - rest)));
}

bool fw443_ends_match(const struct fw443_ends *e, uint8_t family,
		      const uint8_t *src, const uint8_t *dst)
{
	return (!e->has_src || fw443_prefix_contains(&e->src, family, src)) &&
	       (!e->has_dst || fw443_prefix_contains(&e->dst, family, dst));
}

void fw443_prefix_format(const struct fw443_addr_prefix *p, char *buf)
{
	if (!inet_ntop(p->family, p->addr, buf, INET6_ADDRSTRLEN))
		strcpy(buf, "?");
	sprintf(buf + strlen(buf), "/%u", p->len);
}
