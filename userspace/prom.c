// SPDX-License-Identifier: GPL-2.0
/*
 * Labels are only of bounded cardinality: IP version, direction, drop
 * reason, event outcome, and list names (at most FW443_LISTS_MAX per namespace, chosen by
 * the operator). Never an address: those stay with the commands that need
 * CAP_NET_ADMIN.
 */
#include <stdbool.h>
#include <stdint.h>

#include "cli.h"
#include "prom.h"

struct prom_family {
	const char *name;
	const char *type;	/* "counter" or "gauge" */
	const char *help;	/* no backslash or newline: nothing to escape */
};

struct prom_label {
	const char *name;
	const char *value;
};

/* Where the exposition goes, and the family of the last sample written. */
struct prom_out {
	FILE *f;
	const struct prom_family *family;
};

static const struct prom_family build_info = {
	"fw443_build_info", "gauge",
	"The version of the loaded fw443 module, in the label version; always 1.",
};

static const struct prom_family generation = {
	"fw443_generation", "gauge",
	"The configuration generation of this network namespace; it moves at every change.",
};

static const struct prom_family packets = {
	"fw443_packets_total", "counter",
	"Packets of TCP port 443 as sent on the wire, by IP version and direction (to_server: towards port 443).",
};

static const struct prom_family bytes = {
	"fw443_bytes_total", "counter",
	"Bytes of the IP packets of TCP port 443, IP headers included, by IP version and direction.",
};

static const struct prom_family drops = {
	"fw443_dropped_packets_total", "counter",
	"Packets dropped, by reason.",
};

/* A family each: accepted_* count packets, the others flows. */
static const struct prom_family flow_families[FW443_STATS_FLOW_ROWS] = {
	[FW443_FLOWCTR_ACCEPTED_NEW] = {
		"fw443_flows_accepted_new_total", "counter",
		"SYNs that opened a flow, and packets that picked one up.",
	},
	[FW443_FLOWCTR_ACCEPTED_ESTABLISHED] = {
		"fw443_flows_accepted_established_total", "counter",
		"Packets of tracked flows let through.",
	},
	[FW443_FLOWCTR_CREATED] = {
		"fw443_flows_created_total", "counter",
		"Flows entered in the flow table.",
	},
	[FW443_FLOWCTR_EXPIRED] = {
		"fw443_flows_expired_total", "counter",
		"Flows that timed out.",
	},
	[FW443_FLOWCTR_EVICTED] = {
		"fw443_flows_evicted_total", "counter",
		"Flows not yet established dropped early to make room for a new one.",
	},
	[FW443_STATS_FLOWS_ACTIVE] = {
		"fw443_flows_active", "gauge",
		"Flows in the flow table.",
	},
	[FW443_STATS_FLOWS_MAX] = {
		"fw443_flows_max", "gauge",
		"The flow table's limit; 0 while tracking is off.",
	},
};

static const struct prom_family events = {
	"fw443_events_total", "counter",
	"Events, by outcome: sent to the multicast group, suppressed by the rate limit, or lost (a reader's buffer was full, or no memory).",
};

static const struct prom_family list_entries = {
	"fw443_list_entries", "gauge",
	"Entries (addresses and prefixes) of a block or allow list, by IP version.",
};

/* The same for every list: what fw443_list_entries is a share of. */
static const struct prom_family list_capacity = {
	"fw443_list_capacity_entries", "gauge",
	"The most entries a list can hold, by IP version.",
};

static const struct prom_family list_memory = {
	"fw443_list_memory_bytes", "gauge",
	"Kernel memory a list holds.",
};

static const struct prom_family list_hits = {
	"fw443_list_hits_total", "counter",
	"Packets that matched an entry of a list.",
};

