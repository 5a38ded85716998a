/* SPDX-License-Identifier: GPL-2.0 */
/*
 * List summaries (FW443_CMD_LIST_GET replies): parsing, the names of kinds
 * and directions, and rendering as a table or JSON. Pure: writes only to the
 * FILE * it is given.
 */
#ifndef FW443_LISTS_H
#define FW443_LISTS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <jansson.h>
#include <libmnl/libmnl.h>
#include <uapi/linux/fw443.h>

#include "attr.h"

struct fw443_list_info {
	char name[FW443_LIST_NAME_MAX];
	uint8_t kind;		/* enum fw443_list_kind */
	uint8_t direction;	/* enum fw443_list_direction */
	uint8_t flags;		/* enum fw443_list_flags */
	uint32_t count4, count6;
	uint64_t memory;	/* bytes */
	uint64_t hits;
};

/* A growing array of summaries, in the kernel's order. */
struct fw443_lists {
	size_t n, cap;
	struct fw443_list_info *v;
};

/* "block", "allow", "in", "out", "both"; "unknown" for newer values. */
const char *fw443_list_kind_name(uint8_t kind);
const char *fw443_list_direction_name(uint8_t direction);
/* Returns 0 with *direction set, or -1 for a word that is not one. */
int fw443_list_direction_parse(const char *word, uint8_t *direction);

/* Parses one LIST_GET message. Returns 0, or -1 with @err set. */
int fw443_list_info_parse(const struct nlmsghdr *nlh,
			  struct fw443_list_info *li, struct fw443_error *err);

/* Appends a copy of @li. Returns 0, or -1 out of memory. */
int fw443_lists_add(struct fw443_lists *ls, const struct fw443_list_info *li);
void fw443_lists_free(struct fw443_lists *ls);

/*
 * For a LIST_GET dump: a fw443_nl_reply_fn that parses a message and adds
 * it to the fw443_lists @data, and the fw443_nl_restart_fn that empties it
 * when the dump starts over.
 */
int fw443_lists_reply(const struct nlmsghdr *nlh, void *data,
		      struct fw443_error *err);
int fw443_lists_restart(void *data);

/* "512 B", "1.2 KiB", "1.2 MiB", ... into @buf of @size bytes. */
void fw443_format_bytes(uint64_t bytes, char *buf, size_t size);

/* An aligned table: name kind direction v4 v6 memory hits. */
void fw443_lists_print(const struct fw443_lists *ls, FILE *f);

/*
 * {"lists":[{"name":..,"kind":"block","direction":"in","counters":false,
 * "entries_v4":N,"entries_v6":N,"memory_bytes":N,"hits":N},...]}, or NULL
 * if it cannot be built.
 */
json_t *fw443_lists_to_json(const struct fw443_lists *ls);

#endif
