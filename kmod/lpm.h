/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Longest-prefix match over a set of IPv4 or IPv6 prefixes (a pure file, see
 * pure.h).
 *
 * A table is immutable once built: an update makes a new table and leaves
 * the old one alone, so the packet path can read a table under RCU while the
 * configuration path builds its successor, swaps the pointer and frees the
 * old one after a grace period. Nothing here locks; the caller owns that
 * story.
 *
 * Addresses are network-order bytes as they sit in an IP header: 4 of them
 * for IPv4, 16 for IPv6. A stored prefix has its host bits cleared, so
 * 10.1.2.3/8 is stored, found and listed as 10.0.0.0/8.
 */
#ifndef _FW443_LPM_H
#define _FW443_LPM_H

#include "pure.h"

/* Entry indexes must fit the s32 that a lookup returns. */
#define FW443_LPM_MAX_ENTRIES	(1U << 30)

struct fw443_lpm;

struct fw443_prefix {
	u8 addr[16];	/* IPv4 uses addr[0..3] */
	u8 len;		/* 0..32 for IPv4, 0..128 for IPv6 */
};

int fw443_lpm_build(struct fw443_lpm **out, int family,
		    const struct fw443_prefix *p, u32 n);
void fw443_lpm_free(struct fw443_lpm *t);
s32 fw443_lpm_lookup(const struct fw443_lpm *t, const u8 *addr);
u32 fw443_lpm_count(const struct fw443_lpm *t);
s32 fw443_lpm_parent(const struct fw443_lpm *t, u32 i);
u32 fw443_lpm_prefix_len(const struct fw443_lpm *t, u32 i);
s32 fw443_lpm_find(const struct fw443_lpm *t, const struct fw443_prefix *p);
int fw443_lpm_copy(struct fw443_lpm **out, const struct fw443_lpm *t);
int fw443_lpm_entry(const struct fw443_lpm *t, u32 i, struct fw443_prefix *out);
int fw443_lpm_with(struct fw443_lpm **out, const struct fw443_lpm *t,
		   const struct fw443_prefix *p);
int fw443_lpm_without(struct fw443_lpm **out, const struct fw443_lpm *t,
		      const struct fw443_prefix *p);
size_t fw443_lpm_memory(const struct fw443_lpm *t);

#endif /* _FW443_LPM_H */
