// SPDX-License-Identifier: GPL-2.0
#include <string.h>
#include <sys/socket.h>
#include <linux/genetlink.h>

#include "output.h"
#include "stats.h"

static const struct fw443_attr_policy stats_reply_policy[FW443_A_MAX + 1] = {
	[FW443_A_STATS]		= { MNL_TYPE_NESTED, "FW443_A_STATS" },
};

static const struct fw443_attr_policy traffic_policy[FW443_TRAFFIC_A_MAX + 1] = {
	[FW443_TRAFFIC_A_FAMILY]    = { MNL_TYPE_U8, "FW443_TRAFFIC_A_FAMILY" },
	[FW443_TRAFFIC_A_DIRECTION] = { MNL_TYPE_U8, "FW443_TRAFFIC_A_DIRECTION" },
	[FW443_TRAFFIC_A_PACKETS]   = { MNL_TYPE_U64, "FW443_TRAFFIC_A_PACKETS" },
	[FW443_TRAFFIC_A_BYTES]     = { MNL_TYPE_U64, "FW443_TRAFFIC_A_BYTES" },
};

static const struct fw443_attr_policy stats_policy[FW443_STATS_A_MAX + 1] = {
	[FW443_STATS_A_TRAFFIC]	= { MNL_TYPE_NESTED, "FW443_STATS_A_TRAFFIC" },
	[FW443_STATS_A_DROP]	= { MNL_TYPE_NESTED, "FW443_STATS_A_DROP" },
	[FW443_STATS_A_FLOW]	= { MNL_TYPE_NESTED, "FW443_STATS_A_FLOW" },
	[FW443_STATS_A_FLOWS_ACTIVE] = { MNL_TYPE_U32,
					 "FW443_STATS_A_FLOWS_ACTIVE" },
	[FW443_STATS_A_FLOWS_MAX] = { MNL_TYPE_U32, "FW443_STATS_A_FLOWS_MAX" },
	[FW443_STATS_A_EVENT]	= { MNL_TYPE_NESTED, "FW443_STATS_A_EVENT" },
};

static const struct fw443_attr_policy drop_policy[FW443_DROP_A_MAX + 1] = {
	[FW443_DROP_A_REASON]	= { MNL_TYPE_U8, "FW443_DROP_A_REASON" },
	[FW443_DROP_A_PACKETS]	= { MNL_TYPE_U64, "FW443_DROP_A_PACKETS" },
};

static const struct fw443_attr_policy flowctr_policy[FW443_FLOWCTR_A_MAX + 1] = {
	[FW443_FLOWCTR_A_ID]	= { MNL_TYPE_U8, "FW443_FLOWCTR_A_ID" },
	[FW443_FLOWCTR_A_VALUE]	= { MNL_TYPE_U64, "FW443_FLOWCTR_A_VALUE" },
};

const char *const fw443_drop_reason_names[__FW443_DROP_MAX] = {
	[FW443_DROP_BLOCKLIST]	= "blocklist",
	[FW443_DROP_FRAGMENT]	= "fragment",
	[FW443_DROP_POLICY]	= "policy",
	[FW443_DROP_INVALID]	= "invalid",
	[FW443_DROP_TABLE_FULL]	= "table_full",
};

const char *const fw443_flow_row_names[FW443_STATS_FLOW_ROWS] = {
	[FW443_FLOWCTR_ACCEPTED_NEW]	     = "accepted_new",
	[FW443_FLOWCTR_ACCEPTED_ESTABLISHED] = "accepted_established",
	[FW443_FLOWCTR_CREATED]		     = "created",
	[FW443_FLOWCTR_EXPIRED]		     = "expired",
	[FW443_FLOWCTR_EVICTED]		     = "evicted",
	[FW443_STATS_FLOWS_ACTIVE]	     = "active",
	[FW443_STATS_FLOWS_MAX]		     = "max",
};

const char *const fw443_event_counter_names[__FW443_EVCTR_MAX] = {
	[FW443_EVCTR_SENT]	 = "sent",
	[FW443_EVCTR_SUPPRESSED] = "suppressed",
	[FW443_EVCTR_LOST]	 = "lost",
};

