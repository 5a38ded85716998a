// SPDX-License-Identifier: GPL-2.0
/*
 * kmod/lpm.c against a naive reference: a linear scan for the longest
 * prefix that holds the address, over the prefixes exactly as they were
 * given (host bits, duplicates and all). Random sets use fixed seeds, logged,
 * so that a failure reproduces.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kselftest_harness.h"
#include "leak_check.h"
#include "lpm.h"

#define SEEDS		4
#define RANDOM_PREFIXES	1500
#define RANDOM_ADDRS	3000

struct rng {
	uint64_t s;
};

static uint64_t rng_next(struct rng *r)
{
	/* splitmix64 */
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint32_t rng_below(struct rng *r, uint32_t n)
{
	return rng_next(r) % n;
}

static void rng_bytes(struct rng *r, uint8_t *p, size_t n)
{
	while (n--)
		*p++ = rng_next(r);
}

static int family_bytes(int family)
{
	return family == 4 ? 4 : 16;
}

static bool ref_holds(const struct fw443_prefix *p, const uint8_t *a)
{
	unsigned int full = p->len / 8, rest = p->len % 8;

	if (memcmp(p->addr, a, full))
		return false;
	return !rest || !((p->addr[full] ^ a[full]) & (0xff << (8 - rest)));
}

/* The index in set of a longest prefix that holds a, or -1. */
static int ref_lookup(const struct fw443_prefix *set, uint32_t n,
		      const uint8_t *a)
{
	int best = -1;
	uint32_t i;

	for (i = 0; i < n; i++)
		if (ref_holds(&set[i], a) && (best < 0 || set[i].len > set[best].len))
			best = i;
	return best;
}

static bool in_set(const struct fw443_prefix *set, uint32_t n,
		   const struct fw443_prefix *p)
{
	uint32_t i;

	for (i = 0; i < n; i++)
		if (set[i].len == p->len && ref_holds(&set[i], p->addr))
			return true;
	return false;
}

static void check_addr(struct __test_metadata *_metadata,
		       const struct fw443_lpm *t, const struct fw443_prefix *set,
		       uint32_t n, const uint8_t *a)
{
	int want = ref_lookup(set, n, a);
	int got = fw443_lpm_lookup(t, a);
	struct fw443_prefix e;

	if (want < 0) {
		ASSERT_EQ(-1, got);
		return;
	}
	ASSERT_LE(0, got);
	ASSERT_EQ(0, fw443_lpm_entry(t, got, &e));
	/* Same length and both hold a: the same prefix. */
	ASSERT_EQ(set[want].len, e.len);
	ASSERT_TRUE(ref_holds(&e, a));
}

/* The first (last) address of p, plus delta with carry, wrapping. */
static void edge_addr(const struct fw443_prefix *p, int bytes, bool last,
		      int delta, uint8_t *a)
{
	int i;

	for (i = 0; i < bytes; i++) {
		int bits = (int)p->len - 8 * i;
		uint8_t host = bits >= 8 ? 0 : bits <= 0 ? 0xff : 0xff >> bits;

		a[i] = last ? (p->addr[i] | host) : (p->addr[i] & ~host);
	}
	for (i = bytes - 1; i >= 0 && delta; i--) {
		a[i] += delta;
		if (delta > 0 ? a[i] != 0 : a[i] != 0xff)
			break;
	}
}

/* Every address a test set is checked at, around every prefix too. */
static void check_all(struct __test_metadata *_metadata,
		      const struct fw443_lpm *t, int family, struct rng *r,
		      const struct fw443_prefix *set, uint32_t n)
{
	int bytes = family_bytes(family), d;
	uint8_t a[16] = { 0 }, first[16], last[16];
	uint32_t i;

	for (i = 0; i < RANDOM_ADDRS; i++) {
		rng_bytes(r, a, bytes);
		check_addr(_metadata, t, set, n, a);
	}
	for (i = 0; i < n; i++) {
		for (d = -1; d <= 1; d++) {
			edge_addr(&set[i], bytes, false, d, a);
			check_addr(_metadata, t, set, n, a);
			edge_addr(&set[i], bytes, true, d, a);
			check_addr(_metadata, t, set, n, a);
		}
		/* A random address inside the prefix. */
		edge_addr(&set[i], bytes, false, 0, first);
		edge_addr(&set[i], bytes, true, 0, last);
		rng_bytes(r, a, bytes);
		for (d = 0; d < bytes; d++)
			a[d] = first[d] | (a[d] & (first[d] ^ last[d]));
		check_addr(_metadata, t, set, n, a);
	}
}

