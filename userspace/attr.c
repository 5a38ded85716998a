// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "attr.h"

struct attr_parse {
	const struct fw443_attr_policy *policy;
	uint16_t maxtype;
	const struct nlattr **tb;
	const char *what;
	struct fw443_error *err;
};

void fw443_error_set(struct fw443_error *err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
}

void fw443_error_append(struct fw443_error *err, const char *fmt, ...)
{
	size_t used = strlen(err->msg);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err->msg + used, sizeof(err->msg) - used, fmt, ap);
	va_end(ap);
}

static int attr_validate_cb(const struct nlattr *attr, void *data)
{
	struct attr_parse *p = data;
	uint16_t type = mnl_attr_get_type(attr);
	const struct fw443_attr_policy *pol;

	if (type > p->maxtype || !p->policy[type].name)
		return MNL_CB_OK;
	pol = &p->policy[type];
	if (mnl_attr_validate(attr, pol->type) < 0) {
		fw443_error_set(p->err,
				"%s: malformed attribute %s (%u-byte payload)",
				p->what, pol->name,
				mnl_attr_get_payload_len(attr));
		return MNL_CB_ERROR;
	}
	p->tb[type] = attr;
	return MNL_CB_OK;
}

/*
 * libmnl stops walking at the first attribute that does not fit, without a
 * word; a truncated reply would then read as one with attributes missing.
 */
static bool attrs_fill(const void *payload, size_t len)
{
	const struct nlattr *attr;
	size_t used = 0;

	mnl_attr_for_each_payload(payload, len)
		used += MNL_ALIGN(mnl_attr_get_len(attr));
	return used >= len;
}

static int attr_parse_check(int ret, const void *payload, size_t len,
			    const char *what, struct fw443_error *err)
{
	if (ret < MNL_CB_STOP)
		return -1;
	if (!attrs_fill(payload, len)) {
		fw443_error_set(err, "%s: truncated attribute", what);
		return -1;
	}
	return 0;
}

int fw443_attr_walk_nested(const struct nlattr *nest, mnl_attr_cb_t cb,
			   void *data, const char *what,
			   struct fw443_error *err)
{
	return attr_parse_check(mnl_attr_parse_nested(nest, cb, data),
				mnl_attr_get_payload(nest),
				mnl_attr_get_payload_len(nest), what, err);
}

int fw443_attr_parse_msg(const struct nlmsghdr *nlh, size_t offset,
			 const struct fw443_attr_policy *policy,
			 uint16_t maxtype, const struct nlattr **tb,
			 const char *what, struct fw443_error *err)
{
	struct attr_parse p = { policy, maxtype, tb, what, err };
	size_t len = mnl_nlmsg_get_payload_len(nlh);

	if (offset > len) {
		fw443_error_set(err, "%s: message too short", what);
		return -1;
	}
	return attr_parse_check(mnl_attr_parse(nlh, offset,
					       attr_validate_cb, &p),
				mnl_nlmsg_get_payload_offset(nlh, offset),
				len - offset, what, err);
}

int fw443_attr_parse_nested(const struct nlattr *nest,
			    const struct fw443_attr_policy *policy,
			    uint16_t maxtype, const struct nlattr **tb,
			    const char *what, struct fw443_error *err)
{
	struct attr_parse p = { policy, maxtype, tb, what, err };

	return fw443_attr_walk_nested(nest, attr_validate_cb, &p, what, err);
}
