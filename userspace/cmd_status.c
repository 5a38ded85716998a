// SPDX-License-Identifier: GPL-2.0
#include <uapi/linux/fw443.h>

#include "cli.h"
#include "nl.h"
#include "output.h"
#include "status.h"
#include "subcommands.h"

static const char status_usage[] =
	"Usage: " PROG_NAME " [-j] status [-j]\n"
	"\n"
	"Shows the kernel module's version and the configuration generation of\n"
	"this network namespace, the most events it sends a second (event_rate,\n"
	"0: off); with a module that tracks connections, also the\n"
	"default policy, pickup, the flow table's use and size, and the timeouts\n"
	"per TCP state.\n"
	"\n"
	"  -j, --json    one JSON object: {\"version\":\"...\",\"generation\":N,\n"
	"                \"event_rate\":N},\n"
	"                and \"policy\",\"pickup\",\"flows_active\",\"flows_max\",\n"
	"                \"flow_size\",\"flow_buckets\",\"timeouts\":{\"STATE\":N,...}\n"
	"  -h, --help    show this help\n";

int status_main(int argc, char *argv[], unsigned int opts)
{
	struct fw443_status st;
	int ret;

	ret = fw443_cli_simple_cmd_args(argc, argv, status_usage, &opts);
	if (ret >= 0)
		return ret;
	if (fw443_nl_query(argv[0], FW443_CMD_GET_STATUS, fw443_status_reply,
			   &st))
		return FW443_EXIT_FAILURE;
	if (opts & FW443_OPT_JSON)
		return fw443_output_json(stdout, argv[0],
					 fw443_status_to_json(&st));
	fw443_status_print(&st, stdout);
	return FW443_EXIT_OK;
}
