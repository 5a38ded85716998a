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
/* Any family; the packet path has fw443_lpm_lookup_family(), inline. */
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

/*
 * What the inline lookup needs: the table's layout (private to lpm.c
 * otherwise) and its helpers.
 */
#define LPM_NONE		0xffffffffU

/* An address in host order: IPv6 as two halves, IPv4 in the top of hi. */
struct lpm_key {
	u64 hi;
	u64 lo;
};

struct fw443_lpm {
	size_t size;		/* bytes of this allocation */
	u32 n;
	u8 family;		/* 4 or 6 */
	u8 index_bits;
	u32 *index;		/* 2^index_bits + 1 positions */
	u32 *key4;		/* IPv4 starts, or NULL */
	u64 *key_hi;		/* IPv6 starts, or NULL */
	u64 *key_lo;
	u32 *parent;
	u8 *len;
	u64 data[];		/* the arrays above */
};

static inline u32 lpm_be32(const u8 *p)
{
	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

static inline u64 lpm_be64(const u8 *p)
{
	return (u64)lpm_be32(p) << 32 | lpm_be32(p + 4);
}

static inline struct lpm_key lpm_key_load(int family, const u8 *addr)
{
	struct lpm_key k = { 0, 0 };

	if (family == 4) {
		k.hi = (u64)lpm_be32(addr) << 32;
	} else {
		k.hi = lpm_be64(addr);
		k.lo = lpm_be64(addr + 8);
	}
	return k;
}

/*
 * The hot helpers take the family as an argument rather than reading
 * t->family: the lookup passes a constant, and the compiler drops the other
 * family's branches from each copy of the one code path.
 */
static inline struct lpm_key lpm_key_at(const struct fw443_lpm *t, int family,
					u32 i)
{
	struct lpm_key k = { 0, 0 };

	if (family == 4) {
		k.hi = (u64)t->key4[i] << 32;
	} else {
		k.hi = t->key_hi[i];
		k.lo = t->key_lo[i];
	}
	return k;
}

/* The top len bits of a u64, len 0..64. */
static inline u64 lpm_mask(u32 len)
{
	return len ? ~0ULL << (64 - len) : 0;
}

static inline bool lpm_key_le(struct lpm_key a, struct lpm_key b)
{
	return a.hi < b.hi || (a.hi == b.hi && a.lo <= b.lo);
}

/* Whether the prefix k/len holds address a; an IPv4 len is at most 32. */
static inline bool lpm_holds(int family, struct lpm_key k, u32 len,
			     struct lpm_key a)
{
	if (family == 4 || len <= 64)
		return !((k.hi ^ a.hi) & lpm_mask(len));
	return k.hi == a.hi && !((k.lo ^ a.lo) & lpm_mask(len - 64));
}

/* The first entry on the parent chain from i that holds a, or LPM_NONE. */
static inline u32 lpm_walk(const struct fw443_lpm *t, int family, u32 i,
			   struct lpm_key a)
{
	while (i != LPM_NONE &&
	       !lpm_holds(family, lpm_key_at(t, family, i), t->len[i], a))
		i = t->parent[i];
	return i;
}

static inline u32 lpm_bucket(const struct fw443_lpm *t, struct lpm_key k)
{
	return k.hi >> (64 - t->index_bits);
}

/*
 * The lookup (lpm.c has the proof), written once and inline, for callers
 * that know the family: with a constant @family (4 or 6) each copy loses
 * the other family's branches, and a packet path that inlines it saves the
 * call and the registers it would save and restore.
 */
static __always_inline s32 fw443_lpm_lookup_family(const struct fw443_lpm *t,
						   int family, const u8 *addr)
{
	struct lpm_key a = lpm_key_load(family, addr);
	u32 b = lpm_bucket(t, a);
	u32 lo = t->index[b], hi = t->index[b + 1], i;

	/* lo becomes the number of entries that start at or before a. */
	while (lo < hi) {
		u32 mid = lo + (hi - lo) / 2;

		if (lpm_key_le(lpm_key_at(t, family, mid), a))
			lo = mid + 1;
		else
			hi = mid;
	}
	i = lpm_walk(t, family, lo - 1, a);
	return i == LPM_NONE ? -1 : (s32)i;
}

#endif /* _FW443_LPM_H */
