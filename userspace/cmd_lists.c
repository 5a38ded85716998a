// SPDX-License-Identifier: GPL-2.0
#include "cli.h"
#include "show.h"
#include "subcommands.h"

static const char lists_usage[] =
	"Usage: " PROG_NAME " [-j] lists [-j]\n"
	"\n"
	"Shows every block and allow list of this network namespace: its kind,\n"
	"direction, IPv4 and IPv6 entry counts, the kernel memory it takes, and\n"
	"the packets that matched it. Entries are not read: fast on any size.\n"
	"\n"
	"  -j, --json    one JSON object: {\"lists\":[{\"name\":\"manual\",\n"
	"                \"kind\":\"block\",\"direction\":\"both\",\"counters\":false,\n"
	"                \"entries_v4\":N,\"entries_v6\":N,\"memory_bytes\":N,\n"
	"                \"hits\":N},...]}\n"
	"  -h, --help    show this help\n";

int lists_main(int argc, char *argv[], unsigned int opts)
{
	int ret = fw443_cli_simple_cmd_args(argc, argv, lists_usage, &opts);

	if (ret >= 0)
		return ret;
	return fw443_show_lists(argv[0], opts);
}
