// SPDX-License-Identifier: GPL-2.0
/*
 * A ruleset replaces the whole configuration, atomically: in a transaction
 * that begins at the generation read first, the running zones, rules and
 * flow settings are cleared, then the file's commands are staged in order,
 * each by the same code as on the command line (change.h), and COMMIT
 * switches to the result in one step. Any error aborts, and nothing
 * changed; the message names the line. The file is read as a stream and
 * its add lines go packed: a million of them take a few dozen requests.
 *
 * Running lists are not cleared here but by the stage (stage.c), which
 * redefines in place those the ruleset names again.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <uapi/linux/fw443.h>

#include "apply.h"
#include "change.h"
#include "cli.h"
#include "feed.h"
#include "ruleset.h"
#include "stage.h"
#include "status.h"
#include "zone.h"

/* How long a ruleset waits for another transaction to end. */
#define APPLY_BUSY_MS		10000
#define APPLY_BACKOFF_MIN_MS	10
#define APPLY_BACKOFF_MAX_MS	500

struct apply {
	const char *what;	/* "apply" or "check" */
	const char *path;	/* the file, as messages name it */
	bool commit;
	bool kernel;		/* false: an unprivileged check parses */
	struct fw443_change c;
	struct fw443_status st;
	struct fw443_feed in;	/* the ruleset's lines */
	char where[PATH_MAX + 64];	/* "PATH:LINE:COL" of the command */
};

static const fw443_change_fn apply_changes[] = {
	[FW443_RULESET_ZONE]	= fw443_zone_change,
	[FW443_RULESET_POLICY]	= fw443_policy_change,
	[FW443_RULESET_FLOWS]	= fw443_flows_change,
	[FW443_RULESET_LIST]	= fw443_list_change,
};

static long apply_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void apply_sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	nanosleep(&ts, NULL);
}

/*
 * TXN_BEGIN at the generation of the status read just before. Another
 * transaction (an apply, a load) makes it wait its turn, with backoff, for
 * APPLY_BUSY_MS at most. Returns 0, 1 when not permitted, or -1 after
 * reporting a failure.
 */
static int apply_begin(struct apply *ap)
{
	struct fw443_nl *nl = ap->c.nl;
	long deadline = apply_now_ms() + APPLY_BUSY_MS;
	long backoff = APPLY_BACKOFF_MIN_MS;
	struct fw443_nl_ack ack;
	struct nlmsghdr *nlh;

	for (;;) {
		if (fw443_nl_run(nl, fw443_nl_request(nl, FW443_CMD_GET_STATUS,
						      0),
				 fw443_status_reply, &ap->st))
			return -1;
		nlh = fw443_nl_request(nl, FW443_CMD_TXN_BEGIN, 0);
		mnl_attr_put_u64(nlh, FW443_A_GENERATION, ap->st.generation);
		if (!fw443_nl_call(nl, nlh, NULL, NULL, &ack))
			return 0;
		if (ack.error == EPERM)
			return 1;
		if (ack.error != EBUSY) {
			fw443_nl_report(nl, NULL, &ack);
			return -1;
		}
		if (apply_now_ms() >= deadline) {
			fprintf(stderr,
				"%s: %s: another transaction (an apply or a load) kept the configuration busy for %d s; nothing changed, try again\n",
				PROG_NAME, ap->what, APPLY_BUSY_MS / 1000);
			return -1;
		}
		apply_sleep_ms(backoff);
		backoff = backoff * 2 > APPLY_BACKOFF_MAX_MS ?
			  APPLY_BACKOFF_MAX_MS : backoff * 2;
	}
}

struct apply_zones {
	int n;
	struct fw443_zone z[FW443_IFACES_MAX];
};

static int apply_zone_reply(const struct nlmsghdr *nlh, void *data,
			    struct fw443_error *err)
{
	struct apply_zones *zs = data;

	if (zs->n == FW443_IFACES_MAX) {
		fw443_error_set(err, "more than %d interfaces with a zone",
				FW443_IFACES_MAX);
		return -1;
	}
	return fw443_zone_parse(nlh, &zs->z[zs->n++], err);
}

static int apply_zone_restart(void *data)
{
	struct apply_zones *zs = data;

	zs->n = 0;
	return 0;
}

/* Back to the defaults: no zones, no rules, policy none, default flows. */
static int apply_reset(struct apply *ap)
{
	struct fw443_policy_args flush = { .op = FW443_POLICY_FLUSH };
	struct fw443_policy_args none = { .op = FW443_POLICY_DEFAULT,
					  .policy = FW443_POLICY_NONE };
	struct fw443_flows_args flows = { .op = FW443_FLOWS_SET };
	struct fw443_nl *nl = ap->c.nl;
	struct apply_zones zs = { 0 };
	int i;

	/* A module without a connection policy has none to clear. */
	if (!ap->st.has_flows)
		return 0;
	if (fw443_nl_dump(nl, fw443_nl_request(nl, FW443_CMD_ZONE_GET,
					       NLM_F_DUMP),
			  apply_zone_reply, apply_zone_restart, &zs))
		return -1;
	for (i = 0; i < zs.n; i++) {
		struct fw443_zone_args del = {
			.op = FW443_ZONE_DEL, .ifname = zs.z[i].ifname,
		};

		if (fw443_zone_change(&ap->c, &del))
			return -1;
	}
	fw443_flow_settings_default(&flows.set);
	return fw443_policy_change(&ap->c, &flush) ||
	       fw443_policy_change(&ap->c, &none) ||
	       fw443_flows_change(&ap->c, &flows) ? -1 : 0;
}

