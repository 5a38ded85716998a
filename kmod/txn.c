// SPDX-License-Identifier: GPL-2.0
/*
 * Configuration transactions: stage changes beside the running
 * configuration, then switch to them in one RCU step, or drop them.
 *
 * Locking: everything here runs with fw443_net.lock held, which is what
 * makes one transaction per namespace at a time true. An explicit
 * transaction (TXN_BEGIN) belongs to the netlink socket that opened it, by
 * port id; it ends with COMMIT, ABORT or the socket's release. Any other
 * configuration command is an implicit transaction of its own, opened and
 * ended by the command.
 */
#include <linux/netlink.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "fw443.h"

#define FW443_SLOT_NONE	0xff

struct fw443_txn {
	u32 portid;		/* owner of an explicit transaction */
	bool implicit;
	bool check_generation;
	u64 generation;
	struct fw443_config *staged;
	/* By index in staged->lists: what to do to the list's entries. */
	struct fw443_list_edit *edits[FW443_LISTS_MAX];
};

void fw443_txn_free(struct fw443_txn *txn)
{
	u32 i;

	if (!txn)
		return;
	for (i = 0; i < FW443_LISTS_MAX; i++)
		fw443_list_edit_free(txn->edits[i]);
	fw443_config_free(txn->staged);
	kfree(txn);
}

/* The configuration @txn stages, for commands that edit it in place. */
struct fw443_config *fw443_txn_config(struct fw443_txn *txn)
{
	return txn->staged;
}

static struct fw443_txn *fw443_txn_new(struct fw443_net *fn, u32 portid)
{
	struct fw443_txn *txn = kzalloc(sizeof(*txn), GFP_KERNEL_ACCOUNT);

	if (!txn)
		return NULL;
	txn->portid = portid;
	txn->staged = fw443_config_clone(fw443_config_current(fn));
	if (!txn->staged) {
		kfree(txn);
		return NULL;
	}
	return txn;
}

/*
 * The transaction a configuration command from @portid works in: the one
 * it opened, or a new implicit one. Another socket's open transaction makes
 * it wait its turn (EBUSY).
 */
struct fw443_txn *fw443_txn_open(struct fw443_net *fn, u32 portid,
				 struct netlink_ext_ack *extack)
{
	struct fw443_txn *txn;

	lockdep_assert_held(&fn->lock);
	if (fn->txn) {
		if (fn->txn->portid == portid)
			return fn->txn;
		NL_SET_ERR_MSG_MOD(extack,
				   "another transaction is open in this namespace");
		return ERR_PTR(-EBUSY);
	}
	txn = fw443_txn_new(fn, portid);
	if (!txn)
		return ERR_PTR(-ENOMEM);
	txn->implicit = true;
	return txn;
}

/* Assign counter slots to new lists; slots of lists that are gone free. */
static int fw443_txn_assign_slots(struct fw443_net *fn, struct fw443_config *cfg,
				  unsigned long *used)
{
	u32 i;

	bitmap_zero(used, FW443_LISTS_MAX);
	for (i = 0; i < cfg->n_lists; i++)
		if (cfg->lists[i].slot != FW443_SLOT_NONE)
			__set_bit(cfg->lists[i].slot, used);
	for (i = 0; i < cfg->n_lists; i++) {
		struct fw443_list *l = &cfg->lists[i];

		if (l->slot != FW443_SLOT_NONE)
			continue;
		l->slot = find_first_zero_bit(used, FW443_LISTS_MAX);
		__set_bit(l->slot, used);
		fn->slot_base[l->slot] = fw443_stats_read_list_hits(fn, l->slot);
	}
	return 0;
}

static int fw443_txn_build(struct fw443_net *fn, struct fw443_txn *txn,
			   struct netlink_ext_ack *extack)
{
	struct fw443_config *cfg = txn->staged;
	u32 now = fw443_now(), i;
	int err;

	for (i = 0; i < cfg->n_lists; i++) {
		struct fw443_list *l = &cfg->lists[i];
		struct fw443_list_data *nd;

		if (!txn->edits[i])
			continue;
		err = fw443_list_data_build(&nd, l->data, txn->edits[i],
					    l->flags, now, extack);
		if (err) {
			if (!extack || !extack->_msg)
				NL_SET_ERR_MSG_MOD(extack,
						   "cannot build a list's entries");
			return err;
		}
		fw443_list_data_put(l->data);
		l->data = nd;
	}
	return 0;
}