/* A length from the mix real feeds ship. */
static uint8_t random_len(struct rng *r, int family)
{
	uint32_t x = rng_below(r, 100);

	if (family == 4) {
		if (x < 40)
			return 24;
		if (x < 65)
			return 32;
		if (x < 78)
			return 8 + rng_below(r, 9);
		if (x < 99)
			return 17 + rng_below(r, 15);
		return rng_below(r, 8);
	}
	if (x < 25)
		return 48;
	if (x < 40)
		return 32;
	if (x < 55)
		return 64;
	if (x < 65)
		return 128;
	if (x < 95)
		return 16 + rng_below(r, 49);
	return rng_below(r, 129);
}

/* Gives p the network bits of q; p keeps its own host bits. */
static void copy_network(struct fw443_prefix *p, const struct fw443_prefix *q)
{
	unsigned int full = q->len / 8, rest = q->len % 8;

	memcpy(p->addr, q->addr, full);
	if (rest)
		p->addr[full] ^= (p->addr[full] ^ q->addr[full]) &
				 (0xff << (8 - rest));
}

/*
 * n prefixes with host bits set, packed into a few top-level regions so that
 * they nest, with some nested on purpose and some repeated.
 */
static void random_set(struct rng *r, int family, struct fw443_prefix *set,
		       uint32_t n)
{
	int bytes = family_bytes(family);
	uint32_t i;

	for (i = 0; i < n; i++) {
		struct fw443_prefix *p = &set[i];
		uint32_t kind = rng_below(r, 100);

		memset(p, 0, sizeof(*p));
		rng_bytes(r, p->addr, bytes);
		p->len = random_len(r, family);
		if (i && kind < 30) {
			/* Inside an earlier prefix: nested. */
			const struct fw443_prefix *q = &set[rng_below(r, i)];
			int max = bytes * 8;

			copy_network(p, q);
			p->len = q->len + rng_below(r, max - q->len + 1);
		} else if (i && kind < 35) {
			/* An earlier prefix again, other host bits. */
			const struct fw443_prefix *q = &set[rng_below(r, i)];

			copy_network(p, q);
			p->len = q->len;
		} else {
			p->addr[0] = 10 + rng_below(r, 4);
		}
	}
}

static void check_random(struct __test_metadata *_metadata, int family)
{
	struct fw443_prefix *set = calloc(RANDOM_PREFIXES, sizeof(*set));
	uint32_t seed;

	ASSERT_NE(NULL, set);
	for (seed = 1; seed <= SEEDS; seed++) {
		struct rng r = { seed * 1000003ULL + family };
		struct fw443_lpm *t;
		uint32_t n = seed * RANDOM_PREFIXES / SEEDS;

		TH_LOG("IPv%d, seed %u, %u prefixes", family, seed, n);
		random_set(&r, family, set, n);
		ASSERT_EQ(0, fw443_lpm_build(&t, family, set, n));
		check_all(_metadata, t, family, &r, set, n);
		fw443_lpm_free(t);
	}
	free(set);
	EXPECT_NO_LEAKS();
}

TEST(random_v4)
{
	check_random(_metadata, 4);
}

TEST(random_v6)
{
	check_random(_metadata, 6);
}

/*
 * The accessors the module's lists use beside lookup: find() returns each
 * stored entry's own index, parent() the longest other stored prefix that
 * holds it (brute force decides), and copy() the same entries.
 */
static void check_accessors(struct __test_metadata *_metadata, int family)
{
	struct fw443_prefix *set = calloc(RANDOM_PREFIXES, sizeof(*set));
	struct rng r = { 77 + family };
	struct fw443_lpm *t, *c;
	uint32_t i, j, n;

	ASSERT_NE(NULL, set);
	random_set(&r, family, set, RANDOM_PREFIXES);
	ASSERT_EQ(0, fw443_lpm_build(&t, family, set, RANDOM_PREFIXES));
	ASSERT_EQ(0, fw443_lpm_copy(&c, t));
	n = fw443_lpm_count(t);
	ASSERT_EQ(n, fw443_lpm_count(c));
	for (i = 0; i < n; i++) {
		struct fw443_prefix e, f, q;
		s32 want = -1;

		ASSERT_EQ(0, fw443_lpm_entry(t, i, &e));
		ASSERT_EQ(0, fw443_lpm_entry(c, i, &f));
		EXPECT_EQ(0, memcmp(&e, &f, sizeof(e)));
		EXPECT_EQ((s32)i, fw443_lpm_find(t, &e));
		EXPECT_EQ(e.len, fw443_lpm_prefix_len(t, i));
		for (j = 0; j < n; j++) {
			ASSERT_EQ(0, fw443_lpm_entry(t, j, &q));
			if (j != i && q.len < e.len && ref_holds(&q, e.addr) &&
			    (want < 0 || q.len > fw443_lpm_prefix_len(t, want)))
				want = j;
		}
		EXPECT_EQ(want, fw443_lpm_parent(t, i));
	}
	fw443_lpm_free(c);
	fw443_lpm_free(t);
	free(set);
	EXPECT_NO_LEAKS();
}

