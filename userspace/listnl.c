// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <uapi/linux/fw443.h>

#include "cli.h"
#include "listnl.h"
#include "lists.h"

struct nlmsghdr *fw443_list_request(struct fw443_nl *nl, uint8_t cmd,
				    const char *name, uint16_t flags)
{
	struct nlmsghdr *nlh = fw443_nl_request(nl, cmd, flags);

	mnl_attr_put_strz(nlh, FW443_A_LIST_NAME, name);
	return nlh;
}

static int list_info_reply(const struct nlmsghdr *nlh, void *data,
			   struct fw443_error *err)
{
	return fw443_list_info_parse(nlh, data, err);
}

void fw443_list_kind_mismatch(const char *what, const char *name, uint8_t has,
			      uint8_t wanted)
{
	fprintf(stderr,
		"%s: %s: list '%s' is of kind %s, not %s; use '%s %s ...' for it\n",
		PROG_NAME, what, name, fw443_list_kind_name(has),
		fw443_list_kind_name(wanted), PROG_NAME,
		fw443_list_kind_name(has));
}

int fw443_list_check_kind(struct fw443_nl *nl, const char *name, uint8_t kind,
			  bool *exists)
{
	struct fw443_list_info li;
	struct fw443_nl_ack ack;

	*exists = false;
	if (fw443_nl_call(nl, fw443_list_request(nl, FW443_CMD_LIST_GET, name, 0),
			  list_info_reply, &li, &ack)) {
		if (ack.error == ENOENT)
			return 0;
		fw443_nl_report(nl, NULL, &ack);
		return -1;
	}
	if (li.kind != kind) {
		fw443_list_kind_mismatch(fw443_nl_what(nl), name, li.kind,
					 kind);
		return -1;
	}
	*exists = true;
	return 0;
}

int fw443_list_create(struct fw443_nl *nl, const char *name, uint8_t kind,
		      uint8_t direction, uint8_t flags, bool replace)
{
	struct nlmsghdr *nlh = fw443_list_request(nl, FW443_CMD_LIST_CREATE,
						  name, 0);

	mnl_attr_put_u8(nlh, FW443_A_LIST_KIND, kind);
	mnl_attr_put_u8(nlh, FW443_A_LIST_DIRECTION, direction);
	mnl_attr_put_u8(nlh, FW443_A_LIST_FLAGS, flags);
	if (replace)
		mnl_attr_put(nlh, FW443_A_REPLACE, 0, NULL);
	return fw443_nl_run(nl, nlh, NULL, NULL);
}
