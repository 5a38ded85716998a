// SPDX-License-Identifier: GPL-2.0
/*
 * Netlink commands of zones, connection policy rules and the flow table
 * (see the UAPI header).
 *
 * Configuration writers work in a transaction under fw443_net.lock, as the
 * list commands do. The dumps read the published configuration and the flow
 * table under RCU and never wait for a writer or for the packet path beyond
 * one flow's lock.
 */
#include <linux/netdevice.h>
#include <net/genetlink.h>
#include <net/sock.h>
#include "fw443.h"
#include "flow.h"
#include "fw443_netlink.h"

static struct netlink_range_validation fw443_flow_timeout_range = {
	.min = 1,
	.max = FW443_TIMEOUT_MAX,
};

static struct netlink_range_validation fw443_flows_max_range = {
	.max = FW443_FLOWS_MAX_LIMIT,
};

static const struct nla_policy fw443_rule_prefix_policy[FW443_ENTRY_A_MAX + 1] = {
	[FW443_ENTRY_A_FAMILY]		= { .type = NLA_U8 },
	[FW443_ENTRY_A_ADDR]		= { .type = NLA_BINARY, .len = 16 },
	[FW443_ENTRY_A_PREFIX_LEN]	= NLA_POLICY_MAX(NLA_U8, 128),
};

static const struct nla_policy fw443_rule_policy[FW443_RULE_A_MAX + 1] = {
	[FW443_RULE_A_FROM]	= { .type = NLA_NUL_STRING,
				    .len = FW443_ZONE_NAME_MAX - 1 },
	[FW443_RULE_A_TO]	= { .type = NLA_NUL_STRING,
				    .len = FW443_ZONE_NAME_MAX - 1 },
	[FW443_RULE_A_SRC]	= NLA_POLICY_NESTED(fw443_rule_prefix_policy),
	[FW443_RULE_A_DST]	= NLA_POLICY_NESTED(fw443_rule_prefix_policy),
	[FW443_RULE_A_ACTION]	= NLA_POLICY_MAX(NLA_U8, FW443_ACTION_MAX),
};

static const struct nla_policy fw443_timeouts_policy[FW443_FLOW_STATE_MAX + 1] = {
	[FW443_FLOW_NONE]	= { .type = NLA_REJECT },
	[FW443_FLOW_SYN_SENT ... FW443_FLOW_STATE_MAX] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &fw443_flow_timeout_range),
};

const struct nla_policy fw443_flow_policy[FW443_A_MAX + 1] = {
	[FW443_A_IFNAME]	= { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[FW443_A_ZONE]		= { .type = NLA_NUL_STRING,
				    .len = FW443_ZONE_NAME_MAX - 1 },
	[FW443_A_RULE]		= NLA_POLICY_NESTED(fw443_rule_policy),
	[FW443_A_RULE_INDEX]	= NLA_POLICY_MIN(NLA_U32, 1),
	[FW443_A_POLICY]	= NLA_POLICY_MAX(NLA_U8, FW443_POLICY_MAX),
	[FW443_A_PICKUP]	= NLA_POLICY_MAX(NLA_U8, 1),
	[FW443_A_FLOWS_MAX]	= NLA_POLICY_FULL_RANGE(NLA_U32,
							&fw443_flows_max_range),
	[FW443_A_TIMEOUTS]	= NLA_POLICY_NESTED(fw443_timeouts_policy),
};

/* -EINVAL with @msg if the request lacks @type. */
#define fw443_nl_require(info, type, msg)				\
	(FW443_NL_MISSING((info)->extack, NULL, (info)->attrs, type, msg) ? \
	 -EINVAL : 0)

static int fw443_zone_set_op(struct fw443_txn *txn, struct genl_info *info)
{
	int err = fw443_nl_require(info, FW443_A_IFNAME,
				   "missing the interface (FW443_A_IFNAME)") ?:
		  fw443_nl_require(info, FW443_A_ZONE,
				   "missing the zone (FW443_A_ZONE)");

	return err ?: fw443_zone_set(fw443_txn_config(txn),
				     nla_data(info->attrs[FW443_A_IFNAME]),
				     nla_data(info->attrs[FW443_A_ZONE]),
				     info->extack);
}

int fw443_nl_zone_set(struct sk_buff *skb, struct genl_info *info)
{
	return fw443_nl_in_txn(info, fw443_zone_set_op);
}

static int fw443_zone_del_op(struct fw443_txn *txn, struct genl_info *info)
{
	int err = fw443_nl_require(info, FW443_A_IFNAME,
				   "missing the interface (FW443_A_IFNAME)");

	return err ?: fw443_zone_del(fw443_txn_config(txn),
				     nla_data(info->attrs[FW443_A_IFNAME]),
				     info->extack);
}

int fw443_nl_zone_del(struct sk_buff *skb, struct genl_info *info)
{
	return fw443_nl_in_txn(info, fw443_zone_del_op);
}

/* A rule's zone: a zone name, "any" or "local". */
static int fw443_nl_rule_zone(const struct nlattr *attr, char *zone,
			      struct netlink_ext_ack *extack)
{
	if (!fw443_zone_name_valid(nla_data(attr))) {
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "a zone name is 1 to 15 letters, digits, '_' and '-'");
		return -EINVAL;
	}
	strscpy_pad(zone, nla_data(attr), FW443_ZONE_NAME_MAX);
	return 0;
}

