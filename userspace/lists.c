// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <linux/genetlink.h>

#include "args.h"
#include "cli.h"
#include "lists.h"
#include "output.h"

static const struct fw443_attr_policy list_policy[FW443_A_MAX + 1] = {
	[FW443_A_LIST_NAME]	 = { MNL_TYPE_NUL_STRING, "FW443_A_LIST_NAME" },
	[FW443_A_LIST_KIND]	 = { MNL_TYPE_U8, "FW443_A_LIST_KIND" },
	[FW443_A_LIST_DIRECTION] = { MNL_TYPE_U8, "FW443_A_LIST_DIRECTION" },
	[FW443_A_LIST_FLAGS]	 = { MNL_TYPE_U8, "FW443_A_LIST_FLAGS" },
	[FW443_A_LIST_COUNT4]	 = { MNL_TYPE_U32, "FW443_A_LIST_COUNT4" },
	[FW443_A_LIST_COUNT6]	 = { MNL_TYPE_U32, "FW443_A_LIST_COUNT6" },
	[FW443_A_LIST_MEMORY]	 = { MNL_TYPE_U64, "FW443_A_LIST_MEMORY" },
	[FW443_A_LIST_HITS]	 = { MNL_TYPE_U64, "FW443_A_LIST_HITS" },
};

static const char *const kind_names[__FW443_LIST_KIND_MAX] = {
	[FW443_LIST_BLOCK] = "block",
	[FW443_LIST_ALLOW] = "allow",
};

static const char *const direction_names[__FW443_LIST_DIRECTION_MAX] = {
	[FW443_LIST_BOTH] = "both",
	[FW443_LIST_IN]	  = "in",
	[FW443_LIST_OUT]  = "out",
};

const char *fw443_list_kind_name(uint8_t kind)
{
	return fw443_word_name(kind_names, ARRAY_SIZE(kind_names), kind);
}

const char *fw443_list_direction_name(uint8_t direction)
{
	return fw443_word_name(direction_names, ARRAY_SIZE(direction_names),
			       direction);
}

int fw443_list_direction_parse(const char *word, uint8_t *direction)
{
	return fw443_word_parse(direction_names, ARRAY_SIZE(direction_names),
				word, direction);
}

int fw443_list_info_parse(const struct nlmsghdr *nlh,
			  struct fw443_list_info *li, struct fw443_error *err)
{
	const struct nlattr *tb[FW443_A_MAX + 1] = { NULL };

	if (fw443_attr_parse_msg(nlh, GENL_HDRLEN, list_policy, FW443_A_MAX,
				 tb, "list", err) ||
	    fw443_attr_require(list_policy, FW443_A_MAX, tb, "list", err))
		return -1;
	memset(li, 0, sizeof(*li));
	snprintf(li->name, sizeof(li->name), "%s",
		 mnl_attr_get_str(tb[FW443_A_LIST_NAME]));
	li->kind = mnl_attr_get_u8(tb[FW443_A_LIST_KIND]);
	li->direction = mnl_attr_get_u8(tb[FW443_A_LIST_DIRECTION]);
	li->flags = mnl_attr_get_u8(tb[FW443_A_LIST_FLAGS]);
	li->count4 = mnl_attr_get_u32(tb[FW443_A_LIST_COUNT4]);
	li->count6 = mnl_attr_get_u32(tb[FW443_A_LIST_COUNT6]);
	li->memory = mnl_attr_get_u64(tb[FW443_A_LIST_MEMORY]);
	li->hits = mnl_attr_get_u64(tb[FW443_A_LIST_HITS]);
	return 0;
}

int fw443_lists_add(struct fw443_lists *ls, const struct fw443_list_info *li)
{
	if (ls->n == ls->cap) {
		size_t cap = ls->cap ? ls->cap * 2 : 16;
		void *v = reallocarray(ls->v, cap, sizeof(*ls->v));

		if (!v)
			return -1;
		ls->v = v;
		ls->cap = cap;
	}
	ls->v[ls->n++] = *li;
	return 0;
}

void fw443_lists_free(struct fw443_lists *ls)
{
	free(ls->v);
	memset(ls, 0, sizeof(*ls));
}

int fw443_lists_reply(const struct nlmsghdr *nlh, void *data,
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

int fw443_lists_restart(void *data)
{
	struct fw443_lists *ls = data;

	ls->n = 0;
	return 0;
}

void fw443_format_bytes(uint64_t bytes, char *buf, size_t size)
{
	static const char *const units[] = { "KiB", "MiB", "GiB", "TiB", "PiB",
					     "EiB" };
	double v = bytes;
	size_t u = 0;

	if (bytes < 1024) {
		snprintf(buf, size, "%llu B", (unsigned long long)bytes);
		return;
	}
	/* Up a unit before "%.1f" would round to 1024.0. */
	for (v /= 1024; v >= 1023.95 && u + 1 < ARRAY_SIZE(units); u++)
		v /= 1024;
	snprintf(buf, size, "%.1f %s", v, units[u]);
}

static int lists_name_width(const struct fw443_lists *ls)
{
	size_t i, w = strlen("name");

	for (i = 0; i < ls->n; i++) {
		if (strlen(ls->v[i].name) > w)
			w = strlen(ls->v[i].name);
	}
	return w;
}

void fw443_lists_print(const struct fw443_lists *ls, FILE *f)
{
	int w = lists_name_width(ls);
	char mem[16];
	size_t i;

	fprintf(f, "%-*s  %-5s  %-9s  %10s  %10s  %10s  %20s\n", w, "name",
		"kind", "direction", "v4", "v6", "memory", "hits");
	for (i = 0; i < ls->n; i++) {
		const struct fw443_list_info *li = &ls->v[i];

		fw443_format_bytes(li->memory, mem, sizeof(mem));
		fprintf(f, "%-*s  %-5s  %-9s  %10u  %10u  %10s  %20llu\n", w,
			li->name, fw443_list_kind_name(li->kind),
			fw443_list_direction_name(li->direction), li->count4,
			li->count6, mem, (unsigned long long)li->hits);
	}
}

static json_t *list_info_to_json(const struct fw443_list_info *li)
{
	return json_pack("{s:s, s:s, s:s, s:b, s:I, s:I, s:o, s:o}",
			 "name", li->name,
			 "kind", fw443_list_kind_name(li->kind),
			 "direction", fw443_list_direction_name(li->direction),
			 "counters", !!(li->flags & FW443_LIST_F_COUNTERS),
			 "entries_v4", (json_int_t)li->count4,
			 "entries_v6", (json_int_t)li->count6,
			 "memory_bytes", fw443_json_u64(li->memory),
			 "hits", fw443_json_u64(li->hits));
}

json_t *fw443_lists_to_json(const struct fw443_lists *ls)
{
	json_t *arr = json_array();
	size_t i;

	for (i = 0; arr && i < ls->n; i++) {
		if (json_array_append_new(arr, list_info_to_json(&ls->v[i]))) {
			json_decref(arr);
			return NULL;
		}
	}
	return json_pack("{s:o}", "lists", arr);
}