static void apply_parse_error(const struct apply *ap,
			      const struct fw443_parse_error *err)
{
	if (err->col)
		fprintf(stderr, "%s: %s:%lu:%u: %s\n", PROG_NAME, ap->path,
			ap->in.line, err->col, err->msg);
	else
		fprintf(stderr, "%s: %s:%lu: %s\n", PROG_NAME, ap->path,
			ap->in.line, err->msg);
}

/* One line: parsed, then staged in its turn. */
static int apply_line(struct apply *ap, size_t n)
{
	struct fw443_parse_error err;
	struct fw443_ruleset_words w;
	struct fw443_ruleset_cmd cmd;
	bool add;

	if (fw443_ruleset_split(ap->in.buf, n, &w, &err) ||
	    (w.n && fw443_ruleset_parse(&w, &cmd, &err))) {
		apply_parse_error(ap, &err);
		return -1;
	}
	if (!w.n || !ap->kernel)
		return 0;
	/* Kernel errors name the line, at its command. */
	snprintf(ap->where, sizeof(ap->where), "%s:%lu:%u", ap->path,
		 ap->in.line, (unsigned int)(w.word[0] - w.line + 1));
	ap->c.stage->line = ap->in.line;
	add = cmd.type == FW443_RULESET_LIST &&
	      cmd.args.list.op == FW443_OP_ADD;
	if (!add && fw443_stage_flush(ap->c.stage))
		return -1;
	return apply_changes[cmd.type](&ap->c, &cmd.args);
}

static int apply_lines(struct apply *ap)
{
	struct fw443_parse_error err;
	size_t n;
	int ret;

	if (ap->kernel)
		fw443_nl_set_what(ap->c.nl, ap->where);
	while ((ret = fw443_feed_read_line(&ap->in, &n, &err)) > 0) {
		if (apply_line(ap, n))
			return -1;
	}
	if (ret < 0)
		apply_parse_error(ap, &err);
	fw443_nl_set_what(ap->c.nl, ap->what);
	return ret;
}

/* Commit what was staged, or drop it for a check. */
static int apply_end(struct apply *ap)
{
	struct fw443_nl *nl = ap->c.nl;
	struct fw443_nl_ack ack;

	if (fw443_stage_finish(ap->c.stage))
		return -1;
	if (!ap->commit)
		return fw443_nl_command(nl, FW443_CMD_TXN_ABORT);
	if (!fw443_nl_call(nl, fw443_nl_request(nl, FW443_CMD_TXN_COMMIT, 0),
			   NULL, NULL, &ack))
		return 0;
	if (ack.error == ESTALE)
		fprintf(stderr,
			"%s: %s: the configuration changed while the ruleset was staged; nothing changed, try again\n",
			PROG_NAME, ap->what);
	else
		fw443_nl_report(nl, NULL, &ack);
	return -1;
}

static int apply_txn(struct apply *ap)
{
	ap->c.stage = fw443_stage_new(ap->c.nl, ap->path);
	if (!ap->c.stage)
		return -1;
	return apply_reset(ap) || apply_lines(ap) || apply_end(ap) ? -1 : 0;
}

/* The first privileged request decides what a check does. */
static int apply_run(struct apply *ap)
{
	int ret = apply_begin(ap);

	if (ret < 0)
		return -1;
	if (!ret) {
		ap->kernel = true;
		if (!apply_txn(ap))
			return 0;
		fw443_nl_txn_abort(ap->c.nl);
		return -1;
	}
	if (ap->commit) {
		fprintf(stderr,
			"%s: %s: not permitted: changing the configuration needs CAP_NET_ADMIN in this network namespace (run as root); nothing changed\n",
			PROG_NAME, ap->what);
		return -1;
	}
	if (apply_lines(ap))
		return -1;
	fprintf(stderr,
		"%s: %s: %s: the syntax is valid; the kernel's checks were skipped: they need CAP_NET_ADMIN\n",
		PROG_NAME, ap->what, ap->path);
	return 0;
}

int fw443_apply(const char *what, const char *file, bool commit)
{
	struct apply *ap = calloc(1, sizeof(*ap));
	int ret = FW443_EXIT_FAILURE;
	FILE *f = stdin;

	if (!ap) {
		fprintf(stderr, "%s: %s: %s\n", PROG_NAME, what,
			strerror(errno));
		return ret;
	}
	ap->what = what;
	ap->commit = commit;
	ap->path = strcmp(file, "-") ? file : "<stdin>";
	if (strcmp(file, "-")) {
		f = fopen(file, "r");
		if (!f)
			fprintf(stderr, "%s: %s: %s\n", PROG_NAME, file,
				strerror(errno));
	}
	ap->c.nl = f ? fw443_nl_open(what) : NULL;
	if (ap->c.nl) {
		fw443_feed_init(&ap->in, f);
		if (!apply_run(ap))
			ret = FW443_EXIT_OK;
		fw443_stage_free(ap->c.stage);
		fw443_nl_close(ap->c.nl);
	}
	if (f && f != stdin)
		fclose(f);
	free(ap);
	return ret;
}
