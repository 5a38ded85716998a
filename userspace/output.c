// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>

#include "cli.h"
#include "output.h"

_Static_assert(sizeof(json_int_t) == sizeof(int64_t),
	       "jansson integers must be 64-bit to carry the counters");

json_t *fw443_json_u64(uint64_t v)
{
	if (v > (uint64_t)INT64_MAX)
		return NULL;
	return json_integer((json_int_t)v);
}

int fw443_output_json(FILE *f, const char *what, json_t *root)
{
	int ret;

	if (!root) {
		fprintf(stderr,
			"%s: %s: cannot build JSON (out of memory, or a number above 2^63-1)\n",
			PROG_NAME, what);
		return FW443_EXIT_FAILURE;
	}
	ret = json_dumpf(root, f, JSON_COMPACT);
	json_decref(root);
	if (ret < 0 || putc('\n', f) == EOF)
		return FW443_EXIT_FAILURE;
	return FW443_EXIT_OK;
}

int fw443_json_array_put(struct fw443_json_array *a, json_t *elem)
{
	int ret;

	if (!elem || (a->started && putc(',', a->f) == EOF)) {
		json_decref(elem);
		return -1;
	}
	a->started = true;
	ret = json_dumpf(elem, a->f, JSON_COMPACT);
	json_decref(elem);
	return ret;
}
