/* SPDX-License-Identifier: GPL-2.0 */
/* One function per subcommand, each in its own cmd_<name>.c. */
#ifndef FW443_SUBCOMMANDS_H
#define FW443_SUBCOMMANDS_H

int status_main(int argc, char *argv[], unsigned int opts);
int stats_main(int argc, char *argv[], unsigned int opts);
int monitor_main(int argc, char *argv[], unsigned int opts);
int lists_main(int argc, char *argv[], unsigned int opts);
int block_main(int argc, char *argv[], unsigned int opts);
int allow_main(int argc, char *argv[], unsigned int opts);
int zone_main(int argc, char *argv[], unsigned int opts);
int policy_main(int argc, char *argv[], unsigned int opts);
int flows_main(int argc, char *argv[], unsigned int opts);
int apply_main(int argc, char *argv[], unsigned int opts);
int check_main(int argc, char *argv[], unsigned int opts);
int save_main(int argc, char *argv[], unsigned int opts);

#endif
