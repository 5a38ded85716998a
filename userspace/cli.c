// SPDX-License-Identifier: GPL-2.0
/*
 * Option and command lookup. Options are plain flags, so they are matched
 * against a table rather than through getopt_long(), whose global state and
 * own error messages would get in the way of reporting usage errors in one
 * line and of testing this code.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct {
	unsigned int flag;
	const char *short_name;
	const char *long_name;
} cli_options[] = {
	{ FW443_OPT_JSON, "-j", "--json" },
	{ FW443_OPT_HELP, "-h", "--help" },
	{ FW443_OPT_VERSION, "-V", "--version" },
};

static bool cli_is_option(const char *arg)
{
	return arg[0] == '-' && arg[1] != '\0';
}

static unsigned int cli_option_flag(const char *arg)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cli_options); i++) {
		if (!strcmp(arg, cli_options[i].short_name) ||
		    !strcmp(arg, cli_options[i].long_name))
			return cli_options[i].flag;
	}
	return 0;
}

int fw443_cli_parse_opts(int argc, char *const argv[], unsigned int allowed,
			 unsigned int *opts, const char **bad)
{
	int i;

	for (i = 0; i < argc && cli_is_option(argv[i]); i++) {
		unsigned int flag;

		if (!strcmp(argv[i], "--"))
			return i + 1;
		flag = cli_option_flag(argv[i]) & allowed;
		if (!flag) {
			*bad = argv[i];
			return -1;
		}
		*opts |= flag;
	}
	return i;
}

const struct fw443_subcommand *fw443_cli_find_cmd(const struct fw443_subcommand *cmds,
					   size_t ncmds, const char *name)
{
	size_t i;

	for (i = 0; i < ncmds; i++) {
		if (!strcmp(cmds[i].name, name))
			return &cmds[i];
	}
	return NULL;
}

int fw443_cli_usage_error(const char *cmd, const char *what, const char *arg)
{
	fprintf(stderr, "%s: %s%s%s%s%s%s; run '%s help%s%s' for usage\n",
		PROG_NAME, cmd ? cmd : "", cmd ? ": " : "", what,
		arg ? " '" : "", arg ? arg : "", arg ? "'" : "",
		PROG_NAME, cmd ? " " : "", cmd ? cmd : "");
	return FW443_EXIT_USAGE;
}

int fw443_cli_simple_cmd_args(int argc, char *argv[], const char *usage,
			      unsigned int *opts)
{
	const char *bad = NULL;
	unsigned int seen = 0;
	int n;

	n = fw443_cli_parse_opts(argc - 1, argv + 1,
				 FW443_OPT_JSON | FW443_OPT_HELP, &seen, &bad);
	if (n < 0)
		return fw443_cli_usage_error(argv[0], "unknown option", bad);
	if (seen & FW443_OPT_HELP) {
		fputs(usage, stdout);
		return FW443_EXIT_OK;
	}
	if (n + 1 < argc)
		return fw443_cli_usage_error(argv[0], "unexpected argument",
					     argv[n + 1]);
	*opts |= seen;
	return -1;
}

int fw443_cli_split_opts(int argc, char *argv[], unsigned int *opts,
			 const char **bad)
{
	int i, n = 0;

	for (i = 0; i < argc; i++) {
		unsigned int flag;

		if (!strcmp(argv[i], "--")) {
			while (++i < argc)
				argv[n++] = argv[i];
			break;
		}
		if (!cli_is_option(argv[i])) {
			argv[n++] = argv[i];
			continue;
		}
		flag = cli_option_flag(argv[i]) &
		       (FW443_OPT_JSON | FW443_OPT_HELP);
		if (!flag) {
			*bad = argv[i];
			return -1;
		}
		*opts |= flag;
	}
	return n;
}

int fw443_cli_cmd_words(int argc, char *argv[], const char *usage,
			unsigned int *opts, int *nwords)
{
	const char *bad = NULL;

	*opts = 0;
	*nwords = fw443_cli_split_opts(argc - 1, argv + 1, opts, &bad);
	if (*nwords < 0)
		return fw443_cli_usage_error(argv[0], "unknown option", bad);
	if (*opts & FW443_OPT_HELP) {
		fputs(usage, stdout);
		return FW443_EXIT_OK;
	}
	return -1;
}
