// SPDX-License-Identifier: GPL-2.0
/*
 * Netlink commands of lists and transactions (see the UAPI header).
 *
 * Writers take fw443_net.lock and work in a transaction (txn.c); readers
 * (LIST_GET, LIST_ENTRIES) read the published configuration under RCU and
 * never wait for a writer, so a scrape is never stuck behind a big load.
 */
#include <linux/ctype.h>
#include <linux/socket.h>
#include <net/genetlink.h>
#include <net/sock.h>
#include "fw443.h"
#include "fw443_netlink.h"

static struct netlink_range_validation fw443_timeout_range = {
	.min = 1,
	.max = FW443_TIMEOUT_MAX,
};

static const struct nla_policy fw443_entry_policy[FW443_ENTRY_A_MAX + 1] = {
	[FW443_ENTRY_A_FAMILY]		= { .type = NLA_U8 },
	[FW443_ENTRY_A_ADDR]		= { .type = NLA_BINARY, .len = 16 },
	[FW443_ENTRY_A_PREFIX_LEN]	= NLA_POLICY_RANGE(NLA_U8, 1, 128),
	[FW443_ENTRY_A_TIMEOUT]		= NLA_POLICY_FULL_RANGE(NLA_U32,
							&fw443_timeout_range),
	[FW443_ENTRY_A_HITS]		= { .type = NLA_REJECT },
};

const struct nla_policy fw443_list_policy[FW443_A_MAX + 1] = {
	[FW443_A_GENERATION]	= { .type = NLA_U64 },
	[FW443_A_LIST_NAME]	= { .type = NLA_NUL_STRING,
				    .len = FW443_LIST_NAME_MAX - 1 },
	[FW443_A_LIST_KIND]	= NLA_POLICY_MAX(NLA_U8, FW443_LIST_KIND_MAX),
	[FW443_A_LIST_DIRECTION] = NLA_POLICY_MAX(NLA_U8,
						  FW443_LIST_DIRECTION_MAX),
	[FW443_A_LIST_FLAGS]	= NLA_POLICY_MASK(NLA_U8, FW443_LIST_F_ALL),
	[FW443_A_ENTRY]		= NLA_POLICY_NESTED(fw443_entry_policy),
	[FW443_A_ENTRIES4]	= { .type = NLA_BINARY },
	[FW443_A_ENTRIES6]	= { .type = NLA_BINARY },
	[FW443_A_REPLACE]	= { .type = NLA_FLAG },
	[FW443_A_EXCLUSIVE]	= { .type = NLA_FLAG },
};

/* Names travel through ruleset files as single words. */
static int fw443_nl_list_name(struct genl_info *info, const char **name)
{
	const struct nlattr *attr = info->attrs[FW443_A_LIST_NAME];
	const char *p;

	if (FW443_NL_MISSING(info->extack, NULL, info->attrs, FW443_A_LIST_NAME,
			     "missing the list name (FW443_A_LIST_NAME)"))
		return -EINVAL;
	*name = nla_data(attr);
	for (p = *name; *p; p++) {
		if (!isalnum(*p) && *p != '_' && *p != '-' && *p != '.') {
			NL_SET_ERR_MSG_ATTR(info->extack, attr,
					    "a list name is letters, digits, '_', '-' and '.'");
			return -EINVAL;
		}
	}
	if (p == *name) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr, "empty list name");
		return -EINVAL;
	}
	return 0;
}

/*
 * Run @op on the transaction of the request's socket, under the namespace's
 * configuration lock; an implicit transaction commits if @op succeeds.
 */
int fw443_nl_in_txn(struct genl_info *info,
		    int (*op)(struct fw443_txn *txn, struct genl_info *info))
{
	struct fw443_net *fn = fw443_pernet(genl_info_net(info));
	struct fw443_txn *txn;
	int err;

	mutex_lock(&fn->lock);
	txn = fw443_txn_open(fn, info->snd_portid, info->extack);
	if (IS_ERR(txn)) {
		err = PTR_ERR(txn);
	} else {
		err = op(txn, info);
		err = fw443_txn_end(fn, txn, err, info->extack);
	}
	mutex_unlock(&fn->lock);
	return err;
}

