// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <string.h>
#include <sys/socket.h>
#include <uapi/linux/fw443.h>

#include "args.h"
#include "feed.h"

static __attribute__((format(printf, 3, 4)))
int feed_fail(struct fw443_parse_error *err, size_t off, const char *fmt, ...)
{
	va_list ap;

	err->col = off + 1;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

static bool feed_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

static size_t feed_skip_space(const char *s, size_t pos, size_t n)
{
	while (pos < n && feed_is_space(s[pos]))
		pos++;
	return pos;
}

static size_t feed_word_end(const char *s, size_t pos, size_t n)
{
	while (pos < n && !feed_is_space(s[pos]))
		pos++;
	return pos;
}

int fw443_feed_parse_timeout(const char *s, size_t n, uint32_t *timeout,
			     struct fw443_parse_error *err)
{
	uint64_t v = 0;

	if (fw443_parse_decimal(s, n, FW443_TIMEOUT_MAX, &v) || !v)
		return feed_fail(err, 0, "timeout '%.*s' is not 1..%u seconds",
				 (int)n, s, FW443_TIMEOUT_MAX);
	*timeout = v;
	return 0;
}

struct feed_words {
	const char *s;
	size_t n;
	size_t pos;	/* start of the current word */
	size_t end;	/* just after it */
};

static bool feed_next_word(struct feed_words *w)
{
	w->pos = feed_skip_space(w->s, w->end, w->n);
	w->end = feed_word_end(w->s, w->pos, w->n);
	return w->pos < w->n;
}

static bool feed_word_is(const struct feed_words *w, const char *kw)
{
	return w->end - w->pos == strlen(kw) &&
	       !memcmp(w->s + w->pos, kw, w->end - w->pos);
}

/* The "timeout N" and "hits N" after a prefix, each at most once. */
static int feed_parse_options(struct feed_words *w, struct fw443_feed_entry *e,
			      struct fw443_parse_error *err)
{
	bool seen_timeout = false, seen_hits = false;
	uint64_t hits;

	while (feed_next_word(w)) {
		const char *kw = w->s + w->pos;
		size_t kw_pos = w->pos, kw_len = w->end - w->pos;
		bool timeout = feed_word_is(w, "timeout");

		if ((!timeout && !feed_word_is(w, "hits")) ||
		    (timeout ? seen_timeout : seen_hits))
			return feed_fail(err, kw_pos,
					 "unexpected '%.*s' after the prefix",
					 (int)kw_len, kw);
		if (!feed_next_word(w))
			return feed_fail(err, kw_pos, "'%.*s' needs a number",
					 (int)kw_len, kw);
		if (timeout) {
			seen_timeout = true;
			if (fw443_feed_parse_timeout(w->s + w->pos,
						     w->end - w->pos,
						     &e->timeout, err))
				goto bad_value;
		} else {
			seen_hits = true;
			if (fw443_parse_decimal(w->s + w->pos, w->end - w->pos,
						UINT64_MAX, &hits))
				return feed_fail(err, w->pos,
						 "hits '%.*s' is not a counter",
						 (int)(w->end - w->pos),
						 w->s + w->pos);
		}
	}
	return 0;

bad_value:
	err->col += w->pos;
	return -1;
}

int fw443_feed_parse_line(const char *s, size_t n, struct fw443_feed_entry *e,
			  struct fw443_parse_error *err)
{
	const char *nul = memchr(s, '\0', n);
	struct feed_words w = { .s = s };
	size_t i;

	if (nul)
		return feed_fail(err, nul - s, "NUL byte in the line");
	for (i = 0; i < n && s[i] != '#' && s[i] != ';'; i++)
		;
	w.n = i;
	if (!feed_next_word(&w))
		return 0;
	memset(e, 0, sizeof(*e));
	if (fw443_prefix_parse(s + w.pos, w.end - w.pos, &e->prefix, err)) {
		err->col += w.pos;
		return -1;
	}
	return feed_parse_options(&w, e, err) ? -1 : 1;
}

void fw443_feed_init(struct fw443_feed *feed, FILE *f)
{
	memset(feed, 0, sizeof(*feed));
	feed->f = f;
	feed->limit = FW443_LIST_ENTRIES_MAX;
}

int fw443_feed_read_line(struct fw443_feed *feed, size_t *n,
			 struct fw443_parse_error *err)
{
	size_t len = 0;
	int c = EOF;

	while ((c = getc_unlocked(feed->f)) != EOF && c != '\n') {
		if (len == FW443_FEED_LINE_MAX) {
			feed->line++;
			return feed_fail(err, len, "line longer than %u bytes",
					 FW443_FEED_LINE_MAX);
		}
		feed->buf[len++] = c;
	}
	if (ferror(feed->f)) {
		feed_fail(err, 0, "read error: %s", strerror(errno));
		err->col = 0;
		return -1;
	}
	if (c == EOF && !len)
		return 0;
	feed->line++;
	feed->buf[len] = '\0';
	*n = len;
	return 1;
}

int fw443_feed_next(struct fw443_feed *feed, struct fw443_feed_entry *e,
		    struct fw443_parse_error *err)
{
	size_t n = 0;
	int ret;

	do {
		ret = fw443_feed_read_line(feed, &n, err);
		if (ret <= 0)
			return ret;
		ret = fw443_feed_parse_line(feed->buf, n, e, err);
	} while (!ret);
	if (ret < 0)
		return -1;
	if (++feed->count[e->prefix.family == AF_INET6] > feed->limit) {
		return feed_fail(err, 0,
				 "more than %u IPv%d entries: a list holds at most %u of each family",
				 feed->limit,
				 e->prefix.family == AF_INET6 ? 6 : 4,
				 feed->limit);
	}
	return 1;
}
