// SPDX-License-Identifier: GPL-2.0
#include <string.h>
#include <linux/genetlink.h>

#include "entry.h"
#include "policy.h"
#include "rule.h"

static const struct fw443_attr_policy msg_policy[FW443_A_MAX + 1] = {
	[FW443_A_RULE_INDEX]	= { MNL_TYPE_U32, "FW443_A_RULE_INDEX" },
	[FW443_A_RULE]		= { MNL_TYPE_NESTED, "FW443_A_RULE" },
};

static const struct fw443_attr_policy rule_policy[FW443_RULE_A_MAX + 1] = {
	[FW443_RULE_A_FROM]	= { MNL_TYPE_NUL_STRING, "FW443_RULE_A_FROM" },
	[FW443_RULE_A_TO]	= { MNL_TYPE_NUL_STRING, "FW443_RULE_A_TO" },
	[FW443_RULE_A_SRC]	= { MNL_TYPE_NESTED, "FW443_RULE_A_SRC" },
	[FW443_RULE_A_DST]	= { MNL_TYPE_NESTED, "FW443_RULE_A_DST" },
	[FW443_RULE_A_ACTION]	= { MNL_TYPE_U8, "FW443_RULE_A_ACTION" },
};

void fw443_rule_put(struct nlmsghdr *nlh, const struct fw443_rule *r)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, FW443_A_RULE);

	mnl_attr_put_strz(nlh, FW443_RULE_A_FROM, r->from);
	mnl_attr_put_strz(nlh, FW443_RULE_A_TO, r->to);
	if (r->ends.has_src)
		fw443_entry_put_prefix(nlh, FW443_RULE_A_SRC, &r->ends.src);
	if (r->ends.has_dst)
		fw443_entry_put_prefix(nlh, FW443_RULE_A_DST, &r->ends.dst);
	mnl_attr_put_u8(nlh, FW443_RULE_A_ACTION, r->action);
	mnl_attr_nest_end(nlh, nest);
}

/* An optional prefix: *@has says whether it was there. */
static int rule_prefix(const struct nlattr *attr, const char *what,
		       bool *has, struct fw443_addr_prefix *p,
		       struct fw443_error *err)
{
	*has = attr;
	return attr ? fw443_entry_parse_prefix(attr, what, p, err) : 0;
}

static int rule_parse_nest(const struct nlattr *nest, struct fw443_rule *r,
			   struct fw443_error *err)
{
	const struct nlattr *tb[FW443_RULE_A_MAX + 1] = { NULL };

	if (fw443_attr_parse_nested(nest, rule_policy, FW443_RULE_A_MAX, tb,
				    "rule", err))
		return -1;
	if (!tb[FW443_RULE_A_FROM] || !tb[FW443_RULE_A_TO] ||
	    !tb[FW443_RULE_A_ACTION]) {
		fw443_error_set(err, "rule: from, to or action missing");
		return -1;
	}
	if (fw443_attr_strcpy(r->from, sizeof(r->from), tb[FW443_RULE_A_FROM],
			      rule_policy, "rule", err) ||
	    fw443_attr_strcpy(r->to, sizeof(r->to), tb[FW443_RULE_A_TO],
			      rule_policy, "rule", err) ||
	    rule_prefix(tb[FW443_RULE_A_SRC], "rule source", &r->ends.has_src,
			&r->ends.src, err) ||
	    rule_prefix(tb[FW443_RULE_A_DST], "rule destination",
			&r->ends.has_dst, &r->ends.dst, err))
		return -1;
	r->action = mnl_attr_get_u8(tb[FW443_RULE_A_ACTION]);
	return 0;
}

int fw443_rule_parse(const struct nlmsghdr *nlh, uint32_t *index,
		     struct fw443_rule *r, struct fw443_error *err)
{
	const struct nlattr *tb[FW443_A_MAX + 1] = { NULL };

	memset(r, 0, sizeof(*r));
	if (fw443_attr_parse_msg(nlh, GENL_HDRLEN, msg_policy, FW443_A_MAX,
				 tb, "rule", err) ||
	    fw443_attr_require(msg_policy, FW443_A_MAX, tb, "rule", err))
		return -1;
	*index = mnl_attr_get_u32(tb[FW443_A_RULE_INDEX]);
	return rule_parse_nest(tb[FW443_A_RULE], r, err);
}

/* " WORD PREFIX" at @buf when @has; returns the bytes written. */
static int rule_format_prefix(char *buf, const char *word, bool has,
			      const struct fw443_addr_prefix *p)
{
	char text[FW443_PREFIX_STRLEN];

	if (!has)
		return 0;
	fw443_prefix_format(p, text);
	return sprintf(buf, " %s %s", word, text);
}

void fw443_rule_format(const struct fw443_rule *r, char *buf)
{
	int n = sprintf(buf, "from %s to %s", r->from, r->to);

	n += rule_format_prefix(buf + n, "src", r->ends.has_src, &r->ends.src);
	n += rule_format_prefix(buf + n, "dst", r->ends.has_dst, &r->ends.dst);
	sprintf(buf + n, " %s", fw443_action_name(r->action));
}

int fw443_rule_print(uint32_t index, const struct fw443_rule *r, FILE *f)
{
	char text[FW443_RULE_STRLEN];

	fw443_rule_format(r, text);
	return fprintf(f, "%u %s\n", index, text) < 0 ? -1 : 0;
}

json_t *fw443_rule_to_json(uint32_t index, const struct fw443_rule *r)
{
	char src[FW443_PREFIX_STRLEN], dst[FW443_PREFIX_STRLEN];

	fw443_prefix_format(&r->ends.src, src);
	fw443_prefix_format(&r->ends.dst, dst);
	return json_pack("{s:I, s:s, s:s, s:s?, s:s?, s:s}",
			 "index", (json_int_t)index,
			 "from", r->from, "to", r->to,
			 "src", r->ends.has_src ? src : NULL,
			 "dst", r->ends.has_dst ? dst : NULL,
			 "action", fw443_action_name(r->action));
}
