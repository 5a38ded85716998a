/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The words of the connection policy: the default policy (enum
 * fw443_policy) and the actions of rules (enum fw443_action). Pure.
 */
#ifndef FW443_POLICY_H
#define FW443_POLICY_H

#include <stdint.h>

/* "none", "accept", "drop"; "unknown" for a newer module's. */
const char *fw443_policy_name(uint8_t policy);
/* Returns 0 with *@policy set, or -1 for a word that is not one. */
int fw443_policy_parse(const char *word, uint8_t *policy);

/* "accept", "drop"; "unknown" for a newer module's. */
const char *fw443_action_name(uint8_t action);
/* Returns 0 with *@action set, or -1 for a word that is not one. */
int fw443_action_parse(const char *word, uint8_t *action);

#endif
