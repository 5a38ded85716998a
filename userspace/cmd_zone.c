// SPDX-License-Identifier: GPL-2.0
/* "fw443 zone ...": which interface is in which zone (zoneargs.c). */
#include <uapi/linux/fw443.h>

#include "change.h"
#include "cli.h"
#include "nl.h"
#include "spool.h"
#include "subcommands.h"
#include "zone.h"
#include "zoneargs.h"

static const char zone_usage[] =
	"Usage: " PROG_NAME " zone [OPERATION] [ARGS]\n"
	"\n"
	"Zones name where connections come from and go to, for the rules of\n"
	"'" PROG_NAME " policy'. Every interface is in zone 'outside' unless given\n"
	"another; the host itself is zone 'local'.\n"
	"\n"
	"  set IFNAME ZONE      put an interface in a zone (moving it if it was in\n"
	"                       one); an IFNAME ending in '+' stands for every\n"
	"                       interface starting with what precedes it\n"
	"  del IFNAME           put it back in 'outside'\n"
	"  [list] [-j]          the interfaces given a zone, one 'IFNAME ZONE' a\n"
	"                       line; JSON: [{\"interface\":\"eth0\",\"zone\":\"inside\"},...]\n"
	"\n"
	"ZONE is 1 to 15 letters, digits, '_' and '-', and not 'local' or 'any'.\n"
	"An exact IFNAME beats a wildcard, a longer wildcard a shorter one.\n";

static int zone_write(const struct nlmsghdr *nlh, void *data,
		      struct fw443_error *err)
{
	struct fw443_spool *sp = data;
	struct fw443_zone z;

	if (fw443_zone_parse(nlh, &z, err))
		return -1;
	if (sp->json ? fw443_json_array_put(&sp->out, fw443_zone_to_json(&z)) :
		       fw443_zone_print(&z, sp->out.f)) {
		fw443_error_set(err, "cannot write the zones");
		return -1;
	}
	return 0;
}

static int zone_read(struct fw443_nl *nl, struct fw443_spool *sp,
		     const void *data __attribute__((unused)))
{
	const char *what = fw443_nl_what(nl);

	if (fw443_nl_dump(nl, fw443_nl_request(nl, FW443_CMD_ZONE_GET,
					       NLM_F_DUMP),
			  zone_write, fw443_spool_restart, sp))
		return FW443_EXIT_FAILURE;
	return sp->json ? fw443_spool_output(sp, what, "[", "]\n") :
			  fw443_spool_output(sp, what, NULL, NULL);
}

int fw443_zone_change(struct fw443_change *c, const void *zone_args)
{
	const struct fw443_zone_args *a = zone_args;
	struct nlmsghdr *nlh;

	nlh = fw443_nl_request(c->nl, a->op == FW443_ZONE_SET ?
				      FW443_CMD_ZONE_SET : FW443_CMD_ZONE_DEL,
			       0);
	mnl_attr_put_strz(nlh, FW443_A_IFNAME, a->ifname);
	if (a->zone)
		mnl_attr_put_strz(nlh, FW443_A_ZONE, a->zone);
	return fw443_nl_run(c->nl, nlh, NULL, NULL);
}

int zone_main(int argc, char *argv[], unsigned int opts)
{
	struct fw443_zone_args a;
	struct fw443_usage u;
	unsigned int seen;
	int n, ret;

	ret = fw443_cli_cmd_words(argc, argv, zone_usage, &seen, &n);
	if (ret >= 0)
		return ret;
	if (fw443_zone_args_parse(n, argv + 1, seen, &a, &u))
		return fw443_cli_usage_error(argv[0], u.what, u.arg);
	if (a.op == FW443_ZONE_LIST)
		return fw443_spool_run(argv[0], (opts | seen) & FW443_OPT_JSON,
				       zone_read, NULL);
	return fw443_change_run(argv[0], false, fw443_zone_change, &a);
}
