// SPDX-License-Identifier: GPL-2.0
#include <arpa/inet.h>
#include <stdbool.h>
#include <string.h>
#include <linux/genetlink.h>

#include "args.h"
#include "event.h"
#include "flowstate.h"
#include "output.h"
#include "stats.h"

static const struct fw443_attr_policy event_policy[FW443_A_MAX + 1] = {
	[FW443_A_EVENT_TYPE]	    = { MNL_TYPE_U8, "FW443_A_EVENT_TYPE" },
	[FW443_A_FLOW]		    = { MNL_TYPE_NESTED, "FW443_A_FLOW" },
	[FW443_A_DROP_REASON]	    = { MNL_TYPE_U8, "FW443_A_DROP_REASON" },
	[FW443_A_LIST_NAME]	    = { MNL_TYPE_NUL_STRING,
					"FW443_A_LIST_NAME" },
	[FW443_A_FROM_ZONE]	    = { MNL_TYPE_NUL_STRING,
					"FW443_A_FROM_ZONE" },
	[FW443_A_TO_ZONE]	    = { MNL_TYPE_NUL_STRING, "FW443_A_TO_ZONE" },
	[FW443_A_END_REASON]	    = { MNL_TYPE_U8, "FW443_A_END_REASON" },
	[FW443_A_EVENTS_SUPPRESSED] = { MNL_TYPE_U64,
					"FW443_A_EVENTS_SUPPRESSED" },
};

static const char *const end_reason_names[__FW443_END_MAX] = {
	[FW443_END_EXPIRED] = "expired",
	[FW443_END_EVICTED] = "evicted",
};

/* What each type of event is called and carries. */
struct event_type {
	const char *name;
	uint16_t reason_attr;		/* 0: the type has no reason */
	const char *const *reasons;	/* the reasons' names */
	size_t nr_reasons;
	uint64_t flow;			/* what its FW443_A_FLOW holds */
};

static const struct event_type event_types[__FW443_EVENT_TYPE_MAX] = {
	[FW443_EVENT_DROP] = {
		"drop", FW443_A_DROP_REASON,
		fw443_drop_reason_names, __FW443_DROP_MAX,
		FW443_FLOW_ENDS,
	},
	[FW443_EVENT_FLOW_NEW] = {
		"new", 0, NULL, 0, FW443_FLOW_STATE,
	},
	[FW443_EVENT_FLOW_END] = {
		"end", FW443_A_END_REASON,
		end_reason_names, __FW443_END_MAX,
		FW443_FLOW_STATE | FW443_FLOW_COUNTERS,
	},
};

/* "[ADDR]:PORT" at most, NUL included. */
#define EVENT_ENDPOINT_LEN	(INET6_ADDRSTRLEN + sizeof("[]:65535"))

/* Copies the string attribute @attr, if there is one, into @buf. */
static int event_str(char *buf, size_t size, const struct nlattr *attr,
		     struct fw443_error *err)
{
	if (!attr)
		return 0;
	return fw443_attr_strcpy(buf, size, attr, event_policy, "event", err);
}

static int event_names(const struct nlattr *const *tb, struct fw443_event *ev,
		       struct fw443_error *err)
{
	return event_str(ev->list, sizeof(ev->list), tb[FW443_A_LIST_NAME],
			 err) ||
	       event_str(ev->from, sizeof(ev->from), tb[FW443_A_FROM_ZONE],
			 err) ||
	       event_str(ev->to, sizeof(ev->to), tb[FW443_A_TO_ZONE], err);
}

int fw443_event_parse(const struct nlmsghdr *nlh, struct fw443_event *ev,
		      struct fw443_error *err)
{
	const struct nlattr *tb[FW443_A_MAX + 1] = { NULL };
	const struct event_type *t;
	uint64_t need;

	memset(ev, 0, sizeof(*ev));
	if (fw443_attr_parse_msg(nlh, GENL_HDRLEN, event_policy, FW443_A_MAX,
				 tb, "event", err) ||
	    fw443_attr_require_mask(event_policy, FW443_A_MAX, tb,
				    FW443_ATTR_BIT(FW443_A_EVENT_TYPE),
				    "event", err))
		return -1;
	ev->type = mnl_attr_get_u8(tb[FW443_A_EVENT_TYPE]);
	if (ev->type > FW443_EVENT_TYPE_MAX) {
		fw443_error_set(err,
				"event: type %u, which this tool does not know (a newer module's)",
				ev->type);
		return -1;
	}
	t = &event_types[ev->type];
	need = FW443_ATTR_BIT(FW443_A_FLOW);
	if (t->reason_attr)
		need |= FW443_ATTR_BIT(t->reason_attr);
	if (fw443_attr_require_mask(event_policy, FW443_A_MAX, tb, need,
				    "event", err) ||
	    fw443_flow_parse(tb[FW443_A_FLOW], t->flow, &ev->flow, err) ||
	    event_names(tb, ev, err))
		return -1;
	if (t->reason_attr)
		ev->reason = mnl_attr_get_u8(tb[t->reason_attr]);
	if (tb[FW443_A_EVENTS_SUPPRESSED])
		ev->suppressed = mnl_attr_get_u64(tb[FW443_A_EVENTS_SUPPRESSED]);
	return 0;
}

