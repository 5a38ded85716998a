// SPDX-License-Identifier: GPL-2.0
#include <uapi/linux/fw443.h>

#include "args.h"
#include "cli.h"
#include "policy.h"

static const char *const policy_names[__FW443_POLICY_MAX] = {
	[FW443_POLICY_NONE]   = "none",
	[FW443_POLICY_ACCEPT] = "accept",
	[FW443_POLICY_DROP]   = "drop",
};

static const char *const action_names[__FW443_ACTION_MAX] = {
	[FW443_ACTION_ACCEPT] = "accept",
	[FW443_ACTION_DROP]   = "drop",
};

const char *fw443_policy_name(uint8_t policy)
{
	return fw443_word_name(policy_names, ARRAY_SIZE(policy_names), policy);
}

int fw443_policy_parse(const char *word, uint8_t *policy)
{
	return fw443_word_parse(policy_names, ARRAY_SIZE(policy_names), word,
				policy);
}

const char *fw443_action_name(uint8_t action)
{
	return fw443_word_name(action_names, ARRAY_SIZE(action_names), action);
}

int fw443_action_parse(const char *word, uint8_t *action)
{
	return fw443_word_parse(action_names, ARRAY_SIZE(action_names), word,
				action);
}
