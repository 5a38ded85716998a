// SPDX-License-Identifier: GPL-2.0
/*
 * Dumps that the kernel may interrupt (NLM_F_DUMP_INTR) and nl.c then runs
 * again: what a dump gave is kept aside until the dump completes, so nothing
 * is printed twice. Entries go to a temporary file, not memory: a list holds
 * millions.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <uapi/linux/fw443.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "entry.h"
#include "listnl.h"
#include "lists.h"
#include "output.h"
#include "show.h"

static int lists_reply(const struct nlmsghdr *nlh, void *data,
		       struct fw443_error *err)
{
	struct fw443_list_info li;

	if (fw443_list_info_parse(nlh, &li, err))
		return -1;
	if (fw443_lists_add(data, &li)) {
		fw443_error_set(err, "%s", strerror(ENOMEM));
		return -1;
	}
	return 0;
}

static int lists_restart(void *data)
{
	struct fw443_lists *ls = data;

	ls->n = 0;
	return 0;
}

int fw443_show_lists(const char *what, unsigned int opts)
{
	struct fw443_lists ls = { 0 };
	struct fw443_nl *nl = fw443_nl_open(what);
	int ret = FW443_EXIT_FAILURE;

	if (!nl)
		return ret;
	if (!fw443_nl_dump(nl, fw443_nl_request(nl, FW443_CMD_LIST_GET,
						NLM_F_DUMP),
			   lists_reply, lists_restart, &ls)) {
		if (opts & FW443_OPT_JSON) {
			ret = fw443_output_json(what, fw443_lists_to_json(&ls));
		} else {
			fw443_lists_print(&ls, stdout);
			ret = FW443_EXIT_OK;
		}
	}
	fw443_lists_free(&ls);
	fw443_nl_close(nl);
	return ret;
}

/* Entries as they come, rendered into @tmp. */
struct entries_out {
	FILE *tmp;
	bool json;
	bool first;
};

static int entry_write(const struct fw443_list_entry *e, void *data)
{
	struct entries_out *out = data;
	json_t *obj;
	int ret;

	if (!out->json)
		return fw443_entry_print(e, out->tmp);
	obj = fw443_entry_to_json(e);
	if (!obj || (!out->first && putc(',', out->tmp) == EOF)) {
		json_decref(obj);
		return -1;
	}
	out->first = false;
	ret = json_dumpf(obj, out->tmp, JSON_COMPACT);
	json_decref(obj);
	return ret;
}

static int entries_reply(const struct nlmsghdr *nlh, void *data,
			 struct fw443_error *err)
{
	return fw443_entries_parse(nlh, entry_write, data, err);
}

static int entries_restart(void *data)
{
	struct entries_out *out = data;

	out->first = true;
	rewind(out->tmp);
	return ftruncate(fileno(out->tmp), 0);
}

static int entries_copy(FILE *from, FILE *to)
{
	char buf[BUFSIZ];
	size_t n;

	rewind(from);
	while ((n = fread(buf, 1, sizeof(buf), from)) > 0) {
		if (fwrite(buf, 1, n, to) != n)
			return -1;
	}
	return ferror(from) ? -1 : 0;
}

static int entries_output(const char *what, const char *name,
			  struct entries_out *out)
{
	json_t *jname;
	int ret = 0;

	if (fflush(out->tmp) == EOF)
		goto fail;
	if (!out->json)
		return entries_copy(out->tmp, stdout) ? FW443_EXIT_FAILURE :
							 FW443_EXIT_OK;
	jname = json_string(name);
	if (!jname)
		goto fail;
	fputs("{\"name\":", stdout);
	ret = json_dumpf(jname, stdout, JSON_ENCODE_ANY);
	json_decref(jname);
	fputs(",\"entries\":[", stdout);
	if (ret || entries_copy(out->tmp, stdout))
		goto fail;
	fputs("]}\n", stdout);
	return FW443_EXIT_OK;

fail:
	fprintf(stderr, "%s: %s: cannot write the entries: %s\n", PROG_NAME,
		what, strerror(errno));
	return FW443_EXIT_FAILURE;
}

int fw443_show_entries(const char *what, const char *name, unsigned int opts)
{
	struct entries_out out = {
		.json = opts & FW443_OPT_JSON, .first = true,
	};
	struct fw443_nl *nl;
	int ret = FW443_EXIT_FAILURE;

	out.tmp = tmpfile();
	if (!out.tmp) {
		fprintf(stderr, "%s: %s: temporary file: %s\n", PROG_NAME,
			what, strerror(errno));
		return ret;
	}
	nl = fw443_nl_open(what);
	if (nl && !fw443_nl_dump(nl, fw443_list_request(nl,
							FW443_CMD_LIST_ENTRIES,
							name, NLM_F_DUMP),
				 entries_reply, entries_restart, &out))
		ret = entries_output(what, name, &out);
	if (nl)
		fw443_nl_close(nl);
	fclose(out.tmp);
	return ret;
}
