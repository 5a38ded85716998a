// SPDX-License-Identifier: GPL-2.0
/*
 * Block and allow lists: building a list's entries from what a transaction
 * staged, and matching addresses against them on the packet path.
 *
 * A list's entries (struct fw443_list_data) are immutable once published;
 * a change builds new ones beside them (see config.c for the swap). Per
 * entry, two optional arrays ride along, aligned with the prefix table's
 * entry indexes: expiry times, when any entry has a timeout, and hit
 * counts, for lists created with counters. Lists without them pay nothing.
 *
 * The packet path (fw443_lists_block() in list_match.h, and what it calls
 * here on a match) runs under rcu_read_lock() in softirq or process
 * context: no lock, no allocation; per-CPU hit counters, and an atomic add
 * per matched entry only on counters lists.
 */
#include <linux/atomic.h>
#include <linux/netlink.h>
#include <linux/slab.h>
#include "fw443.h"

/* Up to this many single-entry changes are applied to a big list by copying
 * its table with one entry more or less, instead of sorting it anew.
 */
#define FW443_LIST_SPLICE_MAX	16

static const int fw443_lpm_family[FW443_IPVER_COUNT] = {
	[FW443_IPV4] = 4,
	[FW443_IPV6] = 6,
};

struct fw443_list_data *fw443_list_data_empty(void)
{
	struct fw443_list_data *d = kzalloc(sizeof(*d), GFP_KERNEL);
	enum fw443_ipver v;

	if (!d)
		return NULL;
	refcount_set(&d->ref, 1);
	for (v = 0; v < FW443_IPVER_COUNT; v++) {
		if (fw443_lpm_build(&d->lpm[v], fw443_lpm_family[v], NULL, 0)) {
			fw443_list_data_put(d);
			return NULL;
		}
	}
	return d;
}

void fw443_list_data_put(struct fw443_list_data *d)
{
	enum fw443_ipver v;

	if (!d || !refcount_dec_and_test(&d->ref))
		return;
	for (v = 0; v < FW443_IPVER_COUNT; v++) {
		fw443_lpm_free(d->lpm[v]);
		kvfree(d->expires[v]);
		kvfree(d->hits[v]);
	}
	kfree(d);
}

u32 fw443_list_data_count(const struct fw443_list_data *d,
			  enum fw443_ipver ipver)
{
	return fw443_lpm_count(d->lpm[ipver]);
}

size_t fw443_list_data_memory(const struct fw443_list_data *d)
{
	size_t bytes = sizeof(*d);
	enum fw443_ipver v;

	for (v = 0; v < FW443_IPVER_COUNT; v++) {
		u32 n = fw443_lpm_count(d->lpm[v]);

		bytes += fw443_lpm_memory(d->lpm[v]);
		if (d->expires[v])
			bytes += n * sizeof(*d->expires[v]);
		if (d->hits[v])
			bytes += n * sizeof(*d->hits[v]);
	}
	return bytes;
}

static bool fw443_expired(u32 expires, u32 now)
{
	return expires && (s32)(now - expires) >= 0;
}

void fw443_list_data_entry(const struct fw443_list_data *d,
			   enum fw443_ipver ipver, u32 i,
			   struct fw443_prefix *p, u32 *expires, u64 *hits)
{
	fw443_lpm_entry(d->lpm[ipver], i, p);
	*expires = d->expires[ipver] ? d->expires[ipver][i] : 0;
	*hits = d->hits[ipver] ? atomic64_read(&d->hits[ipver][i]) : 0;
}

/* Whether any entry expires (@now == 0), or has expired by @now. */
bool fw443_list_data_expiring(const struct fw443_list_data *d, u32 now)
{
	enum fw443_ipver v;
	u32 i, n;

	for (v = 0; v < FW443_IPVER_COUNT; v++) {
		if (!d->expires[v])
			continue;
		n = fw443_lpm_count(d->lpm[v]);
		for (i = 0; i < n; i++) {
			if (d->expires[v][i] &&
			    (!now || fw443_expired(d->expires[v][i], now)))
				return true;
		}
	}
	return false;
}