/* FW443_RULE_A_SRC or _DST into @p; the rule's family must agree. */
static int fw443_nl_rule_prefix(struct nlattr **rtb, int type,
				struct fw443_rule *r, struct fw443_prefix *p,
				u8 bit, struct netlink_ext_ack *extack)
{
	struct nlattr *tb[FW443_ENTRY_A_MAX + 1];
	enum fw443_ipver ipver;
	int family, err;

	if (!rtb[type])
		return 0;
	err = fw443_nl_parse_prefix(rtb[type], fw443_rule_prefix_policy, tb,
				    &ipver, p, extack);
	if (err)
		return err;
	family = ipver == FW443_IPV4 ? AF_INET : AF_INET6;
	if (r->family && r->family != family) {
		NL_SET_ERR_MSG_ATTR(extack, rtb[type],
				    "the source and destination of a rule are of one family");
		return -EINVAL;
	}
	r->family = family;
	r->match |= bit;
	return 0;
}

static int fw443_nl_parse_rule(const struct nlattr *nest, struct fw443_rule *r,
			       struct netlink_ext_ack *extack)
{
	struct nlattr *tb[FW443_RULE_A_MAX + 1];
	int err;

	err = nla_parse_nested(tb, FW443_RULE_A_MAX, nest, fw443_rule_policy,
			       extack);
	if (err)
		return err;
	if (FW443_NL_MISSING(extack, nest, tb, FW443_RULE_A_FROM,
			     "rule without a source zone (FW443_RULE_A_FROM)") ||
	    FW443_NL_MISSING(extack, nest, tb, FW443_RULE_A_TO,
			     "rule without a destination zone (FW443_RULE_A_TO)") ||
	    FW443_NL_MISSING(extack, nest, tb, FW443_RULE_A_ACTION,
			     "rule without an action (FW443_RULE_A_ACTION)"))
		return -EINVAL;
	memset(r, 0, sizeof(*r));
	r->action = nla_get_u8(tb[FW443_RULE_A_ACTION]);
	return fw443_nl_rule_zone(tb[FW443_RULE_A_FROM], r->from, extack) ?:
	       fw443_nl_rule_zone(tb[FW443_RULE_A_TO], r->to, extack) ?:
	       fw443_nl_rule_prefix(tb, FW443_RULE_A_SRC, r, &r->src,
				    FW443_RULE_SRC, extack) ?:
	       fw443_nl_rule_prefix(tb, FW443_RULE_A_DST, r, &r->dst,
				    FW443_RULE_DST, extack);
}

static int fw443_rule_add_op(struct fw443_txn *txn, struct genl_info *info)
{
	const struct nlattr *index = info->attrs[FW443_A_RULE_INDEX];
	struct fw443_rule r;
	int err;

	err = fw443_nl_require(info, FW443_A_RULE,
			       "missing the rule (FW443_A_RULE)") ?:
	      fw443_nl_parse_rule(info->attrs[FW443_A_RULE], &r, info->extack);
	if (err)
		return err;
	return fw443_rule_insert(fw443_txn_config(txn), &r,
				 index ? nla_get_u32(index) : 0, info->extack);
}

int fw443_nl_rule_add(struct sk_buff *skb, struct genl_info *info)
{
	return fw443_nl_in_txn(info, fw443_rule_add_op);
}

static int fw443_rule_del_op(struct fw443_txn *txn, struct genl_info *info)
{
	int err = fw443_nl_require(info, FW443_A_RULE_INDEX,
				   "missing the rule's index (FW443_A_RULE_INDEX)");

	return err ?: fw443_rule_delete(fw443_txn_config(txn),
					nla_get_u32(info->attrs[FW443_A_RULE_INDEX]),
					info->extack);
}

