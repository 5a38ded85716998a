/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The generic netlink controller's answer to CTRL_CMD_GETFAMILY for the
 * fw443 family: the family's id, and the id of its multicast group of
 * events. Pure: no I/O.
 */
#ifndef FW443_CTRL_H
#define FW443_CTRL_H

#include <stdint.h>
#include <libmnl/libmnl.h>

#include "attr.h"

struct fw443_ctrl_family {
	uint16_t id;
	/*
	 * The id of the group FW443_MCGRP_EVENTS, or 0 (netlink numbers
	 * groups from 1) for a module from before events.
	 */
	uint32_t events_group;
};

/*
 * Parses a whole controller reply into @fam (zeroed first). Groups other
 * than FW443_MCGRP_EVENTS are skipped. Returns 0, or -1 with @err set.
 */
int fw443_ctrl_family_parse(const struct nlmsghdr *nlh,
			    struct fw443_ctrl_family *fam,
			    struct fw443_error *err);

/* fw443_ctrl_family_parse() as a fw443_nl_reply_fn: @data is @fam. */
int fw443_ctrl_family_reply(const struct nlmsghdr *nlh, void *data,
			    struct fw443_error *err);

#endif