static int fw443_list_create_op(struct fw443_txn *txn, struct genl_info *info)
{
	u8 direction = FW443_LIST_BOTH, flags = 0;
	const char *name;
	int err;

	err = fw443_nl_list_name(info, &name);
	if (err)
		return err;
	if (FW443_NL_MISSING(info->extack, NULL, info->attrs, FW443_A_LIST_KIND,
			     "missing the list kind (FW443_A_LIST_KIND)"))
		return -EINVAL;
	if (info->attrs[FW443_A_LIST_DIRECTION])
		direction = nla_get_u8(info->attrs[FW443_A_LIST_DIRECTION]);
	if (info->attrs[FW443_A_LIST_FLAGS])
		flags = nla_get_u8(info->attrs[FW443_A_LIST_FLAGS]);
	return fw443_txn_list_create(txn, name,
				     nla_get_u8(info->attrs[FW443_A_LIST_KIND]),
				     direction, flags,
				     nla_get_flag(info->attrs[FW443_A_REPLACE]),
				     info->extack);
}

int fw443_nl_list_create(struct sk_buff *skb, struct genl_info *info)
{
	return fw443_nl_in_txn(info, fw443_list_create_op);
}

static int fw443_list_destroy_op(struct fw443_txn *txn, struct genl_info *info)
{
	const char *name;
	int err = fw443_nl_list_name(info, &name);

	return err ?: fw443_txn_list_destroy(txn, name, info->extack);
}

int fw443_nl_list_destroy(struct sk_buff *skb, struct genl_info *info)
{
	return fw443_nl_in_txn(info, fw443_list_destroy_op);
}

static int fw443_list_flush_op(struct fw443_txn *txn, struct genl_info *info)
{
	const struct fw443_list_data *data;
	struct fw443_list_edit *edit;
	const char *name;
	int err = fw443_nl_list_name(info, &name);

	if (err)
		return err;
	edit = fw443_txn_list_edit(txn, name, &data, info->extack);
	if (IS_ERR(edit))
		return PTR_ERR(edit);
	/* Staged adds before the flush go with it. */
	fw443_list_edit_reset(edit);
	edit->from_empty = true;
	return 0;
}

int fw443_nl_list_flush(struct sk_buff *skb, struct genl_info *info)
{
	return fw443_nl_in_txn(info, fw443_list_flush_op);
}

/*
 * A nest of FW443_ENTRY_A_FAMILY, _ADDR and _PREFIX_LEN, validated by
 * @policy into @tb, as a normalised prefix.
 */
int fw443_nl_parse_prefix(const struct nlattr *nest,
			  const struct nla_policy *policy, struct nlattr **tb,
			  enum fw443_ipver *ipver, struct fw443_prefix *p,
			  struct netlink_ext_ack *extack)
{
	unsigned int addr_len;
	int err;

