// SPDX-License-Identifier: GPL-2.0
/*
 * fw443.ko: module init and exit, and the per network namespace life cycle.
 *
 * Order matters. The pernet state exists before the netlink family can be
 * reached, and the family goes away before the state does, so a netlink
 * request never finds a namespace without its fw443_net.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <net/genetlink.h>
#include "fw443.h"

unsigned int fw443_net_id __read_mostly;

static int __net_init fw443_net_init(struct net *net)
{
	struct fw443_net *fn = fw443_pernet(net);
	int err;

	err = fw443_stats_init(fn);
	if (err)
		return err;
	err = fw443_hooks_register(net);
	if (err)
		fw443_stats_free(fn);
	return err;
}

static void __net_exit fw443_net_exit(struct net *net)
{
	/* Unregistering waits for hooks in flight (synchronize_net), so no
	 * packet still counts into the stats freed below.
	 */
	fw443_hooks_unregister(net);
	fw443_stats_free(fw443_pernet(net));
}

static struct pernet_operations fw443_net_ops = {
	.init	= fw443_net_init,
	.exit	= fw443_net_exit,
	.id	= &fw443_net_id,
	.size	= sizeof(struct fw443_net),
};

static int __init fw443_init(void)
{
	int err;

	err = register_pernet_subsys(&fw443_net_ops);
	if (err)
		return err;
	err = fw443_netlink_init();
	if (err) {
		unregister_pernet_subsys(&fw443_net_ops);
		return err;
	}
	pr_info("version " FW443_VERSION " loaded\n");
	return 0;
}

static void __exit fw443_exit(void)
{
	fw443_netlink_exit();
	unregister_pernet_subsys(&fw443_net_ops);
}

module_init(fw443_init);
module_exit(fw443_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Firewall for HTTPS (TCP port 443) traffic");
MODULE_VERSION(FW443_VERSION);
MODULE_ALIAS_GENL_FAMILY(FW443_GENL_NAME);
