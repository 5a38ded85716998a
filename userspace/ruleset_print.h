/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Ruleset lines (ruleset.h) in canonical form, as "fw443 save" writes the
 * running configuration: the words in a fixed order, values as the kernel
 * stores them (a prefix with its length, host bits cleared), defaults left
 * out, and every entry with its list. Each function writes one line to @f;
 * the caller checks ferror(@f). Pure: no I/O but to @f.
 */
#ifndef FW443_RULESET_PRINT_H
#define FW443_RULESET_PRINT_H

#include <stdint.h>
#include <stdio.h>

#include "flowargs.h"
#include "prefix.h"
#include "rule.h"
#include "ruleset.h"

/* "zone set IFNAME ZONE" */
void fw443_ruleset_print_zone(FILE *f, const char *ifname, const char *zone);

/* "flows set[ max N][ pickup on|off][ timeout STATE SECONDS]..." */
void fw443_ruleset_print_flows(FILE *f, const struct fw443_flow_settings *s);

/* "policy add RULE[ index N]": @index 0 appends. */
void fw443_ruleset_print_rule(FILE *f, const struct fw443_rule *r,
			      uint32_t index);

/* "policy default POLICY" */
void fw443_ruleset_print_default(FILE *f, uint8_t policy);

/* "KIND create NAME[ direction in|out][ counters]" */
void fw443_ruleset_print_list(FILE *f, uint8_t kind, const char *name,
			      uint8_t direction, uint8_t flags);

/* "KIND add PREFIX list NAME[ timeout SECONDS]" */
void fw443_ruleset_print_entry(FILE *f, uint8_t kind, const char *name,
			       const struct fw443_addr_prefix *p,
			       uint32_t timeout);

/* Any command of a ruleset, as the functions above write it. */
void fw443_ruleset_print(FILE *f, const struct fw443_ruleset_cmd *c);

#endif
