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
#include "events.h"

unsigned int fw443_net_id __read_mostly;
struct workqueue_struct *fw443_wq __read_mostly;

static int __net_init fw443_net_init(struct net *net)
{
	struct fw443_net *fn = fw443_pernet(net);
	int err;

	fn->net = net;
	INIT_DELAYED_WORK(&fn->expiry_work, fw443_expiry_run);
	fw443_events_init(fn);
	err = fw443_stats_init(fn);
	if (err)
		return err;
	err = fw443_config_init(fn);
	if (err)
		goto err_stats;
	err = fw443_hooks_register(fn);
	if (err)
		goto err_config;
	return 0;

err_config:
	fw443_config_exit(fn);
err_stats:
	fw443_stats_free(fn);
	return err;
}

/*
 * Unregistering a hook does not wait for packets already inside it: the
 * netns core (namespace teardown and module unload alike) waits for an RCU
 * grace period between pre_exit and exit, after which no hook still reads
 * the configuration or the stats that exit frees.
 */
static void __net_exit fw443_net_pre_exit(struct net *net)
{
	struct fw443_net *fn = fw443_pernet(net);

	/* No socket is left in the namespace (or the family is gone, on
	 * unload), so no transaction can begin; the expiry work is the last
	 * writer, and it must not publish (and hook) after this.
	 */
	cancel_delayed_work_sync(&fn->expiry_work);
	fw443_hooks_unregister(fn);
}

static void __net_exit fw443_net_exit(struct net *net)
{
	struct fw443_net *fn = fw443_pernet(net);

	fw443_txn_free(fn->txn);
	fn->txn = NULL;
	fw443_flowtab_destroy(rcu_dereference_protected(fn->flows, true));
	RCU_INIT_POINTER(fn->flows, NULL);
	fw443_config_exit(fn);
	fw443_stats_free(fn);
}

static struct pernet_operations fw443_net_ops = {
	.init		= fw443_net_init,
	.pre_exit	= fw443_net_pre_exit,
	.exit		= fw443_net_exit,
	.id		= &fw443_net_id,
	.size		= sizeof(struct fw443_net),
};

static int __init fw443_init(void)
{
	int err;

	fw443_wq = alloc_workqueue("fw443", WQ_UNBOUND, 0);
	if (!fw443_wq)
		return -ENOMEM;
	err = register_pernet_subsys(&fw443_net_ops);
	if (err)
		goto err_wq;
	err = fw443_netlink_init();
	if (err)
		goto err_pernet;
	pr_info("version " FW443_VERSION " loaded\n");
	return 0;

err_pernet:
	unregister_pernet_subsys(&fw443_net_ops);
err_wq:
	destroy_workqueue(fw443_wq);
	return err;
}

static void __exit fw443_exit(void)
{
	fw443_netlink_exit();
	unregister_pernet_subsys(&fw443_net_ops);
	/* Replaced configurations wait for a grace period, then for the
	 * workqueue: let both finish before the code they run goes away.
	 */
	rcu_barrier();
	destroy_workqueue(fw443_wq);
}

module_init(fw443_init);
module_exit(fw443_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Firewall for HTTPS (TCP port 443) traffic");
MODULE_VERSION(FW443_VERSION);
MODULE_ALIAS_GENL_FAMILY(FW443_GENL_NAME);
