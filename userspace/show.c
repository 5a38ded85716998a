// SPDX-License-Identifier: GPL-2.0
/*
 * Dumps that the kernel may interrupt (NLM_F_DUMP_INTR) and nl.c then runs
 * again: what a dump gave is kept aside until the dump completes, so nothing
 * is printed twice. Summaries are few and kept in memory; entries go through
 * a spool: a list holds millions.
 */
#include <stdio.h>
#include <uapi/linux/fw443.h>

#include "cli.h"
#include "entry.h"
#include "listnl.h"
#include "lists.h"
#include "output.h"
#include "show.h"
#include "spool.h"

int fw443_show_lists(const char *what, unsigned int opts)
{
	struct fw443_lists ls = { 0 };
	struct fw443_nl *nl = fw443_nl_open(what);
	int ret = FW443_EXIT_FAILURE;

	if (!nl)
		return ret;
	if (!fw443_nl_dump(nl, fw443_nl_request(nl, FW443_CMD_LIST_GET,
						NLM_F_DUMP),
			   fw443_lists_reply, fw443_lists_restart, &ls)) {
		if (opts & FW443_OPT_JSON) {
			ret = fw443_output_json(stdout, what,
						fw443_lists_to_json(&ls));
		} else {
			fw443_lists_print(&ls, stdout);
			ret = FW443_EXIT_OK;
		}
	}
	fw443_lists_free(&ls);
	fw443_nl_close(nl);
	return ret;
}

static int entry_write(const struct fw443_list_entry *e, void *data)
{
	struct fw443_spool *sp = data;

	if (!sp->json)
		return fw443_entry_print(e, sp->out.f);
	return fw443_json_array_put(&sp->out, fw443_entry_to_json(e));
}

static int entries_reply(const struct nlmsghdr *nlh, void *data,
			 struct fw443_error *err)
{
	return fw443_entries_parse(nlh, entry_write, data, err);
}

/*
 * {"name":NAME,"entries":[...]}: NAME passed fw443_list_name_check(), so it
 * holds nothing JSON would escape.
 */
static int entries_output(const char *what, const char *name,
			  struct fw443_spool *sp)
{
	char head[FW443_LIST_NAME_MAX + 32];

	if (!sp->json)
		return fw443_spool_output(sp, what, NULL, NULL);
	snprintf(head, sizeof(head), "{\"name\":\"%s\",\"entries\":[", name);
	return fw443_spool_output(sp, what, head, "]}\n");
}

static int entries_read(struct fw443_nl *nl, struct fw443_spool *sp,
			const void *data)
{
	const char *name = data;

	if (fw443_nl_dump(nl, fw443_list_request(nl, FW443_CMD_LIST_ENTRIES,
						 name, NLM_F_DUMP),
			  entries_reply, fw443_spool_restart, sp))
		return FW443_EXIT_FAILURE;
	return entries_output(fw443_nl_what(nl), name, sp);
}

int fw443_show_entries(const char *what, const char *name, unsigned int opts)
{
	return fw443_spool_run(what, opts & FW443_OPT_JSON, entries_read,
			       name);
}
