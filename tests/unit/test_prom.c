// SPDX-License-Identifier: GPL-2.0
/*
 * prom.c: the exposition text of a scrape, to the byte. The structs are
 * filled as the parsers of status.c, stats.c and lists.c fill them, which
 * their own tests cover.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kselftest_harness.h"
#include "leak_check.h"
#include "prom.h"
#include "unit.h"

/* Above 2^53, where a double would round: printed exactly all the same. */
#define BIG	((1ULL << 62) + 1)

FIXTURE(prom) {
	struct fw443_scrape s;
	struct unit_out out;
};

FIXTURE_SETUP(prom)
{
	memset(&self->s, 0, sizeof(self->s));
	snprintf(self->s.status.version, sizeof(self->s.status.version),
		 "0.2.0");
	self->s.status.generation = 7;
}

FIXTURE_TEARDOWN(prom)
{
	fw443_lists_free(&self->s.lists);
	EXPECT_NO_LEAKS();
}

/* What every scrape starts with: the fixture's status. */
#define STATUS_TEXT \
	"# HELP fw443_build_info The version of the loaded fw443 module, in the label version; always 1.\n" \
	"# TYPE fw443_build_info gauge\n" \
	"fw443_build_info{version=\"0.2.0\"} 1\n" \
	"# HELP fw443_generation The configuration generation of this network namespace; it moves at every change.\n" \
	"# TYPE fw443_generation gauge\n" \
	"fw443_generation 7\n"

#define PACKETS_HEAD \
	"# HELP fw443_packets_total Packets of TCP port 443 as sent on the wire, by IP version and direction (to_server: towards port 443).\n" \
	"# TYPE fw443_packets_total counter\n"
#define CAPACITY_HEAD \
	"# HELP fw443_list_capacity_entries The most entries a list can hold, by IP version.\n" \
	"# TYPE fw443_list_capacity_entries gauge\n"
#define EVENTS_HEAD \
	"# HELP fw443_events_total Events, by outcome: sent to the multicast group, suppressed by the rate limit, or lost (a reader's buffer was full, or no memory).\n" \
	"# TYPE fw443_events_total counter\n"
#define BYTES_HEAD \
	"# HELP fw443_bytes_total Bytes of the IP packets of TCP port 443, IP headers included, by IP version and direction.\n" \
	"# TYPE fw443_bytes_total counter\n"

static void set_traffic(struct fw443_stats *st, int ipver, int dir,
			uint64_t packets, uint64_t bytes)
{
	st->traffic[ipver][dir] = (struct fw443_traffic){ true, packets, bytes };
}

static void set_counter(struct fw443_counter *c, uint64_t v)
{
	*c = (struct fw443_counter){ true, v };
}

/* The exposition of the fixture's scrape; the test free()s out.text. */
static const char *print(struct __test_metadata *_metadata,
			 FIXTURE_DATA(prom) *self)
{
	ASSERT_NE(NULL, unit_out_start(&self->out));
	fw443_prom_print(&self->s, self->out.f);
	return unit_out_end(&self->out);
}

/* A module without drop counters, flow table or lists: their families go. */
TEST_F(prom, families_without_data_are_left_out)
{
	set_traffic(&self->s.stats, FW443_STATS_IPV4, FW443_DIR_TO_CLIENT,
		    3, 180);

	EXPECT_STREQ(STATUS_TEXT
		     PACKETS_HEAD
		     "fw443_packets_total{ip_version=\"4\",direction=\"to_client\"} 3\n"
		     BYTES_HEAD
		     "fw443_bytes_total{ip_version=\"4\",direction=\"to_client\"} 180\n",
		     print(_metadata, self));
	free(self->out.text);
}

/* IPv4 before IPv6, to_server before to_client, whatever the order set. */
TEST_F(prom, traffic_pairs_in_order)
{
	set_traffic(&self->s.stats, FW443_STATS_IPV6, FW443_DIR_TO_CLIENT,
		    4, 400);
	set_traffic(&self->s.stats, FW443_STATS_IPV4, FW443_DIR_TO_SERVER,
		    BIG, BIG);
	set_traffic(&self->s.stats, FW443_STATS_IPV6, FW443_DIR_TO_SERVER,
		    0, 0);
	set_traffic(&self->s.stats, FW443_STATS_IPV4, FW443_DIR_TO_CLIENT,
		    2, 120);

	EXPECT_STREQ(STATUS_TEXT
		     PACKETS_HEAD
		     "fw443_packets_total{ip_version=\"4\",direction=\"to_server\"} 4611686018427387905\n"
		     "fw443_packets_total{ip_version=\"4\",direction=\"to_client\"} 2\n"
		     "fw443_packets_total{ip_version=\"6\",direction=\"to_server\"} 0\n"
		     "fw443_packets_total{ip_version=\"6\",direction=\"to_client\"} 4\n"
		     BYTES_HEAD
		     "fw443_bytes_total{ip_version=\"4\",direction=\"to_server\"} 4611686018427387905\n"
		     "fw443_bytes_total{ip_version=\"4\",direction=\"to_client\"} 120\n"
		     "fw443_bytes_total{ip_version=\"6\",direction=\"to_server\"} 0\n"
		     "fw443_bytes_total{ip_version=\"6\",direction=\"to_client\"} 400\n",
		     print(_metadata, self));
	free(self->out.text);
}

