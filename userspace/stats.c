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

static const struct fw443_attr_policy drop_policy[FW443_DROP_A_MAX + 1] = {
	[FW443_DROP_A_REASON]	= { MNL_TYPE_U8, "FW443_DROP_A_REASON" },
	[FW443_DROP_A_PACKETS]	= { MNL_TYPE_U64, "FW443_DROP_A_PACKETS" },
};

static const char *const drop_reason_name[__FW443_DROP_MAX] = {
	[FW443_DROP_BLOCKLIST] = "blocklist",
	[FW443_DROP_FRAGMENT] = "fragment",
};

static const int ipver_number[FW443_STATS_IPVER_COUNT] = {
	[FW443_STATS_IPV4] = 4,
	[FW443_STATS_IPV6] = 6,
};

static const char *const direction_name[__FW443_DIR_MAX] = {
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

/* The name of the first attribute of @policy that @tb lacks, or NULL. */
static const char *stats_missing(const struct fw443_attr_policy *policy,
				 uint16_t maxtype,
				 const struct nlattr *const *tb)
{
	uint16_t type;

	for (type = 0; type <= maxtype; type++) {
		if (policy[type].name && !tb[type])
			return policy[type].name;
	}
	return NULL;
}

static int traffic_parse(const struct nlattr *nest, struct stats_parse *p)
{
	const struct nlattr *tb[FW443_TRAFFIC_A_MAX + 1] = { NULL };
	struct fw443_traffic *t;
	const char *missing;
	uint8_t dir;
	int ipver;

	if (fw443_attr_parse_nested(nest, traffic_policy, FW443_TRAFFIC_A_MAX,
				    tb, "traffic entry", p->err))
		return -1;
	missing = stats_missing(traffic_policy, FW443_TRAFFIC_A_MAX, tb);
	if (missing) {
		fw443_error_set(p->err, "traffic entry: %s missing", missing);
		return -1;
	}
	/* Families and directions are only ever added: skip newer ones. */
	ipver = ipver_from_family(mnl_attr_get_u8(tb[FW443_TRAFFIC_A_FAMILY]));
	dir = mnl_attr_get_u8(tb[FW443_TRAFFIC_A_DIRECTION]);
	if (ipver < 0 || dir > FW443_DIR_MAX)
		return 0;

	t = &p->stats->traffic[ipver][dir];
	if (t->present) {
		fw443_error_set(p->err, "traffic entry: IPv%d %s sent twice",
				ipver_number[ipver], direction_name[dir]);
		return -1;
	}
	t->present = true;
	t->packets = mnl_attr_get_u64(tb[FW443_TRAFFIC_A_PACKETS]);
	t->bytes = mnl_attr_get_u64(tb[FW443_TRAFFIC_A_BYTES]);
	return 0;
}

static int drop_parse(const struct nlattr *nest, struct stats_parse *p)
{
	const struct nlattr *tb[FW443_DROP_A_MAX + 1] = { NULL };
	const char *missing;
	struct fw443_drop *d;
	uint8_t reason;

	if (fw443_attr_parse_nested(nest, drop_policy, FW443_DROP_A_MAX, tb,
				    "drop entry", p->err))
		return -1;
	missing = stats_missing(drop_policy, FW443_DROP_A_MAX, tb);
	if (missing) {
		fw443_error_set(p->err, "drop entry: %s missing", missing);
		return -1;
	}
	/* Reasons are only ever added: skip newer ones. */
	reason = mnl_attr_get_u8(tb[FW443_DROP_A_REASON]);
	if (reason > FW443_DROP_MAX)
		return 0;
	d = &p->stats->drops[reason];
	if (d->present) {
		fw443_error_set(p->err, "drop entry: %s sent twice",
				drop_reason_name[reason]);
		return -1;
	}
	d->present = true;
	d->packets = mnl_attr_get_u64(tb[FW443_DROP_A_PACKETS]);
	return 0;
}

static int stats_entry_cb(const struct nlattr *attr, void *data)
{
	struct stats_parse *p = data;
	uint16_t type = mnl_attr_get_type(attr);
	const char *name;

	if (type == FW443_STATS_A_TRAFFIC)
		name = "FW443_STATS_A_TRAFFIC";
	else if (type == FW443_STATS_A_DROP)
		name = "FW443_STATS_A_DROP";
	else
		return MNL_CB_OK;
	if (mnl_attr_validate(attr, MNL_TYPE_NESTED) < 0) {
		fw443_error_set(p->err,
				"stats: malformed attribute %s (%u-byte payload)",
				name, mnl_attr_get_payload_len(attr));
		return MNL_CB_ERROR;
	}
	if (type == FW443_STATS_A_TRAFFIC)
		return traffic_parse(attr, p) ? MNL_CB_ERROR : MNL_CB_OK;
	return drop_parse(attr, p) ? MNL_CB_ERROR : MNL_CB_OK;
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
	fprintf(data, "ipv%d  %-9s  %20llu  %20llu\n", ipver_number[ipver],
		direction_name[dir], (unsigned long long)t->packets,
		(unsigned long long)t->bytes);
	return 0;
}

static bool stats_have_drops(const struct fw443_stats *stats)
{
	int r;

	for (r = 0; r <= FW443_DROP_MAX; r++) {
		if (stats->drops[r].present)
			return true;
	}
	return false;
}

void fw443_stats_print(const struct fw443_stats *stats, FILE *f)
{
	int r;

	fprintf(f, "%-4s  %-9s  %20s  %20s\n", "ip", "direction", "packets",
		"bytes");
	stats_for_each(stats, traffic_print, f);
	if (!stats_have_drops(stats))
		return;
	fprintf(f, "\n%-15s  %20s\n", "drop reason", "packets");
	for (r = 0; r <= FW443_DROP_MAX; r++) {
		if (stats->drops[r].present)
			fprintf(f, "%-15s  %20llu\n", drop_reason_name[r],
				(unsigned long long)stats->drops[r].packets);
	}
}

static int traffic_append_json(const struct fw443_traffic *t, int ipver,
			       int dir, void *data)
{
	return json_array_append_new(data,
			json_pack("{s:i, s:s, s:o, s:o}",
				  "ip_version", ipver_number[ipver],
				  "direction", direction_name[dir],
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
					  "reason", drop_reason_name[r],
					  "packets",
					  fw443_json_u64(stats->drops[r].packets)))) {
			json_decref(drops);
			return NULL;
		}
	}
	return drops;
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
	if (root && stats_have_drops(stats) &&
	    json_object_set_new(root, "drops", drops_to_json(stats))) {
		json_decref(root);
		return NULL;
	}
	return root;
}
