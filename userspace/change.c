// SPDX-License-Identifier: GPL-2.0
#include <uapi/linux/fw443.h>

#include "change.h"
#include "cli.h"
#include "entry.h"
#include "listnl.h"
#include "stage.h"

int fw443_change_run(const char *what, bool txn, fw443_change_fn fn,
		     const void *args)
{
	struct fw443_change c = { fw443_nl_open(what), NULL };
	int ret = FW443_EXIT_FAILURE;

	if (!c.nl)
		return ret;
	if (!txn) {
		if (!fn(&c, args))
			ret = FW443_EXIT_OK;
	} else if (!fw443_nl_command(c.nl, FW443_CMD_TXN_BEGIN)) {
		if (!fn(&c, args) &&
		    !fw443_nl_command(c.nl, FW443_CMD_TXN_COMMIT))
			ret = FW443_EXIT_OK;
		else
			fw443_nl_txn_abort(c.nl);
	}
	fw443_nl_close(c.nl);
	return ret;
}

int fw443_change_list_kind(struct fw443_change *c, const char *name,
			   uint8_t kind, bool *exists)
{
	if (c->stage)
		return fw443_stage_list_kind(c->stage, name, kind, exists);
	return fw443_list_check_kind(c->nl, name, kind, exists);
}

int fw443_change_list_create(struct fw443_change *c, const char *name,
			     uint8_t kind, uint8_t direction, uint8_t flags,
			     bool replace)
{
	if (c->stage)
		return fw443_stage_list_create(c->stage, name, kind, direction,
					       flags, replace);
	return fw443_list_create(c->nl, name, kind, direction, flags, replace);
}

int fw443_change_list_add(struct fw443_change *c, const char *name,
			  const struct fw443_addr_prefix *p, uint32_t timeout)
{
	struct nlmsghdr *nlh;

	if (c->stage)
		return fw443_stage_list_add(c->stage, name, p, timeout);
	nlh = fw443_list_request(c->nl, FW443_CMD_LIST_ADD, name, 0);
	fw443_entry_put(nlh, p, timeout);
	return fw443_nl_run(c->nl, nlh, NULL, NULL);
}
