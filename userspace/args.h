/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the grammars of the commands (listargs.c, zoneargs.c, ruleargs.c,
 * flowargs.c) share: usage errors, keywords given at most once, the value
 * after a keyword, prefixes and numbers as words, and tables of names.
 * Pure: no I/O.
 */
#ifndef FW443_ARGS_H
#define FW443_ARGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "attr.h"
#include "prefix.h"

/* A usage error: "WHAT 'ARG'", as fw443_cli_usage_error() prints it. */
struct fw443_usage {
	const char *what;
	const char *arg;	/* the offending word, or NULL */
	/*
	 * The word at fault, or NULL: @arg, or the word @what quotes itself.
	 * A ruleset names its column.
	 */
	const char *at;
	char buf[FW443_ERROR_LEN];	/* @what, when it had to be composed */
};

/* Sets @u (@u->at to @arg) and returns -1. */
int fw443_args_fail(struct fw443_usage *u, const char *what, const char *arg);

/* Like fw443_args_fail(), with @what composed in @u->buf. */
int fw443_args_failf(struct fw443_usage *u, const char *arg,
		     const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The operations of a command. */
struct fw443_args_ops {
	const char *const *words;	/* by operation */
	size_t n;
	uint8_t list;	/* the operation without a word, the one of -j */
	bool bare;	/* list's keywords may come without "list" */
};

/*
 * The operation of a command: argv[0] looked up in @ops, or @ops->list when
 * there are no words (or, with @ops->bare, when argv[0] is no operation);
 * -j in @opts goes with list only. Returns how many words the operation
 * took (0 or 1) with *@op set, or -1 with @u set.
 */
int fw443_args_op(const struct fw443_args_ops *ops, int argc,
		  char *const argv[], unsigned int opts, uint8_t *op,
		  struct fw443_usage *u);

/*
 * Checks that the operation argv[0] is followed by exactly the @n words
 * @names[] stands for ("IFNAME", ...). Returns 0, or -1 with @u saying
 * "OP: missing NAME" or naming the first word too many. No words at all
 * (the operation by default) are fine.
 */
int fw443_args_positional(int argc, char *const argv[],
			  const char *const *names, int n,
			  struct fw443_usage *u);

/* KEYWORD VALUE pairs in any order. */
struct fw443_args_keywords {
	const char *const *words;	/* by keyword */
	size_t n;
	unsigned int repeat;	/* bits (1 << keyword) of those that repeat */
	unsigned int seen;	/* bits of those seen so far */
};

/*
 * The keyword at argv[*i], and its value, at which it leaves *@i and
 * *@value. Returns the keyword, or -1 with @u set: not a keyword, one given
 * twice, or one without a value.
 */
int fw443_args_keyword(struct fw443_args_keywords *kw, int argc,
		       char *const argv[], int *i, const char **value,
		       struct fw443_usage *u);

/*
 * A prefix word. With @match, /0 is allowed (a rule or a filter that
 * matches a whole family); otherwise it is refused, as for list entries.
 * Returns 0, or -1 with @u set.
 */
int fw443_args_prefix(const char *word, bool match,
		      struct fw443_addr_prefix *p, struct fw443_usage *u);

/*
 * The prefix after "src" (or, with @dst, "dst") of a rule or a filter into
 * @e: /0 is allowed, and src and dst are of one IP version. Returns 0, or
 * -1 with @u set.
 */
int fw443_args_end(bool dst, const char *word, struct fw443_ends *e,
		   struct fw443_usage *u);

/*
 * A decimal number @min..@max. Returns 0, or -1 with @u saying "@name is
 * @min to @max@unit, not 'WORD'".
 */
int fw443_args_number(const char *word, uint32_t min, uint32_t max,
		      const char *name, const char *unit, uint32_t *v,
		      struct fw443_usage *u);

/*
 * The @n bytes at @s as a decimal number (digits only: no sign, no space).
 * Returns 0 with *@out set if it is at most @max, 1 if it is larger, -1 if
 * it is not a number.
 */
int fw443_parse_decimal(const char *s, size_t n, uint64_t max, uint64_t *out);

/*
 * Sets *@value to the index of @word in @names[0..@n-1] (NULL entries never
 * match) and returns 0, or returns -1 when it is not there.
 */
int fw443_word_parse(const char *const *names, size_t n, const char *word,
		     uint8_t *value);

/* @names[@v], or "unknown" for a value past the table (a newer module's). */
const char *fw443_word_name(const char *const *names, size_t n,
			    unsigned int v);

#endif