/* An entry of a list with timeouts matched: skip to a live one. */
s32 fw443_list_match_live(const struct fw443_list_data *d,
			  enum fw443_ipver ipver, s32 i)
{
	const u32 *expires = d->expires[ipver];
	u32 now = fw443_now();

	while (i >= 0 && fw443_expired(expires[i], now))
		i = fw443_lpm_parent(d->lpm[ipver], i);
	return i;
}

/* A list matched entry @i: count the hit, return the length of the match. */
int fw443_list_hit(struct fw443_net *fn, const struct fw443_list *l,
		   enum fw443_ipver ipver, s32 i)
{
	const struct fw443_list_data *d = l->data;

	fw443_stats_count_list_hit(fn, l->slot);
	if (unlikely(d->hits[ipver]))
		atomic64_inc(&d->hits[ipver][i]);
	return fw443_lpm_prefix_len(d->lpm[ipver], i);
}

/* --- staged edits ------------------------------------------------------ */

static int fw443_edit_vec_push(struct fw443_edit_vec *vec,
			       const struct fw443_prefix *p, u32 expires,
			       u32 seq)
{
	struct fw443_list_entry_in *e;

	if (vec->n == vec->cap) {
		u32 cap = max(vec->cap * 2, 64U);
		struct fw443_list_entry_in *v;

		v = kvmalloc_array(cap, sizeof(*v), GFP_KERNEL_ACCOUNT);
		if (!v)
			return -ENOMEM;
		if (vec->n)
			memcpy(v, vec->v, vec->n * sizeof(*v));
		kvfree(vec->v);
		vec->v = v;
		vec->cap = cap;
	}
	e = &vec->v[vec->n++];
	e->p = *p;
	e->expires = expires;
	e->seq = seq;
	return 0;
}

/* Forget what was staged (a flush follows). */
void fw443_list_edit_reset(struct fw443_list_edit *e)
{
	enum fw443_ipver v;

	for (v = 0; v < FW443_IPVER_COUNT; v++) {
		kvfree(e->add[v].v);
		kvfree(e->del[v].v);
		memset(&e->add[v], 0, sizeof(e->add[v]));
		memset(&e->del[v], 0, sizeof(e->del[v]));
	}
}

void fw443_list_edit_free(struct fw443_list_edit *e)
{
	if (!e)
		return;
	fw443_list_edit_reset(e);
	kfree(e);
}

int fw443_list_edit_add(struct fw443_list_edit *e, enum fw443_ipver ipver,
			const struct fw443_prefix *p, u32 expires)
{
	if (e->add[ipver].n >= FW443_LIST_ENTRIES_MAX)
		return -ENOSPC;
	return fw443_edit_vec_push(&e->add[ipver], p, expires, ++e->seq);
}

int fw443_list_edit_del(struct fw443_list_edit *e, enum fw443_ipver ipver,
			const struct fw443_prefix *p)
{
	return fw443_edit_vec_push(&e->del[ipver], p, 0, ++e->seq);
}

static bool fw443_prefix_equal(const struct fw443_prefix *a,
			       const struct fw443_prefix *b)
{
	return a->len == b->len && !memcmp(a->addr, b->addr, sizeof(a->addr));
}

static const struct fw443_list_entry_in *
fw443_edit_vec_last(const struct fw443_edit_vec *vec,
		    const struct fw443_prefix *p)
{
	u32 i;

	for (i = vec->n; i-- > 0;)
		if (fw443_prefix_equal(&vec->v[i].p, p))
			return &vec->v[i];
	return NULL;
}

/*
 * Whether @p (normalised) will be in the list once @e is applied to @d:
 * the latest staged add or delete of it decides, else the list as it is.
 * A linear scan of what was staged: this serves single-entry commands.
 */
bool fw443_list_edit_has(const struct fw443_list_edit *e,
			 const struct fw443_list_data *d,
			 enum fw443_ipver ipver, const struct fw443_prefix *p)
{
	const struct fw443_list_entry_in *add, *del;

