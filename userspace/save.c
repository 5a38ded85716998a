// SPDX-License-Identifier: GPL-2.0
/*
 * The configuration is read with dumps, every list's entries included, and
 * written line by line into a spool (a temporary file: a list holds
 * millions of entries). When the configuration changed while it was read,
 * by the generation or a dump the kernel marked interrupted, it is read
 * again from the start; only a whole, consistent reading is printed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysinfo.h>
#include <uapi/linux/fw443.h>

#include "cli.h"
#include "entry.h"
#include "flowargs.h"
#include "listnl.h"
#include "lists.h"
#include "rule.h"
#include "ruleset_print.h"
#include "save.h"
#include "spool.h"
#include "status.h"
#include "version.h"
#include "zone.h"

/* A configuration that keeps changing is read this often. */
#define SAVE_TRIES	4

struct save {
	struct fw443_nl *nl;
	FILE *f;			/* the spool */
	struct fw443_status st;
	struct fw443_lists lists;
	const struct fw443_list_info *list;	/* whose entries come */
};

static int save_zone_reply(const struct nlmsghdr *nlh, void *data,
			   struct fw443_error *err)
{
	struct save *sv = data;
	struct fw443_zone z;

	if (fw443_zone_parse(nlh, &z, err))
		return -1;
	fw443_ruleset_print_zone(sv->f, z.ifname, z.zone);
	return 0;
}

static int save_rule_reply(const struct nlmsghdr *nlh, void *data,
			   struct fw443_error *err)
{
	struct save *sv = data;
	struct fw443_rule r;
	uint32_t index;

	if (fw443_rule_parse(nlh, &index, &r, err))
		return -1;
	/* Rules come in order: appending each puts it back in its place. */
	fw443_ruleset_print_rule(sv->f, &r, 0);
	return 0;
}

static int save_entry(const struct fw443_list_entry *e, void *data)
{
	struct save *sv = data;

	fw443_ruleset_print_entry(sv->f, sv->list->kind, sv->list->name,
				  &e->prefix, e->timeout);
	return 0;
}

static int save_entries_reply(const struct nlmsghdr *nlh, void *data,
			      struct fw443_error *err)
{
	return fw443_entries_parse(nlh, save_entry, data, err);
}

/*
 * Runs the dump @req, @fn writing or keeping what it gives (@data, or the
 * save itself). Returns 0, 1 when the configuration changed during it, or
 * -1 after reporting a failure.
 */
static int save_dump(struct save *sv, struct nlmsghdr *req,
		     fw443_nl_reply_fn fn, void *data)
{
	struct fw443_nl_ack ack;

	if (!fw443_nl_call(sv->nl, req, fn, data ? data : sv, &ack))
		return 0;
	if (ack.error == EINTR)
		return 1;
	if (ack.error == EPERM)
		fprintf(stderr,
			"%s: %s: not permitted: list entries reveal addresses, so reading them needs CAP_NET_ADMIN (run as root)\n",
			PROG_NAME, fw443_nl_what(sv->nl));
	else
		fw443_nl_report(sv->nl, NULL, &ack);
	return -1;
}

static int save_status(struct save *sv)
{
	return fw443_nl_run(sv->nl, fw443_nl_request(sv->nl,
						     FW443_CMD_GET_STATUS, 0),
			    fw443_status_reply, &sv->st);
}

/* What "max 0" stands for here: the module scales it to memory. */
static uint32_t save_default_max(void)
{
	struct sysinfo si;

	if (sysinfo(&si))
		return 0;
	return fw443_flows_default_max((uint64_t)si.totalram * si.mem_unit);
}

