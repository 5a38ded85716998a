/* SPDX-License-Identifier: GPL-2.0 */
/* Output helpers shared by the commands' human and JSON renderings. */
#ifndef FW443_OUTPUT_H
#define FW443_OUTPUT_H

#include <stdint.h>
#include <jansson.h>

/*
 * A JSON integer for @v, or NULL when @v is beyond what jansson's signed
 * 64-bit integers hold: a number is printed exactly or not at all.
 */
json_t *fw443_json_u64(uint64_t v);

/*
 * Prints @root as one compact line on stdout and releases it. @root may be
 * NULL, meaning building it failed; that is reported as "fw443: @what: ...".
 * Returns an exit status.
 */
int fw443_output_json(const char *what, json_t *root);

#endif
