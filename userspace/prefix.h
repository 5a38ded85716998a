/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Addresses and prefixes as text: "192.0.2.0/24", "2001:db8::/32", or a bare
 * address meaning /32 or /128; and whether a prefix holds an address. Pure:
 * no I/O.
 */
#ifndef FW443_PREFIX_H
#define FW443_PREFIX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>

#include "attr.h"

/* Room for the longest prefix as text, NUL included: "ADDR/128". */
#define FW443_PREFIX_STRLEN	(INET6_ADDRSTRLEN + 4)

struct fw443_addr_prefix {
	uint8_t family;		/* AF_INET or AF_INET6 */
	uint8_t len;		/* 1..32 or 1..128; 0 too in rules */
	uint8_t addr[16];	/* network order; IPv4 uses addr[0..3] */
};

/* Where and why text did not parse: @col is 1-based, 0 when it has none. */
struct fw443_parse_error {
	unsigned int col;
	char msg[FW443_ERROR_LEN];
};

/* 4 or 16: the bytes of @p's address that count. */
size_t fw443_prefix_addr_len(const struct fw443_addr_prefix *p);

/*
 * Parses the @n bytes at @s (one word: no spaces) into @p, with the host
 * bits below the prefix length cleared, as the kernel stores it. Returns 0,
 * or -1 with @err->col counted from @s.
 */
int fw443_prefix_parse(const char *s, size_t n, struct fw443_addr_prefix *p,
		       struct fw443_parse_error *err);

/*
 * The same for a prefix that matches rather than one that is stored: /0,
 * every address of the family, is allowed.
 */
int fw443_prefix_parse_match(const char *s, size_t n,
			     struct fw443_addr_prefix *p,
			     struct fw443_parse_error *err);

/*
 * Whether @p (host bits cleared) holds the address @addr of @family: never
 * for an address of the other family.
 */
bool fw443_prefix_contains(const struct fw443_addr_prefix *p, uint8_t family,
			   const uint8_t *addr);

/*
 * The ends of a connection a rule or a filter is about: its initiator
 * (src) and its responder (dst), each within a prefix when given; both
 * given are of one family.
 */
struct fw443_ends {
	bool has_src, has_dst;
	struct fw443_addr_prefix src, dst;
};

/*
 * Whether the connection from @src to @dst, addresses of @family, is one
 * @e is about: never when a prefix given is of the other family.
 */
bool fw443_ends_match(const struct fw443_ends *e, uint8_t family,
		      const uint8_t *src, const uint8_t *dst);

/* "ADDR/LEN" into @buf, which holds FW443_PREFIX_STRLEN bytes. */
void fw443_prefix_format(const struct fw443_addr_prefix *p, char *buf);

#endif
