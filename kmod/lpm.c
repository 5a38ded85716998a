// SPDX-License-Identifier: GPL-2.0
/*
 * Longest-prefix match for the block and allow lists: a sorted array with
 * parent links, one code path for IPv4 and IPv6.
 *
 * A table holds n distinct prefixes of one family, sorted by (start address,
 * length ascending), as arrays: the start addresses (u32 for IPv4, two u64
 * halves for IPv6), the lengths (u8) and, for each entry, its parent: the
 * index of the nearest other entry that encloses it, or LPM_NONE. That is
 * 9 bytes per IPv4 prefix and 21 per IPv6 prefix, plus a first-level index
 * of at most 4 bytes per prefix (below).
 *
 * Lookup of address a: find e, the last entry whose start is <= a, then walk
 * e, parent(e), parent(parent(e)), ... and return the first entry that holds
 * a. This is the longest match:
 *   - Any prefix Q that holds a starts at or before a, so Q sorts at or
 *     before e. If Q is e we are done. Otherwise start(Q) <= start(e) <= a,
 *     so start(e) lies in Q. Two prefixes are nested or disjoint, so e is
 *     inside Q, and if they start at the same address Q is the shorter one:
 *     Q encloses e, and Q is an ancestor of e.
 *   - The chain from e runs through strictly shorter prefixes, each holding
 *     the one before; the first that holds a is the longest of the ancestors
 *     that do, i.e. the longest match.
 * The walk visits at most 33 (IPv4) or 129 (IPv6) entries, however the table
 * was built: lengths strictly decrease along the chain, since a prefix that
 * encloses another of the same length is that prefix, and duplicates were
 * merged.
 *
 * Parents are computed by the same walk: the parent of entry i is the first
 * entry on the chain of i - 1 that holds start(i) (the proof above, for the
 * address start(i) among the entries before i). The entries a walk passes
 * over end before start(i), so no later walk meets them again: all parents
 * cost O(n) together.
 *
 * The first-level index maps the top k bits of an address to the slice of
 * entries that start with those bits: 2^k + 1 u32 positions with 2^k <= n,
 * k capped at LPM_INDEX_MAX_BITS. With a million IPv4 prefixes that is 2^19
 * slices of about two entries: the binary search takes a step or two.
 *
 * Updates build a new table (copy, splice, recompute parents and index: O(n),
 * no sort) and never write to the old one, which readers may still hold
 * under RCU.
 */
#include "lpm.h"

#define LPM_INDEX_MAX_BITS	20

/* A prefix while a table is being built. */
struct lpm_item {
	struct lpm_key key;
	u32 len;
};

static u32 lpm_bits(int family)
{
	if (family == 4)
		return 32;
	if (family == 6)
		return 128;
	return 0;
}