TEST(accessors_v4)
{
	check_accessors(_metadata, 4);
}

TEST(accessors_v6)
{
	check_accessors(_metadata, 6);
}

static struct fw443_prefix v4(uint8_t a, uint8_t b, uint8_t c, uint8_t d,
			      uint8_t len)
{
	struct fw443_prefix p = { { a, b, c, d }, len };

	return p;
}

TEST(empty)
{
	static const uint8_t a[16];
	struct fw443_prefix e;
	struct fw443_lpm *t;
	int family;

	for (family = 4; family <= 6; family += 2) {
		ASSERT_EQ(0, fw443_lpm_build(&t, family, NULL, 0));
		EXPECT_EQ(0, fw443_lpm_count(t));
		EXPECT_EQ(-1, fw443_lpm_lookup(t, a));
		EXPECT_EQ(-ENOENT, fw443_lpm_entry(t, 0, &e));
		EXPECT_LT(0, fw443_lpm_memory(t));
		fw443_lpm_free(t);
	}
	EXPECT_NO_LEAKS();
}

/* /0 holds everything; a longer match still wins; both ends of the space. */
TEST(default_route_and_hosts)
{
	static const uint8_t zero[16];
	uint8_t ones[16];
	struct fw443_prefix set[3], e;
	struct fw443_lpm *t;
	int family;

	memset(ones, 0xff, sizeof(ones));
	for (family = 4; family <= 6; family += 2) {
		int bits = family_bytes(family) * 8;

		memset(set, 0, sizeof(set));
		memset(set[0].addr, 0xab, sizeof(set[0].addr)); /* host bits */
		set[0].len = 0;
		memset(set[1].addr, 0xff, family_bytes(family));
		set[1].len = bits;
		set[2].len = bits;	/* the zero address */
		ASSERT_EQ(0, fw443_lpm_build(&t, family, set, 3));
		ASSERT_EQ(3, fw443_lpm_count(t));

		ASSERT_EQ(0, fw443_lpm_entry(t, 0, &e));
		EXPECT_EQ(0, e.len);
		EXPECT_EQ(0, memcmp(e.addr, zero, 16));
		ASSERT_EQ(0, fw443_lpm_entry(t, 1, &e));
		EXPECT_EQ(bits, e.len);
		EXPECT_EQ(0, memcmp(e.addr, zero, 16));
		ASSERT_EQ(0, fw443_lpm_entry(t, 2, &e));
		EXPECT_EQ(bits, e.len);
		EXPECT_EQ(0, memcmp(e.addr, ones, family_bytes(family)));

		EXPECT_EQ(2, fw443_lpm_lookup(t, ones));
		EXPECT_EQ(1, fw443_lpm_lookup(t, zero));
		check_all(_metadata, t, family, &(struct rng){ 7 }, set, 3);
		fw443_lpm_free(t);
	}
	EXPECT_NO_LEAKS();
}

TEST(adjacent)
{
	struct fw443_prefix set[] = {
		v4(10, 0, 0, 0, 25), v4(10, 0, 0, 128, 25), v4(10, 0, 1, 0, 24),
		v4(9, 255, 255, 255, 32),
	};
	struct fw443_lpm *t;

	ASSERT_EQ(0, fw443_lpm_build(&t, 4, set, ARRAY_SIZE(set)));
	EXPECT_EQ(-1, fw443_lpm_lookup(t, (uint8_t[]){ 9, 255, 255, 254 }));
	EXPECT_EQ(0, fw443_lpm_lookup(t, (uint8_t[]){ 9, 255, 255, 255 }));
	EXPECT_EQ(1, fw443_lpm_lookup(t, (uint8_t[]){ 10, 0, 0, 127 }));
	EXPECT_EQ(2, fw443_lpm_lookup(t, (uint8_t[]){ 10, 0, 0, 128 }));
	EXPECT_EQ(3, fw443_lpm_lookup(t, (uint8_t[]){ 10, 0, 1, 255 }));
	EXPECT_EQ(-1, fw443_lpm_lookup(t, (uint8_t[]){ 10, 0, 2, 0 }));
	check_all(_metadata, t, 4, &(struct rng){ 8 }, set, ARRAY_SIZE(set));
	fw443_lpm_free(t);
	EXPECT_NO_LEAKS();
}

