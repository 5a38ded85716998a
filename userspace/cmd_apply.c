// SPDX-License-Identifier: GPL-2.0
/* "fw443 apply FILE", "fw443 check FILE" (apply.c) and "fw443 save". */
#include <uapi/linux/fw443.h>

#include "apply.h"
#include "cli.h"
#include "save.h"
#include "subcommands.h"

#define RULESET_GRAMMAR \
	"  zone set IFNAME ZONE\n" \
	"  flows set [max N] [pickup on|off] [timeout STATE SECONDS]...\n" \
	"  policy add from ZONE to ZONE [src PREFIX] [dst PREFIX] accept|drop\n" \
	"             [index N]\n" \
	"  policy default accept|drop|none\n" \
	"  block|allow create NAME [direction in|out|both] [counters]\n" \
	"  block|allow add PREFIX [list NAME] [timeout SECONDS]\n" \
	"  block|allow load NAME FILE [direction in|out|both] [counters]\n"

static const char apply_usage[] =
	"Usage: " PROG_NAME " apply FILE|-\n"
	"\n"
	"Replaces the whole configuration of this network namespace (zones, the\n"
	"connection policy, the flow table's settings, every list) with the one\n"
	"FILE states (- for standard input), in one transaction: all of it at\n"
	"once, or nothing when any line is wrong. A ruleset holds a command a\n"
	"line, in the words of this tool without '" PROG_NAME "':\n"
	"\n"
	RULESET_GRAMMAR
	"\n"
	"'#' starts a comment where a word would start; blank lines are fine.\n"
	"An error names FILE:LINE:COLUMN and what is wrong there. An apply\n"
	"waits up to 10 seconds for another one (or a load) to finish. Needs\n"
	"CAP_NET_ADMIN. '" PROG_NAME " save' prints the configuration as a\n"
	"ruleset; '" PROG_NAME " check' tries one without changing anything.\n";

static const char check_usage[] =
	"Usage: " PROG_NAME " check FILE|-\n"
	"\n"
	"Checks a ruleset (see '" PROG_NAME " help apply') as apply would apply it,\n"
	"the kernel's checks included, and changes nothing: the transaction is\n"
	"aborted at the end. Exit status 0 when it is valid. Without\n"
	"CAP_NET_ADMIN only its words are checked, and a message says so.\n";

static const char save_usage[] =
	"Usage: " PROG_NAME " save\n"
	"\n"
	"Prints the configuration of this network namespace as the ruleset that\n"
	"makes it, which '" PROG_NAME " apply' reads back: a comment naming the\n"
	"generation and the versions, then the zones, the flow table's settings\n"
	"that differ from the defaults, the rules in order, the default policy,\n"
	"and each list with its entries. Needs CAP_NET_ADMIN: entries reveal\n"
	"addresses.\n";

/*
 * The words after the command: @want of them (FILE, or none). Returns -1
 * when the command should go on, otherwise the exit status.
 */
static int ruleset_cmd_words(int argc, char *argv[], unsigned int opts,
			     const char *usage, int want)
{
	unsigned int seen;
	int n, ret;

	ret = fw443_cli_cmd_words(argc, argv, usage, &seen, &n);
	if (ret >= 0)
		return ret;
	if ((opts | seen) & FW443_OPT_JSON)
		return fw443_cli_usage_error(argv[0], "-j does not go with",
					     argv[0]);
	if (n < want)
		return fw443_cli_usage_error(argv[0], "missing FILE", NULL);
	if (n > want)
		return fw443_cli_usage_error(argv[0], "unexpected argument",
					     argv[1 + want]);
	return -1;
}

int apply_main(int argc, char *argv[], unsigned int opts)
{
	int ret = ruleset_cmd_words(argc, argv, opts, apply_usage, 1);

	return ret >= 0 ? ret : fw443_apply(argv[0], argv[1], true);
}

int check_main(int argc, char *argv[], unsigned int opts)
{
	int ret = ruleset_cmd_words(argc, argv, opts, check_usage, 1);

	return ret >= 0 ? ret : fw443_apply(argv[0], argv[1], false);
}

int save_main(int argc, char *argv[], unsigned int opts)
{
	int ret = ruleset_cmd_words(argc, argv, opts, save_usage, 0);

	return ret >= 0 ? ret : fw443_save(argv[0]);
}
