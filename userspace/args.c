// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "cli.h"

int fw443_args_fail(struct fw443_usage *u, const char *what, const char *arg)
{
	u->what = what;
	u->arg = arg;
	u->at = arg;
	return -1;
}

int fw443_args_failf(struct fw443_usage *u, const char *arg,
		     const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(u->buf, sizeof(u->buf), fmt, ap);
	va_end(ap);
	return fw443_args_fail(u, u->buf, arg);
}

int fw443_args_op(const struct fw443_args_ops *ops, int argc,
		  char *const argv[], unsigned int opts, uint8_t *op,
		  struct fw443_usage *u)
{
	int took = argc > 0;

	*op = ops->list;
	if (took && fw443_word_parse(ops->words, ops->n, argv[0], op)) {
		if (!ops->bare)
			return fw443_args_fail(u, "unknown operation", argv[0]);
		took = 0;
	}
	if ((opts & FW443_OPT_JSON) && *op != ops->list)
		return fw443_args_fail(u, "-j only goes with",
				       ops->words[ops->list]);
	return took;
}

int fw443_args_positional(int argc, char *const argv[],
			  const char *const *names, int n,
			  struct fw443_usage *u)
{
	if (!argc)
		return 0;
	if (argc - 1 < n)
		return fw443_args_failf(u, NULL, "%s: missing %s", argv[0],
					names[argc - 1]);
	if (argc - 1 > n)
		return fw443_args_fail(u, "unexpected argument", argv[n + 1]);
	return 0;
}

int fw443_args_keyword(struct fw443_args_keywords *kw, int argc,
		       char *const argv[], int *i, const char **value,
		       struct fw443_usage *u)
{
	const char *word = argv[*i];
	uint8_t k;

	if (fw443_word_parse(kw->words, kw->n, word, &k))
		return fw443_args_fail(u, "unexpected argument", word);
	if (kw->seen & ~kw->repeat & (1u << k))
		return fw443_args_fail(u, "given twice:", word);
	kw->seen |= 1u << k;
	if (*i + 1 >= argc)
		return fw443_args_fail(u, "missing value after", word);
	*value = argv[++*i];
	return k;
}

int fw443_args_prefix(const char *word, bool match,
		      struct fw443_addr_prefix *p, struct fw443_usage *u)
{
	struct fw443_parse_error err;
	int ret;

	ret = match ? fw443_prefix_parse_match(word, strlen(word), p, &err) :
		      fw443_prefix_parse(word, strlen(word), p, &err);
	if (!ret)
		return 0;
	fw443_args_failf(u, NULL, "bad prefix '%.40s': %.100s", word, err.msg);
	u->at = word;
	return -1;
}

int fw443_args_end(bool dst, const char *word, struct fw443_ends *e,
		   struct fw443_usage *u)
{
	struct fw443_addr_prefix *p = dst ? &e->dst : &e->src;
	bool *has = dst ? &e->has_dst : &e->has_src;

	if (fw443_args_prefix(word, true, p, u))
		return -1;
	*has = true;
	if (e->has_src && e->has_dst && e->src.family != e->dst.family)
		return fw443_args_fail(u, "src and dst must be of one IP version",
				       NULL);
	return 0;
}

int fw443_parse_decimal(const char *s, size_t n, uint64_t max, uint64_t *out)
{
	uint64_t v = 0;
	size_t i;

	if (!n)
		return -1;
	for (i = 0; i < n; i++) {
		unsigned int d = s[i] - '0';

		if (d > 9)
			return -1;
		if (v > (max - d) / 10)
			return 1;
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

int fw443_args_number(const char *word, uint32_t min, uint32_t max,
		      const char *name, const char *unit, uint32_t *v,
		      struct fw443_usage *u)
{
	uint64_t n;

	if (fw443_parse_decimal(word, strlen(word), max, &n) || n < min)
		return fw443_args_failf(u, word, "%s is %u to %u%s, not", name,
					min, max, unit);
	*v = n;
	return 0;
}

int fw443_word_parse(const char *const *names, size_t n, const char *word,
		     uint8_t *value)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (names[i] && !strcmp(word, names[i])) {
			*value = i;
			return 0;
		}
	}
	return -1;
}

const char *fw443_word_name(const char *const *names, size_t n,
			    unsigned int v)
{
	return v < n && names[v] ? names[v] : "unknown";
}