/*
 * Nests of an id and a counter: FW443_STATS_A_DROP (the id a drop reason),
 * FW443_STATS_A_FLOW (a flow counter) and FW443_STATS_A_EVENT (an event
 * counter, laid out as a flow counter).
 */
struct counter_kind {
	const char *what;	/* in error messages */
	const struct fw443_attr_policy *policy;
	uint16_t maxtype;
	uint16_t id_attr, value_attr;
	const char *const *names;	/* by id */
	uint8_t nr_ids;		/* ids this tool knows */
};

static const struct counter_kind drop_kind = {
	"drop entry", drop_policy, FW443_DROP_A_MAX,
	FW443_DROP_A_REASON, FW443_DROP_A_PACKETS,
	fw443_drop_reason_names, __FW443_DROP_MAX,
};

static const struct counter_kind flow_kind = {
	"flow counter", flowctr_policy, FW443_FLOWCTR_A_MAX,
	FW443_FLOWCTR_A_ID, FW443_FLOWCTR_A_VALUE,
	fw443_flow_row_names, __FW443_FLOWCTR_MAX,
};

static const struct counter_kind event_kind = {
	"event counter", flowctr_policy, FW443_FLOWCTR_A_MAX,
	FW443_FLOWCTR_A_ID, FW443_FLOWCTR_A_VALUE,
	fw443_event_counter_names, __FW443_EVCTR_MAX,
};

#define COUNTER_A_MAX (FW443_DROP_A_MAX > FW443_FLOWCTR_A_MAX ? \
		       FW443_DROP_A_MAX : FW443_FLOWCTR_A_MAX)

const int fw443_ip_versions[FW443_STATS_IPVER_COUNT] = {
	[FW443_STATS_IPV4] = 4,
	[FW443_STATS_IPV6] = 6,
};

const char *const fw443_direction_names[__FW443_DIR_MAX] = {
	[FW443_DIR_TO_SERVER] = "to_server",
	[FW443_DIR_TO_CLIENT] = "to_client",
};

struct stats_parse {
	struct fw443_stats *stats;
	struct fw443_error *err;
};

static int ipver_from_family(uint8_t family)
{
	switch (family) {
	case AF_INET:
		return FW443_STATS_IPV4;
	case AF_INET6:
		return FW443_STATS_IPV6;
	default:
		return -1;
	}
}

static int traffic_parse(const struct nlattr *nest, struct stats_parse *p)
{
	const struct nlattr *tb[FW443_TRAFFIC_A_MAX + 1] = { NULL };
	struct fw443_traffic *t;
	uint8_t dir;
	int ipver;

	if (fw443_attr_parse_nested(nest, traffic_policy, FW443_TRAFFIC_A_MAX,
				    tb, "traffic entry", p->err) ||
	    fw443_attr_require(traffic_policy, FW443_TRAFFIC_A_MAX, tb,
			       "traffic entry", p->err))
		return -1;
	/* Families and directions are only ever added: skip newer ones. */
	ipver = ipver_from_family(mnl_attr_get_u8(tb[FW443_TRAFFIC_A_FAMILY]));
	dir = mnl_attr_get_u8(tb[FW443_TRAFFIC_A_DIRECTION]);
	if (ipver < 0 || dir > FW443_DIR_MAX)
		return 0;

	t = &p->stats->traffic[ipver][dir];
	if (t->present) {
		fw443_error_set(p->err, "traffic entry: IPv%d %s sent twice",
				fw443_ip_versions[ipver],
				fw443_direction_names[dir]);
		return -1;
	}
	t->present = true;
	t->packets = mnl_attr_get_u64(tb[FW443_TRAFFIC_A_PACKETS]);
	t->bytes = mnl_attr_get_u64(tb[FW443_TRAFFIC_A_BYTES]);
	return 0;
}

static int counter_parse(const struct nlattr *nest,
			 const struct counter_kind *k,
			 struct fw443_counter *slots, struct fw443_error *err)
{
	const struct nlattr *tb[COUNTER_A_MAX + 1] = { NULL };
	struct fw443_counter *c;
	uint8_t id;