	err = nla_parse_nested(tb, FW443_ENTRY_A_MAX, nest, policy, extack);
	if (err)
		return err;
	if (FW443_NL_MISSING(extack, nest, tb, FW443_ENTRY_A_FAMILY,
			     "entry without a family (FW443_ENTRY_A_FAMILY)") ||
	    FW443_NL_MISSING(extack, nest, tb, FW443_ENTRY_A_ADDR,
			     "entry without an address (FW443_ENTRY_A_ADDR)") ||
	    FW443_NL_MISSING(extack, nest, tb, FW443_ENTRY_A_PREFIX_LEN,
			     "entry without a prefix length (FW443_ENTRY_A_PREFIX_LEN)"))
		return -EINVAL;
	switch (nla_get_u8(tb[FW443_ENTRY_A_FAMILY])) {
	case AF_INET:
		*ipver = FW443_IPV4;
		addr_len = 4;
		break;
	case AF_INET6:
		*ipver = FW443_IPV6;
		addr_len = 16;
		break;
	default:
		NL_SET_ERR_MSG_ATTR(extack, tb[FW443_ENTRY_A_FAMILY],
				    "family is neither AF_INET nor AF_INET6");
		return -EAFNOSUPPORT;
	}
	if (nla_len(tb[FW443_ENTRY_A_ADDR]) != addr_len) {
		NL_SET_ERR_MSG_ATTR(extack, tb[FW443_ENTRY_A_ADDR],
				    "address length does not match the family");
		return -EINVAL;
	}
	memset(p, 0, sizeof(*p));
	nla_memcpy(p->addr, tb[FW443_ENTRY_A_ADDR], addr_len);
	p->len = nla_get_u8(tb[FW443_ENTRY_A_PREFIX_LEN]);
	if (p->len > addr_len * 8) {
		NL_SET_ERR_MSG_ATTR(extack, tb[FW443_ENTRY_A_PREFIX_LEN],
				    "prefix length exceeds the address");
		return -EINVAL;
	}
	fw443_prefix_normalise(p);
	return 0;
}

/* One FW443_A_ENTRY nest into a normalised prefix. */
static int fw443_nl_parse_entry(struct genl_info *info,
				enum fw443_ipver *ipver,
				struct fw443_prefix *p, u32 *timeout)
{
	struct nlattr *tb[FW443_ENTRY_A_MAX + 1];
	int err;

	err = fw443_nl_parse_prefix(info->attrs[FW443_A_ENTRY],
				    fw443_entry_policy, tb, ipver, p,
				    info->extack);
	if (err)
		return err;
	*timeout = tb[FW443_ENTRY_A_TIMEOUT] ?
		   nla_get_u32(tb[FW443_ENTRY_A_TIMEOUT]) : 0;
	return 0;
}

/* Entries of a packed array; a bad one is named by its index, which the
 * extended ACK's cookie carries.
 */
static int fw443_nl_add_packed(struct fw443_list_edit *edit,
			       struct genl_info *info, int attrtype,
			       enum fw443_ipver ipver)
{
	const struct nlattr *attr = info->attrs[attrtype];
	unsigned int addr_len = ipver == FW443_IPV4 ? 4 : 16;
	unsigned int size = addr_len + 1;
	const u8 *e = nla_data(attr);
	struct fw443_prefix p = {};
	u32 i, n;
	int err;

	BUILD_BUG_ON(sizeof(struct fw443_entry4) != 5);
	BUILD_BUG_ON(sizeof(struct fw443_entry6) != 17);
	if (nla_len(attr) % size) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr,
				    "packed entries: length is not a multiple of the entry size");
		return -EINVAL;
	}
	n = nla_len(attr) / size;
	for (i = 0; i < n; i++, e += size) {
		memcpy(p.addr, e, addr_len);
		p.len = e[addr_len];
		if (p.len == 0 || p.len > addr_len * 8) {
			NL_SET_ERR_MSG_ATTR(info->extack, attr,
					    "packed entry with a prefix length out of range");
			err = -EINVAL;
			goto bad_entry;
		}
		err = fw443_list_edit_add(edit, ipver, &p, 0);
		if (err == -ENOSPC)
			NL_SET_ERR_MSG_ATTR(info->extack, attr,
					    "more than 4194304 entries of one family in a list");
		if (err)
			goto bad_entry;
	}
	return 0;

bad_entry:
	memcpy(info->extack->cookie, &i, sizeof(i));
	info->extack->cookie_len = sizeof(i);
	return err;
}

