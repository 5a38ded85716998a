/* SPDX-License-Identifier: GPL-2.0 */
/* Output helpers shared by the commands' human and JSON renderings. */
#ifndef FW443_OUTPUT_H
#define FW443_OUTPUT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <jansson.h>

/*
 * A JSON integer for @v, or NULL when @v is beyond what jansson's signed
 * 64-bit integers hold: a number is printed exactly or not at all.
 */
json_t *fw443_json_u64(uint64_t v);

/*
 * Prints @root as one compact line on @f and releases it. @root may be
 * NULL, meaning building it failed; that is reported as "fw443: @what: ...".
 * Returns an exit status.
 */
int fw443_output_json(FILE *f, const char *what, json_t *root);

/*
 * A JSON array written one element at a time, for output of any size:
 * the caller writes '[' and ']', fw443_json_array_put() what is between.
 */
struct fw443_json_array {
	FILE *f;
	bool started;	/* an element was written */
};

/*
 * Writes @elem, compact, after a ',' unless it is the first, and releases
 * it. Returns 0, or -1 when @elem is NULL (it could not be built) or the
 * write failed.
 */
int fw443_json_array_put(struct fw443_json_array *a, json_t *elem);

#endif
