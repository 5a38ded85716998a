// SPDX-License-Identifier: GPL-2.0
#include <string.h>
#include <linux/genetlink.h>
#include <uapi/linux/fw443.h>

#include "output.h"
#include "policy.h"
#include "status.h"

static const struct fw443_attr_policy status_policy[FW443_A_MAX + 1] = {
	[FW443_A_VERSION]	= { MNL_TYPE_NUL_STRING, "FW443_A_VERSION" },
	[FW443_A_GENERATION]	= { MNL_TYPE_U64, "FW443_A_GENERATION" },
};

/* Sent by a module that has events; an older one leaves it out. */
static const struct fw443_attr_policy events_policy[FW443_A_MAX + 1] = {
	[FW443_A_EVENT_RATE]	= { MNL_TYPE_U32, "FW443_A_EVENT_RATE" },
};

/* Sent together, by a module that has a flow table. */
static const struct fw443_attr_policy flow_policy[FW443_A_MAX + 1] = {
	[FW443_A_POLICY]	= { MNL_TYPE_U8, "FW443_A_POLICY" },
	[FW443_A_PICKUP]	= { MNL_TYPE_U8, "FW443_A_PICKUP" },
	[FW443_A_FLOWS_MAX]	= { MNL_TYPE_U32, "FW443_A_FLOWS_MAX" },
	[FW443_A_FLOWS_ACTIVE]	= { MNL_TYPE_U32, "FW443_A_FLOWS_ACTIVE" },
	[FW443_A_FLOW_SIZE]	= { MNL_TYPE_U32, "FW443_A_FLOW_SIZE" },
	[FW443_A_FLOWS_BUCKETS]	= { MNL_TYPE_U32, "FW443_A_FLOWS_BUCKETS" },
	[FW443_A_TIMEOUTS]	= { MNL_TYPE_NESTED, "FW443_A_TIMEOUTS" },
};

static int status_parse_flows(const struct nlmsghdr *nlh,
			      struct fw443_status *st,
			      struct fw443_error *err)
{
	const struct nlattr *tb[FW443_A_MAX + 1] = { NULL };
	struct fw443_flow_status *fs = &st->flows;

	if (fw443_attr_parse_msg(nlh, GENL_HDRLEN, flow_policy, FW443_A_MAX,
				 tb, "status reply", err))
		return -1;
	st->has_flows = tb[FW443_A_POLICY];
	if (!st->has_flows)
		return 0;
	if (fw443_attr_require(flow_policy, FW443_A_MAX, tb, "status reply",
			       err) ||
	    fw443_timeouts_parse(tb[FW443_A_TIMEOUTS], &fs->timeouts, err))
		return -1;
	fs->policy = mnl_attr_get_u8(tb[FW443_A_POLICY]);
	fs->pickup = mnl_attr_get_u8(tb[FW443_A_PICKUP]);
	fs->max = mnl_attr_get_u32(tb[FW443_A_FLOWS_MAX]);
	fs->active = mnl_attr_get_u32(tb[FW443_A_FLOWS_ACTIVE]);
	fs->flow_size = mnl_attr_get_u32(tb[FW443_A_FLOW_SIZE]);
	fs->buckets = mnl_attr_get_u32(tb[FW443_A_FLOWS_BUCKETS]);
	return 0;
}

int fw443_status_parse(const struct nlmsghdr *nlh, struct fw443_status *st,
		       struct fw443_error *err)
{
	const struct nlattr *tb[FW443_A_MAX + 1] = { NULL };

	memset(st, 0, sizeof(*st));
	if (fw443_attr_parse_msg(nlh, GENL_HDRLEN, status_policy, FW443_A_MAX,
				 tb, "status reply", err) ||
	    fw443_attr_require(status_policy, FW443_A_MAX, tb, "status reply",
			       err) ||
	    fw443_attr_strcpy(st->version, sizeof(st->version),
			      tb[FW443_A_VERSION], status_policy,
			      "status reply", err))
		return -1;
	st->generation = mnl_attr_get_u64(tb[FW443_A_GENERATION]);
	if (fw443_attr_parse_msg(nlh, GENL_HDRLEN, events_policy, FW443_A_MAX,
				 tb, "status reply", err))
		return -1;
	st->has_event_rate = tb[FW443_A_EVENT_RATE];
	if (st->has_event_rate)
		st->event_rate = mnl_attr_get_u32(tb[FW443_A_EVENT_RATE]);
	return status_parse_flows(nlh, st, err);
}

int fw443_status_reply(const struct nlmsghdr *nlh, void *data,
		       struct fw443_error *err)
{
	return fw443_status_parse(nlh, data, err);
}

static void status_print_flows(const struct fw443_flow_status *fs, FILE *f)
{
	fprintf(f, "policy:     %s\n", fw443_policy_name(fs->policy));
	fprintf(f, "pickup:     %s\n", fs->pickup ? "on" : "off");
	fprintf(f, "flows:      %u of %u (%u bytes each, %u buckets)\n",
		fs->active, fs->max, fs->flow_size, fs->buckets);
	fputs("timeouts:  ", f);
	fw443_timeouts_print(&fs->timeouts, f);
	putc('\n', f);
}

void fw443_status_print(const struct fw443_status *st, FILE *f)
{
	fprintf(f, "version:    %s\n", st->version);
	fprintf(f, "generation: %llu\n", (unsigned long long)st->generation);
	if (st->has_event_rate && st->event_rate)
		fprintf(f, "events:     at most %u a second\n", st->event_rate);
	else if (st->has_event_rate)
		fputs("events:     off (module parameter event_rate=0)\n", f);
	if (st->has_flows)
		status_print_flows(&st->flows, f);
}

static json_t *status_flows_to_json(const struct fw443_flow_status *fs)
{
	return json_pack("{s:s, s:b, s:I, s:I, s:I, s:I, s:o}",
			 "policy", fw443_policy_name(fs->policy),
			 "pickup", fs->pickup,
			 "flows_active", (json_int_t)fs->active,
			 "flows_max", (json_int_t)fs->max,
			 "flow_size", (json_int_t)fs->flow_size,
			 "flow_buckets", (json_int_t)fs->buckets,
			 "timeouts", fw443_timeouts_to_json(&fs->timeouts));
}

json_t *fw443_status_to_json(const struct fw443_status *st)
{
	json_t *root = json_pack("{s:s, s:o}", "version", st->version,
				 "generation", fw443_json_u64(st->generation));

	if (root && st->has_event_rate &&
	    json_object_set_new(root, "event_rate",
				json_integer(st->event_rate))) {
		json_decref(root);
		return NULL;
	}
	if (root && st->has_flows &&
	    json_object_update_new(root, status_flows_to_json(&st->flows))) {
		json_decref(root);
		return NULL;
	}
	return root;
}
