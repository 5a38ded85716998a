// SPDX-License-Identifier: GPL-2.0
/*
 * fw443 - show and control the fw443 HTTPS firewall module.
 *
 * Global options, then a command from the table below; each command lives in
 * its own cmd_<name>.c.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "subcommands.h"
#include "version.h"

static int help_main(int argc, char *argv[], unsigned int opts);

static const struct fw443_subcommand subcommands[] = {
	{ "status", status_main,
	  "Show the module's version, configuration generation, flow table" },
	{ "stats", stats_main,
	  "Show traffic, drop and flow counters; --prometheus for scrapes" },
	{ "monitor", monitor_main,
	  "Print drops and connections as they happen, one a line" },
	{ "lists", lists_main,
	  "Show every block and allow list: sizes, memory, hits" },
	{ "block", block_main,
	  "Add, remove, load and list block lists and their entries" },
	{ "allow", allow_main,
	  "The same for allow lists: exceptions to block lists" },
	{ "zone", zone_main,
	  "Put interfaces in zones, for the connection policy" },
	{ "policy", policy_main,
	  "Rules on who may open a connection, and the default" },
	{ "flows", flows_main,
	  "List and flush tracked connections, set the flow table" },
	{ "apply", apply_main,
	  "Replace the whole configuration with a ruleset file, atomically" },
	{ "check", check_main,
	  "Check a ruleset file, the kernel's checks included; change nothing" },
	{ "save", save_main,
	  "Print the configuration as a ruleset that apply reads back" },
	{ "help", help_main, "Show this help, or a command's" },
};

#define NR_SUBCOMMANDS ARRAY_SIZE(subcommands)

static void show_usage(void)
{
	size_t i;

	printf("Usage: %s [OPTIONS] COMMAND [ARGS]\n"
	       "\n"
	       "Options:\n"
	       "  -j, --json      print JSON instead of text\n"
	       "  -h, --help      show this help\n"
	       "  -V, --version   show the version of this tool\n"
	       "\n"
	       "Commands:\n", PROG_NAME);
	for (i = 0; i < NR_SUBCOMMANDS; i++)
		printf("  %-8s  %s\n", subcommands[i].name,
		       subcommands[i].summary);
	printf("\nRun '%s help COMMAND' for a command's options.\n",
	       PROG_NAME);
}

/* @argv holds the help topics only: none, or one command's name. */
static int show_help(int argc, char *argv[])
{
	static char help_opt[] = "--help";
	const struct fw443_subcommand *cmd;
	char *cmd_argv[] = { NULL, help_opt, NULL };

	if (argc == 0) {
		show_usage();
		return FW443_EXIT_OK;
	}
	if (argc > 1)
		return fw443_cli_usage_error("help", "unexpected argument",
					     argv[1]);
	cmd = fw443_cli_find_cmd(subcommands, NR_SUBCOMMANDS, argv[0]);
	if (!cmd)
		return fw443_cli_usage_error(NULL, "unknown command", argv[0]);
	/* Each command knows its own usage and prints it for --help. */
	cmd_argv[0] = argv[0];
	return cmd->fn(2, cmd_argv, 0);
}

static int help_main(int argc, char *argv[], unsigned int opts)
{
	const char *bad = NULL;
	int n;

	n = fw443_cli_parse_opts(argc - 1, argv + 1, FW443_OPT_HELP, &opts,
				 &bad);
	if (n < 0)
		return fw443_cli_usage_error(argv[0], "unknown option", bad);
	if (opts & FW443_OPT_HELP)
		return show_help(0, NULL);
	return show_help(argc - n - 1, argv + n + 1);
}

static int run(int argc, char *argv[])
{
	const struct fw443_subcommand *cmd;
	const char *bad = NULL;
	unsigned int opts = 0;
	int n;

	n = fw443_cli_parse_opts(argc, argv,
				 FW443_OPT_JSON | FW443_OPT_HELP |
				 FW443_OPT_VERSION, &opts, &bad);
	if (n < 0)
		return fw443_cli_usage_error(NULL, "unknown option", bad);
	argc -= n;
	argv += n;
	if (opts & FW443_OPT_HELP)
		return show_help(argc, argv);
	if (opts & FW443_OPT_VERSION) {
		if (argc)
			return fw443_cli_usage_error(NULL,
						     "unexpected argument",
						     argv[0]);
		printf("%s %s\n", PROG_NAME, FW443_TOOL_VERSION);
		return FW443_EXIT_OK;
	}
	if (!argc)
		return fw443_cli_usage_error(NULL, "no command given", NULL);
	cmd = fw443_cli_find_cmd(subcommands, NR_SUBCOMMANDS, argv[0]);
	if (!cmd)
		return fw443_cli_usage_error(NULL, "unknown command", argv[0]);
	return cmd->fn(argc, argv, opts);
}

int main(int argc, char *argv[])
{
	int ret = run(argc - 1, argv + 1);

	/* Output that never reached its file (a full disk) is a failure. */
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, "%s: write error: %s\n", PROG_NAME,
			strerror(errno));
		return FW443_EXIT_FAILURE;
	}
	return ret;
}