/* Publish what @txn staged, or fail and change nothing. */
static int fw443_txn_apply(struct fw443_net *fn, struct fw443_txn *txn,
			   bool bump_generation, struct netlink_ext_ack *extack)
{
	DECLARE_BITMAP(used, FW443_LISTS_MAX);
	int err;

	if (txn->check_generation && txn->generation != fn->generation) {
		NL_SET_ERR_MSG_MOD(extack,
				   "the configuration changed since the transaction began");
		return -ESTALE;
	}
	err = fw443_txn_build(fn, txn, extack);
	if (err)
		return err;
	fw443_txn_assign_slots(fn, txn->staged, used);
	err = fw443_config_publish(fn, txn->staged, bump_generation, extack);
	if (err)
		return err;
	bitmap_copy(fn->slots_used, used, FW443_LISTS_MAX);
	txn->staged = NULL;
	return 0;
}

/*
 * A command is done with @txn: an implicit transaction commits (err == 0) or
 * is dropped; an explicit one stays open, whatever the command's outcome,
 * until COMMIT or ABORT.
 */
int fw443_txn_end(struct fw443_net *fn, struct fw443_txn *txn, int err,
		  struct netlink_ext_ack *extack)
{
	if (!txn->implicit)
		return err;
	if (!err)
		err = fw443_txn_apply(fn, txn, true, extack);
	fw443_txn_free(txn);
	return err;
}

int fw443_txn_begin(struct fw443_net *fn, u32 portid, bool check_generation,
		    u64 generation, struct netlink_ext_ack *extack)
{
	struct fw443_txn *txn;

	lockdep_assert_held(&fn->lock);
	if (fn->txn && fn->txn->portid == portid) {
		NL_SET_ERR_MSG_MOD(extack,
				   "this socket has a transaction open already");
		return -EBUSY;
	}
	if (fn->txn) {
		NL_SET_ERR_MSG_MOD(extack,
				   "another transaction is open in this namespace");
		return -EBUSY;
	}
	txn = fw443_txn_new(fn, portid);
	if (!txn)
		return -ENOMEM;
	txn->check_generation = check_generation;
	txn->generation = generation;
	fn->txn = txn;
	return 0;
}

static struct fw443_txn *fw443_txn_take(struct fw443_net *fn, u32 portid,
					struct netlink_ext_ack *extack)
{
	struct fw443_txn *txn = fn->txn;

	if (!txn || txn->portid != portid) {
		NL_SET_ERR_MSG_MOD(extack, "no transaction is open on this socket");
		return NULL;
	}
	fn->txn = NULL;
	return txn;
}

int fw443_txn_commit(struct fw443_net *fn, u32 portid,
		     struct netlink_ext_ack *extack)
{
	struct fw443_txn *txn = fw443_txn_take(fn, portid, extack);
	int err;

	if (!txn)
		return -ENOENT;
	err = fw443_txn_apply(fn, txn, true, extack);
	fw443_txn_free(txn);
	return err;
}

int fw443_txn_abort(struct fw443_net *fn, u32 portid,
		    struct netlink_ext_ack *extack)
{
	struct fw443_txn *txn = fw443_txn_take(fn, portid, extack);

	if (!txn)
		return -ENOENT;
	fw443_txn_free(txn);
	return 0;
}

/* The socket that owned a transaction is gone: drop what it staged. */
void fw443_txn_release(struct fw443_net *fn, u32 portid)
{
	mutex_lock(&fn->lock);
	if (fn->txn && fn->txn->portid == portid) {
		fw443_txn_free(fn->txn);
		fn->txn = NULL;
	}
	mutex_unlock(&fn->lock);
}

/* --- staged list commands ------------------------------------------------ */

static int fw443_txn_find_list(struct fw443_txn *txn, const char *name,
			       struct netlink_ext_ack *extack)
{
	int i = fw443_config_find_list(txn->staged, name);

	if (i < 0)
		NL_SET_ERR_MSG_MOD(extack, "no list of that name");
	return i;
}

static struct fw443_list_edit *fw443_txn_edit_of(struct fw443_txn *txn, u32 i)
{
	if (!txn->edits[i])
		txn->edits[i] = kzalloc(sizeof(*txn->edits[i]),
					GFP_KERNEL_ACCOUNT);
	return txn->edits[i];
}

