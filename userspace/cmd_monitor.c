// SPDX-License-Identifier: GPL-2.0
/*
 * "fw443 monitor": the events of this network namespace as they happen,
 * one a line (event.c), until SIGINT or SIGTERM. Each line is flushed
 * whole as soon as it is written: a UI reading a pipe sees it at once.
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <linux/genetlink.h>
#include <uapi/linux/fw443.h>

#include "cli.h"
#include "event.h"
#include "nl.h"
#include "output.h"
#include "status.h"
#include "subcommands.h"

static const char monitor_usage[] =
	"Usage: " PROG_NAME " [-j] monitor [-j]\n"
	"\n"
	"Prints the events of this network namespace as they happen, one a\n"
	"line, until interrupted (SIGINT or SIGTERM; exit status 0):\n"
	"\n"
	"  drop REASON [list=LIST] [from=ZONE to=ZONE] tcp SRC:PORT -> DST:PORT\n"
	"        a packet dropped: REASON is blocklist (LIST decided), policy\n"
	"        (the rules refused a connection from ZONE to ZONE), invalid,\n"
	"        table_full or fragment\n"
	"  new STATE [from=ZONE to=ZONE] tcp SRC:PORT -> DST:PORT [picked_up]\n"
	"        a connection entered the flow table\n"
	"  end REASON STATE tcp SRC:PORT -> DST:PORT packets=ORIG/REPLY\n"
	"        bytes=ORIG/REPLY age=Ns [picked_up]\n"
	"        a connection left it: expired (its state's timeout passed) or\n"
	"        evicted (given up for a new one when the table was full)\n"
	"\n"
	"SRC is the connection's initiator, a drop's the packet's source; IPv6\n"
	"addresses are in brackets. The module sends at most event_rate events a\n"
	"second (a module parameter, 200 by default; 0: none), and the next one\n"
	"sent comes after a line 'suppressed N events (rate limit)'. Events this\n"
	"reader was too slow for are lost: a message on standard error says so,\n"
	"and '" PROG_NAME " stats' counts them. Needs CAP_NET_ADMIN: events carry\n"
	"addresses.\n"
	"\n"
	"  -j, --json    one JSON object a line: {\"event\":\"drop\",\n"
	"                \"reason\":\"blocklist\",\"list\":\"LIST\",\"ip_version\":4,\n"
	"                \"src\":\"A\",\"sport\":N,\"dst\":\"B\",\"dport\":443}, and\n"
	"                \"state\", \"from\", \"to\", \"orig\":{\"packets\":N,\"bytes\":N},\n"
	"                \"reply\":{...}, \"age\":N, \"picked_up\":true and\n"
	"                \"suppressed\":N where they apply\n"
	"  -h, --help    show this help\n";

struct monitor {
	const char *what;
	bool json;
};

/*
 * Exits from the handler itself: a flag checked before each wait would
 * miss a signal that comes just before it, and a write to a pipe nobody
 * reads would hold off the exit. Lines go out whole, one fflush() each,
 * so none is cut short and none printed is lost.
 */
static void monitor_stop(int sig)
{
	(void)sig;
	_exit(FW443_EXIT_OK);
}

static int monitor_on_signals(void)
{
	struct sigaction sa = { .sa_handler = monitor_stop };

	return sigaction(SIGINT, &sa, NULL) || sigaction(SIGTERM, &sa, NULL);
}

/* An event JSON cannot hold (a count above 2^63) is reported and skipped. */
static int monitor_print(const struct monitor *m, const struct fw443_event *ev)
{
	if (m->json)
		fw443_output_json(stdout, m->what, fw443_event_to_json(ev));
	else
		fw443_event_print(ev, stdout);
	return fflush(stdout) == EOF || ferror(stdout) ? -1 : 0;
}

static int monitor_event(const struct nlmsghdr *nlh, void *data,
			 struct fw443_error *err)
{
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(nlh);
	struct monitor *m = data;
	struct fw443_error bad;
	struct fw443_event ev;

	/* Another command a newer module sends the group is no event. */
	if (mnl_nlmsg_get_payload_len(nlh) >= GENL_HDRLEN &&
	    genl->cmd != FW443_CMD_EVENT)
		return 0;
	if (fw443_event_parse(nlh, &ev, &bad)) {
		fprintf(stderr, "%s: %s: warning: skipped an event: %s\n",
			PROG_NAME, m->what, bad.msg);
		return 0;
	}
	if (monitor_print(m, &ev)) {
		fw443_error_set(err, "cannot write the events: %s",
				strerror(errno));
		return -1;
	}
	return 0;
}

/* Returns only on a failure, after reporting it. */
static int monitor_run(struct fw443_nl *nl, struct monitor *m)
{
	struct fw443_nl_ack ack;

	for (;;) {
		if (!fw443_nl_receive(nl, monitor_event, m, &ack) ||
		    ack.error == EINTR)
			continue;
		if (ack.error != ENOBUFS) {
			fw443_nl_report(nl, NULL, &ack);
			return FW443_EXIT_FAILURE;
		}
		fprintf(stderr,
			"%s: %s: events lost: this reader was too slow for them (the kernel counts them: '%s stats', events lost)\n",
			PROG_NAME, m->what, PROG_NAME);
	}
}

/*
 * A module loaded with event_rate=0 sends nothing: say so, rather than
 * wait in silence. Asked before joining, so no event mixes with the reply.
 */
static void monitor_warn_if_off(struct fw443_nl *nl, const char *what)
{
	struct fw443_status st;

	if (fw443_nl_run(nl, fw443_nl_request(nl, FW443_CMD_GET_STATUS, 0),
			 fw443_status_reply, &st))
		return;
	if (st.has_event_rate && !st.event_rate)
		fprintf(stderr,
			"%s: %s: warning: events are off: the module was loaded with event_rate=0; nothing will be shown\n",
			PROG_NAME, what);
}

int monitor_main(int argc, char *argv[], unsigned int opts)
{
	struct monitor m = { argv[0], false };
	struct fw443_nl *nl;
	int ret;

	ret = fw443_cli_simple_cmd_args(argc, argv, monitor_usage, &opts);
	if (ret >= 0)
		return ret;
	m.json = opts & FW443_OPT_JSON;
	if (monitor_on_signals()) {
		fprintf(stderr, "%s: %s: cannot handle SIGINT and SIGTERM: %s\n",
			PROG_NAME, m.what, strerror(errno));
		return FW443_EXIT_FAILURE;
	}
	nl = fw443_nl_open(m.what);
	if (!nl)
		return FW443_EXIT_FAILURE;
	monitor_warn_if_off(nl, m.what);
	ret = fw443_nl_join_events(nl) ? FW443_EXIT_FAILURE :
					 monitor_run(nl, &m);
	fw443_nl_close(nl);
	return ret;
}
