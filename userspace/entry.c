// SPDX-License-Identifier: GPL-2.0
#include <string.h>
#include <sys/socket.h>
#include <uapi/linux/fw443.h>

#include "entry.h"
#include "output.h"

static const struct fw443_attr_policy entry_policy[FW443_ENTRY_A_MAX + 1] = {
	[FW443_ENTRY_A_FAMILY]	   = { MNL_TYPE_U8, "FW443_ENTRY_A_FAMILY" },
	[FW443_ENTRY_A_ADDR]	   = { MNL_TYPE_BINARY, "FW443_ENTRY_A_ADDR" },
	[FW443_ENTRY_A_PREFIX_LEN] = { MNL_TYPE_U8, "FW443_ENTRY_A_PREFIX_LEN" },
	[FW443_ENTRY_A_TIMEOUT]	   = { MNL_TYPE_U32, "FW443_ENTRY_A_TIMEOUT" },
	[FW443_ENTRY_A_HITS]	   = { MNL_TYPE_U64, "FW443_ENTRY_A_HITS" },
};

static struct nlattr *entry_nest_start(struct nlmsghdr *nlh, uint16_t type,
				       const struct fw443_addr_prefix *p)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, type);

	mnl_attr_put_u8(nlh, FW443_ENTRY_A_FAMILY, p->family);
	mnl_attr_put(nlh, FW443_ENTRY_A_ADDR, fw443_prefix_addr_len(p),
		     p->addr);
	mnl_attr_put_u8(nlh, FW443_ENTRY_A_PREFIX_LEN, p->len);
	return nest;
}

void fw443_entry_put(struct nlmsghdr *nlh, const struct fw443_addr_prefix *p,
		     uint32_t timeout)
{
	struct nlattr *nest = entry_nest_start(nlh, FW443_A_ENTRY, p);

	if (timeout)
		mnl_attr_put_u32(nlh, FW443_ENTRY_A_TIMEOUT, timeout);
	mnl_attr_nest_end(nlh, nest);
}

void fw443_entry_put_prefix(struct nlmsghdr *nlh, uint16_t type,
			    const struct fw443_addr_prefix *p)
{
	mnl_attr_nest_end(nlh, entry_nest_start(nlh, type, p));
}

/* The address, family and length must agree: they come from a kernel. */
static int entry_prefix(const struct nlattr *const *tb, const char *what,
			struct fw443_addr_prefix *p, struct fw443_error *err)
{
	if (!tb[FW443_ENTRY_A_FAMILY] || !tb[FW443_ENTRY_A_ADDR] ||
	    !tb[FW443_ENTRY_A_PREFIX_LEN]) {
		fw443_error_set(err, "%s: family, address or length missing",
				what);
		return -1;
	}
	memset(p, 0, sizeof(*p));
	p->family = mnl_attr_get_u8(tb[FW443_ENTRY_A_FAMILY]);
	p->len = mnl_attr_get_u8(tb[FW443_ENTRY_A_PREFIX_LEN]);
	if ((p->family != AF_INET && p->family != AF_INET6) ||
	    mnl_attr_get_payload_len(tb[FW443_ENTRY_A_ADDR]) !=
	    fw443_prefix_addr_len(p) || p->len > fw443_prefix_addr_len(p) * 8) {
		fw443_error_set(err,
				"%s: family %u, %u-byte address, length %u do not agree",
				what, p->family,
				mnl_attr_get_payload_len(tb[FW443_ENTRY_A_ADDR]),
				p->len);
		return -1;
	}
	memcpy(p->addr, mnl_attr_get_payload(tb[FW443_ENTRY_A_ADDR]),
	       fw443_prefix_addr_len(p));
	return 0;
}

static int entry_parse(const struct nlattr *nest, const char *what,
		       const struct nlattr **tb, struct fw443_addr_prefix *p,
		       struct fw443_error *err)
{
	return fw443_attr_parse_nested(nest, entry_policy, FW443_ENTRY_A_MAX,
				       tb, what, err) ||
	       entry_prefix(tb, what, p, err) ? -1 : 0;
}

int fw443_entry_parse_prefix(const struct nlattr *nest, const char *what,
			     struct fw443_addr_prefix *p,
			     struct fw443_error *err)
{
	const struct nlattr *tb[FW443_ENTRY_A_MAX + 1] = { NULL };

	return entry_parse(nest, what, tb, p, err);
}

struct entries_walk {
	fw443_entry_fn fn;
	void *data;
};

static int entries_one(const struct nlattr *nest, void *data,
		       struct fw443_error *err)
{
	const struct nlattr *tb[FW443_ENTRY_A_MAX + 1] = { NULL };
	struct entries_walk *w = data;
	struct fw443_list_entry e;

	if (entry_parse(nest, "entry", tb, &e.prefix, err))
		return -1;
	e.timeout = tb[FW443_ENTRY_A_TIMEOUT] ?
		    mnl_attr_get_u32(tb[FW443_ENTRY_A_TIMEOUT]) : 0;
	e.has_hits = tb[FW443_ENTRY_A_HITS];
	e.hits = e.has_hits ? mnl_attr_get_u64(tb[FW443_ENTRY_A_HITS]) : 0;
	if (w->fn(&e, w->data)) {
		fw443_error_set(err, "cannot write the entries");
		return -1;
	}
	return 0;
}

int fw443_entries_parse(const struct nlmsghdr *nlh, fw443_entry_fn fn,
			void *data, struct fw443_error *err)
{
	struct entries_walk w = { fn, data };

	return fw443_attr_for_each_nest(nlh, FW443_A_ENTRY, "FW443_A_ENTRY",
					entries_one, &w, err);
}

int fw443_entry_print(const struct fw443_list_entry *e, FILE *f)
{
	char text[FW443_PREFIX_STRLEN];

	fw443_prefix_format(&e->prefix, text);
	fputs(text, f);
	if (e->timeout)
		fprintf(f, " timeout %u", e->timeout);
	if (e->has_hits)
		fprintf(f, " hits %llu", (unsigned long long)e->hits);
	return putc('\n', f) == EOF ? -1 : 0;
}

json_t *fw443_entry_to_json(const struct fw443_list_entry *e)
{
	char text[FW443_PREFIX_STRLEN];
	json_t *obj;

	fw443_prefix_format(&e->prefix, text);
	obj = json_pack("{s:s}", "prefix", text);
	if (obj && e->timeout &&
	    json_object_set_new(obj, "timeout", json_integer(e->timeout)))
		goto fail;
	if (obj && e->has_hits &&
	    json_object_set_new(obj, "hits", fw443_json_u64(e->hits)))
		goto fail;
	return obj;

fail:
	json_decref(obj);
	return NULL;
}