static int fw443_list_add_op(struct fw443_txn *txn, struct genl_info *info)
{
	bool excl = nla_get_flag(info->attrs[FW443_A_EXCLUSIVE]);
	const struct fw443_list_data *data;
	struct fw443_list_edit *edit;
	const char *name;
	int err;

	err = fw443_nl_list_name(info, &name);
	if (err)
		return err;
	if (!info->attrs[FW443_A_ENTRY] && !info->attrs[FW443_A_ENTRIES4] &&
	    !info->attrs[FW443_A_ENTRIES6]) {
		NL_SET_ERR_MSG_MOD(info->extack, "no entries to add");
		return -EINVAL;
	}
	edit = fw443_txn_list_edit(txn, name, &data, info->extack);
	if (IS_ERR(edit))
		return PTR_ERR(edit);
	if (info->attrs[FW443_A_ENTRY]) {
		enum fw443_ipver ipver;
		struct fw443_prefix p;
		u32 timeout;

		err = fw443_nl_parse_entry(info, &ipver, &p, &timeout);
		if (err)
			return err;
		if (excl && fw443_list_edit_has(edit, data, ipver, &p)) {
			NL_SET_ERR_MSG_MOD(info->extack,
					   "the entry is in the list already");
			return -EEXIST;
		}
		err = fw443_list_edit_add(edit, ipver, &p,
					  timeout ? fw443_now() + timeout : 0);
		if (err)
			return err;
	}
	if (info->attrs[FW443_A_ENTRIES4])
		err = fw443_nl_add_packed(edit, info, FW443_A_ENTRIES4,
					  FW443_IPV4);
	if (!err && info->attrs[FW443_A_ENTRIES6])
		err = fw443_nl_add_packed(edit, info, FW443_A_ENTRIES6,
					  FW443_IPV6);
	return err;
}

int fw443_nl_list_add(struct sk_buff *skb, struct genl_info *info)
{
	return fw443_nl_in_txn(info, fw443_list_add_op);
}

static int fw443_list_del_op(struct fw443_txn *txn, struct genl_info *info)
{
	const struct fw443_list_data *data;
	struct fw443_list_edit *edit;
	enum fw443_ipver ipver;
	struct fw443_prefix p;
	const char *name;
	u32 timeout;
	int err;

	err = fw443_nl_list_name(info, &name);
	if (err)
		return err;
	if (FW443_NL_MISSING(info->extack, NULL, info->attrs, FW443_A_ENTRY,
			     "missing the entry (FW443_A_ENTRY)"))
		return -EINVAL;
	err = fw443_nl_parse_entry(info, &ipver, &p, &timeout);
	if (err)
		return err;
	edit = fw443_txn_list_edit(txn, name, &data, info->extack);
	if (IS_ERR(edit))
		return PTR_ERR(edit);
	if (!fw443_list_edit_has(edit, data, ipver, &p)) {
		NL_SET_ERR_MSG_MOD(info->extack, "no such entry in the list");
		return -ENOENT;
	}
	return fw443_list_edit_del(edit, ipver, &p);
}

int fw443_nl_list_del(struct sk_buff *skb, struct genl_info *info)
{
	return fw443_nl_in_txn(info, fw443_list_del_op);
}

/* --- reading ------------------------------------------------------------- */

static int fw443_nl_put_list(struct sk_buff *msg, struct fw443_net *fn,
			     const struct fw443_list *l)
{
	u64 hits = fw443_stats_read_list_hits(fn, l->slot) -
		   READ_ONCE(fn->slot_base[l->slot]);

	if (nla_put_string(msg, FW443_A_LIST_NAME, l->name) ||
	    nla_put_u8(msg, FW443_A_LIST_KIND, l->kind) ||
	    nla_put_u8(msg, FW443_A_LIST_DIRECTION, l->direction) ||
	    nla_put_u8(msg, FW443_A_LIST_FLAGS, l->flags) ||
	    nla_put_u32(msg, FW443_A_LIST_COUNT4,
			fw443_list_data_count(l->data, FW443_IPV4)) ||
	    nla_put_u32(msg, FW443_A_LIST_COUNT6,
			fw443_list_data_count(l->data, FW443_IPV6)) ||
	    nla_put_u64_64bit(msg, FW443_A_LIST_MEMORY,
			      fw443_list_data_memory(l->data), FW443_A_PAD) ||
	    nla_put_u64_64bit(msg, FW443_A_LIST_HITS, hits, FW443_A_PAD))
		return -EMSGSIZE;
	return 0;
}

