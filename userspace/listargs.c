// SPDX-License-Identifier: GPL-2.0
#include <ctype.h>
#include <string.h>
#include <uapi/linux/fw443.h>

#include "cli.h"
#include "lists.h"
#include "listargs.h"

enum args_word {
	ARG_NONE,
	ARG_PREFIX,
	ARG_NAME,
	ARG_FILE,
};

#define KW_LIST		(1u << 0)
#define KW_TIMEOUT	(1u << 1)
#define KW_DIRECTION	(1u << 2)
#define KW_COUNTERS	(1u << 3)

static const struct args_syntax {
	const char *word;
	enum fw443_list_op op;
	enum args_word pos[2];	/* positional words, in order */
	unsigned int required;	/* how many of them must be there */
	unsigned int keywords;
	unsigned int opts;	/* options besides -h */
} args_syntax[] = {
	{ "add", FW443_OP_ADD, { ARG_PREFIX }, 1, KW_LIST | KW_TIMEOUT, 0 },
	{ "del", FW443_OP_DEL, { ARG_PREFIX }, 1, KW_LIST, 0 },
	{ "create", FW443_OP_CREATE, { ARG_NAME }, 1,
	  KW_DIRECTION | KW_COUNTERS, 0 },
	{ "destroy", FW443_OP_DESTROY, { ARG_NAME }, 1, 0, 0 },
	{ "flush", FW443_OP_FLUSH, { ARG_NAME }, 1, 0, 0 },
	{ "load", FW443_OP_LOAD, { ARG_NAME, ARG_FILE }, 2,
	  KW_DIRECTION | KW_COUNTERS, 0 },
	{ "list", FW443_OP_LIST, { ARG_NAME }, 0, 0, FW443_OPT_JSON },
};

static const char *const keyword_names[] = {
	"list", "timeout", "direction", "counters",
};

static const char *const word_names[] = {
	[ARG_PREFIX] = "PREFIX", [ARG_NAME] = "NAME", [ARG_FILE] = "FILE",
};

const char *fw443_list_default_name(uint8_t kind)
{
	return kind == FW443_LIST_ALLOW ? "manual-allow" : "manual";
}

int fw443_list_name_check(const char *name)
{
	size_t i, n = strlen(name);

	if (!n || n >= FW443_LIST_NAME_MAX)
		return -1;
	for (i = 0; i < n; i++) {
		if (!isalnum((unsigned char)name[i]) && !strchr("_-.", name[i]))
			return -1;
	}
	return 0;
}

static int args_name(const char *word, const char **name,
		     struct fw443_usage *u)
{
	if (fw443_list_name_check(word))
		return fw443_args_fail(u,
				       "a list name is 1 to 31 letters, digits, '_', '-' or '.', not",
				       word);
	*name = word;
	return 0;
}

static int args_positional(enum args_word kind, const char *word,
			   struct fw443_list_args *a, struct fw443_usage *u)
{
	switch (kind) {
	case ARG_PREFIX:
		return fw443_args_prefix(word, false, &a->prefix, u);
	case ARG_NAME:
		return args_name(word, &a->name, u);
	case ARG_FILE:
		a->file = word;
		return 0;
	default:
		return fw443_args_fail(u, "unexpected argument", word);
	}
}

static unsigned int args_keyword(const char *word)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(keyword_names); i++) {
		if (!strcmp(word, keyword_names[i]))
			return 1u << i;
	}
	return 0;
}

/* The keyword @kw at argv[*i], and its value if it takes one. */
static int args_keyword_value(unsigned int kw, int argc, char *const argv[],
			      int *i, struct fw443_list_args *a,
			      struct fw443_usage *u)
{
	const char *value;

	if (kw == KW_COUNTERS) {
		a->flags |= FW443_LIST_F_COUNTERS;
		return 0;
	}
	if (*i + 1 >= argc)
		return fw443_args_fail(u, "missing value after", argv[*i]);
	value = argv[++*i];
	if (kw == KW_LIST)
		return args_name(value, &a->name, u);
	if (kw == KW_DIRECTION) {
		if (fw443_list_direction_parse(value, &a->direction))
			return fw443_args_fail(u,
					       "direction is in, out or both, not",
					       value);
		return 0;
	}
	return fw443_args_number(value, 1, FW443_TIMEOUT_MAX, "timeout",
				 " seconds", &a->timeout, u);
}

static const struct args_syntax *args_find(const char *word)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(args_syntax); i++) {
		if (!strcmp(word, args_syntax[i].word))
			return &args_syntax[i];
	}
	return NULL;
}

static int args_option(const struct args_syntax *syn, char *const argv[],
		       int i, struct fw443_list_args *a, struct fw443_usage *u)
{
	const char *bad = NULL;

	if (fw443_cli_parse_opts(1, argv + i, FW443_OPT_HELP | syn->opts,
				 &a->opts, &bad) < 0)
		return fw443_args_fail(u, "unknown option", bad);
	return 0;
}

int fw443_list_args_parse(int argc, char *const argv[],
			  struct fw443_list_args *a, struct fw443_usage *u)
{
	const struct args_syntax *syn;
	unsigned int npos = 0, seen = 0;
	int i;

	memset(a, 0, sizeof(*a));
	if (argc < 1)
		return fw443_args_fail(u, "missing operation: add, del, create, destroy, flush, load or list",
				       NULL);
	syn = args_find(argv[0]);
	if (!syn)
		return fw443_args_fail(u, "unknown operation", argv[0]);
	a->op = syn->op;
	for (i = 1; i < argc; i++) {
		const char *word = argv[i];
		unsigned int kw;

		if (word[0] == '-' && word[1] != '\0') {
			if (args_option(syn, argv, i, a, u))
				return -1;
			if (a->opts & FW443_OPT_HELP)
				return 0;
			continue;
		}
		if (npos < ARRAY_SIZE(syn->pos) && syn->pos[npos] != ARG_NONE) {
			if (args_positional(syn->pos[npos++], word, a, u))
				return -1;
			continue;
		}
		kw = args_keyword(word) & syn->keywords;
		if (!kw)
			return fw443_args_fail(u, "unexpected argument", word);
		if (seen & kw)
			return fw443_args_fail(u, "given twice:", word);
		seen |= kw;
		if (args_keyword_value(kw, argc, argv, &i, a, u))
			return -1;
	}
	if (npos < syn->required)
		return fw443_args_failf(u, NULL, "%s: missing %s", syn->word,
					word_names[syn->pos[npos]]);
	return 0;
}