/* Drops and the flow table, as a module that tracks connections sends. */
TEST_F(prom, drops_and_flow_table)
{
	struct fw443_counter *flows = self->s.stats.flows;

	set_counter(&self->s.stats.drops[FW443_DROP_BLOCKLIST], 7);
	set_counter(&self->s.stats.drops[FW443_DROP_TABLE_FULL], 1);
	set_counter(&flows[FW443_FLOWCTR_ACCEPTED_NEW], 12);
	set_counter(&flows[FW443_FLOWCTR_ACCEPTED_ESTABLISHED], 1040);
	set_counter(&flows[FW443_FLOWCTR_CREATED], 12);
	set_counter(&flows[FW443_FLOWCTR_EXPIRED], 3);
	set_counter(&flows[FW443_FLOWCTR_EVICTED], 0);
	set_counter(&flows[FW443_STATS_FLOWS_ACTIVE], 9);
	set_counter(&flows[FW443_STATS_FLOWS_MAX], 131072);
	EXPECT_STREQ(STATUS_TEXT
		     "# HELP fw443_dropped_packets_total Packets dropped, by reason.\n"
		     "# TYPE fw443_dropped_packets_total counter\n"
		     "fw443_dropped_packets_total{reason=\"blocklist\"} 7\n"
		     "fw443_dropped_packets_total{reason=\"table_full\"} 1\n"
		     "# HELP fw443_flows_accepted_new_total SYNs that opened a flow, and packets that picked one up.\n"
		     "# TYPE fw443_flows_accepted_new_total counter\n"
		     "fw443_flows_accepted_new_total 12\n"
		     "# HELP fw443_flows_accepted_established_total Packets of tracked flows let through.\n"
		     "# TYPE fw443_flows_accepted_established_total counter\n"
		     "fw443_flows_accepted_established_total 1040\n"
		     "# HELP fw443_flows_created_total Flows entered in the flow table.\n"
		     "# TYPE fw443_flows_created_total counter\n"
		     "fw443_flows_created_total 12\n"
		     "# HELP fw443_flows_expired_total Flows that timed out.\n"
		     "# TYPE fw443_flows_expired_total counter\n"
		     "fw443_flows_expired_total 3\n"
		     "# HELP fw443_flows_evicted_total Flows not yet established dropped early to make room for a new one.\n"
		     "# TYPE fw443_flows_evicted_total counter\n"
		     "fw443_flows_evicted_total 0\n"
		     "# HELP fw443_flows_active Flows in the flow table.\n"
		     "# TYPE fw443_flows_active gauge\n"
		     "fw443_flows_active 9\n"
		     "# HELP fw443_flows_max The flow table's limit; 0 while tracking is off.\n"
		     "# TYPE fw443_flows_max gauge\n"
		     "fw443_flows_max 131072\n",
		     print(_metadata, self));
	free(self->out.text);
}

static void add_list(struct __test_metadata *_metadata, struct fw443_lists *ls,
		     const char *name, uint8_t kind, uint32_t count4,
		     uint32_t count6, uint64_t memory, uint64_t hits)
{
	struct fw443_list_info li = {
		.kind = kind, .count4 = count4, .count6 = count6,
		.memory = memory, .hits = hits,
	};

	snprintf(li.name, sizeof(li.name), "%s", name);
	ASSERT_EQ(0, fw443_lists_add(ls, &li));
}

/*
 * Every family of a list in turn, the lists in the kernel's order. A name
 * the kernel took from another tool may hold what the format escapes.
 */