static void lpm_put_be32(u8 *p, u32 v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static void lpm_set(struct fw443_lpm *t, u32 i, const struct lpm_item *it)
{
	if (t->family == 4) {
		t->key4[i] = it->key.hi >> 32;
	} else {
		t->key_hi[i] = it->key.hi;
		t->key_lo[i] = it->key.lo;
	}
	t->len[i] = it->len;
}

/* Orders prefixes by start address, then length. */
static int lpm_item_cmp(const void *a, const void *b)
{
	const struct lpm_item *x = a, *y = b;

	if (x->key.hi != y->key.hi)
		return x->key.hi < y->key.hi ? -1 : 1;
	if (x->key.lo != y->key.lo)
		return x->key.lo < y->key.lo ? -1 : 1;
	return (int)x->len - (int)y->len;
}

/* Reads p, clearing its host bits; -EINVAL if its length is out of range. */
static int lpm_item_load(struct lpm_item *it, int family,
			 const struct fw443_prefix *p)
{
	if (p->len > lpm_bits(family))
		return -EINVAL;
	it->key = lpm_key_load(family, p->addr);
	it->len = p->len;
	it->key.hi &= lpm_mask(it->len < 64 ? it->len : 64);
	it->key.lo &= it->len > 64 ? lpm_mask(it->len - 64) : 0;
	return 0;
}

/* A table of n entries with its arrays laid out, contents unset. */
static struct fw443_lpm *lpm_alloc(int family, u32 n)
{
	size_t key_size = family == 4 ? sizeof(u32) : 2 * sizeof(u64);
	size_t per_entry = key_size + sizeof(u32) + sizeof(u8);
	size_t fixed = sizeof(struct fw443_lpm);
	struct fw443_lpm *t;
	u32 k = 1, *u32s;

	while (k < LPM_INDEX_MAX_BITS && (2U << k) <= n)
		k++;
	fixed += ((1U << k) + 1) * sizeof(u32);
	if (n > (SIZE_MAX - fixed) / per_entry)
		return NULL;
	t = fw443_alloc(fixed + n * per_entry);
	if (!t)
		return NULL;

	/* Widest arrays first, so that each one stays aligned. */
	t->size = fixed + n * per_entry;
	t->n = n;
	t->family = family;
	t->index_bits = k;
	t->key_hi = NULL;
	t->key_lo = NULL;
	t->key4 = NULL;
	if (family == 4) {
		u32s = (u32 *)t->data;
		t->key4 = u32s;
		u32s += n;
	} else {
		t->key_hi = t->data;
		t->key_lo = t->data + n;
		u32s = (u32 *)(t->data + 2 * (size_t)n);
	}
	t->parent = u32s;
	t->index = u32s + n;
	t->len = (u8 *)(t->index + (1U << k) + 1);
	return t;
}

/* Fills in the parents and the index once keys and lengths are in place. */
static void lpm_link(struct fw443_lpm *t)
{
	u32 i, b;

	for (i = 0; i < t->n; i++)
		t->parent[i] = lpm_walk(t, t->family, i - 1,
					lpm_key_at(t, t->family, i));

	for (i = 0, b = 0; b <= 1U << t->index_bits; b++) {
		while (i < t->n && lpm_bucket(t, lpm_key_at(t, t->family, i)) < b)
			i++;
		t->index[b] = i;
	}
}

int fw443_lpm_build(struct fw443_lpm **out, int family,
		    const struct fw443_prefix *p, u32 n)
{
	struct lpm_item *items = NULL;
	struct fw443_lpm *t;
	u32 i, m = 0;
	int err;

	if (!lpm_bits(family))
		return -EINVAL;
	if (n > FW443_LPM_MAX_ENTRIES)
		return -E2BIG;
	if (n) {
		items = fw443_alloc_array(n, sizeof(*items));
		if (!items)
			return -ENOMEM;
		for (i = 0; i < n; i++) {
			err = lpm_item_load(&items[i], family, &p[i]);
			if (err)
				goto out;
		}
		fw443_sort(items, n, sizeof(*items), lpm_item_cmp);
	}
	for (i = 0; i < n; i++)
		if (!m || lpm_item_cmp(&items[m - 1], &items[i]))
			items[m++] = items[i];

	t = lpm_alloc(family, m);
	err = -ENOMEM;
	if (!t)
		goto out;
	for (i = 0; i < m; i++)
		lpm_set(t, i, &items[i]);
	lpm_link(t);
	*out = t;
	err = 0;
out:
	fw443_free(items);
	return err;
}

void fw443_lpm_free(struct fw443_lpm *t)
{
	fw443_free(t);
}

s32 fw443_lpm_lookup(const struct fw443_lpm *t, const u8 *addr)
{
	if (t->family == 4)
		return fw443_lpm_lookup_family(t, 4, addr);
	return fw443_lpm_lookup_family(t, 6, addr);
}

u32 fw443_lpm_count(const struct fw443_lpm *t)
{
	return t->n;
}

/* The nearest entry enclosing entry i, or -1. For a caller that skips an
 * entry a lookup returned (an expired one): the parent holds the address
 * too, and is its next longest match.
 */
s32 fw443_lpm_parent(const struct fw443_lpm *t, u32 i)
{
	return t->parent[i] == LPM_NONE ? -1 : (s32)t->parent[i];
}

u32 fw443_lpm_prefix_len(const struct fw443_lpm *t, u32 i)
{
	return t->len[i];
}

int fw443_lpm_entry(const struct fw443_lpm *t, u32 i, struct fw443_prefix *out)
{
	struct lpm_key k;

	if (i >= t->n)
		return -ENOENT;
	k = lpm_key_at(t, t->family, i);
	memset(out, 0, sizeof(*out));
	lpm_put_be32(out->addr, k.hi >> 32);
	lpm_put_be32(out->addr + 4, k.hi);
	lpm_put_be32(out->addr + 8, k.lo >> 32);
	lpm_put_be32(out->addr + 12, k.lo);
	out->len = t->len[i];
	return 0;
}

/*
 * Where p belongs in t: the number of entries that sort before it. Returns
 * whether t holds it, or -EINVAL for a bad length.
 */
static int lpm_find(const struct fw443_lpm *t, const struct fw443_prefix *p,
		    struct lpm_item *it, u32 *pos)
{
	struct lpm_item e;
	u32 lo = 0, hi = t->n;
	int err = lpm_item_load(it, t->family, p);

	if (err)
		return err;
	while (lo < hi) {
		u32 mid = lo + (hi - lo) / 2;

		e.key = lpm_key_at(t, t->family, mid);
		e.len = t->len[mid];
		if (lpm_item_cmp(&e, it) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*pos = lo;
	if (lo == t->n)
		return 0;
	e.key = lpm_key_at(t, t->family, lo);
	e.len = t->len[lo];
	return !lpm_item_cmp(&e, it);
}

/* The index of prefix p (host bits ignored) in t, -ENOENT if t does not
 * hold it, or -EINVAL for a bad length.
 */
s32 fw443_lpm_find(const struct fw443_lpm *t, const struct fw443_prefix *p)
{
	struct lpm_item it;
	u32 pos;
	int ret = lpm_find(t, p, &it, &pos);

	if (ret <= 0)
		return ret < 0 ? ret : -ENOENT;
	return pos;
}

/* Copies count entries' keys and lengths from src at s to dst at d. */
static void lpm_copy(struct fw443_lpm *dst, u32 d,
		     const struct fw443_lpm *src, u32 s, u32 count)
{
	if (src->family == 4) {
		memcpy(dst->key4 + d, src->key4 + s, count * sizeof(u32));
	} else {
		memcpy(dst->key_hi + d, src->key_hi + s, count * sizeof(u64));
		memcpy(dst->key_lo + d, src->key_lo + s, count * sizeof(u64));
	}
	memcpy(dst->len + d, src->len + s, count);
}

int fw443_lpm_with(struct fw443_lpm **out, const struct fw443_lpm *t,
		   const struct fw443_prefix *p)
{
	struct fw443_lpm *nt;
	struct lpm_item it;
	u32 pos;
	int ret = lpm_find(t, p, &it, &pos);

	if (ret)
		return ret < 0 ? ret : -EEXIST;
	if (t->n >= FW443_LPM_MAX_ENTRIES)
		return -E2BIG;
	nt = lpm_alloc(t->family, t->n + 1);
	if (!nt)
		return -ENOMEM;
	lpm_copy(nt, 0, t, 0, pos);
	lpm_set(nt, pos, &it);
	lpm_copy(nt, pos + 1, t, pos, t->n - pos);
	lpm_link(nt);
	*out = nt;
	return 0;
}

int fw443_lpm_without(struct fw443_lpm **out, const struct fw443_lpm *t,
		      const struct fw443_prefix *p)
{
	struct fw443_lpm *nt;
	struct lpm_item it;
	u32 pos;
	int ret = lpm_find(t, p, &it, &pos);

	if (ret <= 0)
		return ret < 0 ? ret : -ENOENT;
	nt = lpm_alloc(t->family, t->n - 1);
	if (!nt)
		return -ENOMEM;
	lpm_copy(nt, 0, t, 0, pos);
	lpm_copy(nt, pos, t, pos + 1, t->n - pos - 1);
	lpm_link(nt);
	*out = nt;
	return 0;
}

int fw443_lpm_copy(struct fw443_lpm **out, const struct fw443_lpm *t)
{
	struct fw443_lpm *nt = lpm_alloc(t->family, t->n);

	if (!nt)
		return -ENOMEM;
	lpm_copy(nt, 0, t, 0, t->n);
	lpm_link(nt);
	*out = nt;
	return 0;
}

size_t fw443_lpm_memory(const struct fw443_lpm *t)
{
	return t->size;
}
