/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lists on the packet path, inline: included by hook.c only, where
 * inlining saves a call per packet and the registers it would save and
 * restore. Runs under rcu_read_lock() on a published configuration, takes
 * no lock and allocates nothing; what happens on a match (hit counts,
 * skipping expired entries) is out of line in list.c.
 */
#ifndef _FW443_LIST_MATCH_H
#define _FW443_LIST_MATCH_H

#include "fw443.h"

/* The entry of @d that is the longest live match of @addr, or -1. An
 * expired entry is skipped for its parent, which holds the address too.
 */
static __always_inline s32 fw443_list_match(const struct fw443_list_data *d,
					    enum fw443_ipver ipver,
					    const u8 *addr)
{
	s32 i = ipver == FW443_IPV4 ?
		fw443_lpm_lookup_family(d->lpm[ipver], 4, addr) :
		fw443_lpm_lookup_family(d->lpm[ipver], 6, addr);

	if (unlikely(d->expires[ipver]) && i >= 0)
		i = fw443_list_match_live(d, ipver, i);
	return i;
}

/*
 * The block list of @role that blocks @addr, or NULL. The longest match
 * over the lists decides; at equal length an allow entry beats a block
 * entry. Both are folded into one number, twice the length plus one for
 * allow.
 */
static __always_inline const struct fw443_list *
fw443_lists_block(struct fw443_net *fn, const struct fw443_config *cfg,
		  enum fw443_ipver ipver, const u8 *addr, enum fw443_role role)
{
	const u8 *which = cfg->role_lists[role];
	const u8 *end = which + cfg->n_role_lists[role];
	const struct fw443_list *decider = NULL;
	int best = -1;

	for (; which < end; which++) {
		const struct fw443_list *l = &cfg->lists[*which];
		s32 i = fw443_list_match(l->data, ipver, addr);
		int v;

		if (i < 0)
			continue;
		v = 2 * fw443_list_hit(fn, l, ipver, i) +
		    (l->kind == FW443_LIST_ALLOW);
		if (v > best) {
			best = v;
			decider = l;
		}
	}
	return best & 1 ? NULL : decider;
}

#endif /* _FW443_LIST_MATCH_H */
