// SPDX-License-Identifier: GPL-2.0
/*
 * kmod/lpm.c at feed scale, for callgrind: builds one table, updates it once
 * each way, then looks up a batch of addresses prepared beforehand, so that
 * fw443_lpm_lookup's inclusive cost divided by the batch size is the cost of
 * one lookup.
 *
 *   lpm_bench 4|6 ENTRIES LOOKUPS random|hit [FEED]
 *
 * The table holds the prefixes of FEED (a netset, a Spamhaus DROP file or a
 * bogons list: one address or prefix per line, '#' and ';' comments), shuffled
 * and cut to ENTRIES, padded with random prefixes whose lengths follow the
 * FEED's mix of lengths from /16 up. ENTRIES 0 means exactly the FEED. Without a FEED the
 * mix below stands in. "random" looks up uniformly random addresses; "hit"
 * looks up random addresses inside random stored prefixes, the harder case.
 */
#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lpm.h"

/* Per length, out of 1000: FireHOL level 1 (IPv4), Team Cymru bogons (IPv6). */
static const struct { uint8_t len; uint16_t per_mille; } mix4[] = {
	{ 16, 29 }, { 17, 5 }, { 18, 9 },
	{ 19, 16 }, { 20, 34 }, { 21, 37 }, { 22, 170 }, { 23, 216 },
	{ 24, 478 }, { 26, 1 },
};
static const struct { uint8_t len; uint16_t per_mille; } mix6[] = {
	{ 24, 10 }, { 28, 85 }, { 29, 100 }, { 30, 64 }, { 31, 64 },
	{ 32, 256 }, { 36, 20 }, { 40, 23 }, { 44, 49 }, { 48, 329 },
};

#define PAD_MIN_LEN	16

static uint64_t rng_state = 0x5eed;

static uint64_t rng_next(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void random_bytes(uint8_t *p, size_t n)
{
	while (n--)
		*p++ = rng_next();
}

static void die(const char *what)
{
	perror(what);
	exit(1);
}

/* Appends FEED's prefixes of this family to *set; returns their count. */
static uint32_t read_feed(const char *path, int family,
			  struct fw443_prefix **set, uint32_t cap)
{
	FILE *f = fopen(path, "r");
	char line[256];
	uint32_t n = 0;

	if (!f)
		die(path);
	while (fgets(line, sizeof(line), f)) {
		char *slash, *end = line + strcspn(line, " \t;#\r\n");
		struct fw443_prefix p = { { 0 }, family == 4 ? 32 : 128 };

		*end = 0;
		slash = strchr(line, '/');
		if (slash) {
			*slash = 0;
			p.len = atoi(slash + 1);
		}
		if (inet_pton(family == 4 ? AF_INET : AF_INET6, line,
			      p.addr) != 1)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 4096;
			*set = realloc(*set, cap * sizeof(**set));
			if (!*set)
				die("realloc");
		}
		(*set)[n++] = p;
	}
	fclose(f);
	return n;
}

int main(int argc, char **argv)
{
	struct fw443_lpm *t, *t2, *t3;
	struct fw443_prefix *set = NULL, extra = { { 0 }, 0 };
	uint32_t entries, lookups, feed = 0, n, i, hits = 0;
	uint32_t hist[129] = { 0 }, total = 0;
	int family, bytes, err;
	uint8_t *addrs;

	if (argc < 5 || argc > 6) {
		fprintf(stderr,
			"usage: %s 4|6 ENTRIES LOOKUPS random|hit [FEED]\n",
			argv[0]);
		return 2;
	}
	family = atoi(argv[1]);
	bytes = family == 4 ? 4 : 16;
	entries = strtoul(argv[2], NULL, 0);
	lookups = strtoul(argv[3], NULL, 0);
	if (argc == 6)
		feed = read_feed(argv[5], family, &set, 0);

	/*
	 * The length mix: the feed's, else the built-in one. Padding leaves out
	 * lengths under PAD_MIN_LEN: a handful of /3s and /8s in a feed, scaled to
	 * a million random prefixes, would cover every address many times over.
	 */
	for (i = 0; i < feed; i++)
		if (set[i].len >= PAD_MIN_LEN)
			hist[set[i].len]++;
	if (!feed) {
		for (i = 0; family == 4 && i < sizeof(mix4) / sizeof(mix4[0]); i++)
			hist[mix4[i].len] = mix4[i].per_mille;
		for (i = 0; family == 6 && i < sizeof(mix6) / sizeof(mix6[0]); i++)
			hist[mix6[i].len] = mix6[i].per_mille;
	}
	for (i = 0; i <= 128; i++)
		total += hist[i];

	n = entries ? entries : feed;
	set = realloc(set, (n > feed ? n : feed) * sizeof(*set) + 1);
	if (!set)
		die("realloc");
	for (i = feed; i-- > 1;) {	/* shuffle the feed */
		uint32_t j = rng_next() % (i + 1);
		struct fw443_prefix tmp = set[i];

		set[i] = set[j];
		set[j] = tmp;
	}
	for (i = feed; i < n; i++) {
		uint32_t x = rng_next() % total, len = 0;

		while (x >= hist[len])
			x -= hist[len++];
		memset(&set[i], 0, sizeof(set[i]));
		random_bytes(set[i].addr, bytes);
		set[i].len = len;
	}

	err = fw443_lpm_build(&t, family, set, n);
	if (err) {
		fprintf(stderr, "build: %s\n", strerror(-err));
		return 1;
	}
	printf("IPv%d: %u prefixes given (%u from the feed), %u stored, %zu bytes, %.2f bytes/prefix\n",
	       family, n, feed < n ? feed : n, fw443_lpm_count(t),
	       fw443_lpm_memory(t),
	       (double)fw443_lpm_memory(t) / fw443_lpm_count(t));

	/* One update each way: with, then without again. */
	random_bytes(extra.addr, bytes);
	extra.len = bytes * 8;
	if (fw443_lpm_with(&t2, t, &extra) ||
	    fw443_lpm_without(&t3, t2, &extra)) {
		fprintf(stderr, "update failed\n");
		return 1;
	}
	fw443_lpm_free(t2);
	fw443_lpm_free(t3);

	addrs = malloc((size_t)lookups * bytes);
	if (!addrs)
		die("malloc");
	random_bytes(addrs, (size_t)lookups * bytes);
	if (!strcmp(argv[4], "hit")) {
		uint32_t count = fw443_lpm_count(t);

		for (i = 0; i < lookups && count; i++) {
			struct fw443_prefix e;
			uint8_t *a = addrs + (size_t)i * bytes;
			int b;

			fw443_lpm_entry(t, rng_next() % count, &e);
			for (b = 0; b < e.len; b++) {
				uint8_t bit = 0x80 >> (b % 8);

				a[b / 8] = (a[b / 8] & ~bit) | (e.addr[b / 8] & bit);
			}
		}
	}
	for (i = 0; i < lookups; i++)
		hits += fw443_lpm_lookup(t, addrs + (size_t)i * bytes) >= 0;
	printf("%u lookups (%s), %u matched\n", lookups, argv[4], hits);

	free(addrs);
	free(set);
	fw443_lpm_free(t);
	return 0;
}
