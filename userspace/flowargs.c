// SPDX-License-Identifier: GPL-2.0
#include <string.h>
#include <uapi/linux/fw443.h>

#include "cli.h"
#include "flowargs.h"

static const char *const flows_op_words[] = {
	[FW443_FLOWS_LIST]  = "list",
	[FW443_FLOWS_SET]   = "set",
	[FW443_FLOWS_FLUSH] = "flush",
};

static const struct fw443_args_ops flows_ops = {
	flows_op_words, ARRAY_SIZE(flows_op_words), FW443_FLOWS_LIST, true,
};

enum filter_keyword { KW_SRC, KW_DST, KW_STATE };

static const char *const filter_keywords[] = {
	[KW_SRC] = "src", [KW_DST] = "dst", [KW_STATE] = "state",
};

enum set_keyword { KW_MAX, KW_PICKUP, KW_TIMEOUT };

static const char *const set_keywords[] = {
	[KW_MAX] = "max", [KW_PICKUP] = "pickup", [KW_TIMEOUT] = "timeout",
};

static const char *const pickup_words[] = { "off", "on" };

static int flows_state(const char *word, uint8_t *state,
		       struct fw443_usage *u)
{
	if (fw443_flow_state_parse(word, state))
		return fw443_args_fail(u,
				       "a state is " FW443_FLOW_STATES_TEXT ", not",
				       word);
	return 0;
}

static int filter_value(int kw, const char *value,
			struct fw443_flow_filter *f, struct fw443_usage *u)
{
	if (kw == KW_STATE) {
		f->has_state = true;
		return flows_state(value, &f->state, u);
	}
	return fw443_args_end(kw == KW_DST, value, &f->ends, u);
}

static int flows_filter_parse(int argc, char *const argv[],
			      struct fw443_flow_filter *f,
			      struct fw443_usage *u)
{
	struct fw443_args_keywords kw = {
		filter_keywords, ARRAY_SIZE(filter_keywords), 0, 0,
	};
	const char *value;
	int i, k;

	for (i = 0; i < argc; i++) {
		k = fw443_args_keyword(&kw, argc, argv, &i, &value, u);
		if (k < 0 || filter_value(k, value, f, u))
			return -1;
	}
	return 0;
}

/* "timeout STATE SECONDS": STATE is @value, SECONDS the word after it. */
static int set_timeout(int argc, char *const argv[], int *i,
		       const char *value, struct fw443_timeouts *t,
		       struct fw443_usage *u)
{
	uint8_t state;

	if (flows_state(value, &state, u))
		return -1;
	if (t->secs[state])
		return fw443_args_fail(u, "timeout given twice for", value);
	if (*i + 1 >= argc)
		return fw443_args_fail(u, "missing SECONDS after timeout",
				       value);
	return fw443_args_number(argv[++*i], 1, FW443_TIMEOUT_MAX, "timeout",
				 " seconds", &t->secs[state], u);
}

static int set_value(int kw, int argc, char *const argv[], int *i,
		     const char *value, struct fw443_flow_settings *s,
		     struct fw443_usage *u)
{
	uint8_t on;

	switch (kw) {
	case KW_MAX:
		s->has_max = true;
		return fw443_args_number(value, 0, FW443_FLOWS_MAX_LIMIT, "max",
					 " flows", &s->max, u);
	case KW_PICKUP:
		if (fw443_word_parse(pickup_words, ARRAY_SIZE(pickup_words),
				     value, &on))
			return fw443_args_fail(u, "pickup is on or off, not",
					       value);
		s->has_pickup = true;
		s->pickup = on;
		return 0;
	default:
		s->has_timeouts = true;
		return set_timeout(argc, argv, i, value, &s->timeouts, u);
	}
}

static int flows_set_parse(int argc, char *const argv[],
			   struct fw443_flow_settings *s,
			   struct fw443_usage *u)
{
	struct fw443_args_keywords kw = {
		set_keywords, ARRAY_SIZE(set_keywords), 1u << KW_TIMEOUT, 0,
	};
	const char *value;
	int i, k;

	for (i = 0; i < argc; i++) {
		k = fw443_args_keyword(&kw, argc, argv, &i, &value, u);
		if (k < 0 || set_value(k, argc, argv, &i, value, s, u))
			return -1;
	}
	if (!kw.seen)
		return fw443_args_fail(u,
				       "set: nothing to set: give max, pickup or timeout",
				       NULL);
	return 0;
}

int fw443_flows_args_parse(int argc, char *const argv[], unsigned int opts,
			   struct fw443_flows_args *a, struct fw443_usage *u)
{
	int took;

	memset(a, 0, sizeof(*a));
	took = fw443_args_op(&flows_ops, argc, argv, opts, &a->op, u);
	if (took < 0)
		return -1;
	argc -= took;
	argv += took;
	switch (a->op) {
	case FW443_FLOWS_LIST:
		return flows_filter_parse(argc, argv, &a->filter, u);
	case FW443_FLOWS_SET:
		return flows_set_parse(argc, argv, &a->set, u);
	default:
		return argc ? fw443_args_fail(u, "unexpected argument",
					      argv[0]) : 0;
	}
}

void fw443_flow_settings_put(struct nlmsghdr *nlh,
			     const struct fw443_flow_settings *s)
{
	if (s->has_max)
		mnl_attr_put_u32(nlh, FW443_A_FLOWS_MAX, s->max);
	if (s->has_pickup)
		mnl_attr_put_u8(nlh, FW443_A_PICKUP, s->pickup);
	if (s->has_timeouts)
		fw443_timeouts_put(nlh, &s->timeouts);
}

void fw443_flow_settings_default(struct fw443_flow_settings *s)
{
	memset(s, 0, sizeof(*s));
	s->has_max = true;
	s->has_pickup = true;
	s->has_timeouts = true;
	s->timeouts = fw443_default_timeouts;
}

uint32_t fw443_flows_default_max(uint64_t ram)
{
	uint64_t max = ram >> 14;

	if (max < 16384)
		return 16384;
	return max > (1U << 22) ? 1U << 22 : max;
}

bool fw443_flow_settings_diff(const struct fw443_flow_status *fs,
			      uint32_t default_max,
			      struct fw443_flow_settings *s)
{
	int state;

	memset(s, 0, sizeof(*s));
	s->has_max = fs->max != default_max;
	s->max = fs->max;
	s->has_pickup = fs->pickup;
	s->pickup = fs->pickup;
	for (state = 0; state <= FW443_FLOW_STATE_MAX; state++) {
		if (fs->timeouts.secs[state] ==
		    fw443_default_timeouts.secs[state])
			continue;
		s->timeouts.secs[state] = fs->timeouts.secs[state];
		s->has_timeouts = true;
	}
	return s->has_max || s->has_pickup || s->has_timeouts;
}