int fw443_nl_rule_del(struct sk_buff *skb, struct genl_info *info)
{
	return fw443_nl_in_txn(info, fw443_rule_del_op);
}

static int fw443_rule_flush_op(struct fw443_txn *txn, struct genl_info *info)
{
	fw443_txn_config(txn)->n_rules = 0;
	return 0;
}

int fw443_nl_rule_flush(struct sk_buff *skb, struct genl_info *info)
{
	return fw443_nl_in_txn(info, fw443_rule_flush_op);
}

static int fw443_flows_set_op(struct fw443_txn *txn, struct genl_info *info)
{
	struct fw443_config *cfg = fw443_txn_config(txn);
	struct nlattr **attrs = info->attrs;

	if (!attrs[FW443_A_POLICY] && !attrs[FW443_A_PICKUP] &&
	    !attrs[FW443_A_FLOWS_MAX] && !attrs[FW443_A_TIMEOUTS]) {
		NL_SET_ERR_MSG_MOD(info->extack, "nothing to set");
		return -EINVAL;
	}
	if (attrs[FW443_A_POLICY])
		cfg->policy = nla_get_u8(attrs[FW443_A_POLICY]);
	if (attrs[FW443_A_PICKUP])
		cfg->pickup = nla_get_u8(attrs[FW443_A_PICKUP]);
	if (attrs[FW443_A_FLOWS_MAX])
		cfg->flows_max_set = nla_get_u32(attrs[FW443_A_FLOWS_MAX]);
	if (attrs[FW443_A_TIMEOUTS]) {
		struct nlattr *tb[FW443_FLOW_STATE_MAX + 1];
		int err, i;

		/* Validated by the policy already, on the way in. */
		err = nla_parse_nested(tb, FW443_FLOW_STATE_MAX,
				       attrs[FW443_A_TIMEOUTS],
				       fw443_timeouts_policy, info->extack);
		if (err)
			return err;
		for (i = FW443_FLOW_SYN_SENT; i <= FW443_FLOW_STATE_MAX; i++)
			if (tb[i])
				cfg->timeouts[i] = nla_get_u32(tb[i]);
	}
	return 0;
}

int fw443_nl_flows_set(struct sk_buff *skb, struct genl_info *info)
{
	return fw443_nl_in_txn(info, fw443_flows_set_op);
}

/*
 * Dumps item cb->args[0] onwards of the published configuration, one
 * message of @cmd each, as @put writes them.
 */
static int fw443_nl_dump_config(struct sk_buff *skb, struct netlink_callback *cb,
				u8 cmd, u32 (*count)(const struct fw443_config *),
				int (*put)(struct sk_buff *skb,
					   const struct fw443_config *cfg, u32 i))
{
	struct fw443_net *fn = fw443_pernet(sock_net(skb->sk));
	const struct fw443_config *cfg;
	u32 i;

	rcu_read_lock();
	cfg = rcu_dereference(fn->config);
	cb->seq = (u32)READ_ONCE(fn->generation);
	for (i = cb->args[0]; i < count(cfg); i++) {
		void *hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid,
					cb->nlh->nlmsg_seq, &fw443_genl_family,
					NLM_F_MULTI, cmd);

		if (!hdr)
			break;
		genl_dump_check_consistent(cb, hdr);
		if (put(skb, cfg, i)) {
			genlmsg_cancel(skb, hdr);
			break;
		}
		genlmsg_end(skb, hdr);
	}
	rcu_read_unlock();
	cb->args[0] = i;
	return skb->len;
}

static u32 fw443_count_ifaces(const struct fw443_config *cfg)
{
	return cfg->n_ifaces;
}

static int fw443_nl_put_iface(struct sk_buff *skb,
			      const struct fw443_config *cfg, u32 i)
{
	const struct fw443_iface *e = &cfg->ifaces[i];
	char name[IFNAMSIZ + 1];

	snprintf(name, sizeof(name), "%.*s%s", e->len, e->name,
		 e->wildcard ? "+" : "");
	return nla_put_string(skb, FW443_A_IFNAME, name) ?:
	       nla_put_string(skb, FW443_A_ZONE, e->zone);
}

int fw443_nl_zone_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	return fw443_nl_dump_config(skb, cb, FW443_CMD_ZONE_GET,
				    fw443_count_ifaces, fw443_nl_put_iface);
}