int fw443_txn_list_create(struct fw443_txn *txn, const char *name, u8 kind,
			  u8 direction, u8 flags, bool replace,
			  struct netlink_ext_ack *extack)
{
	struct fw443_config *cfg = txn->staged;
	struct fw443_list_edit *edit;
	struct fw443_list *l;
	int i = fw443_config_find_list(cfg, name);

	if (i >= 0) {
		l = &cfg->lists[i];
		if (!replace) {
			if (l->kind == kind && l->direction == direction &&
			    l->flags == flags)
				return 0;
			NL_SET_ERR_MSG_MOD(extack,
					   "a list of that name exists with another kind, direction or flags");
			return -EEXIST;
		}
	} else {
		if (cfg->n_lists == FW443_LISTS_MAX) {
			NL_SET_ERR_MSG_MOD(extack,
					   "no more lists: a namespace holds at most 64");
			return -ENOSPC;
		}
		l = &cfg->lists[cfg->n_lists];
		memset(l, 0, sizeof(*l));
		l->data = fw443_list_data_empty();
		if (!l->data)
			return -ENOMEM;
		strscpy(l->name, name, sizeof(l->name));
		l->slot = FW443_SLOT_NONE;
		i = cfg->n_lists++;
	}
	l->kind = kind;
	l->direction = direction;
	l->flags = flags;
	if (replace) {
		/* What was staged for the old definition goes too. */
		fw443_list_edit_free(txn->edits[i]);
		txn->edits[i] = NULL;
		edit = fw443_txn_edit_of(txn, i);
		if (!edit)
			return -ENOMEM;
		edit->from_empty = true;
	}
	return 0;
}

int fw443_txn_list_destroy(struct fw443_txn *txn, const char *name,
			   struct netlink_ext_ack *extack)
{
	struct fw443_config *cfg = txn->staged;
	int i = fw443_txn_find_list(txn, name, extack);

	if (i < 0)
		return i;
	fw443_list_data_put(cfg->lists[i].data);
	fw443_list_edit_free(txn->edits[i]);
	cfg->n_lists--;
	memmove(&cfg->lists[i], &cfg->lists[i + 1],
		(cfg->n_lists - i) * sizeof(cfg->lists[0]));
	memmove(&txn->edits[i], &txn->edits[i + 1],
		(cfg->n_lists - i) * sizeof(txn->edits[0]));
	txn->edits[cfg->n_lists] = NULL;
	return 0;
}

/*
 * The staged edit of list @name, for adds, deletes and flushes; @data is
 * the list's entries as they stand before the edit.
 */
struct fw443_list_edit *fw443_txn_list_edit(struct fw443_txn *txn,
					    const char *name,
					    const struct fw443_list_data **data,
					    struct netlink_ext_ack *extack)
{
	int i = fw443_txn_find_list(txn, name, extack);
	struct fw443_list_edit *edit;

	if (i < 0)
		return ERR_PTR(i);
	edit = fw443_txn_edit_of(txn, i);
	if (!edit)
		return ERR_PTR(-ENOMEM);
	*data = txn->staged->lists[i].data;
	return edit;
}

/*
 * Expired entries leave their lists. Not a change of configuration anyone
 * made: the generation stays, so a transaction that checks it still commits.
 */
void fw443_expiry_run(struct work_struct *work)
{
	struct fw443_net *fn = container_of(to_delayed_work(work),
					    struct fw443_net, expiry_work);
	bool expired = false, expiring = false;
	struct fw443_config *cfg;
	struct fw443_txn *txn;
	u32 now = fw443_now(), i;

	mutex_lock(&fn->lock);
	cfg = fw443_config_current(fn);
	txn = fw443_txn_new(fn, 0);
	for (i = 0; txn && i < cfg->n_lists; i++) {
		const struct fw443_list_data *d = cfg->lists[i].data;

		if (!fw443_list_data_expiring(d, now)) {
			expiring |= fw443_list_data_expiring(d, 0);
			continue;
		}
		if (!fw443_txn_edit_of(txn, i)) {
			fw443_txn_free(txn);
			txn = NULL;
			break;
		}
		txn->edits[i]->rebuild = true;
		expired = true;
	}
	/* Publishing requeues this work while entries remain to expire; out
	 * of memory, try again later (lookups skip expired entries anyway).
	 */
	if (!txn || (expired && fw443_txn_apply(fn, txn, false, NULL)) ||
	    (!expired && expiring))
		mod_delayed_work(fw443_wq, &fn->expiry_work, HZ);
	fw443_txn_free(txn);
	mutex_unlock(&fn->lock);
}
