// SPDX-License-Identifier: GPL-2.0
#include <string.h>
#include <uapi/linux/fw443.h>

#include "cli.h"
#include "policy.h"
#include "ruleargs.h"
#include "zoneargs.h"

static const char *const policy_op_words[] = {
	[FW443_POLICY_LIST]    = "list",
	[FW443_POLICY_ADD]     = "add",
	[FW443_POLICY_DEL]     = "del",
	[FW443_POLICY_FLUSH]   = "flush",
	[FW443_POLICY_DEFAULT] = "default",
};

static const struct fw443_args_ops policy_ops = {
	policy_op_words, ARRAY_SIZE(policy_op_words), FW443_POLICY_LIST, false,
};

/* The one word after del and default; add has its own grammar. */
static const char *const policy_word[] = {
	[FW443_POLICY_DEL]     = "N",
	[FW443_POLICY_DEFAULT] = "POLICY",
};

enum rule_keyword {
	KW_FROM,
	KW_TO,
	KW_SRC,
	KW_DST,
	KW_INDEX,
};

static const char *const rule_keywords[] = {
	[KW_FROM] = "from", [KW_TO] = "to", [KW_SRC] = "src", [KW_DST] = "dst",
	[KW_INDEX] = "index",
};

static int rule_zone(const char *word, char *zone, struct fw443_usage *u)
{
	if (fw443_zone_name_check(word, false, u))
		return -1;
	strcpy(zone, word);
	return 0;
}

static int rule_index(const char *word, uint32_t *index,
		      struct fw443_usage *u)
{
	return fw443_args_number(word, 1, FW443_RULES_MAX, "a rule number", "",
				 index, u);
}

static int rule_value(uint8_t kw, const char *value, struct fw443_rule *r,
		      uint32_t *index, struct fw443_usage *u)
{
	switch (kw) {
	case KW_FROM:
		return rule_zone(value, r->from, u);
	case KW_TO:
		return rule_zone(value, r->to, u);
	case KW_INDEX:
		return rule_index(value, index, u);
	default:
		return fw443_args_end(kw == KW_DST, value, &r->ends, u);
	}
}

int fw443_rule_args_parse(int argc, char *const argv[], struct fw443_rule *r,
			  uint32_t *index, struct fw443_usage *u)
{
	struct fw443_args_keywords kw = {
		rule_keywords, ARRAY_SIZE(rule_keywords), 0, 0,
	};
	bool has_action = false;
	const char *value;
	uint8_t action;
	int i, k;

	memset(r, 0, sizeof(*r));
	*index = 0;
	for (i = 0; i < argc; i++) {
		/* The action is a word of its own. */
		if (!fw443_action_parse(argv[i], &action)) {
			if (has_action)
				return fw443_args_fail(u,
						       "a rule has one action, not also",
						       argv[i]);
			has_action = true;
			r->action = action;
			continue;
		}
		k = fw443_args_keyword(&kw, argc, argv, &i, &value, u);
		if (k < 0 || rule_value(k, value, r, index, u))
			return -1;
	}
	if (!(kw.seen & (1u << KW_FROM)))
		return fw443_args_fail(u, "missing from ZONE", NULL);
	if (!(kw.seen & (1u << KW_TO)))
		return fw443_args_fail(u, "missing to ZONE", NULL);
	if (!has_action)
		return fw443_args_fail(u, "missing accept or drop", NULL);
	return 0;
}

int fw443_policy_args_parse(int argc, char *const argv[], unsigned int opts,
			    struct fw443_policy_args *a,
			    struct fw443_usage *u)
{
	memset(a, 0, sizeof(*a));
	if (fw443_args_op(&policy_ops, argc, argv, opts, &a->op, u) < 0)
		return -1;
	if (a->op == FW443_POLICY_ADD)
		return fw443_rule_args_parse(argc - 1, argv + 1, &a->rule,
					     &a->index, u);
	if (fw443_args_positional(argc, argv, &policy_word[a->op],
				  policy_word[a->op] ? 1 : 0, u))
		return -1;
	if (a->op == FW443_POLICY_DEL)
		return rule_index(argv[1], &a->index, u);
	if (a->op == FW443_POLICY_DEFAULT &&
	    fw443_policy_parse(argv[1], &a->policy))
		return fw443_args_fail(u,
				       "the default policy is accept, drop or none, not",
				       argv[1]);
	return 0;
}
