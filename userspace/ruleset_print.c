// SPDX-License-Identifier: GPL-2.0
#include <uapi/linux/fw443.h>

#include "flowstate.h"
#include "lists.h"
#include "policy.h"
#include "ruleset_print.h"

void fw443_ruleset_print_zone(FILE *f, const char *ifname, const char *zone)
{
	fprintf(f, "zone set %s %s\n", ifname, zone);
}

void fw443_ruleset_print_flows(FILE *f, const struct fw443_flow_settings *s)
{
	int state;

	fputs("flows set", f);
	if (s->has_max)
		fprintf(f, " max %u", s->max);
	if (s->has_pickup)
		fprintf(f, " pickup %s", s->pickup ? "on" : "off");
	for (state = 0; s->has_timeouts && state <= FW443_FLOW_STATE_MAX;
	     state++) {
		if (s->timeouts.secs[state])
			fprintf(f, " timeout %s %u",
				fw443_flow_state_name(state),
				s->timeouts.secs[state]);
	}
	putc('\n', f);
}

void fw443_ruleset_print_rule(FILE *f, const struct fw443_rule *r,
			      uint32_t index)
{
	char text[FW443_RULE_STRLEN];

	fw443_rule_format(r, text);
	fprintf(f, "policy add %s", text);
	if (index)
		fprintf(f, " index %u", index);
	putc('\n', f);
}

void fw443_ruleset_print_default(FILE *f, uint8_t policy)
{
	fprintf(f, "policy default %s\n", fw443_policy_name(policy));
}

/* " direction DIR" unless both, " counters" if so. */
static void ruleset_print_definition(FILE *f, uint8_t direction,
				     uint8_t flags)
{
	if (direction != FW443_LIST_BOTH)
		fprintf(f, " direction %s",
			fw443_list_direction_name(direction));
	if (flags & FW443_LIST_F_COUNTERS)
		fputs(" counters", f);
	putc('\n', f);
}

void fw443_ruleset_print_list(FILE *f, uint8_t kind, const char *name,
			      uint8_t direction, uint8_t flags)
{
	fprintf(f, "%s create %s", fw443_list_kind_name(kind), name);
	ruleset_print_definition(f, direction, flags);
}

void fw443_ruleset_print_entry(FILE *f, uint8_t kind, const char *name,
			       const struct fw443_addr_prefix *p,
			       uint32_t timeout)
{
	char text[FW443_PREFIX_STRLEN];

	fw443_prefix_format(p, text);
	fprintf(f, "%s add %s list %s", fw443_list_kind_name(kind), text,
		name);
	if (timeout)
		fprintf(f, " timeout %u", timeout);
	putc('\n', f);
}

static void ruleset_print_list_cmd(FILE *f, const struct fw443_list_args *a)
{
	switch (a->op) {
	case FW443_OP_ADD:
		fw443_ruleset_print_entry(f, a->kind, a->name, &a->prefix,
					  a->timeout);
		break;
	case FW443_OP_CREATE:
		fw443_ruleset_print_list(f, a->kind, a->name, a->direction,
					 a->flags);
		break;
	default:
		fprintf(f, "%s load %s %s", fw443_list_kind_name(a->kind),
			a->name, a->file);
		ruleset_print_definition(f, a->direction, a->flags);
	}
}

void fw443_ruleset_print(FILE *f, const struct fw443_ruleset_cmd *c)
{
	switch (c->type) {
	case FW443_RULESET_ZONE:
		fw443_ruleset_print_zone(f, c->args.zone.ifname,
					 c->args.zone.zone);
		break;
	case FW443_RULESET_POLICY:
		if (c->args.policy.op == FW443_POLICY_ADD)
			fw443_ruleset_print_rule(f, &c->args.policy.rule,
						 c->args.policy.index);
		else
			fw443_ruleset_print_default(f, c->args.policy.policy);
		break;
	case FW443_RULESET_FLOWS:
		fw443_ruleset_print_flows(f, &c->args.flows.set);
		break;
	default:
		ruleset_print_list_cmd(f, &c->args.list);
	}
}