static int fw443_nl_put_rule_prefix(struct sk_buff *skb, int type,
				    const struct fw443_rule *r,
				    const struct fw443_prefix *p)
{
	struct nlattr *nest = nla_nest_start(skb, type);

	if (!nest ||
	    nla_put_u8(skb, FW443_ENTRY_A_FAMILY, r->family) ||
	    nla_put(skb, FW443_ENTRY_A_ADDR, r->family == AF_INET ? 4 : 16,
		    p->addr) ||
	    nla_put_u8(skb, FW443_ENTRY_A_PREFIX_LEN, p->len))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

static u32 fw443_count_rules(const struct fw443_config *cfg)
{
	return cfg->n_rules;
}

static int fw443_nl_put_rule(struct sk_buff *skb,
			     const struct fw443_config *cfg, u32 i)
{
	const struct fw443_rule *r = &cfg->rules[i];
	struct nlattr *nest;

	if (nla_put_u32(skb, FW443_A_RULE_INDEX, i + 1))
		return -EMSGSIZE;
	nest = nla_nest_start(skb, FW443_A_RULE);
	if (!nest ||
	    nla_put_string(skb, FW443_RULE_A_FROM, r->from) ||
	    nla_put_string(skb, FW443_RULE_A_TO, r->to) ||
	    nla_put_u8(skb, FW443_RULE_A_ACTION, r->action) ||
	    ((r->match & FW443_RULE_SRC) &&
	     fw443_nl_put_rule_prefix(skb, FW443_RULE_A_SRC, r, &r->src)) ||
	    ((r->match & FW443_RULE_DST) &&
	     fw443_nl_put_rule_prefix(skb, FW443_RULE_A_DST, r, &r->dst)))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

int fw443_nl_rule_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	return fw443_nl_dump_config(skb, cb, FW443_CMD_RULE_GET,
				    fw443_count_rules, fw443_nl_put_rule);
}

/* A flow, as the dump lists it and events report it. */
int fw443_nl_put_flow(struct sk_buff *skb, struct fw443_flow *live,
		      const u32 *timeouts)
{
	enum fw443_tcp_dir orig = FW443_TCP_ORIGINAL, reply = FW443_TCP_REPLY;
	bool ipv6, server_opened;
	const union fw443_addr *src, *dst;
	__be16 sport = live->client_port, dport = htons(FW443_PORT);
	struct fw443_flow f;
	struct nlattr *nest;
	u32 now, idle;

	fw443_flow_read(live, &f);
	/* Read after the flow: never older than its last packet. */
	now = fw443_now();
	ipv6 = f.flags & FW443_FLOW_F_IPV6;
	server_opened = f.flags & FW443_FLOW_F_SERVER_OPENED;
	src = server_opened ? &f.server : &f.client;
	dst = server_opened ? &f.client : &f.server;
	if (server_opened)
		swap(sport, dport);
	idle = now - f.last;
	nest = nla_nest_start(skb, FW443_A_FLOW);
	if (!nest ||
	    nla_put_u8(skb, FW443_FLOW_A_FAMILY, ipv6 ? AF_INET6 : AF_INET) ||
	    nla_put(skb, FW443_FLOW_A_SRC, ipv6 ? 16 : 4, src) ||
	    nla_put(skb, FW443_FLOW_A_DST, ipv6 ? 16 : 4, dst) ||
	    nla_put_u16(skb, FW443_FLOW_A_SPORT, ntohs(sport)) ||
	    nla_put_u16(skb, FW443_FLOW_A_DPORT, ntohs(dport)) ||
	    nla_put_u8(skb, FW443_FLOW_A_STATE, f.tcp.state) ||
	    nla_put_u64_64bit(skb, FW443_FLOW_A_PACKETS_ORIG, f.packets[orig],
			      FW443_FLOW_A_PAD) ||
	    nla_put_u64_64bit(skb, FW443_FLOW_A_BYTES_ORIG, f.bytes[orig],
			      FW443_FLOW_A_PAD) ||
	    nla_put_u64_64bit(skb, FW443_FLOW_A_PACKETS_REPLY, f.packets[reply],
			      FW443_FLOW_A_PAD) ||
	    nla_put_u64_64bit(skb, FW443_FLOW_A_BYTES_REPLY, f.bytes[reply],
			      FW443_FLOW_A_PAD) ||
	    nla_put_u32(skb, FW443_FLOW_A_AGE, now - f.start) ||
	    nla_put_u32(skb, FW443_FLOW_A_IDLE, idle) ||
	    nla_put_u32(skb, FW443_FLOW_A_TIMEOUT,
			idle < timeouts[f.tcp.state] ?
			timeouts[f.tcp.state] - idle : 0) ||
	    ((f.tcp.flags & FW443_TCP_TRACK_PICKUP) &&
	     nla_put_flag(skb, FW443_FLOW_A_PICKED_UP)))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

/*
 * Puts the live flows of bucket @b, from the @skip-th on, one message each.
 * Returns how many it put, or -EMSGSIZE with *put saying how many fit.
 */
static int fw443_nl_dump_bucket(struct sk_buff *skb,
				struct netlink_callback *cb,
				struct fw443_flowtab *ft, u32 b, u32 skip,
				const u32 *timeouts, u32 now, u32 *put)
{
	struct fw443_flow *f;
	u32 i = 0;

	*put = 0;
	hlist_for_each_entry_rcu(f, &ft->buckets[b], node) {
		void *hdr;

		if (fw443_flow_expired(f, timeouts, now) || i++ < skip)
			continue;
		hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid,
				  cb->nlh->nlmsg_seq, &fw443_genl_family,
				  NLM_F_MULTI, FW443_CMD_FLOWS_GET);
		if (!hdr)
			return -EMSGSIZE;
		if (fw443_nl_put_flow(skb, f, timeouts)) {
			genlmsg_cancel(skb, hdr);
			return -EMSGSIZE;
		}
		genlmsg_end(skb, hdr);
		(*put)++;
	}
	return 0;
}

/*
 * cb->args[0] is the next bucket, cb->args[1] how many flows of it were
 * dumped already. A message ends only between buckets, so that a flow that
 * moves to a bucket's head while the dump waits is not listed twice, unless
 * one bucket alone is more than a message holds.
 */
int fw443_nl_flows_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct fw443_net *fn = fw443_pernet(sock_net(skb->sk));
	const struct fw443_config *cfg;
	struct fw443_flowtab *ft;
	u32 now = fw443_now(), b, put;

	rcu_read_lock();
	cfg = rcu_dereference(fn->config);
	ft = rcu_dereference(fn->flows);
	for (b = cb->args[0]; ft && b <= ft->mask; b++) {
		unsigned int mark = skb->len;

		if (!fw443_nl_dump_bucket(skb, cb, ft, b, cb->args[1],
					  cfg->timeouts, now, &put)) {
			cb->args[1] = 0;
			continue;
		}
		if (mark)
			skb_trim(skb, mark);
		else
			cb->args[1] += put;
		break;
	}
	rcu_read_unlock();
	cb->args[0] = b;
	return skb->len;
}