int fw443_nl_list_get(struct sk_buff *skb, struct genl_info *info)
{
	struct fw443_net *fn = fw443_pernet(genl_info_net(info));
	const struct fw443_config *cfg;
	struct sk_buff *msg;
	const char *name;
	void *hdr;
	int err, i;

	err = fw443_nl_list_name(info, &name);
	if (err)
		return err;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_put_reply(msg, info, &fw443_genl_family, 0,
				FW443_CMD_LIST_GET);
	rcu_read_lock();
	cfg = rcu_dereference(fn->config);
	i = fw443_config_find_list(cfg, name);
	if (i < 0) {
		NL_SET_ERR_MSG_MOD(info->extack, "no list of that name");
		err = -ENOENT;
	} else if (!hdr || fw443_nl_put_list(msg, fn, &cfg->lists[i])) {
		err = -EMSGSIZE;
	}
	rcu_read_unlock();
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

/* Dump of every list's summary; cb->args[0] is the next list's index. */
int fw443_nl_list_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct fw443_net *fn = fw443_pernet(sock_net(skb->sk));
	const struct fw443_config *cfg;
	u32 i;

	rcu_read_lock();
	cfg = rcu_dereference(fn->config);
	cb->seq = (u32)READ_ONCE(fn->generation);
	for (i = cb->args[0]; i < cfg->n_lists; i++) {
		void *hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid,
					cb->nlh->nlmsg_seq, &fw443_genl_family,
					NLM_F_MULTI, FW443_CMD_LIST_GET);

		if (!hdr)
			break;
		genl_dump_check_consistent(cb, hdr);
		if (fw443_nl_put_list(skb, fn, &cfg->lists[i])) {
			genlmsg_cancel(skb, hdr);
			break;
		}
		genlmsg_end(skb, hdr);
	}
	rcu_read_unlock();
	cb->args[0] = i;
	return skb->len;
}

/* Where a dump of one list's entries stands, between calls. */
struct fw443_entries_dump {
	char name[FW443_LIST_NAME_MAX];
	u32 ipver;
	u32 next;
};

/* The request is parsed here rather than through the genetlink core's
 * dump info, whose layout differs between the kernels fw443 supports.
 */
int fw443_nl_list_entries_start(struct netlink_callback *cb)
{
	struct fw443_entries_dump *ctx = (void *)cb->ctx;
	struct nlattr *tb[FW443_A_MAX + 1];

	BUILD_BUG_ON(sizeof(*ctx) > sizeof(cb->ctx));
	/* The core validated the request already. Errors are reported from
	 * the dump itself, whose extended ACK reaches userspace on every
	 * kernel (a start callback's does not on 6.1).
	 */
	if (!nlmsg_parse(cb->nlh, GENL_HDRLEN, tb, FW443_A_MAX,
			 fw443_list_policy, NULL) && tb[FW443_A_LIST_NAME])
		nla_strscpy(ctx->name, tb[FW443_A_LIST_NAME], sizeof(ctx->name));
	return 0;
}

static int fw443_nl_put_entry(struct sk_buff *msg,
			      const struct fw443_list_data *d,
			      enum fw443_ipver ipver, u32 i, u32 now)
{
	struct fw443_prefix p;
	struct nlattr *nest;
	u32 expires;
	u64 hits;

