// SPDX-License-Identifier: GPL-2.0
/*
 * "fw443 policy ...": the rules that decide who may open a connection, and
 * the default for those no rule matches (ruleargs.c).
 */
#include <stdio.h>
#include <uapi/linux/fw443.h>

#include "change.h"
#include "cli.h"
#include "nl.h"
#include "policy.h"
#include "rule.h"
#include "ruleargs.h"
#include "spool.h"
#include "status.h"
#include "subcommands.h"

static const char policy_usage[] =
	"Usage: " PROG_NAME " policy [OPERATION] [ARGS]\n"
	"\n"
	"The connection policy: who may open a connection to port 443. The rules\n"
	"are tried in order on a connection's first SYN, the first that matches\n"
	"decides, and the default decides when none does.\n"
	"\n"
	"  add from ZONE to ZONE [src PREFIX] [dst PREFIX] accept|drop [index N]\n"
	"        add a rule: at the end, or before rule N; the words come in any\n"
	"        order\n"
	"  del N                remove rule N\n"
	"  flush                remove every rule\n"
	"  default accept|drop|none\n"
	"        what a connection no rule matches gets; none turns connection\n"
	"        tracking off (lists only), the default\n"
	"  [list] [-j]          the default, pickup (see '" PROG_NAME " flows set') and\n"
	"                       the rules, numbered, in the words add takes\n"
	"\n"
	"from is the zone of the initiator, to that of the responder (see\n"
	"'" PROG_NAME " zone'); 'local' is the host, 'any' every zone. src and dst\n"
	"are the initiator's and the responder's addresses, ADDRESS[/LENGTH] of\n"
	"one IP version; /0 is every address of the version.\n";

static const uint8_t policy_cmds[] = {
	[FW443_POLICY_ADD]     = FW443_CMD_RULE_ADD,
	[FW443_POLICY_DEL]     = FW443_CMD_RULE_DEL,
	[FW443_POLICY_FLUSH]   = FW443_CMD_RULE_FLUSH,
	[FW443_POLICY_DEFAULT] = FW443_CMD_FLOWS_SET,
};

int fw443_policy_change(struct fw443_change *c, const void *policy_args)
{
	const struct fw443_policy_args *a = policy_args;
	struct nlmsghdr *nlh = fw443_nl_request(c->nl, policy_cmds[a->op], 0);

	if (a->op == FW443_POLICY_ADD)
		fw443_rule_put(nlh, &a->rule);
	if (a->op == FW443_POLICY_DEFAULT)
		mnl_attr_put_u8(nlh, FW443_A_POLICY, a->policy);
	else if (a->index)
		mnl_attr_put_u32(nlh, FW443_A_RULE_INDEX, a->index);
	return fw443_nl_run(c->nl, nlh, NULL, NULL);
}

static int rule_write(const struct nlmsghdr *nlh, void *data,
		      struct fw443_error *err)
{
	struct fw443_spool *sp = data;
	struct fw443_rule r;
	uint32_t index;

	if (fw443_rule_parse(nlh, &index, &r, err))
		return -1;
	if (sp->json ? fw443_json_array_put(&sp->out,
					    fw443_rule_to_json(index, &r)) :
		       fw443_rule_print(index, &r, sp->out.f)) {
		fw443_error_set(err, "cannot write the rules");
		return -1;
	}
	return 0;
}

static int status_reply(const struct nlmsghdr *nlh, void *data,
			struct fw443_error *err)
{
	return fw443_status_parse(nlh, data, err);
}

/* The default and pickup from the status, then the rules. */
static int policy_output(const char *what, const struct fw443_flow_status *fs,
			 struct fw443_spool *sp)
{
	const char *policy = fw443_policy_name(fs->policy);
	char head[80];

	if (!sp->json) {
		snprintf(head, sizeof(head), "default %s\npickup %s\n", policy,
			 fs->pickup ? "on" : "off");
		return fw443_spool_output(sp, what, head, NULL);
	}
	snprintf(head, sizeof(head),
		 "{\"default\":\"%s\",\"pickup\":%s,\"rules\":[", policy,
		 fs->pickup ? "true" : "false");
	return fw443_spool_output(sp, what, head, "]}\n");
}

static int policy_read(struct fw443_nl *nl, struct fw443_spool *sp,
		       const void *data __attribute__((unused)))
{
	struct fw443_status st;

	if (fw443_nl_run(nl, fw443_nl_request(nl, FW443_CMD_GET_STATUS, 0),
			 status_reply, &st))
		return FW443_EXIT_FAILURE;
	if (!st.has_flows) {
		fprintf(stderr,
			"%s: %s: the fw443 module %s has no connection policy; load a newer one\n",
			PROG_NAME, fw443_nl_what(nl), st.version);
		return FW443_EXIT_FAILURE;
	}
	if (fw443_nl_dump(nl, fw443_nl_request(nl, FW443_CMD_RULE_GET,
					       NLM_F_DUMP),
			  rule_write, fw443_spool_restart, sp))
		return FW443_EXIT_FAILURE;
	return policy_output(fw443_nl_what(nl), &st.flows, sp);
}

int policy_main(int argc, char *argv[], unsigned int opts)
{
	struct fw443_policy_args a;
	struct fw443_usage u;
	unsigned int seen;
	int n, ret;

	ret = fw443_cli_cmd_words(argc, argv, policy_usage, &seen, &n);
	if (ret >= 0)
		return ret;
	if (fw443_policy_args_parse(n, argv + 1, seen, &a, &u))
		return fw443_cli_usage_error(argv[0], u.what, u.arg);
	if (a.op == FW443_POLICY_LIST)
		return fw443_spool_run(argv[0], (opts | seen) & FW443_OPT_JSON,
				       policy_read, NULL);
	return fw443_change_run(argv[0], false, fw443_policy_change, &a);
}
