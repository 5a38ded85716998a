/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Command-line handling shared by main() and the subcommands: exit codes,
 * the options every command understands, and how usage errors are reported.
 */
#ifndef FW443_CLI_H
#define FW443_CLI_H

#include <stdbool.h>
#include <stddef.h>

#define PROG_NAME "fw443"

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

enum fw443_exit {
	FW443_EXIT_OK = 0,
	FW443_EXIT_FAILURE = 1,	/* runtime: the kernel or netlink said no */
	FW443_EXIT_USAGE = 2,	/* the command line was wrong */
};

/* Option flags, both as accepted (a mask) and as seen. */
#define FW443_OPT_JSON		(1u << 0)
#define FW443_OPT_HELP		(1u << 1)
#define FW443_OPT_VERSION	(1u << 2)

struct fw443_subcommand {
	const char *name;
	/*
	 * argv[0] is the command's name; opts holds the global options given
	 * before it. Returns an exit status.
	 */
	int (*fn)(int argc, char *argv[], unsigned int opts);
	const char *summary;
};

/*
 * Consumes the options at the front of argv, stopping at the first argument
 * that is not an option or after "--". Only options in @allowed are accepted;
 * those seen are ORed into *opts. Returns how many arguments were consumed, or
 * -1 with *bad pointing at an argument that is not an allowed option.
 */
int fw443_cli_parse_opts(int argc, char *const argv[], unsigned int allowed,
			 unsigned int *opts, const char **bad);

const struct fw443_subcommand *fw443_cli_find_cmd(const struct fw443_subcommand *cmds,
					   size_t ncmds, const char *name);

/*
 * Prints "fw443: [CMD: ]WHAT[ 'ARG']; run 'fw443 help [CMD]' for usage" to
 * stderr and returns FW443_EXIT_USAGE. @cmd and @arg may be NULL.
 */
int fw443_cli_usage_error(const char *cmd, const char *what, const char *arg);

/*
 * Argument handling for a command that takes only -j and -h: argv[0] is the
 * command's name. Prints @usage for -h, reports anything else as a usage
 * error. Returns -1 when the command should go on (with -j ORed into *opts),
 * otherwise the exit status to return.
 */
int fw443_cli_simple_cmd_args(int argc, char *argv[], const char *usage,
			      unsigned int *opts);

/*
 * Takes -j and -h out of the @argc words at @argv wherever they stand (up
 * to a "--", which goes too), ORing them into *opts, and moves the other
 * words to the front, in order. Returns how many words are left, or -1 with
 * *bad pointing at an option that is neither.
 */
int fw443_cli_split_opts(int argc, char *argv[], unsigned int *opts,
			 const char **bad);

/*
 * The start of a command with a grammar of its own: argv[0] is the
 * command's name. Prints @usage for -h, reports an unknown option. Returns
 * -1 when the command should go on with the *nwords words now at argv + 1
 * and the options given after its name in *opts; otherwise the exit status.
 */
int fw443_cli_cmd_words(int argc, char *argv[], const char *usage,
			unsigned int *opts, int *nwords);

#endif
