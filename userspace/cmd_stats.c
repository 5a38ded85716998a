// SPDX-License-Identifier: GPL-2.0
#include <uapi/linux/fw443.h>

#include "cli.h"
#include "nl.h"
#include "output.h"
#include "stats.h"
#include "subcommands.h"

static const char stats_usage[] =
	"Usage: " PROG_NAME " [-j] stats [-j]\n"
	"\n"
	"Shows the HTTPS traffic counters of this network namespace: packets and\n"
	"bytes per IP version and direction (to_server: towards port 443,\n"
	"to_client: from port 443); packets dropped per reason; and the flow\n"
	"table's counters (accepted_new, accepted_established, created, expired,\n"
	"evicted) and gauges (active, max).\n"
	"\n"
	"  -j, --json    one JSON object: {\"traffic\":[{\"ip_version\":4,\n"
	"                \"direction\":\"to_server\",\"packets\":N,\"bytes\":N},...],\n"
	"                \"drops\":[{\"reason\":\"policy\",\"packets\":N},...],\n"
	"                \"flows\":{\"accepted_new\":N,...,\"active\":N,\"max\":N}}\n"
	"  -h, --help    show this help\n";

int stats_main(int argc, char *argv[], unsigned int opts)
{
	struct fw443_stats stats;
	int ret;

	ret = fw443_cli_simple_cmd_args(argc, argv, stats_usage, &opts);
	if (ret >= 0)
		return ret;
	if (fw443_nl_query(argv[0], FW443_CMD_GET_STATS, fw443_stats_reply,
			   &stats))
		return FW443_EXIT_FAILURE;
	if (opts & FW443_OPT_JSON)
		return fw443_output_json(stdout, argv[0],
					 fw443_stats_to_json(&stats));
	fw443_stats_print(&stats, stdout);
	return FW443_EXIT_OK;
}
