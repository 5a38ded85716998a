/* SPDX-License-Identifier: GPL-2.0 */
/* The generic netlink family's parts, shared by netlink*.c. */
#ifndef _FW443_NETLINK_H
#define _FW443_NETLINK_H

#include <net/genetlink.h>
#include <uapi/linux/fw443.h>

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
int fw443_nl_txn_begin(struct sk_buff *skb, struct genl_info *info);
int fw443_nl_txn_commit(struct sk_buff *skb, struct genl_info *info);
int fw443_nl_txn_abort(struct sk_buff *skb, struct genl_info *info);

#endif /* _FW443_NETLINK_H */
