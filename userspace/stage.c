// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "listnl.h"
#include "lists.h"
#include "stage.h"

/* The running lists: a namespace holds at most FW443_LISTS_MAX. */
static int stage_running(struct fw443_stage *s)
{
	struct fw443_lists ls = { 0 };
	struct fw443_stage_list *l;
	size_t i;

	if (fw443_nl_dump(s->nl, fw443_nl_request(s->nl, FW443_CMD_LIST_GET,
						  NLM_F_DUMP),
			  fw443_lists_reply, fw443_lists_restart, &ls))
		return -1;
	for (i = 0; i < ls.n && s->n < FW443_LISTS_MAX; i++) {
		l = &s->lists[s->n++];
		memcpy(l->name, ls.v[i].name, sizeof(l->name));
		l->kind = ls.v[i].kind;
		l->running = true;
	}
	fw443_lists_free(&ls);
	return 0;
}

struct fw443_stage *fw443_stage_new(struct fw443_nl *nl, const char *path)
{
	struct fw443_stage *s = calloc(1, sizeof(*s));

	if (!s) {
		fprintf(stderr, "%s: %s: %s\n", PROG_NAME, fw443_nl_what(nl),
			strerror(errno));
		return NULL;
	}
	s->nl = nl;
	fw443_listadd_init(&s->adds, nl, NULL, path);
	if (stage_running(s)) {
		free(s);
		return NULL;
	}
	return s;
}

void fw443_stage_free(struct fw443_stage *s)
{
	free(s);
}

static int stage_find(const struct fw443_stage *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		if (!strcmp(s->lists[i].name, name))
			return i;
	}
	return -1;
}

int fw443_stage_list_kind(struct fw443_stage *s, const char *name,
			  uint8_t kind, bool *exists)
{
	int i = stage_find(s, name);

	/* A running list the ruleset has not named is not in its world. */
	*exists = i >= 0 && !s->lists[i].running;
	if (*exists && s->lists[i].kind != kind) {
		fw443_list_kind_mismatch(fw443_nl_what(s->nl), name,
					 s->lists[i].kind, kind);
		return -1;
	}
	return 0;
}

static int stage_destroy(struct fw443_stage *s, size_t i)
{
	if (fw443_nl_run(s->nl, fw443_list_request(s->nl,
						   FW443_CMD_LIST_DESTROY,
						   s->lists[i].name, 0),
			 NULL, NULL))
		return -1;
	s->lists[i] = s->lists[--s->n];
	return 0;
}

/* Room for one more list: a running list not named yet goes now. */
static int stage_make_room(struct fw443_stage *s)
{
	size_t i;

	for (i = 0; s->n == FW443_LISTS_MAX && i < s->n; i++) {
		if (s->lists[i].running)
			return stage_destroy(s, i);
	}
	/* Full of the ruleset's own lists: the kernel says no. */
	return 0;
}

int fw443_stage_list_create(struct fw443_stage *s, const char *name,
			    uint8_t kind, uint8_t direction, uint8_t flags,
			    bool replace)
{
	int i = stage_find(s, name);

	if (i < 0 && stage_make_room(s))
		return -1;
	if (i >= 0 && s->lists[i].running)
		replace = true;
	if (fw443_list_create(s->nl, name, kind, direction, flags, replace))
		return -1;
	/* The kernel took it, so there was room here too. */
	if (i < 0) {
		i = s->n++;
		snprintf(s->lists[i].name, sizeof(s->lists[i].name), "%s",
			 name);
	}
	s->lists[i].kind = kind;
	s->lists[i].running = false;
	return 0;
}

int fw443_stage_list_add(struct fw443_stage *s, const char *name,
			 const struct fw443_addr_prefix *p, uint32_t timeout)
{
	return fw443_listadd_entry(&s->adds, name, p, timeout, s->line);
}

int fw443_stage_flush(struct fw443_stage *s)
{
	return fw443_listadd_flush(&s->adds);
}

int fw443_stage_finish(struct fw443_stage *s)
{
	size_t i = 0;

	if (fw443_stage_flush(s))
		return -1;
	while (i < s->n) {
		if (!s->lists[i].running)
			i++;
		else if (stage_destroy(s, i))
			return -1;
	}
	return 0;
}
