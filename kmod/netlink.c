// SPDX-License-Identifier: GPL-2.0
/*
 * The "fw443" generic netlink family: see include/uapi/linux/fw443.h for the
 * commands and their attributes.
 *
 * Every request acts on the network namespace of the socket it came from.
 * Read-only commands need no privilege; commands that change state carry
 * GENL_UNS_ADMIN_PERM, so CAP_NET_ADMIN in the namespace's own user namespace
 * is required. Operations without a policy of their own get the core's
 * reject-all policy: an attribute where none is expected is an error.
 */
#include <linux/netlink.h>
#include <net/genetlink.h>
#include "events.h"
#include "fw443_netlink.h"

/*
 * Answer a request with one message of command @cmd whose attributes @fill
 * puts. Used by every command that replies with a single message.
 */
static int fw443_nl_reply(struct genl_info *info, u8 cmd,
			  int (*fill)(struct sk_buff *msg, struct fw443_net *fn))
{
	struct fw443_net *fn = fw443_pernet(genl_info_net(info));
	struct sk_buff *msg;
	void *hdr;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_put_reply(msg, info, &fw443_genl_family, 0, cmd);
	if (!hdr || fill(msg, fn)) {
		nlmsg_free(msg);
		NL_SET_ERR_MSG_MOD(info->extack, "reply does not fit a message");
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

static int fw443_nl_put_status(struct sk_buff *msg, struct fw443_net *fn)
{
	if (nla_put_string(msg, FW443_A_VERSION, FW443_VERSION) ||
	    nla_put_u64_64bit(msg, FW443_A_GENERATION,
			      READ_ONCE(fn->generation), FW443_A_PAD) ||
	    nla_put_u32(msg, FW443_A_EVENT_RATE, fw443_events_rate()))
		return -EMSGSIZE;
	return fw443_nl_put_flow_status(msg, fn);
}

static int fw443_nl_get_status(struct sk_buff *skb, struct genl_info *info)
{
	return fw443_nl_reply(info, FW443_CMD_GET_STATUS, fw443_nl_put_status);
}

static int fw443_nl_put_traffic(struct sk_buff *msg,
				const struct fw443_counters *c,
				enum fw443_ipver ipver, enum fw443_direction dir)
{
	static const u8 family[FW443_IPVER_COUNT] = {
		[FW443_IPV4] = AF_INET,
		[FW443_IPV6] = AF_INET6,
	};
	const struct fw443_traffic_ctr *ctr = &c->traffic[ipver][dir];
	struct nlattr *nest;

	nest = nla_nest_start(msg, FW443_STATS_A_TRAFFIC);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u8(msg, FW443_TRAFFIC_A_FAMILY, family[ipver]) ||
	    nla_put_u8(msg, FW443_TRAFFIC_A_DIRECTION, dir) ||
	    nla_put_u64_64bit(msg, FW443_TRAFFIC_A_PACKETS,
			      u64_stats_read(&ctr->packets),
			      FW443_TRAFFIC_A_PAD) ||
	    nla_put_u64_64bit(msg, FW443_TRAFFIC_A_BYTES,
			      u64_stats_read(&ctr->bytes),
			      FW443_TRAFFIC_A_PAD)) {
		nla_nest_cancel(msg, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	return 0;
}

static int fw443_nl_put_drop(struct sk_buff *msg,
			     const struct fw443_counters *c,
			     enum fw443_drop_reason reason)
{
	struct nlattr *nest = nla_nest_start(msg, FW443_STATS_A_DROP);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u8(msg, FW443_DROP_A_REASON, reason) ||
	    nla_put_u64_64bit(msg, FW443_DROP_A_PACKETS,
			      u64_stats_read(&c->drops[reason]),
			      FW443_DROP_A_PAD)) {
		nla_nest_cancel(msg, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	return 0;
}

/* A counter of the flow table (FW443_STATS_A_FLOW) or of events. */
static int fw443_nl_put_counter(struct sk_buff *msg, int type, u8 id,
				const u64_stats_t *value)
{
	struct nlattr *nest = nla_nest_start(msg, type);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u8(msg, FW443_FLOWCTR_A_ID, id) ||
	    nla_put_u64_64bit(msg, FW443_FLOWCTR_A_VALUE,
			      u64_stats_read(value), FW443_FLOWCTR_A_PAD)) {
		nla_nest_cancel(msg, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	return 0;
}

/* The flow table's gauges: how full it is, and its limit (0: not tracking). */
static int fw443_nl_put_flow_gauges(struct sk_buff *msg,
				    const struct fw443_net *fn)
{
	const struct fw443_config *cfg;
	struct fw443_flowtab *ft;
	u32 active = 0, max = 0;

	rcu_read_lock();
	cfg = rcu_dereference(fn->config);
	ft = rcu_dereference(fn->flows);
	if (ft && fw443_tracking(cfg)) {
		active = fw443_flowtab_count(ft);
		max = cfg->flows_max;
	}
	rcu_read_unlock();
	if (nla_put_u32(msg, FW443_STATS_A_FLOWS_ACTIVE, active) ||
	    nla_put_u32(msg, FW443_STATS_A_FLOWS_MAX, max))
		return -EMSGSIZE;
	return 0;
}

/* The counters, read (and with @reset, reset) only once the reply exists. */
static int fw443_nl_put_stats(struct sk_buff *msg, struct fw443_net *fn,
			      bool reset)
{
	enum fw443_event_counter ev;
	enum fw443_flow_counter ctr;
	enum fw443_drop_reason reason;
	enum fw443_direction dir;
	enum fw443_ipver ipver;
	struct fw443_counters c;
	struct nlattr *nest;
	int err = 0;

	nest = nla_nest_start(msg, FW443_A_STATS);
	if (!nest)
		return -EMSGSIZE;
	fw443_stats_snapshot(fn, &c, reset);
	for (ipver = 0; ipver < FW443_IPVER_COUNT && !err; ipver++)
		for (dir = 0; dir < __FW443_DIR_MAX && !err; dir++)
			err = fw443_nl_put_traffic(msg, &c, ipver, dir);
	for (reason = 0; reason < __FW443_DROP_MAX && !err; reason++)
		err = fw443_nl_put_drop(msg, &c, reason);
	for (ctr = 0; ctr < __FW443_FLOWCTR_MAX && !err; ctr++)
		err = fw443_nl_put_counter(msg, FW443_STATS_A_FLOW, ctr,
					   &c.flow[ctr]);
	for (ev = 0; ev < __FW443_EVCTR_MAX && !err; ev++)
		err = fw443_nl_put_counter(msg, FW443_STATS_A_EVENT, ev,
					   &c.events[ev]);
	if (!err)
		err = fw443_nl_put_flow_gauges(msg, fn);
	if (err) {
		nla_nest_cancel(msg, nest);
		return err;
	}
	nla_nest_end(msg, nest);
	return 0;
}

static int fw443_nl_put_stats_read(struct sk_buff *msg, struct fw443_net *fn)
{
	return fw443_nl_put_stats(msg, fn, false);
}

static int fw443_nl_put_stats_reset(struct sk_buff *msg, struct fw443_net *fn)
{
	return fw443_nl_put_stats(msg, fn, true);
}

static int fw443_nl_get_stats(struct sk_buff *skb, struct genl_info *info)
{
	return fw443_nl_reply(info, FW443_CMD_GET_STATS,
			      fw443_nl_put_stats_read);
}

static int fw443_nl_reset_stats(struct sk_buff *skb, struct genl_info *info)
{
	return fw443_nl_reply(info, FW443_CMD_RESET_STATS,
			      fw443_nl_put_stats_reset);
}

static const struct genl_ops fw443_genl_ops[] = {
	{
		.cmd		= FW443_CMD_GET_STATUS,
		.doit		= fw443_nl_get_status,
	},
	{
		.cmd		= FW443_CMD_GET_STATS,
		.doit		= fw443_nl_get_stats,
	},
	{
		.cmd		= FW443_CMD_LIST_CREATE,
		.flags		= GENL_UNS_ADMIN_PERM,
		.policy		= fw443_list_policy,
		.maxattr	= FW443_A_MAX,
		.doit		= fw443_nl_list_create,
	},
	{
		.cmd		= FW443_CMD_LIST_DESTROY,
		.flags		= GENL_UNS_ADMIN_PERM,
		.policy		= fw443_list_policy,
		.maxattr	= FW443_A_MAX,
		.doit		= fw443_nl_list_destroy,
	},
	{
		.cmd		= FW443_CMD_LIST_FLUSH,
		.flags		= GENL_UNS_ADMIN_PERM,
		.policy		= fw443_list_policy,
		.maxattr	= FW443_A_MAX,
		.doit		= fw443_nl_list_flush,
	},
	{
		.cmd		= FW443_CMD_LIST_ADD,
		.flags		= GENL_UNS_ADMIN_PERM,
		.policy		= fw443_list_policy,
		.maxattr	= FW443_A_MAX,
		.doit		= fw443_nl_list_add,
	},
	{
		.cmd		= FW443_CMD_LIST_DEL,
		.flags		= GENL_UNS_ADMIN_PERM,
		.policy		= fw443_list_policy,
		.maxattr	= FW443_A_MAX,
		.doit		= fw443_nl_list_del,
	},
	{
		/* Summaries only: monitoring reads them unprivileged. */
		.cmd		= FW443_CMD_LIST_GET,
		.policy		= fw443_list_policy,
		.maxattr	= FW443_A_MAX,
		.doit		= fw443_nl_list_get,
		.dumpit		= fw443_nl_list_dump,
	},
	{
		/* Entries reveal addresses: privileged, like writes. */
		.cmd		= FW443_CMD_LIST_ENTRIES,
		.flags		= GENL_UNS_ADMIN_PERM,
		.policy		= fw443_list_policy,
		.maxattr	= FW443_A_MAX,
		.start		= fw443_nl_list_entries_start,
		.dumpit		= fw443_nl_list_entries_dump,
	},
	{
		.cmd		= FW443_CMD_TXN_BEGIN,
		.flags		= GENL_UNS_ADMIN_PERM,
		.policy		= fw443_list_policy,
		.maxattr	= FW443_A_MAX,
		.doit		= fw443_nl_txn_begin,
	},
	{
		.cmd		= FW443_CMD_TXN_COMMIT,
		.flags		= GENL_UNS_ADMIN_PERM,
		.policy		= fw443_list_policy,
		.maxattr	= FW443_A_MAX,
		.doit		= fw443_nl_txn_commit,
	},
	{
		.cmd		= FW443_CMD_TXN_ABORT,
		.flags		= GENL_UNS_ADMIN_PERM,
		.policy		= fw443_list_policy,
		.maxattr	= FW443_A_MAX,
		.doit		= fw443_nl_txn_abort,
	},
	{
		.cmd		= FW443_CMD_ZONE_SET,
		.flags		= GENL_UNS_ADMIN_PERM,
		.policy		= fw443_flow_policy,
		.maxattr	= FW443_A_MAX,
		.doit		= fw443_nl_zone_set,
	},
	{
		.cmd		= FW443_CMD_ZONE_DEL,
		.flags		= GENL_UNS_ADMIN_PERM,
		.policy		= fw443_flow_policy,
		.maxattr	= FW443_A_MAX,
		.doit		= fw443_nl_zone_del,
	},
	{
		.cmd		= FW443_CMD_ZONE_GET,
		.policy		= fw443_flow_policy,
		.maxattr	= FW443_A_MAX,
		.dumpit		= fw443_nl_zone_dump,
	},
	{
		.cmd		= FW443_CMD_RULE_ADD,
		.flags		= GENL_UNS_ADMIN_PERM,
		.policy		= fw443_flow_policy,
		.maxattr	= FW443_A_MAX,
		.doit		= fw443_nl_rule_add,
	},
	{
		.cmd		= FW443_CMD_RULE_DEL,
		.flags		= GENL_UNS_ADMIN_PERM,
		.policy		= fw443_flow_policy,
		.maxattr	= FW443_A_MAX,
		.doit		= fw443_nl_rule_del,
	},
	{
		.cmd		= FW443_CMD_RULE_FLUSH,
		.flags		= GENL_UNS_ADMIN_PERM,
		.policy		= fw443_flow_policy,
		.maxattr	= FW443_A_MAX,
		.doit		= fw443_nl_rule_flush,
	},
	{
		.cmd		= FW443_CMD_RULE_GET,
		.policy		= fw443_flow_policy,
		.maxattr	= FW443_A_MAX,
		.dumpit		= fw443_nl_rule_dump,
	},
	{
		.cmd		= FW443_CMD_FLOWS_SET,
		.flags		= GENL_UNS_ADMIN_PERM,
		.policy		= fw443_flow_policy,
		.maxattr	= FW443_A_MAX,
		.doit		= fw443_nl_flows_set,
	},
	{
		/* Flows reveal addresses: privileged, like writes. */
		.cmd		= FW443_CMD_FLOWS_GET,
		.flags		= GENL_UNS_ADMIN_PERM,
		.policy		= fw443_flow_policy,
		.maxattr	= FW443_A_MAX,
		.dumpit		= fw443_nl_flows_dump,
	},
	{
		.cmd		= FW443_CMD_FLOWS_FLUSH,
		.flags		= GENL_UNS_ADMIN_PERM,
		.policy		= fw443_flow_policy,
		.maxattr	= FW443_A_MAX,
		.doit		= fw443_nl_flows_flush,
	},
	{
		/* Reading is free; zeroing what others read is not. */
		.cmd		= FW443_CMD_RESET_STATS,
		.flags		= GENL_UNS_ADMIN_PERM,
		.doit		= fw443_nl_reset_stats,
	},
};

/* Events carry addresses: joining takes what dumping flows takes. */
static const struct genl_multicast_group fw443_mcgrps[] = {
	[FW443_MCGRP_EVENTS_ID] = {
		.name	= FW443_MCGRP_EVENTS,
		.flags	= GENL_MCAST_CAP_NET_ADMIN,
	},
};

/* A socket that held a transaction closed: drop what it staged. */
static int fw443_nl_release(struct notifier_block *nb, unsigned long event,
			    void *ptr)
{
	struct netlink_notify *n = ptr;

	if (event == NETLINK_URELEASE && n->protocol == NETLINK_GENERIC)
		fw443_txn_release(fw443_pernet(n->net), n->portid);
	return NOTIFY_DONE;
}

static struct notifier_block fw443_nl_notifier = {
	.notifier_call = fw443_nl_release,
};

struct genl_family fw443_genl_family __ro_after_init = {
	.name		= FW443_GENL_NAME,
	.version	= FW443_GENL_VERSION,
	.module		= THIS_MODULE,
	.netnsok	= true,
	.ops		= fw443_genl_ops,
	.n_ops		= ARRAY_SIZE(fw443_genl_ops),
	.mcgrps		= fw443_mcgrps,
	.n_mcgrps	= ARRAY_SIZE(fw443_mcgrps),
};

int __init fw443_netlink_init(void)
{
	int err = netlink_register_notifier(&fw443_nl_notifier);

	if (err)
		return err;
	err = genl_register_family(&fw443_genl_family);
	if (err)
		netlink_unregister_notifier(&fw443_nl_notifier);
	return err;
}

void fw443_netlink_exit(void)
{
	genl_unregister_family(&fw443_genl_family);
	netlink_unregister_notifier(&fw443_nl_notifier);
}
