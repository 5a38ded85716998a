// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <uapi/linux/fw443.h>

#include "cli.h"
#include "ruleset.h"

/* The commands a ruleset holds, by their first word. */
enum ruleset_command { CMD_ZONE, CMD_POLICY, CMD_FLOWS, CMD_BLOCK, CMD_ALLOW };

static const char *const ruleset_commands[] = {
	[CMD_ZONE] = "zone", [CMD_POLICY] = "policy", [CMD_FLOWS] = "flows",
	[CMD_BLOCK] = "block", [CMD_ALLOW] = "allow",
};

static const uint8_t ruleset_types[] = {
	[CMD_ZONE] = FW443_RULESET_ZONE, [CMD_POLICY] = FW443_RULESET_POLICY,
	[CMD_FLOWS] = FW443_RULESET_FLOWS, [CMD_BLOCK] = FW443_RULESET_LIST,
	[CMD_ALLOW] = FW443_RULESET_LIST,
};

/* The commands of the CLI that only read. */
static const char *const ruleset_reads[] = { "status", "stats", "lists" };

static bool ruleset_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

static __attribute__((format(printf, 3, 4)))
int ruleset_fail(struct fw443_parse_error *err, unsigned int col,
		 const char *fmt, ...)
{
	va_list ap;

	err->col = col;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

int fw443_ruleset_split(char *s, size_t n, struct fw443_ruleset_words *w,
			struct fw443_parse_error *err)
{
	size_t i = 0;

	w->line = s;
	w->len = n;
	w->n = 0;
	for (;;) {
		while (i < n && ruleset_is_space(s[i]))
			i++;
		if (i == n || s[i] == '#')
			return 0;
		if (w->n == FW443_RULESET_WORDS_MAX)
			return ruleset_fail(err, i + 1,
					    "more than %d words in a line",
					    FW443_RULESET_WORDS_MAX);
		w->word[w->n++] = s + i;
		while (i < n && !ruleset_is_space(s[i])) {
			if (!s[i])
				return ruleset_fail(err, i + 1,
						    "NUL byte in the line");
			i++;
		}
		s[i] = '\0';
		if (i < n)
			i++;
	}
}

/* The column of @word if it is in the line, else the command's. */
static unsigned int ruleset_col(const struct fw443_ruleset_words *w,
				const char *word)
{
	if (word && word >= w->line && word < w->line + w->len)
		return word - w->line + 1;
	return w->word[0] - w->line + 1;
}

static int ruleset_unknown(const struct fw443_ruleset_words *w,
			   struct fw443_parse_error *err)
{
	uint8_t read;

	if (!fw443_word_parse(ruleset_reads, ARRAY_SIZE(ruleset_reads),
			      w->word[0], &read))
		return ruleset_fail(err, ruleset_col(w, w->word[0]),
				    "'%s' only reads: a ruleset holds the commands that set the configuration",
				    w->word[0]);
	return ruleset_fail(err, ruleset_col(w, w->word[0]),
			    "unknown command '%.40s': a ruleset holds zone, policy, flows, block and allow commands",
			    w->word[0]);
}

/* In the CLI, such a word is an option: none means anything here. */
static int ruleset_options(const struct fw443_ruleset_words *w,
			   struct fw443_parse_error *err)
{
	int i;

	for (i = 1; i < w->n; i++) {
		if (w->word[i][0] == '-' && w->word[i][1])
			return ruleset_fail(err, ruleset_col(w, w->word[i]),
					    "%s: options have no place in a ruleset: '%.40s'",
					    w->word[0], w->word[i]);
	}
	return 0;
}

static int ruleset_args(uint8_t cmd, int argc, char *const argv[],
			struct fw443_ruleset_cmd *c, struct fw443_usage *u)
{
	struct fw443_list_args *l = &c->args.list;

	switch (c->type) {
	case FW443_RULESET_ZONE:
		return fw443_zone_args_parse(argc, argv, 0, &c->args.zone, u);
	case FW443_RULESET_POLICY:
		return fw443_policy_args_parse(argc, argv, 0, &c->args.policy,
					       u);
	case FW443_RULESET_FLOWS:
		return fw443_flows_args_parse(argc, argv, 0, &c->args.flows,
					      u);
	default:
		if (fw443_list_args_parse(argc, argv, l, u))
			return -1;
		l->kind = cmd == CMD_ALLOW ? FW443_LIST_ALLOW :
					     FW443_LIST_BLOCK;
		if (!l->name && l->op != FW443_OP_LIST)
			l->name = fw443_list_default_name(l->kind);
		return 0;
	}
}

enum ruleset_verdict { RULESET_SETS, RULESET_READS, RULESET_REMOVES };

static enum ruleset_verdict ruleset_judge(const struct fw443_ruleset_cmd *c)
{
	switch (c->type) {
	case FW443_RULESET_ZONE:
		return c->args.zone.op == FW443_ZONE_LIST ? RULESET_READS :
		       c->args.zone.op == FW443_ZONE_DEL ? RULESET_REMOVES :
		       RULESET_SETS;
	case FW443_RULESET_POLICY:
		return c->args.policy.op == FW443_POLICY_LIST ? RULESET_READS :
		       c->args.policy.op == FW443_POLICY_DEL ||
		       c->args.policy.op == FW443_POLICY_FLUSH ?
		       RULESET_REMOVES : RULESET_SETS;
	case FW443_RULESET_FLOWS:
		return c->args.flows.op == FW443_FLOWS_LIST ? RULESET_READS :
		       c->args.flows.op == FW443_FLOWS_FLUSH ?
		       RULESET_REMOVES : RULESET_SETS;
	default:
		return c->args.list.op == FW443_OP_LIST ? RULESET_READS :
		       c->args.list.op == FW443_OP_DEL ||
		       c->args.list.op == FW443_OP_DESTROY ||
		       c->args.list.op == FW443_OP_FLUSH ?
		       RULESET_REMOVES : RULESET_SETS;
	}
}

/* Reads and removals are refused: the error names the operation's word. */
static int ruleset_refuse(const struct fw443_ruleset_words *w,
			  const struct fw443_ruleset_cmd *c,
			  struct fw443_parse_error *err)
{
	const char *op = w->n > 1 ? w->word[1] : NULL;

	switch (ruleset_judge(c)) {
	case RULESET_READS:
		return ruleset_fail(err, ruleset_col(w, op),
				    "'%s list' only reads: a ruleset holds the commands that set the configuration",
				    w->word[0]);
	case RULESET_REMOVES:
		return ruleset_fail(err, ruleset_col(w, op),
				    "'%s %s' removes: a ruleset states the whole configuration, so leave out what is to go",
				    w->word[0], op);
	default:
		break;
	}
	if (c->type == FW443_RULESET_LIST && c->args.list.op == FW443_OP_LOAD &&
	    !strcmp(c->args.list.file, "-"))
		return ruleset_fail(err, ruleset_col(w, c->args.list.file),
				    "%s load: a ruleset loads from a file, not from standard input ('-')",
				    w->word[0]);
	return 0;
}

int fw443_ruleset_parse(const struct fw443_ruleset_words *w,
			struct fw443_ruleset_cmd *c,
			struct fw443_parse_error *err)
{
	struct fw443_usage u;
	uint8_t cmd;

	if (fw443_word_parse(ruleset_commands, ARRAY_SIZE(ruleset_commands),
			     w->word[0], &cmd))
		return ruleset_unknown(w, err);
	if (ruleset_options(w, err))
		return -1;
	memset(c, 0, sizeof(*c));
	c->type = ruleset_types[cmd];
	if (ruleset_args(cmd, w->n - 1, w->word + 1, c, &u))
		return ruleset_fail(err, ruleset_col(w, u.at), "%s: %s%s%.40s%s",
				    w->word[0], u.what, u.arg ? " '" : "",
				    u.arg ? u.arg : "", u.arg ? "'" : "");
	return ruleset_refuse(w, c, err);
}