/* Backslash, double quote and newline escaped, as the format asks. */
static void prom_label_value(const char *s, FILE *f)
{
	for (; *s; s++) {
		switch (*s) {
		case '\\':
			fputs("\\\\", f);
			break;
		case '"':
			fputs("\\\"", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		default:
			putc(*s, f);
		}
	}
}

/*
 * NAME{LABEL="VALUE",...} V, after the HELP and TYPE lines of its family
 * when it is the family's first sample: a family the kernel sent nothing
 * for is left out whole. The format wants a family's samples together, so
 * callers write them in one go.
 */
static void prom_sample(struct prom_out *o, const struct prom_family *fam,
			const struct prom_label *labels, size_t n, uint64_t v)
{
	size_t i;

	if (o->family != fam) {
		fprintf(o->f, "# HELP %s %s\n# TYPE %s %s\n", fam->name,
			fam->help, fam->name, fam->type);
		o->family = fam;
	}
	fputs(fam->name, o->f);
	for (i = 0; i < n; i++) {
		fprintf(o->f, "%c%s=\"", i ? ',' : '{', labels[i].name);
		prom_label_value(labels[i].value, o->f);
		putc('"', o->f);
	}
	fprintf(o->f, "%s %llu\n", n ? "}" : "", (unsigned long long)v);
}

static void prom_status(struct prom_out *o, const struct fw443_status *st)
{
	const struct prom_label version[] = { { "version", st->version } };

	prom_sample(o, &build_info, version, ARRAY_SIZE(version), 1);
	prom_sample(o, &generation, NULL, 0, st->generation);
}

/* One of the traffic families: @fam counts bytes or (!@in_bytes) packets. */
static void prom_traffic(struct prom_out *o, const struct prom_family *fam,
			 const struct fw443_stats *stats, bool in_bytes)
{
	char ipver[4];
	int v, d;

	for (v = 0; v < FW443_STATS_IPVER_COUNT; v++) {
		snprintf(ipver, sizeof(ipver), "%d", fw443_ip_versions[v]);
		for (d = 0; d <= FW443_DIR_MAX; d++) {
			const struct fw443_traffic *t = &stats->traffic[v][d];
			const struct prom_label l[] = {
				{ "ip_version", ipver },
				{ "direction", fw443_direction_names[d] },
			};

			if (t->present)
				prom_sample(o, fam, l, ARRAY_SIZE(l),
					    in_bytes ? t->bytes : t->packets);
		}
	}
}

/* A sample of @fam per counter present, its name the label @label. */
static void prom_counters(struct prom_out *o, const struct prom_family *fam,
			  const char *label, const char *const *names,
			  const struct fw443_counter *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct prom_label l[] = { { label, names[i] } };

		if (c[i].present)
			prom_sample(o, fam, l, ARRAY_SIZE(l), c[i].value);
	}
}

static void prom_stats(struct prom_out *o, const struct fw443_stats *stats)
{
	int i;

	prom_traffic(o, &packets, stats, false);
	prom_traffic(o, &bytes, stats, true);
	prom_counters(o, &drops, "reason", fw443_drop_reason_names,
		      stats->drops, __FW443_DROP_MAX);
	for (i = 0; i < FW443_STATS_FLOW_ROWS; i++) {
		if (stats->flows[i].present)
			prom_sample(o, &flow_families[i], NULL, 0,
				    stats->flows[i].value);
	}
	prom_counters(o, &events, "outcome", fw443_event_counter_names,
		      stats->events, __FW443_EVCTR_MAX);
}

/* A list's sample: labelled list and kind, and @ipver unless NULL. */
static void prom_list_sample(struct prom_out *o, const struct prom_family *fam,
			     const struct fw443_list_info *li,
			     const char *ipver, uint64_t v)
{
	const struct prom_label l[] = {
		{ "list", li->name },
		{ "kind", fw443_list_kind_name(li->kind) },
		{ "ip_version", ipver },
	};

	prom_sample(o, fam, l, ipver ? 3 : 2, v);
}

static void prom_lists(struct prom_out *o, const struct fw443_lists *ls)
{
	size_t i;

	for (i = 0; i < ls->n; i++) {
		prom_list_sample(o, &list_entries, &ls->v[i], "4",
				 ls->v[i].count4);
		prom_list_sample(o, &list_entries, &ls->v[i], "6",
				 ls->v[i].count6);
	}
	for (i = 0; i < ls->n; i++) {
		prom_list_sample(o, &list_capacity, &ls->v[i], "4",
				 FW443_LIST_ENTRIES_MAX);
		prom_list_sample(o, &list_capacity, &ls->v[i], "6",
				 FW443_LIST_ENTRIES_MAX);
	}
	for (i = 0; i < ls->n; i++)
		prom_list_sample(o, &list_memory, &ls->v[i], NULL,
				 ls->v[i].memory);
	for (i = 0; i < ls->n; i++)
		prom_list_sample(o, &list_hits, &ls->v[i], NULL,
				 ls->v[i].hits);
}

void fw443_prom_print(const struct fw443_scrape *s, FILE *f)
{
	struct prom_out o = { f, NULL };

	prom_status(&o, &s->status);
	prom_stats(&o, &s->stats);
	prom_lists(&o, &s->lists);
}