	if (fw443_attr_parse_nested(nest, k->policy, k->maxtype, tb, k->what,
				    err) ||
	    fw443_attr_require(k->policy, k->maxtype, tb, k->what, err))
		return -1;
	/* Reasons and counters are only ever added: skip newer ones. */
	id = mnl_attr_get_u8(tb[k->id_attr]);
	if (id >= k->nr_ids)
		return 0;
	c = &slots[id];
	if (c->present) {
		fw443_error_set(err, "%s: %s sent twice", k->what,
				k->names[id]);
		return -1;
	}
	c->present = true;
	c->value = mnl_attr_get_u64(tb[k->value_attr]);
	return 0;
}

static void gauge_parse(const struct nlattr *attr, struct fw443_counter *c)
{
	c->present = true;
	c->value = mnl_attr_get_u32(attr);
}

static int stats_entry_parse(const struct nlattr *attr, struct stats_parse *p)
{
	struct fw443_stats *stats = p->stats;

	switch (mnl_attr_get_type(attr)) {
	case FW443_STATS_A_TRAFFIC:
		return traffic_parse(attr, p);
	case FW443_STATS_A_DROP:
		return counter_parse(attr, &drop_kind, stats->drops, p->err);
	case FW443_STATS_A_FLOW:
		return counter_parse(attr, &flow_kind, stats->flows, p->err);
	case FW443_STATS_A_EVENT:
		return counter_parse(attr, &event_kind, stats->events, p->err);
	case FW443_STATS_A_FLOWS_ACTIVE:
		gauge_parse(attr, &stats->flows[FW443_STATS_FLOWS_ACTIVE]);
		return 0;
	default:
		gauge_parse(attr, &stats->flows[FW443_STATS_FLOWS_MAX]);
		return 0;
	}
}

static int stats_entry_cb(const struct nlattr *attr, void *data)
{
	struct stats_parse *p = data;
	int known = fw443_attr_check(attr, stats_policy, FW443_STATS_A_MAX,
				     "stats", p->err);

	if (known < 0 || (known && stats_entry_parse(attr, p)))
		return MNL_CB_ERROR;
	return MNL_CB_OK;
}

int fw443_stats_parse(const struct nlmsghdr *nlh, struct fw443_stats *stats,
		      struct fw443_error *err)
{
	const struct nlattr *tb[FW443_A_MAX + 1] = { NULL };
	struct stats_parse p = { stats, err };

	memset(stats, 0, sizeof(*stats));
	if (fw443_attr_parse_msg(nlh, GENL_HDRLEN, stats_reply_policy,
				 FW443_A_MAX, tb, "stats reply", err))
		return -1;
	if (!tb[FW443_A_STATS]) {
		fw443_error_set(err, "stats reply: FW443_A_STATS missing");
		return -1;
	}
	return fw443_attr_walk_nested(tb[FW443_A_STATS], stats_entry_cb, &p,
				      "stats", err);
}

int fw443_stats_reply(const struct nlmsghdr *nlh, void *data,
		      struct fw443_error *err)
{
	return fw443_stats_parse(nlh, data, err);
}

typedef int (*traffic_visit_fn)(const struct fw443_traffic *t, int ipver,
				int dir, void *data);

/* Visits the pairs present in output order; stops at a visit that fails. */
static int stats_for_each(const struct fw443_stats *stats,
			  traffic_visit_fn visit, void *data)
{
	int ipver, dir;

	for (ipver = 0; ipver < FW443_STATS_IPVER_COUNT; ipver++) {
		for (dir = 0; dir <= FW443_DIR_MAX; dir++) {
			const struct fw443_traffic *t =
				&stats->traffic[ipver][dir];

			if (t->present && visit(t, ipver, dir, data))
				return -1;
		}
	}
	return 0;
}

static int traffic_print(const struct fw443_traffic *t, int ipver, int dir,
			 void *data)
{
	fprintf(data, "ipv%d  %-9s  %20llu  %20llu\n", fw443_ip_versions[ipver],
		fw443_direction_names[dir], (unsigned long long)t->packets,
		(unsigned long long)t->bytes);
	return 0;
}

