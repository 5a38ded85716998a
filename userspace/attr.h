/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Policy-driven parsing of netlink attributes on top of libmnl, in the spirit
 * of the kernel's nla_parse(): every attribute the policy knows is checked for
 * its type's length, attributes the policy does not know are skipped (a newer
 * kernel may append some), and bytes left over that do not form a whole
 * attribute are an error. Pure: no I/O.
 */
#ifndef FW443_ATTR_H
#define FW443_ATTR_H

#include <stdint.h>
#include <libmnl/libmnl.h>

#define FW443_ERROR_LEN 160

/* Why a parse failed, in words fit for "fw443: <command>: <msg>". */
struct fw443_error {
	char msg[FW443_ERROR_LEN];
};

/*
 * One entry per attribute type; an entry whose name is NULL (padding, or a
 * type this reader does not use) makes the attribute be skipped.
 */
struct fw443_attr_policy {
	enum mnl_attr_data_type type;
	const char *name;
};

/*
 * Both fill tb[0..maxtype] (which the caller zeroes) with the last attribute
 * of each known type and return 0, or return -1 with @err set. @what names
 * the container in error messages.
 */
int fw443_attr_parse_msg(const struct nlmsghdr *nlh, size_t offset,
			 const struct fw443_attr_policy *policy,
			 uint16_t maxtype, const struct nlattr **tb,
			 const char *what, struct fw443_error *err);
int fw443_attr_parse_nested(const struct nlattr *nest,
			    const struct fw443_attr_policy *policy,
			    uint16_t maxtype, const struct nlattr **tb,
			    const char *what, struct fw443_error *err);

/*
 * Checks @attr against @policy: returns 1 when its type is known and its
 * length right, 0 when the policy does not know it (skip it), -1 with @err
 * set when it is malformed.
 */
int fw443_attr_check(const struct nlattr *attr,
		     const struct fw443_attr_policy *policy, uint16_t maxtype,
		     const char *what, struct fw443_error *err);

/*
 * After a parse: returns 0 when @tb holds every attribute @policy names,
 * flags aside (an absent flag is a false one), or -1 with @err saying
 * "@what: <name> missing" for the first one it lacks.
 */
int fw443_attr_require(const struct fw443_attr_policy *policy,
		       uint16_t maxtype, const struct nlattr *const *tb,
		       const char *what, struct fw443_error *err);

/* The bit of attribute type @type in the masks of fw443_attr_require_mask(). */
#define FW443_ATTR_BIT(type)	(1ULL << (type))

/*
 * fw443_attr_require() for the types whose FW443_ATTR_BIT() is in @mask
 * only (types 0 to 63): a parser for which what is there depends on the
 * message.
 */
int fw443_attr_require_mask(const struct fw443_attr_policy *policy,
			    uint16_t maxtype, const struct nlattr *const *tb,
			    uint64_t mask, const char *what,
			    struct fw443_error *err);

/*
 * Copies the string attribute @attr (of @policy[type]) into @buf of @size
 * bytes. Returns 0, or -1 with @err saying "@what: NAME longer than N
 * bytes" when it does not fit.
 */
int fw443_attr_strcpy(char *buf, size_t size, const struct nlattr *attr,
		      const struct fw443_attr_policy *policy, const char *what,
		      struct fw443_error *err);

/* Called for each nest fw443_attr_for_each_nest() finds; 0 or -1. */
typedef int (*fw443_attr_nest_fn)(const struct nlattr *nest, void *data,
				  struct fw443_error *err);

/*
 * Runs @fn over every attribute of type @type in a generic netlink message,
 * each of which must be a nest (@name names it in errors); other types are
 * skipped. Returns 0, or -1 with @err set.
 */
int fw443_attr_for_each_nest(const struct nlmsghdr *nlh, uint16_t type,
			     const char *name, fw443_attr_nest_fn fn,
			     void *data, struct fw443_error *err);

/*
 * Runs @cb over every attribute in @nest, like mnl_attr_parse_nested(), then
 * checks that nothing truncated was left over. @cb sets @err before it returns
 * MNL_CB_ERROR. Returns 0 or -1.
 */
int fw443_attr_walk_nested(const struct nlattr *nest, mnl_attr_cb_t cb,
			   void *data, const char *what,
			   struct fw443_error *err);

void fw443_error_set(struct fw443_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Appends to what fw443_error_set() wrote, cutting off what does not fit. */
void fw443_error_append(struct fw443_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