TEST_F(prom, lists_with_escaped_names)
{
	add_list(_metadata, &self->s.lists, "manual", FW443_LIST_BLOCK,
		 2, 1, 4096, 5);
	add_list(_metadata, &self->s.lists, "a\"b\\c\nd", FW443_LIST_ALLOW,
		 0, 0, 128, BIG);
	EXPECT_STREQ(STATUS_TEXT
		     "# HELP fw443_list_entries Entries (addresses and prefixes) of a block or allow list, by IP version.\n"
		     "# TYPE fw443_list_entries gauge\n"
		     "fw443_list_entries{list=\"manual\",kind=\"block\",ip_version=\"4\"} 2\n"
		     "fw443_list_entries{list=\"manual\",kind=\"block\",ip_version=\"6\"} 1\n"
		     "fw443_list_entries{list=\"a\\\"b\\\\c\\nd\",kind=\"allow\",ip_version=\"4\"} 0\n"
		     "fw443_list_entries{list=\"a\\\"b\\\\c\\nd\",kind=\"allow\",ip_version=\"6\"} 0\n"
		     CAPACITY_HEAD
		     "fw443_list_capacity_entries{list=\"manual\",kind=\"block\",ip_version=\"4\"} 4194304\n"
		     "fw443_list_capacity_entries{list=\"manual\",kind=\"block\",ip_version=\"6\"} 4194304\n"
		     "fw443_list_capacity_entries{list=\"a\\\"b\\\\c\\nd\",kind=\"allow\",ip_version=\"4\"} 4194304\n"
		     "fw443_list_capacity_entries{list=\"a\\\"b\\\\c\\nd\",kind=\"allow\",ip_version=\"6\"} 4194304\n"
		     "# HELP fw443_list_memory_bytes Kernel memory a list holds.\n"
		     "# TYPE fw443_list_memory_bytes gauge\n"
		     "fw443_list_memory_bytes{list=\"manual\",kind=\"block\"} 4096\n"
		     "fw443_list_memory_bytes{list=\"a\\\"b\\\\c\\nd\",kind=\"allow\"} 128\n"
		     "# HELP fw443_list_hits_total Packets that matched an entry of a list.\n"
		     "# TYPE fw443_list_hits_total counter\n"
		     "fw443_list_hits_total{list=\"manual\",kind=\"block\"} 5\n"
		     "fw443_list_hits_total{list=\"a\\\"b\\\\c\\nd\",kind=\"allow\"} 4611686018427387905\n",
		     print(_metadata, self));
	free(self->out.text);
}

/* Event counters in the module's order, after the flow table's. */
TEST_F(prom, events_after_flows)
{
	struct fw443_counter *ev = self->s.stats.events;

	set_counter(&ev[FW443_EVCTR_LOST], 2);
	set_counter(&ev[FW443_EVCTR_SENT], BIG);
	set_counter(&ev[FW443_EVCTR_SUPPRESSED], 0);
	set_counter(&self->s.stats.flows[FW443_STATS_FLOWS_ACTIVE], 9);
	EXPECT_STREQ(STATUS_TEXT
		     "# HELP fw443_flows_active Flows in the flow table.\n"
		     "# TYPE fw443_flows_active gauge\n"
		     "fw443_flows_active 9\n"
		     EVENTS_HEAD
		     "fw443_events_total{outcome=\"sent\"} 4611686018427387905\n"
		     "fw443_events_total{outcome=\"suppressed\"} 0\n"
		     "fw443_events_total{outcome=\"lost\"} 2\n",
		     print(_metadata, self));
	free(self->out.text);
}

/* A module that counts only some outcomes: the family has those. */
TEST_F(prom, events_only_those_sent)
{
	set_counter(&self->s.stats.events[FW443_EVCTR_LOST], 1);
	EXPECT_STREQ(STATUS_TEXT
		     EVENTS_HEAD
		     "fw443_events_total{outcome=\"lost\"} 1\n",
		     print(_metadata, self));
	free(self->out.text);
}

/* The module's version comes from the kernel: escaped like any label. */
TEST_F(prom, version_label_is_escaped)
{
	snprintf(self->s.status.version, sizeof(self->s.status.version),
		 "1.0 \"rc\\1\"");

	EXPECT_STREQ("# HELP fw443_build_info The version of the loaded fw443 module, in the label version; always 1.\n"
		     "# TYPE fw443_build_info gauge\n"
		     "fw443_build_info{version=\"1.0 \\\"rc\\\\1\\\"\"} 1\n"
		     "# HELP fw443_generation The configuration generation of this network namespace; it moves at every change.\n"
		     "# TYPE fw443_generation gauge\n"
		     "fw443_generation 7\n",
		     print(_metadata, self));
	free(self->out.text);
}

/* With nothing but status, the output is the status families, complete. */
TEST_F(prom, status_only)
{
	EXPECT_STREQ(STATUS_TEXT, print(_metadata, self));
	free(self->out.text);
}

TEST_HARNESS_MAIN
