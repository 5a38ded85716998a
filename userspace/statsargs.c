// SPDX-License-Identifier: GPL-2.0
#include <string.h>

#include "cli.h"
#include "statsargs.h"

/* "--output FILE" at argv[*i], leaving *@i at FILE. */
static int stats_output(int argc, char *const argv[], int *i,
			struct fw443_stats_args *a, struct fw443_usage *u)
{
	const char *opt = argv[*i];

	if (a->output)
		return fw443_args_fail(u, "given twice:", opt);
	if (*i + 1 >= argc || !argv[*i + 1][0])
		return fw443_args_fail(u, "missing FILE after", opt);
	a->output = argv[++*i];
	return 0;
}

/* -j, -h and "--" as every command takes them. */
static int stats_common_opt(const char *word, unsigned int *opts,
			    struct fw443_usage *u)
{
	char *const argv[] = { (char *)word };
	const char *bad = NULL;

	if (fw443_cli_parse_opts(1, argv, FW443_OPT_JSON | FW443_OPT_HELP,
				 opts, &bad) == 1)
		return 0;
	return fw443_args_fail(u, bad ? "unknown option" :
				  "unexpected argument", word);
}

int fw443_stats_args_parse(int argc, char *const argv[], unsigned int opts,
			   struct fw443_stats_args *a, struct fw443_usage *u)
{
	bool prometheus = false, reset = false;
	int i, ret;

	memset(a, 0, sizeof(*a));
	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--prometheus")) {
			prometheus = true;
			ret = 0;
		} else if (!strcmp(argv[i], "--reset")) {
			reset = true;
			ret = 0;
		} else if (!strcmp(argv[i], "--output")) {
			ret = stats_output(argc, argv, &i, a, u);
		} else {
			ret = stats_common_opt(argv[i], &opts, u);
		}
		if (ret)
			return ret;
	}
	a->help = opts & FW443_OPT_HELP;
	if (a->help)
		return 0;
	if (prometheus && (opts & FW443_OPT_JSON))
		return fw443_args_fail(u, "-j and --prometheus are two formats: give one",
				       NULL);
	a->reset = reset;
	if (prometheus)
		a->format = FW443_STATS_PROMETHEUS;
	else if (opts & FW443_OPT_JSON)
		a->format = FW443_STATS_JSON;
	return 0;
}
