// SPDX-License-Identifier: GPL-2.0
/*
 * A namespace's configuration as one immutable object.
 *
 * Locking: fw443_net.lock (a mutex) serialises every writer. A writer clones
 * the current configuration, changes the clone, and publishes it with
 * rcu_assign_pointer(); the packet path reads fw443_net.config under
 * rcu_read_lock() and never waits. The replaced configuration is freed by
 * an rcu_work, in process context after a grace period, because freeing
 * large prefix tables (vmalloc) does not belong in softirq.
 */
#include <linux/netlink.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "fw443.h"

int fw443_config_init(struct fw443_net *fn)
{
	struct fw443_config *cfg = kvzalloc(sizeof(*cfg), GFP_KERNEL);

	if (!cfg)
		return -ENOMEM;
	memcpy(cfg->timeouts, fw443_tcp_default_timeouts,
	       sizeof(cfg->timeouts));
	cfg->flows_max = fw443_flows_default_max();
	mutex_init(&fn->lock);
	RCU_INIT_POINTER(fn->config, cfg);
	return 0;
}

/* The namespace is going away: no hook and no netlink request can run. */
void fw443_config_exit(struct fw443_net *fn)
{
	fw443_config_free(rcu_dereference_protected(fn->config, true));
	RCU_INIT_POINTER(fn->config, NULL);
}

struct fw443_config *fw443_config_current(struct fw443_net *fn)
{
	return rcu_dereference_protected(fn->config,
					 lockdep_is_held(&fn->lock));
}

struct fw443_config *fw443_config_clone(const struct fw443_config *cfg)
{
	struct fw443_config *copy = kvmalloc(sizeof(*cfg), GFP_KERNEL);
	u32 i;

	if (!copy)
		return NULL;
	memcpy(copy, cfg, sizeof(*cfg));
	for (i = 0; i < copy->n_lists; i++)
		refcount_inc(&copy->lists[i].data->ref);
	return copy;
}

void fw443_config_free(struct fw443_config *cfg)
{
	u32 i;

	if (!cfg)
		return;
	for (i = 0; i < cfg->n_lists; i++)
		fw443_list_data_put(cfg->lists[i].data);
	kvfree(cfg);
}

static void fw443_config_free_work(struct work_struct *work)
{
	fw443_config_free(container_of(to_rcu_work(work), struct fw443_config,
				       free_work));
}

int fw443_config_find_list(const struct fw443_config *cfg, const char *name)
{
	u32 i;

	for (i = 0; i < cfg->n_lists; i++)
		if (!strcmp(cfg->lists[i].name, name))
			return i;
	return -ENOENT;
}

/* Which lists concern a remote address of each role. */
static void fw443_config_index_roles(struct fw443_config *cfg)
{
	u32 i;

	memset(cfg->n_role_lists, 0, sizeof(cfg->n_role_lists));
	for (i = 0; i < cfg->n_lists; i++) {
		u8 dir = cfg->lists[i].direction;

		if (dir != FW443_LIST_OUT)
			cfg->role_lists[FW443_ROLE_INITIATOR]
				[cfg->n_role_lists[FW443_ROLE_INITIATOR]++] = i;
		if (dir != FW443_LIST_IN)
			cfg->role_lists[FW443_ROLE_RESPONDER]
				[cfg->n_role_lists[FW443_ROLE_RESPONDER]++] = i;
	}
}

/*
 * Make @cfg the namespace's configuration. Called with fn->lock held; on
 * success the caller gives up @cfg, on failure nothing changed. Expiring
 * entries restart the expiry work.
 */
int fw443_config_publish(struct fw443_net *fn, struct fw443_config *cfg,
			 bool bump_generation, struct netlink_ext_ack *extack)
{
	struct fw443_config *old = fw443_config_current(fn);
	bool expiring = false;
	u32 i;
	int err;

	fw443_config_index_roles(cfg);
	cfg->flows_max = cfg->flows_max_set ?: fw443_flows_default_max();
	err = fw443_flows_grow(fn, cfg);
	if (err) {
		NL_SET_ERR_MSG_MOD(extack, "no memory for the flow table");
		return err;
	}
	err = fw443_hooks_grow(fn, cfg);
	if (err) {
		fw443_flows_shrink(fn, old);
		NL_SET_ERR_MSG_MOD(extack,
				   "cannot register the FORWARD or LOCAL_IN hooks");
		return err;
	}
	rcu_assign_pointer(fn->config, cfg);
	fw443_hooks_shrink(fn, cfg);
	fw443_flows_shrink(fn, cfg);
	if (bump_generation)
		WRITE_ONCE(fn->generation, fn->generation + 1);
	INIT_RCU_WORK(&old->free_work, fw443_config_free_work);
	queue_rcu_work(fw443_wq, &old->free_work);

	for (i = 0; i < cfg->n_lists; i++)
		expiring |= fw443_list_data_expiring(cfg->lists[i].data, 0);
	if (expiring)
		mod_delayed_work(fw443_wq, &fn->expiry_work, HZ);
	return 0;
}