/* Zones, flow settings, rules and the default: a module that has them. */
static int save_policy(struct save *sv)
{
	struct fw443_nl *nl = sv->nl;
	struct fw443_flow_settings s;
	int ret;

	ret = save_dump(sv, fw443_nl_request(nl, FW443_CMD_ZONE_GET,
					     NLM_F_DUMP), save_zone_reply, NULL);
	if (ret)
		return ret;
	if (fw443_flow_settings_diff(&sv->st.flows, save_default_max(), &s))
		fw443_ruleset_print_flows(sv->f, &s);
	ret = save_dump(sv, fw443_nl_request(nl, FW443_CMD_RULE_GET,
					     NLM_F_DUMP), save_rule_reply, NULL);
	if (ret)
		return ret;
	if (sv->st.flows.policy != FW443_POLICY_NONE)
		fw443_ruleset_print_default(sv->f, sv->st.flows.policy);
	return 0;
}

static int save_list_cmp(const void *a, const void *b)
{
	const struct fw443_list_info *x = a, *y = b;

	return strcmp(x->name, y->name);
}

/*
 * Lists in the order of their names: the kernel keeps the order they were
 * made in, which an apply does not reproduce (a list it redefines keeps its
 * place), and the order means nothing to a lookup.
 */
static int save_lists(struct save *sv)
{
	struct fw443_nl *nl = sv->nl;
	size_t i;
	int ret;

	fw443_lists_restart(&sv->lists);
	ret = save_dump(sv, fw443_nl_request(nl, FW443_CMD_LIST_GET,
					     NLM_F_DUMP), fw443_lists_reply,
			&sv->lists);
	if (!ret && sv->lists.n)
		qsort(sv->lists.v, sv->lists.n, sizeof(*sv->lists.v),
		      save_list_cmp);
	for (i = 0; !ret && i < sv->lists.n; i++) {
		sv->list = &sv->lists.v[i];
		fw443_ruleset_print_list(sv->f, sv->list->kind, sv->list->name,
					 sv->list->direction, sv->list->flags);
		ret = save_dump(sv, fw443_list_request(nl,
						       FW443_CMD_LIST_ENTRIES,
						       sv->list->name,
						       NLM_F_DUMP),
				save_entries_reply, NULL);
	}
	return ret;
}

/* One reading: 0, 1 when the configuration changed meanwhile, or -1. */
static int save_once(struct save *sv, struct fw443_spool *sp)
{
	uint64_t generation;
	int ret;

	if (fw443_spool_restart(sp) || save_status(sv))
		return -1;
	generation = sv->st.generation;
	ret = sv->st.has_flows ? save_policy(sv) : 0;
	if (!ret)
		ret = save_lists(sv);
	if (!ret && save_status(sv))
		ret = -1;
	if (!ret && sv->st.generation != generation)
		ret = 1;
	return ret;
}

static int save_output(struct save *sv, struct fw443_spool *sp)
{
	const char *what = fw443_nl_what(sv->nl);
	char head[FW443_STATUS_VERSION_LEN + 96];

	if (ferror(sp->out.f)) {
		fprintf(stderr, "%s: %s: cannot write the temporary file\n",
			PROG_NAME, what);
		return FW443_EXIT_FAILURE;
	}
	snprintf(head, sizeof(head),
		 "# fw443 save: generation %llu; tool %s, module %s\n",
		 (unsigned long long)sv->st.generation, FW443_TOOL_VERSION,
		 sv->st.version);
	return fw443_spool_output(sp, what, head, NULL);
}

static int save_read(struct fw443_nl *nl, struct fw443_spool *sp,
		     const void *data __attribute__((unused)))
{
	struct save sv = { .nl = nl, .f = sp->out.f };
	int tries, ret = 1;

	for (tries = 0; ret > 0 && tries < SAVE_TRIES; tries++)
		ret = save_once(&sv, sp);
	fw443_lists_free(&sv.lists);
	if (!ret)
		return save_output(&sv, sp);
	if (ret > 0)
		fprintf(stderr,
			"%s: %s: the configuration changed during each of %d readings; try again\n",
			PROG_NAME, fw443_nl_what(nl), SAVE_TRIES);
	return FW443_EXIT_FAILURE;
}

int fw443_save(const char *what)
{
	return fw443_spool_run(what, false, save_read, NULL);
}