/*
 * Every length from 0 to the full width on one address: the deepest
 * possible parent chain. An address that first differs at bit b matches
 * exactly the /b.
 */
TEST(nested_full_depth)
{
	struct fw443_prefix set[129], e;
	struct fw443_lpm *t;
	int family;

	for (family = 4; family <= 6; family += 2) {
		int bytes = family_bytes(family), bits = bytes * 8, b;

		for (b = 0; b <= bits; b++) {
			memset(&set[b], 0, sizeof(set[b]));
			memset(set[b].addr, 0xa5, bytes);
			set[b].len = b;
		}
		ASSERT_EQ(0, fw443_lpm_build(&t, family, set, bits + 1));
		for (b = 0; b < bits; b++) {
			uint8_t a[16];

			memcpy(a, set[0].addr, bytes);
			a[b / 8] ^= 0x80 >> (b % 8);
			ASSERT_EQ(b, fw443_lpm_lookup(t, a));
			ASSERT_EQ(0, fw443_lpm_entry(t, b, &e));
			ASSERT_EQ(b, e.len);
		}
		EXPECT_EQ(bits, fw443_lpm_lookup(t, set[0].addr));
		check_all(_metadata, t, family, &(struct rng){ 9 }, set,
			  bits + 1);
		fw443_lpm_free(t);
	}
	EXPECT_NO_LEAKS();
}

TEST(duplicates_and_host_bits)
{
	struct fw443_prefix set[] = {
		v4(192, 0, 2, 77, 24), v4(192, 0, 2, 0, 24), v4(192, 0, 2, 255, 24),
		v4(198, 51, 100, 9, 32), v4(198, 51, 100, 9, 32),
	}, e;
	struct fw443_lpm *t;

	ASSERT_EQ(0, fw443_lpm_build(&t, 4, set, ARRAY_SIZE(set)));
	ASSERT_EQ(2, fw443_lpm_count(t));
	ASSERT_EQ(0, fw443_lpm_entry(t, 0, &e));
	EXPECT_EQ(0, memcmp(e.addr, ((uint8_t[16]){ 192, 0, 2, 0 }), 16));
	EXPECT_EQ(24, e.len);
	ASSERT_EQ(0, fw443_lpm_entry(t, 1, &e));
	EXPECT_EQ(0, memcmp(e.addr, ((uint8_t[16]){ 198, 51, 100, 9 }), 16));
	EXPECT_EQ(32, e.len);
	EXPECT_EQ(-ENOENT, fw443_lpm_entry(t, 2, &e));
	fw443_lpm_free(t);
	EXPECT_NO_LEAKS();
}

TEST(bad_input)
{
	struct fw443_prefix p = v4(10, 0, 0, 0, 33), ok = v4(10, 0, 0, 0, 8);
	struct fw443_lpm *t, *nt = NULL;

	EXPECT_EQ(-EINVAL, fw443_lpm_build(&t, 4, &p, 1));
	p.len = 129;
	EXPECT_EQ(-EINVAL, fw443_lpm_build(&t, 6, &p, 1));
	EXPECT_EQ(-EINVAL, fw443_lpm_build(&t, 5, &ok, 1));
	EXPECT_EQ(-EINVAL, fw443_lpm_build(&t, 0, NULL, 0));

	ASSERT_EQ(0, fw443_lpm_build(&t, 4, &ok, 1));
	p.len = 33;
	EXPECT_EQ(-EINVAL, fw443_lpm_with(&nt, t, &p));
	EXPECT_EQ(-EINVAL, fw443_lpm_without(&nt, t, &p));
	EXPECT_EQ(-EEXIST, fw443_lpm_with(&nt, t, &(struct fw443_prefix){
		{ 10, 9, 9, 9 }, 8 }));
	EXPECT_EQ(-ENOENT, fw443_lpm_without(&nt, t, &(struct fw443_prefix){
		{ 10, 0, 0, 0 }, 9 }));
	EXPECT_EQ(NULL, nt);
	fw443_lpm_free(t);
	EXPECT_NO_LEAKS();
}

static void expect_same(struct __test_metadata *_metadata,
			const struct fw443_lpm *a, const struct fw443_lpm *b)
{
	struct fw443_prefix x, y;
	uint32_t i;

	ASSERT_EQ(fw443_lpm_count(a), fw443_lpm_count(b));
	for (i = 0; i < fw443_lpm_count(a); i++) {
		ASSERT_EQ(0, fw443_lpm_entry(a, i, &x));
		ASSERT_EQ(0, fw443_lpm_entry(b, i, &y));
		ASSERT_EQ(0, memcmp(&x, &y, sizeof(x)));
	}
}