	fw443_list_data_entry(d, ipver, i, &p, &expires, &hits);
	nest = nla_nest_start(msg, FW443_A_ENTRY);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u8(msg, FW443_ENTRY_A_FAMILY,
		       ipver == FW443_IPV4 ? AF_INET : AF_INET6) ||
	    nla_put(msg, FW443_ENTRY_A_ADDR, ipver == FW443_IPV4 ? 4 : 16,
		    p.addr) ||
	    nla_put_u8(msg, FW443_ENTRY_A_PREFIX_LEN, p.len) ||
	    (expires && nla_put_u32(msg, FW443_ENTRY_A_TIMEOUT,
				    max_t(s32, expires - now, 1))) ||
	    (d->hits[ipver] && nla_put_u64_64bit(msg, FW443_ENTRY_A_HITS, hits,
						 FW443_ENTRY_A_PAD))) {
		/* A half-written entry must not reach userspace. */
		nla_nest_cancel(msg, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	return 0;
}

/*
 * One message of a list's entries. If the configuration changes between
 * messages the dump goes on from the same position in the new entries and
 * the message says NLM_F_DUMP_INTR, so the reader knows to start over.
 */
int fw443_nl_list_entries_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct fw443_net *fn = fw443_pernet(sock_net(skb->sk));
	struct fw443_entries_dump *ctx = (void *)cb->ctx;
	const struct fw443_list_data *d;
	const struct fw443_config *cfg;
	u32 now = fw443_now(), n;
	void *hdr;
	int i, err = 0;

	if (ctx->ipver >= FW443_IPVER_COUNT)
		return 0;
	if (!ctx->name[0]) {
		NL_SET_ERR_MSG_MOD(cb->extack,
				   "missing the list name (FW443_A_LIST_NAME)");
		return -EINVAL;
	}
	rcu_read_lock();
	cfg = rcu_dereference(fn->config);
	cb->seq = (u32)READ_ONCE(fn->generation);
	i = fw443_config_find_list(cfg, ctx->name);
	if (i < 0) {
		NL_SET_ERR_MSG_MOD(cb->extack, "no list of that name");
		err = -ENOENT;
		goto out;
	}
	d = cfg->lists[i].data;
	hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			  &fw443_genl_family, NLM_F_MULTI,
			  FW443_CMD_LIST_ENTRIES);
	if (!hdr) {
		err = -EMSGSIZE;
		goto out;
	}
	genl_dump_check_consistent(cb, hdr);
	if (nla_put_u64_64bit(skb, FW443_A_GENERATION, cb->seq, FW443_A_PAD)) {
		genlmsg_cancel(skb, hdr);
		err = -EMSGSIZE;
		goto out;
	}
	for (; ctx->ipver < FW443_IPVER_COUNT; ctx->ipver++, ctx->next = 0) {
		n = fw443_list_data_count(d, ctx->ipver);
		for (; ctx->next < n; ctx->next++)
			if (fw443_nl_put_entry(skb, d, ctx->ipver, ctx->next,
					       now))
				goto full;
	}
full:
	genlmsg_end(skb, hdr);
out:
	rcu_read_unlock();
	if (err)
		return err;
	return skb->len;
}

/* --- transactions ---------------------------------------------------------- */

int fw443_nl_txn_begin(struct sk_buff *skb, struct genl_info *info)
{
	struct fw443_net *fn = fw443_pernet(genl_info_net(info));
	const struct nlattr *gen = info->attrs[FW443_A_GENERATION];
	int err;

	mutex_lock(&fn->lock);
	err = fw443_txn_begin(fn, info->snd_portid, gen,
			      gen ? nla_get_u64(gen) : 0, info->extack);
	mutex_unlock(&fn->lock);
	return err;
}

int fw443_nl_txn_commit(struct sk_buff *skb, struct genl_info *info)
{
	struct fw443_net *fn = fw443_pernet(genl_info_net(info));
	int err;

	mutex_lock(&fn->lock);
	err = fw443_txn_commit(fn, info->snd_portid, info->extack);
	mutex_unlock(&fn->lock);
	return err;
}

int fw443_nl_txn_abort(struct sk_buff *skb, struct genl_info *info)
{
	struct fw443_net *fn = fw443_pernet(genl_info_net(info));
	int err;

	mutex_lock(&fn->lock);
	err = fw443_txn_abort(fn, info->snd_portid, info->extack);
	mutex_unlock(&fn->lock);
	return err;
}
