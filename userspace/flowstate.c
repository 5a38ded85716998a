// SPDX-License-Identifier: GPL-2.0
#include <string.h>

#include "args.h"
#include "cli.h"
#include "flowstate.h"

static const char *const state_names[__FW443_FLOW_STATE_MAX] = {
	[FW443_FLOW_NONE]	 = "none",
	[FW443_FLOW_SYN_SENT]	 = "syn_sent",
	[FW443_FLOW_SYN_SENT2]	 = "syn_sent2",
	[FW443_FLOW_SYN_RECV]	 = "syn_recv",
	[FW443_FLOW_ESTABLISHED] = "established",
	[FW443_FLOW_FIN_WAIT]	 = "fin_wait",
	[FW443_FLOW_CLOSE_WAIT]	 = "close_wait",
	[FW443_FLOW_LAST_ACK]	 = "last_ack",
	[FW443_FLOW_TIME_WAIT]	 = "time_wait",
	[FW443_FLOW_CLOSE]	 = "close",
};

#define MINUTE	60
#define DAY	(24 * 60 * MINUTE)

const struct fw443_timeouts fw443_default_timeouts = { {
	[FW443_FLOW_SYN_SENT]	 = 2 * MINUTE,
	[FW443_FLOW_SYN_SENT2]	 = 2 * MINUTE,
	[FW443_FLOW_SYN_RECV]	 = 60,
	[FW443_FLOW_ESTABLISHED] = 5 * DAY,
	[FW443_FLOW_FIN_WAIT]	 = 2 * MINUTE,
	[FW443_FLOW_CLOSE_WAIT]	 = 60,
	[FW443_FLOW_LAST_ACK]	 = 30,
	[FW443_FLOW_TIME_WAIT]	 = 2 * MINUTE,
	[FW443_FLOW_CLOSE]	 = 10,
} };

const char *fw443_flow_state_name(uint8_t state)
{
	return fw443_word_name(state_names, ARRAY_SIZE(state_names), state);
}

int fw443_flow_state_parse(const char *word, uint8_t *state)
{
	if (fw443_word_parse(state_names, ARRAY_SIZE(state_names), word,
			     state) || *state == FW443_FLOW_NONE)
		return -1;
	return 0;
}

void fw443_timeouts_put(struct nlmsghdr *nlh, const struct fw443_timeouts *t)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, FW443_A_TIMEOUTS);
	uint16_t s;

	for (s = 0; s <= FW443_FLOW_STATE_MAX; s++) {
		if (t->secs[s])
			mnl_attr_put_u32(nlh, s, t->secs[s]);
	}
	mnl_attr_nest_end(nlh, nest);
}

struct timeouts_parse {
	struct fw443_timeouts *t;
	struct fw443_error *err;
};

static int timeouts_cb(const struct nlattr *attr, void *data)
{
	struct timeouts_parse *p = data;
	uint16_t s = mnl_attr_get_type(attr);

	if (s > FW443_FLOW_STATE_MAX)
		return MNL_CB_OK;
	if (mnl_attr_validate(attr, MNL_TYPE_U32) < 0) {
		fw443_error_set(p->err,
				"timeouts: malformed timeout of state %s (%u-byte payload)",
				state_names[s], mnl_attr_get_payload_len(attr));
		return MNL_CB_ERROR;
	}
	p->t->secs[s] = mnl_attr_get_u32(attr);
	return MNL_CB_OK;
}

int fw443_timeouts_parse(const struct nlattr *nest, struct fw443_timeouts *t,
			 struct fw443_error *err)
{
	struct timeouts_parse p = { t, err };

	memset(t, 0, sizeof(*t));
	return fw443_attr_walk_nested(nest, timeouts_cb, &p, "timeouts", err);
}

void fw443_timeouts_print(const struct fw443_timeouts *t, FILE *f)
{
	int s;

	for (s = 0; s <= FW443_FLOW_STATE_MAX; s++) {
		if (t->secs[s])
			fprintf(f, " %s %u", state_names[s], t->secs[s]);
	}
}

json_t *fw443_timeouts_to_json(const struct fw443_timeouts *t)
{
	json_t *obj = json_object();
	int s;

	for (s = 0; obj && s <= FW443_FLOW_STATE_MAX; s++) {
		if (t->secs[s] &&
		    json_object_set_new(obj, state_names[s],
					json_integer(t->secs[s]))) {
			json_decref(obj);
			return NULL;
		}
	}
	return obj;
}
