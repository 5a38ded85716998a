/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lines of a list file, as "block load" reads them and "block list NAME"
 * writes them. Pure: reads from a FILE * it is given, writes nothing.
 *
 *   line    := [PREFIX [timeout SECONDS] [hits N]] [COMMENT]
 *   COMMENT := ('#' | ';') anything
 *
 * Blank lines and comments are skipped, space and tabs around words and a
 * CR before the LF are allowed: that reads FireHOL .netset/.ipset files,
 * Spamhaus DROP ("PREFIX ; SBLnnn") and plain address lists as they come.
 * "hits" is accepted so listings load back, and ignored: counters start at 0.
 */
#ifndef FW443_FEED_H
#define FW443_FEED_H

#include <stdint.h>
#include <stdio.h>

#include "prefix.h"

/* Longer lines are an error: no feed has them, and memory stays bounded. */
#define FW443_FEED_LINE_MAX	4096

struct fw443_feed_entry {
	struct fw443_addr_prefix prefix;
	uint32_t timeout;	/* seconds, 0 for none */
};

struct fw443_feed {
	FILE *f;
	unsigned long line;	/* number of the line last read, from 1 */
	uint32_t limit;		/* entries per family; FW443_LIST_ENTRIES_MAX */
	uint32_t count[2];	/* entries read so far: IPv4, IPv6 */
	char buf[FW443_FEED_LINE_MAX + 1];	/* a line, then a NUL */
};

void fw443_feed_init(struct fw443_feed *feed, FILE *f);

/*
 * Reads the next line into @feed->buf, without its LF and NUL-terminated,
 * for readers of files of other lines (a ruleset). Returns 1 with its
 * length in *@n, 0 at the end, or -1 with @err set.
 */
int fw443_feed_read_line(struct fw443_feed *feed, size_t *n,
			 struct fw443_parse_error *err);

/*
 * Reads up to the next entry. Returns 1 with @e filled, 0 at the end, or -1
 * with @err saying what is wrong at column @err->col of line @feed->line.
 */
int fw443_feed_next(struct fw443_feed *feed, struct fw443_feed_entry *e,
		    struct fw443_parse_error *err);

/*
 * One line of @n bytes, without its LF. Returns 1 with @e filled, 0 for a
 * line without an entry, or -1 with @err set.
 */
int fw443_feed_parse_line(const char *s, size_t n, struct fw443_feed_entry *e,
			  struct fw443_parse_error *err);

/* A timeout word: 1..FW443_TIMEOUT_MAX seconds. Returns 0 or -1. */
int fw443_feed_parse_timeout(const char *s, size_t n, uint32_t *timeout,
			     struct fw443_parse_error *err);

#endif
