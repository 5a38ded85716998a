/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Addresses and prefixes as text: "192.0.2.0/24", "2001:db8::/32", or a bare
 * address meaning /32 or /128. Pure: no I/O.
 */
#ifndef FW443_PREFIX_H
#define FW443_PREFIX_H

#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>

#include "attr.h"

/* Room for the longest prefix as text, NUL included: "ADDR/128". */
#define FW443_PREFIX_STRLEN	(INET6_ADDRSTRLEN + 4)

struct fw443_addr_prefix {
	uint8_t family;		/* AF_INET or AF_INET6 */
	uint8_t len;		/* 1..32 or 1..128 */
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

/* "ADDR/LEN" into @buf, which holds FW443_PREFIX_STRLEN bytes. */
void fw443_prefix_format(const struct fw443_addr_prefix *p, char *buf);

#endif