int fw443_nl_flows_flush(struct sk_buff *skb, struct genl_info *info)
{
	struct fw443_net *fn = fw443_pernet(genl_info_net(info));
	struct fw443_flowtab *ft;

	mutex_lock(&fn->lock);
	ft = rcu_dereference_protected(fn->flows, lockdep_is_held(&fn->lock));
	if (ft)
		fw443_flowtab_flush(ft);
	mutex_unlock(&fn->lock);
	return 0;
}

static int fw443_nl_put_timeouts(struct sk_buff *msg,
				 const struct fw443_config *cfg)
{
	struct nlattr *nest = nla_nest_start(msg, FW443_A_TIMEOUTS);
	int i;

	if (!nest)
		return -EMSGSIZE;
	for (i = FW443_FLOW_SYN_SENT; i <= FW443_FLOW_STATE_MAX; i++)
		if (nla_put_u32(msg, i, cfg->timeouts[i]))
			return -EMSGSIZE;
	nla_nest_end(msg, nest);
	return 0;
}

/* The flow table's part of the status reply. */
int fw443_nl_put_flow_status(struct sk_buff *msg, const struct fw443_net *fn)
{
	const struct fw443_config *cfg;
	struct fw443_flowtab *ft;
	u32 active = 0, buckets = 0;
	int err;

	rcu_read_lock();
	cfg = rcu_dereference(fn->config);
	ft = rcu_dereference(fn->flows);
	if (ft) {
		active = fw443_flowtab_count(ft);
		buckets = ft->mask + 1;
	}
	err = nla_put_u8(msg, FW443_A_POLICY, cfg->policy) ||
	      nla_put_u8(msg, FW443_A_PICKUP, cfg->pickup) ||
	      nla_put_u32(msg, FW443_A_FLOWS_MAX, cfg->flows_max) ||
	      nla_put_u32(msg, FW443_A_FLOWS_ACTIVE, active) ||
	      nla_put_u32(msg, FW443_A_FLOW_SIZE, fw443_flow_size()) ||
	      nla_put_u32(msg, FW443_A_FLOWS_BUCKETS, buckets) ||
	      fw443_nl_put_timeouts(msg, cfg) ? -EMSGSIZE : 0;
	rcu_read_unlock();
	return err;
}