/* The reason's name, "unknown" for a newer module's; NULL: no reason. */
static const char *event_reason(const struct fw443_event *ev)
{
	const struct event_type *t = &event_types[ev->type];

	if (!t->reason_attr)
		return NULL;
	return fw443_word_name(t->reasons, t->nr_reasons, ev->reason);
}

/* The state's name; NULL for a drop, which has none. */
static const char *event_state(const struct fw443_event *ev)
{
	if (!(event_types[ev->type].flow & FW443_FLOW_STATE))
		return NULL;
	return fw443_flow_state_name(ev->flow.state);
}

static bool event_has_counters(const struct fw443_event *ev)
{
	return event_types[ev->type].flow & FW443_FLOW_COUNTERS;
}

/* ADDR:PORT, an IPv6 address in brackets as in URLs (RFC 3986). */
static void event_endpoint(const struct fw443_flow *fl, const char *addr,
			   uint16_t port, char buf[EVENT_ENDPOINT_LEN])
{
	bool v6 = fw443_flow_ip_version(fl) == 6;

	snprintf(buf, EVENT_ENDPOINT_LEN, "%s%s%s:%u", v6 ? "[" : "", addr,
		 v6 ? "]" : "", port);
}

/* " KEY=VALUE" unless @value is empty. */
static void event_print_name(const char *key, const char *value, FILE *f)
{
	if (*value)
		fprintf(f, " %s=%s", key, value);
}

int fw443_event_print(const struct fw443_event *ev, FILE *f)
{
	const struct fw443_flow *fl = &ev->flow;
	char src[INET6_ADDRSTRLEN], dst[INET6_ADDRSTRLEN];
	char from[EVENT_ENDPOINT_LEN], to[EVENT_ENDPOINT_LEN];
	const char *reason = event_reason(ev), *state = event_state(ev);

	if (ev->suppressed)
		fprintf(f, "suppressed %llu events (rate limit)\n",
			(unsigned long long)ev->suppressed);
	fputs(event_types[ev->type].name, f);
	if (reason)
		fprintf(f, " %s", reason);
	if (state)
		fprintf(f, " %s", state);
	event_print_name("list", ev->list, f);
	event_print_name("from", ev->from, f);
	event_print_name("to", ev->to, f);
	fw443_flow_addr_text(fl, src, dst);
	event_endpoint(fl, src, fl->sport, from);
	event_endpoint(fl, dst, fl->dport, to);
	fprintf(f, " tcp %s -> %s", from, to);
	if (event_has_counters(ev))
		fprintf(f, " packets=%llu/%llu bytes=%llu/%llu age=%us",
			(unsigned long long)fl->packets_orig,
			(unsigned long long)fl->packets_reply,
			(unsigned long long)fl->bytes_orig,
			(unsigned long long)fl->bytes_reply, fl->age);
	fputs(fl->picked_up ? " picked_up\n" : "\n", f);
	return ferror(f) ? -1 : 0;
}

/* Sets @key to the string @value unless it is NULL or empty. */
static int event_json_str(json_t *obj, const char *key, const char *value)
{
	if (!value || !*value)
		return 0;
	return json_object_set_new(obj, key, json_string(value));
}

/* "ip_version", "src", "sport", "dst", "dport". */
static int event_json_ends(json_t *obj, const struct fw443_flow *fl)
{
	char src[INET6_ADDRSTRLEN], dst[INET6_ADDRSTRLEN];

	fw443_flow_addr_text(fl, src, dst);
	return json_object_set_new(obj, "ip_version",
				   json_integer(fw443_flow_ip_version(fl))) ||
	       json_object_set_new(obj, "src", json_string(src)) ||
	       json_object_set_new(obj, "sport", json_integer(fl->sport)) ||
	       json_object_set_new(obj, "dst", json_string(dst)) ||
	       json_object_set_new(obj, "dport", json_integer(fl->dport));
}

/* "orig", "reply" and "age" of a flow that ended. */
static int event_json_counters(json_t *obj, const struct fw443_flow *fl)
{
	return json_object_set_new(obj, "orig",
			json_pack("{s:o, s:o}",
				  "packets", fw443_json_u64(fl->packets_orig),
				  "bytes", fw443_json_u64(fl->bytes_orig))) ||
	       json_object_set_new(obj, "reply",
			json_pack("{s:o, s:o}",
				  "packets", fw443_json_u64(fl->packets_reply),
				  "bytes", fw443_json_u64(fl->bytes_reply))) ||
	       json_object_set_new(obj, "age", json_integer(fl->age));
}

json_t *fw443_event_to_json(const struct fw443_event *ev)
{
	const struct fw443_flow *fl = &ev->flow;
	json_t *obj = json_pack("{s:s}", "event", event_types[ev->type].name);

	if (event_json_str(obj, "reason", event_reason(ev)) ||
	    event_json_str(obj, "state", event_state(ev)) ||
	    event_json_str(obj, "list", ev->list) ||
	    event_json_str(obj, "from", ev->from) ||
	    event_json_str(obj, "to", ev->to) ||
	    event_json_ends(obj, fl) ||
	    (event_has_counters(ev) && event_json_counters(obj, fl)) ||
	    (fl->picked_up &&
	     json_object_set_new(obj, "picked_up", json_true())) ||
	    (ev->suppressed &&
	     json_object_set_new(obj, "suppressed",
				 fw443_json_u64(ev->suppressed)))) {
		json_decref(obj);
		return NULL;
	}
	return obj;
}
