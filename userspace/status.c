// SPDX-License-Identifier: GPL-2.0
#include <string.h>
#include <linux/genetlink.h>
#include <uapi/linux/fw443.h>

#include "output.h"
#include "status.h"

static const struct fw443_attr_policy status_policy[FW443_A_MAX + 1] = {
	[FW443_A_VERSION]	= { MNL_TYPE_NUL_STRING, "FW443_A_VERSION" },
	[FW443_A_GENERATION]	= { MNL_TYPE_U64, "FW443_A_GENERATION" },
};

int fw443_status_parse(const struct nlmsghdr *nlh, struct fw443_status *st,
		       struct fw443_error *err)
{
	const struct nlattr *tb[FW443_A_MAX + 1] = { NULL };
	const char *version;

	if (fw443_attr_parse_msg(nlh, GENL_HDRLEN, status_policy, FW443_A_MAX,
				 tb, "status reply", err))
		return -1;
	if (!tb[FW443_A_VERSION] || !tb[FW443_A_GENERATION]) {
		fw443_error_set(err, "status reply: %s missing",
				tb[FW443_A_VERSION] ? "FW443_A_GENERATION" :
						      "FW443_A_VERSION");
		return -1;
	}
	version = mnl_attr_get_str(tb[FW443_A_VERSION]);
	if (strlen(version) >= sizeof(st->version)) {
		fw443_error_set(err, "status reply: FW443_A_VERSION longer than %zu bytes",
				sizeof(st->version) - 1);
		return -1;
	}
	strcpy(st->version, version);
	st->generation = mnl_attr_get_u64(tb[FW443_A_GENERATION]);
	return 0;
}

void fw443_status_print(const struct fw443_status *st, FILE *f)
{
	fprintf(f, "version:    %s\n", st->version);
	fprintf(f, "generation: %llu\n", (unsigned long long)st->generation);
}

json_t *fw443_status_to_json(const struct fw443_status *st)
{
	return json_pack("{s:s, s:o}", "version", st->version,
			 "generation", fw443_json_u64(st->generation));
}