	add = fw443_edit_vec_last(&e->add[ipver], p);
	del = fw443_edit_vec_last(&e->del[ipver], p);
	if (add || del)
		return add && (!del || add->seq > del->seq);
	return !e->from_empty && fw443_lpm_find(d->lpm[ipver], p) >= 0;
}

/* --- building ------------------------------------------------------------ */

static int fw443_entry_in_cmp(const void *a, const void *b)
{
	const struct fw443_list_entry_in *x = a, *y = b;
	int c = memcmp(x->p.addr, y->p.addr, sizeof(x->p.addr));

	if (c)
		return c;
	if (x->p.len != y->p.len)
		return x->p.len < y->p.len ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Clear the host bits below the prefix length, as the table stores it. */
void fw443_prefix_normalise(struct fw443_prefix *p)
{
	unsigned int i;

	for (i = 0; i < sizeof(p->addr); i++) {
		unsigned int keep = p->len > i * 8 ? p->len - i * 8 : 0;

		if (keep < 8)
			p->addr[i] &= (u8)(0xff00 >> keep);
	}
}

/*
 * One family of a list rebuilt in full: the old entries that are still
 * live, the staged adds and deletes in the order they came, sorted; then
 * the prefix table and the per-entry arrays from that.
 */
static int fw443_list_build_family(struct fw443_list_data *nd,
				   const struct fw443_list_data *old,
				   const struct fw443_list_edit *e,
				   enum fw443_ipver v, u8 flags, u32 now)
{
	u32 n_old = e->from_empty ? 0 : fw443_lpm_count(old->lpm[v]);
	const struct fw443_edit_vec *add = &e->add[v], *del = &e->del[v];
	struct fw443_list_entry_in *all;
	struct fw443_prefix *prefixes = NULL;
	u32 *expires = NULL;
	u32 i, n = 0, total;
	bool any_expiry = false;
	int err = -ENOMEM;

	total = n_old + add->n + del->n;
	all = kvmalloc_array(max(total, 1U), sizeof(*all), GFP_KERNEL_ACCOUNT);
	if (!all)
		return -ENOMEM;
	/* Old entries first (seq 0), so any staged change of them wins. */
	for (i = 0; i < n_old; i++) {
		u32 exp = old->expires[v] ? old->expires[v][i] : 0;

		if (fw443_expired(exp, now))
			continue;
		fw443_lpm_entry(old->lpm[v], i, &all[n].p);
		all[n].expires = exp;
		all[n++].seq = 0;
	}
	memcpy(&all[n], add->v, add->n * sizeof(*all));
	n += add->n;
	/* Deletes carry expires = U32_MAX as their mark. */
	for (i = 0; i < del->n; i++) {
		all[n] = del->v[i];
		all[n++].expires = U32_MAX;
	}
	for (i = 0; i < n; i++)
		fw443_prefix_normalise(&all[i].p);
	sort(all, n, sizeof(*all), fw443_entry_in_cmp, NULL);

	/* Of each prefix keep the last change: an add, or nothing. */
	total = 0;
	for (i = 0; i < n; i++) {
		if (i + 1 < n && fw443_prefix_equal(&all[i].p, &all[i + 1].p))
			continue;
		if (all[i].expires == U32_MAX)
			continue;
		all[total++] = all[i];
	}
	if (total > FW443_LIST_ENTRIES_MAX) {
		err = -ENOSPC;
		goto out;
	}
	prefixes = kvmalloc_array(max(total, 1U), sizeof(*prefixes),
				  GFP_KERNEL_ACCOUNT);
	if (!prefixes)
		goto out;
	for (i = 0; i < total; i++) {
		prefixes[i] = all[i].p;
		any_expiry |= all[i].expires != 0;
	}
	err = fw443_lpm_build(&nd->lpm[v], fw443_lpm_family[v], prefixes,
			      total);
	if (err)
		goto out;
	if (any_expiry) {
		err = -ENOMEM;
		expires = kvmalloc_array(total, sizeof(*expires),
					 GFP_KERNEL_ACCOUNT);
		if (!expires)
			goto out;
		for (i = 0; i < total; i++)
			expires[i] = all[i].expires;
		nd->expires[v] = expires;
	}
	err = 0;
	if (flags & FW443_LIST_F_COUNTERS) {
		nd->hits[v] = kvcalloc(max(total, 1U), sizeof(*nd->hits[v]),
				       GFP_KERNEL_ACCOUNT);
		if (!nd->hits[v]) {
			err = -ENOMEM;
			goto out;
		}
		/* Counts survive the rebuild for the prefixes that stay. */
		for (i = 0; old && old->hits[v] && i < total; i++) {
			s32 j = fw443_lpm_find(old->lpm[v], &prefixes[i]);

			if (j >= 0)
				atomic64_set(&nd->hits[v][i],
					     atomic64_read(&old->hits[v][j]));
		}
	}
out:
	kvfree(prefixes);
	kvfree(all);
	return err;
}

/* Few single changes to a list with no per-entry arrays: splice them into
 * copies of its table, O(n) each, no sort.
 */
static int fw443_list_splice_family(struct fw443_list_data *nd,
				    const struct fw443_list_data *old,
				    const struct fw443_list_edit *e,
				    enum fw443_ipver v)
{
	const struct fw443_edit_vec *add = &e->add[v], *del = &e->del[v];
	struct fw443_lpm *t = NULL, *next;
	u32 ia = 0, id = 0;
	int err = 0;

	/* Apply adds and deletes in the order they were staged. */
	while (ia < add->n || id < del->n) {
		const struct fw443_lpm *cur = t ? t : old->lpm[v];
		bool is_add = id >= del->n ||
			      (ia < add->n && add->v[ia].seq < del->v[id].seq);

		if (is_add)
			err = fw443_lpm_with(&next, cur, &add->v[ia++].p);
		else
			err = fw443_lpm_without(&next, cur, &del->v[id++].p);
		if (err == -EEXIST || err == -ENOENT)
			continue;
		if (err)
			break;
		fw443_lpm_free(t);
		t = next;
	}
	if (err && err != -EEXIST && err != -ENOENT) {
		fw443_lpm_free(t);
		return err;
	}
	if (!t)
		return fw443_lpm_copy(&nd->lpm[v], old->lpm[v]);
	nd->lpm[v] = t;
	return 0;
}

static bool fw443_list_can_splice(const struct fw443_list_data *old,
				  const struct fw443_list_edit *e,
				  enum fw443_ipver v, u8 flags)
{
	u32 i;

	if (e->from_empty || e->rebuild || old->expires[v] ||
	    (flags & FW443_LIST_F_COUNTERS) ||
	    e->add[v].n + e->del[v].n > FW443_LIST_SPLICE_MAX)
		return false;
	for (i = 0; i < e->add[v].n; i++)
		if (e->add[v].v[i].expires)
			return false;
	return true;
}

int fw443_list_data_build(struct fw443_list_data **out,
			  const struct fw443_list_data *old,
			  const struct fw443_list_edit *e, u8 flags, u32 now,
			  struct netlink_ext_ack *extack)
{
	struct fw443_list_data *nd = kzalloc(sizeof(*nd), GFP_KERNEL_ACCOUNT);
	enum fw443_ipver v;
	int err = 0;

	if (!nd)
		return -ENOMEM;
	refcount_set(&nd->ref, 1);
	for (v = 0; v < FW443_IPVER_COUNT && !err; v++) {
		if (fw443_list_can_splice(old, e, v, flags))
			err = fw443_list_splice_family(nd, old, e, v);
		else
			err = fw443_list_build_family(nd, old, e, v, flags, now);
	}
	if (err) {
		BUILD_BUG_ON(FW443_LIST_ENTRIES_MAX != 4194304);
		if (err == -ENOSPC)
			NL_SET_ERR_MSG_MOD(extack,
					   "more than 4194304 entries of one family in a list");
		fw443_list_data_put(nd);
		return err;
	}
	*out = nd;
	return 0;
}
