/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The TCP states of a flow (enum fw443_flow_state) by name, and the
 * timeouts per state: put into FLOWS_SET requests, read from GET_STATUS
 * replies, shown as "STATE SECONDS" pairs or a JSON object. Pure: writes
 * only to the FILE * it is given.
 */
#ifndef FW443_FLOWSTATE_H
#define FW443_FLOWSTATE_H

#include <stdint.h>
#include <stdio.h>
#include <jansson.h>
#include <libmnl/libmnl.h>
#include <uapi/linux/fw443.h>

#include "attr.h"

/* What fw443_flow_state_parse() says a word that is not a state is not. */
#define FW443_FLOW_STATES_TEXT \
	"syn_sent, syn_sent2, syn_recv, established, fin_wait, close_wait, last_ack, time_wait or close"

/* Seconds per state, indexed by enum fw443_flow_state; 0: none given. */
struct fw443_timeouts {
	uint32_t secs[__FW443_FLOW_STATE_MAX];
};

/*
 * The timeouts a namespace starts with, as the module sets them
 * (fw443_tcp_default_timeouts in kmod/tcp_state.c): the UAPI does not tell
 * them, and a ruleset that gives none must have them back.
 */
extern const struct fw443_timeouts fw443_default_timeouts;

/* "syn_sent", ...; "unknown" for a state of a newer module. */
const char *fw443_flow_state_name(uint8_t state);

/*
 * The state named @word: one a flow can be in, so not "none". Returns 0
 * with *@state set, or -1.
 */
int fw443_flow_state_parse(const char *word, uint8_t *state);

/* Puts a FW443_A_TIMEOUTS nest with the states given in @t. */
void fw443_timeouts_put(struct nlmsghdr *nlh, const struct fw443_timeouts *t);

/*
 * Reads a FW443_A_TIMEOUTS nest into @t (zeroed first); states this tool
 * does not know are skipped. Returns 0, or -1 with @err set.
 */
int fw443_timeouts_parse(const struct nlattr *nest, struct fw443_timeouts *t,
			 struct fw443_error *err);

/* " STATE SECONDS" for each state given in @t, in the order of the enum. */
void fw443_timeouts_print(const struct fw443_timeouts *t, FILE *f);

/* {"STATE":SECONDS,...} for each state given in @t; NULL out of memory. */
json_t *fw443_timeouts_to_json(const struct fw443_timeouts *t);

#endif
