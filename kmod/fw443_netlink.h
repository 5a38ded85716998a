/* SPDX-License-Identifier: GPL-2.0 */
/* The generic netlink family's parts, shared by netlink*.c. */
#ifndef _FW443_NETLINK_H
#define _FW443_NETLINK_H

#include <net/genetlink.h>
#include <uapi/linux/fw443.h>

/* A required attribute is missing: say which, for people and for tools. */
#define FW443_NL_MISSING(extack, nest, tb, type, msg) ({		\
	bool __missing = !(tb)[type];					\
	if (__missing) {						\
		NL_SET_ERR_ATTR_MISS(extack, nest, type);		\
		NL_SET_ERR_MSG_MOD(extack, msg);			\
	}								\
	__missing;							\
})

struct fw443_txn;
struct fw443_prefix;
enum fw443_ipver;

/* The family's multicast groups, by index in its mcgrps. */
enum {
	FW443_MCGRP_EVENTS_ID,
};

extern struct genl_family fw443_genl_family;
extern const struct nla_policy fw443_list_policy[FW443_A_MAX + 1];

int fw443_nl_list_create(struct sk_buff *skb, struct genl_info *info);
int fw443_nl_list_destroy(struct sk_buff *skb, struct genl_info *info);
int fw443_nl_list_flush(struct sk_buff *skb, struct genl_info *info);
int fw443_nl_list_add(struct sk_buff *skb, struct genl_info *info);
int fw443_nl_list_del(struct sk_buff *skb, struct genl_info *info);
int fw443_nl_list_get(struct sk_buff *skb, struct genl_info *info);
int fw443_nl_list_dump(struct sk_buff *skb, struct netlink_callback *cb);
int fw443_nl_list_entries_start(struct netlink_callback *cb);
int fw443_nl_list_entries_dump(struct sk_buff *skb,
			       struct netlink_callback *cb);
/*
 * Run @op on the transaction of the request's socket, under the namespace's
 * configuration lock; an implicit transaction commits if @op succeeds.
 */
int fw443_nl_in_txn(struct genl_info *info,
		    int (*op)(struct fw443_txn *txn, struct genl_info *info));
int fw443_nl_parse_prefix(const struct nlattr *nest,
			  const struct nla_policy *policy, struct nlattr **tb,
			  enum fw443_ipver *ipver, struct fw443_prefix *p,
			  struct netlink_ext_ack *extack);

extern const struct nla_policy fw443_flow_policy[FW443_A_MAX + 1];
int fw443_nl_zone_set(struct sk_buff *skb, struct genl_info *info);
int fw443_nl_zone_del(struct sk_buff *skb, struct genl_info *info);
int fw443_nl_zone_dump(struct sk_buff *skb, struct netlink_callback *cb);
int fw443_nl_rule_add(struct sk_buff *skb, struct genl_info *info);
int fw443_nl_rule_del(struct sk_buff *skb, struct genl_info *info);
int fw443_nl_rule_flush(struct sk_buff *skb, struct genl_info *info);
int fw443_nl_rule_dump(struct sk_buff *skb, struct netlink_callback *cb);
int fw443_nl_flows_set(struct sk_buff *skb, struct genl_info *info);
int fw443_nl_flows_dump(struct sk_buff *skb, struct netlink_callback *cb);
int fw443_nl_flows_flush(struct sk_buff *skb, struct genl_info *info);
int fw443_nl_put_flow_status(struct sk_buff *msg, const struct fw443_net *fn);
struct fw443_flow;
int fw443_nl_put_flow(struct sk_buff *skb, struct fw443_flow *live,
		      const u32 *timeouts);

int fw443_nl_txn_begin(struct sk_buff *skb, struct genl_info *info);
int fw443_nl_txn_commit(struct sk_buff *skb, struct genl_info *info);
int fw443_nl_txn_abort(struct sk_buff *skb, struct genl_info *info);

#endif /* _FW443_NETLINK_H */
