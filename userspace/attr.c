// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <linux/genetlink.h>

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

int fw443_attr_check(const struct nlattr *attr,
		     const struct fw443_attr_policy *policy, uint16_t maxtype,
		     const char *what, struct fw443_error *err)
{
	uint16_t type = mnl_attr_get_type(attr);

	if (type > maxtype || !policy[type].name)
		return 0;
	if (mnl_attr_validate(attr, policy[type].type) < 0) {
		fw443_error_set(err,
				"%s: malformed attribute %s (%u-byte payload)",
				what, policy[type].name,
				mnl_attr_get_payload_len(attr));
		return -1;
	}
	return 1;
}

/* Returns 0 when @tb holds @type, or -1 with @err saying it is missing. */
static int attr_need(const struct fw443_attr_policy *policy,
		     const struct nlattr *const *tb, uint16_t type,
		     const char *what, struct fw443_error *err)
{
	if (tb[type])
		return 0;
	fw443_error_set(err, "%s: %s missing", what, policy[type].name);
	return -1;
}

int fw443_attr_require(const struct fw443_attr_policy *policy,
		       uint16_t maxtype, const struct nlattr *const *tb,
		       const char *what, struct fw443_error *err)
{
	uint16_t type;

	for (type = 0; type <= maxtype; type++) {
		if (policy[type].name && policy[type].type != MNL_TYPE_FLAG &&
		    attr_need(policy, tb, type, what, err))
			return -1;
	}
	return 0;
}

int fw443_attr_require_mask(const struct fw443_attr_policy *policy,
			    uint16_t maxtype, const struct nlattr *const *tb,
			    uint64_t mask, const char *what,
			    struct fw443_error *err)
{
	uint16_t type;

	for (type = 0; type <= maxtype && type < 64; type++) {
		if ((mask & FW443_ATTR_BIT(type)) &&
		    attr_need(policy, tb, type, what, err))
			return -1;
	}
	return 0;
}

int fw443_attr_strcpy(char *buf, size_t size, const struct nlattr *attr,
		      const struct fw443_attr_policy *policy, const char *what,
		      struct fw443_error *err)
{
	const char *s = mnl_attr_get_str(attr);

	if (strlen(s) >= size) {
		fw443_error_set(err, "%s: %s longer than %zu bytes", what,
				policy[mnl_attr_get_type(attr)].name,
				size - 1);
		return -1;
	}
	strcpy(buf, s);
	return 0;
}

static int attr_validate_cb(const struct nlattr *attr, void *data)
{
	struct attr_parse *p = data;
	int ret = fw443_attr_check(attr, p->policy, p->maxtype, p->what,
				   p->err);

	if (ret < 0)
		return MNL_CB_ERROR;
	if (ret)
		p->tb[mnl_attr_get_type(attr)] = attr;
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

struct attr_nests {
	uint16_t type;
	const char *name;
	fw443_attr_nest_fn fn;
	void *data;
	struct fw443_error *err;
};

static int attr_nest_cb(const struct nlattr *attr, void *data)
{
	struct attr_nests *w = data;

	if (mnl_attr_get_type(attr) != w->type)
		return MNL_CB_OK;
	if (mnl_attr_validate(attr, MNL_TYPE_NESTED) < 0) {
		fw443_error_set(w->err, "malformed attribute %s", w->name);
		return MNL_CB_ERROR;
	}
	return w->fn(attr, w->data, w->err) ? MNL_CB_ERROR : MNL_CB_OK;
}

int fw443_attr_for_each_nest(const struct nlmsghdr *nlh, uint16_t type,
			     const char *name, fw443_attr_nest_fn fn,
			     void *data, struct fw443_error *err)
{
	struct attr_nests w = { type, name, fn, data, err };
	size_t len = mnl_nlmsg_get_payload_len(nlh);

	if (len < GENL_HDRLEN) {
		fw443_error_set(err, "%s: message too short", name);
		return -1;
	}
	return attr_parse_check(mnl_attr_parse(nlh, GENL_HDRLEN, attr_nest_cb,
					       &w),
				mnl_nlmsg_get_payload_offset(nlh, GENL_HDRLEN),
				len - GENL_HDRLEN, name, err);
}
