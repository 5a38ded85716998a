// SPDX-License-Identifier: GPL-2.0
/*
 * "fw443 flows ...": the flow table's settings and content (flowargs.c).
 * A table holds millions of flows: each is printed as it is parsed, and
 * memory stays at one netlink message.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <uapi/linux/fw443.h>

#include "change.h"
#include "cli.h"
#include "flowargs.h"
#include "flowfmt.h"
#include "nl.h"
#include "output.h"
#include "subcommands.h"

static const char flows_usage[] =
	"Usage: " PROG_NAME " flows [OPERATION] [ARGS]\n"
	"\n"
	"The flow table: the TCP connections on port 443 fw443 tracks while the\n"
	"default policy is not none (see '" PROG_NAME " policy').\n"
	"\n"
	"  [list] [-j] [src PREFIX] [dst PREFIX] [state STATE]\n"
	"        one flow a line, conntrack-like; src holds the initiator, dst\n"
	"        the responder (/0: every address of an IP version)\n"
	"  set [max N] [pickup on|off] [timeout STATE SECONDS]...\n"
	"        max: the most flows tracked at once (0: the default, scaled to\n"
	"        memory; at most 16777216); pickup: adopt connections under way;\n"
	"        timeout: how long a flow in STATE lives without a packet\n"
	"        (1 to 2147483 seconds)\n"
	"  flush                forget every flow\n"
	"\n"
	"STATE is syn_sent, syn_sent2, syn_recv, established, fin_wait,\n"
	"close_wait, last_ack, time_wait or close.\n";

struct flows_out {
	const struct fw443_flow_filter *filter;
	bool json;
	struct fw443_json_array out;
};

static int flow_write(const struct fw443_flow *fl, void *data)
{
	struct flows_out *o = data;

	if (!fw443_flow_match(o->filter, fl))
		return 0;
	return o->json ? fw443_json_array_put(&o->out, fw443_flow_to_json(fl)) :
			 fw443_flow_print(fl, o->out.f);
}

static int flows_reply(const struct nlmsghdr *nlh, void *data,
		       struct fw443_error *err)
{
	return fw443_flows_parse(nlh, flow_write, data, err);
}

/*
 * The dump never restarts (a flow that lives through it is listed once),
 * so flows go straight to standard output.
 */
static int flows_list(const char *what, const struct fw443_flow_filter *f,
		      bool json)
{
	struct flows_out o = { f, json, { stdout, false } };
	struct fw443_nl *nl = fw443_nl_open(what);
	int ret;

	if (!nl)
		return FW443_EXIT_FAILURE;
	if (json)
		putchar('[');
	ret = fw443_nl_run(nl, fw443_nl_request(nl, FW443_CMD_FLOWS_GET,
						NLM_F_DUMP),
			   flows_reply, &o);
	fw443_nl_close(nl);
	if (ret)
		return FW443_EXIT_FAILURE;
	if (json && fputs("]\n", stdout) == EOF) {
		fprintf(stderr, "%s: %s: cannot write the output: %s\n",
			PROG_NAME, what, strerror(errno));
		return FW443_EXIT_FAILURE;
	}
	return FW443_EXIT_OK;
}

int fw443_flows_change(struct fw443_change *c, const void *flows_args)
{
	const struct fw443_flows_args *a = flows_args;
	bool set = a->op == FW443_FLOWS_SET;
	struct nlmsghdr *nlh;

	nlh = fw443_nl_request(c->nl, set ? FW443_CMD_FLOWS_SET :
					    FW443_CMD_FLOWS_FLUSH, 0);
	if (set)
		fw443_flow_settings_put(nlh, &a->set);
	return fw443_nl_run(c->nl, nlh, NULL, NULL);
}

int flows_main(int argc, char *argv[], unsigned int opts)
{
	struct fw443_flows_args a;
	struct fw443_usage u;
	unsigned int seen;
	int n, ret;

	ret = fw443_cli_cmd_words(argc, argv, flows_usage, &seen, &n);
	if (ret >= 0)
		return ret;
	if (fw443_flows_args_parse(n, argv + 1, seen, &a, &u))
		return fw443_cli_usage_error(argv[0], u.what, u.arg);
	if (a.op == FW443_FLOWS_LIST)
		return flows_list(argv[0], &a.filter,
				  (opts | seen) & FW443_OPT_JSON);
	return fw443_change_run(argv[0], false, fw443_flows_change, &a);
}