/* Entries listed in strictly increasing (address, length) order. */
static void expect_sorted(struct __test_metadata *_metadata,
			  const struct fw443_lpm *t)
{
	struct fw443_prefix x, y;
	uint32_t i;

	for (i = 1; i < fw443_lpm_count(t); i++) {
		int c;

		ASSERT_EQ(0, fw443_lpm_entry(t, i - 1, &x));
		ASSERT_EQ(0, fw443_lpm_entry(t, i, &y));
		c = memcmp(x.addr, y.addr, 16);
		ASSERT_TRUE(c < 0 || (c == 0 && x.len < y.len));
	}
}

/*
 * Adding prefixes one at a time, then taking them away again, gives the
 * same tables as building from scratch, and never changes the old table.
 */
static void check_updates(struct __test_metadata *_metadata, int family)
{
	enum { BASE = 300, EXTRA = 40 };
	struct fw443_prefix set[BASE + EXTRA];
	struct rng r = { 4242 + family };
	struct fw443_lpm *t, *fresh, *nt, *before;
	uint32_t i;

	TH_LOG("IPv%d, seed %u", family, 4242 + family);
	random_set(&r, family, set, BASE + EXTRA);
	ASSERT_EQ(0, fw443_lpm_build(&t, family, set, BASE));
	ASSERT_EQ(0, fw443_lpm_build(&before, family, set, BASE));
	for (i = BASE; i < BASE + EXTRA; i++) {
		int ret = fw443_lpm_with(&nt, t, &set[i]);

		ASSERT_EQ(0, fw443_lpm_build(&fresh, family, set, i + 1));
		if (ret == -EEXIST) {
			/* Already in the set: the fresh build agrees. */
			expect_same(_metadata, t, fresh);
			fw443_lpm_free(fresh);
			continue;
		}
		ASSERT_EQ(0, ret);
		expect_same(_metadata, nt, fresh);
		expect_sorted(_metadata, nt);
		check_all(_metadata, nt, family, &r, set, i + 1);
		fw443_lpm_free(fresh);
		if (i == BASE)
			expect_same(_metadata, t, before);
		fw443_lpm_free(t);
		t = nt;
	}
	/* Down again: remove the extras, as given (host bits set). */
	for (i = BASE + EXTRA; i-- > BASE;) {
		if (in_set(set, i, &set[i]))
			continue;	/* also among the first i */
		ASSERT_EQ(0, fw443_lpm_without(&nt, t, &set[i]));
		ASSERT_EQ(-ENOENT, fw443_lpm_without(&fresh, nt, &set[i]));
		fw443_lpm_free(t);
		t = nt;
		ASSERT_EQ(0, fw443_lpm_build(&fresh, family, set, i));
		expect_same(_metadata, t, fresh);
		fw443_lpm_free(fresh);
	}
	expect_same(_metadata, t, before);
	check_all(_metadata, t, family, &r, set, BASE);
	fw443_lpm_free(before);
	fw443_lpm_free(t);
	EXPECT_NO_LEAKS();
}

TEST(updates_v4)
{
	check_updates(_metadata, 4);
}

TEST(updates_v6)
{
	check_updates(_metadata, 6);
}

/* The memory budget: 16 bytes per IPv4 prefix, 40 per IPv6 prefix. */
TEST(memory_budget)
{
	enum { N = 100000 };
	struct fw443_prefix *set = calloc(N, sizeof(*set));
	struct rng r = { 77 };
	struct fw443_lpm *t;
	uint32_t n;

	ASSERT_NE(NULL, set);
	for (n = 1; n <= N; n *= 10) {
		int family;

		for (family = 4; family <= 6; family += 2) {
			uint32_t i;

			for (i = 0; i < n; i++) {
				rng_bytes(&r, set[i].addr, 16);
				set[i].len = family == 4 ? 32 : 128;
			}
			ASSERT_EQ(0, fw443_lpm_build(&t, family, set, n));
			/* Random host addresses: few collide. */
			ASSERT_LE(n - n / 100, fw443_lpm_count(t));
			if (n >= 1000)
				EXPECT_GE((family == 4 ? 16 : 40) *
					  (size_t)fw443_lpm_count(t),
					  fw443_lpm_memory(t));
			fw443_lpm_free(t);
		}
	}
	free(set);
	EXPECT_NO_LEAKS();
}

TEST_HARNESS_MAIN
