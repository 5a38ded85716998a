// SPDX-License-Identifier: GPL-2.0
/*
 * "fw443 stats": the counters, for people, scripts (JSON) or Prometheus,
 * on standard output or replacing a file. Every request it makes needs no
 * privilege but --reset's, and none walks list entries or flows.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <uapi/linux/fw443.h>

#include "cli.h"
#include "nl.h"
#include "outfile.h"
#include "output.h"
#include "prom.h"
#include "statsargs.h"
#include "subcommands.h"

static const char stats_usage[] =
	"Usage: " PROG_NAME " [-j] stats [-j | --prometheus] [--reset] [--output FILE]\n"
	"\n"
	"Shows the HTTPS traffic counters of this network namespace: packets and\n"
	"bytes per IP version and direction (to_server: towards port 443,\n"
	"to_client: from port 443); packets dropped per reason; the flow\n"
	"table's counters (accepted_new, accepted_established, created, expired,\n"
	"evicted) and gauges (active, max); and how many events (see\n"
	"'" PROG_NAME " monitor') were sent, suppressed by the rate limit, and lost.\n"
	"\n"
	"  -j, --json    one JSON object: {\"traffic\":[{\"ip_version\":4,\n"
	"                \"direction\":\"to_server\",\"packets\":N,\"bytes\":N},...],\n"
	"                \"drops\":[{\"reason\":\"policy\",\"packets\":N},...],\n"
	"                \"flows\":{\"accepted_new\":N,...,\"active\":N,\"max\":N},\n"
	"                \"events\":{\"sent\":N,\"suppressed\":N,\"lost\":N}}\n"
	"  --prometheus  the Prometheus text format (0.0.4): these counters, the\n"
	"                module's version and configuration generation, and each\n"
	"                list's entries, capacity, memory and hits (list\n"
	"                summaries only)\n"
	"  --reset       read the counters and restart them from zero in one\n"
	"                step (needs CAP_NET_ADMIN): the output holds what was\n"
	"                counted since the previous reset (or since the\n"
	"                namespace was created), and no packet is lost or\n"
	"                counted twice between two resets; gauges (active, max)\n"
	"                and list hits are not reset\n"
	"  --output FILE write to FILE instead of standard output, replacing it\n"
	"                at once (a temporary FILE.XXXXXX renamed over it, mode\n"
	"                0644): for node_exporter's textfile collector\n"
	"  -h, --help    show this help\n";

/* What a scrape reads besides the counters: status and list summaries. */
static int stats_read_more(struct fw443_nl *nl, struct fw443_scrape *s)
{
	struct nlmsghdr *req;

	req = fw443_nl_request(nl, FW443_CMD_GET_STATUS, 0);
	if (fw443_nl_run(nl, req, fw443_status_reply, &s->status))
		return -1;
	req = fw443_nl_request(nl, FW443_CMD_LIST_GET, NLM_F_DUMP);
	return fw443_nl_dump(nl, req, fw443_lists_reply, fw443_lists_restart,
			     &s->lists);
}

/* The counters, read, or with @reset read and zeroed: one reply shape. */
static int stats_read_counters(struct fw443_nl *nl, bool reset,
			       struct fw443_stats *stats)
{
	struct fw443_nl_ack ack;
	struct nlmsghdr *req;

	req = fw443_nl_request(nl, reset ? FW443_CMD_RESET_STATS :
					   FW443_CMD_GET_STATS, 0);
	if (!fw443_nl_call(nl, req, fw443_stats_reply, stats, &ack))
		return 0;
	if (reset && ack.error == EPERM)
		fprintf(stderr,
			"%s: %s: not permitted: resetting the counters needs CAP_NET_ADMIN in this network namespace (run as root); nothing was reset\n",
			PROG_NAME, fw443_nl_what(nl));
	else if (reset && ack.error == EOPNOTSUPP)
		fprintf(stderr,
			"%s: %s: this fw443 module cannot reset its counters: it is older than this tool; nothing was reset\n",
			PROG_NAME, fw443_nl_what(nl));
	else
		fw443_nl_report(nl, NULL, &ack);
	return -1;
}

/* Through one socket. Returns 0, or -1 after reporting the failure. */
static int stats_read(const char *what, const struct fw443_stats_args *a,
		      struct fw443_scrape *s)
{
	struct fw443_nl *nl = fw443_nl_open(what);
	int ret;

	if (!nl)
		return -1;
	ret = stats_read_counters(nl, a->reset, &s->stats);
	if (!ret && a->format == FW443_STATS_PROMETHEUS)
		ret = stats_read_more(nl, s);
	fw443_nl_close(nl);
	return ret;
}

/* Returns an exit status. */
static int stats_write(const char *what, uint8_t format,
		       const struct fw443_scrape *s, FILE *f)
{
	switch (format) {
	case FW443_STATS_JSON:
		return fw443_output_json(f, what,
					 fw443_stats_to_json(&s->stats));
	case FW443_STATS_PROMETHEUS:
		fw443_prom_print(s, f);
		return FW443_EXIT_OK;
	default:
		fw443_stats_print(&s->stats, f);
		return FW443_EXIT_OK;
	}
}

/* Standard output is checked by main(); a file is checked here. */
static int stats_output(const char *what, const struct fw443_stats_args *a,
			const struct fw443_scrape *s)
{
	struct fw443_outfile o;
	int ret;

	if (!a->output)
		return stats_write(what, a->format, s, stdout);
	if (fw443_outfile_open(&o, what, a->output))
		return FW443_EXIT_FAILURE;
	ret = stats_write(what, a->format, s, o.f);
	if (ret) {
		fw443_outfile_abort(&o);
		return ret;
	}
	return fw443_outfile_commit(&o) ? FW443_EXIT_FAILURE : FW443_EXIT_OK;
}

int stats_main(int argc, char *argv[], unsigned int opts)
{
	struct fw443_scrape s = { 0 };
	struct fw443_stats_args a;
	struct fw443_usage u;
	int ret = FW443_EXIT_FAILURE;

	if (fw443_stats_args_parse(argc - 1, argv + 1, opts, &a, &u))
		return fw443_cli_usage_error(argv[0], u.what, u.arg);
	if (a.help) {
		fputs(stats_usage, stdout);
		return FW443_EXIT_OK;
	}
	if (!stats_read(argv[0], &a, &s))
		ret = stats_output(argv[0], &a, &s);
	fw443_lists_free(&s.lists);
	return ret;
}