static bool counters_any(const struct fw443_counter *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (c[i].present)
			return true;
	}
	return false;
}

/* "\nTITLE  UNIT" and a row per counter present, if there is any. */
static void counters_print(const char *title, const char *unit, int width,
			   const char *const *names,
			   const struct fw443_counter *c, size_t n, FILE *f)
{
	size_t i;

	if (!counters_any(c, n))
		return;
	fprintf(f, "\n%-*s  %20s\n", width, title, unit);
	for (i = 0; i < n; i++) {
		if (c[i].present)
			fprintf(f, "%-*s  %20llu\n", width, names[i],
				(unsigned long long)c[i].value);
	}
}

void fw443_stats_print(const struct fw443_stats *stats, FILE *f)
{
	fprintf(f, "%-4s  %-9s  %20s  %20s\n", "ip", "direction", "packets",
		"bytes");
	stats_for_each(stats, traffic_print, f);
	counters_print("drop reason", "packets", 15, fw443_drop_reason_names,
		       stats->drops, __FW443_DROP_MAX, f);
	counters_print("flow table", "value", 20, fw443_flow_row_names,
		       stats->flows, FW443_STATS_FLOW_ROWS, f);
	counters_print("events", "value", 15, fw443_event_counter_names,
		       stats->events, __FW443_EVCTR_MAX, f);
}

static int traffic_append_json(const struct fw443_traffic *t, int ipver,
			       int dir, void *data)
{
	return json_array_append_new(data,
			json_pack("{s:i, s:s, s:o, s:o}",
				  "ip_version", fw443_ip_versions[ipver],
				  "direction", fw443_direction_names[dir],
				  "packets", fw443_json_u64(t->packets),
				  "bytes", fw443_json_u64(t->bytes)));
}

static json_t *drops_to_json(const struct fw443_stats *stats)
{
	json_t *drops = json_array();
	int r;

	for (r = 0; drops && r <= FW443_DROP_MAX; r++) {
		if (stats->drops[r].present &&
		    json_array_append_new(drops,
				json_pack("{s:s, s:o}",
					  "reason", fw443_drop_reason_names[r],
					  "packets",
					  fw443_json_u64(stats->drops[r].value)))) {
			json_decref(drops);
			return NULL;
		}
	}
	return drops;
}

/* {"NAME": N, ...} for the counters present. */
static json_t *counters_to_json(const char *const *names,
				const struct fw443_counter *c, size_t n)
{
	json_t *obj = json_object();
	size_t i;

	for (i = 0; obj && i < n; i++) {
		if (c[i].present &&
		    json_object_set_new(obj, names[i],
					fw443_json_u64(c[i].value))) {
			json_decref(obj);
			return NULL;
		}
	}
	return obj;
}

/* Sets @key of @root to counters_to_json(), if any is present. */
static int counters_put_json(json_t *root, const char *key,
			     const char *const *names,
			     const struct fw443_counter *c, size_t n)
{
	if (!counters_any(c, n))
		return 0;
	return json_object_set_new(root, key, counters_to_json(names, c, n));
}

json_t *fw443_stats_to_json(const struct fw443_stats *stats)
{
	json_t *traffic = json_array();
	json_t *root;

	if (stats_for_each(stats, traffic_append_json, traffic)) {
		json_decref(traffic);
		return NULL;
	}
	root = json_pack("{s:o}", "traffic", traffic);
	if (root && counters_any(stats->drops, __FW443_DROP_MAX) &&
	    json_object_set_new(root, "drops", drops_to_json(stats)))
		goto fail;
	if (root &&
	    (counters_put_json(root, "flows", fw443_flow_row_names,
			       stats->flows, FW443_STATS_FLOW_ROWS) ||
	     counters_put_json(root, "events", fw443_event_counter_names,
			       stats->events, __FW443_EVCTR_MAX)))
		goto fail;
	return root;

fail:
	json_decref(root);
	return NULL;
}
