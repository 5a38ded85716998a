/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the unit tests of the commands' grammars and replies share. Include
 * after kselftest_harness.h.
 */
#ifndef FW443_TEST_UNIT_H
#define FW443_TEST_UNIT_H

#include <arpa/inet.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <jansson.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <uapi/linux/fw443.h>

#include "args.h"

/* A fixture of variants only. */
#define VARIANTS_FIXTURE(name)		\
	FIXTURE(name) {			\
	};				\
	FIXTURE_SETUP(name)		\
	{				\
	}				\
	FIXTURE_TEARDOWN(name)		\
	{				\
	}

/* The words of @argv up to its first NULL. */
static inline int unit_argc(const char *const *argv)
{
	int argc = 0;

	while (argv[argc])
		argc++;
	return argc;
}

/*
 * Checks what a grammar's parse returned (@ret) against @says, the usage
 * error the user must read after "fw443: CMD: " (NULL: none). Returns true
 * when the parse succeeded, for the caller to check what it gave.
 */
static inline bool unit_usage(struct __test_metadata *_metadata, int ret,
			      const char *says, const struct fw443_usage *u)
{
	char text[FW443_ERROR_LEN * 2] = "";

	if (ret)
		snprintf(text, sizeof(text), "%s%s%s%s", u->what,
			 u->arg ? " '" : "", u->arg ? u->arg : "",
			 u->arg ? "'" : "");
	if (says) {
		EXPECT_EQ(-1, ret);
		EXPECT_STREQ(says, text);
		return false;
	}
	ASSERT_EQ(0, ret) {
		TH_LOG("%s", text);
	}
	return true;
}

/* A generic netlink message for @cmd in @buf, as the kernel starts one. */
static inline struct nlmsghdr *unit_genl_msg(char *buf, size_t size,
					     uint8_t cmd)
{
	struct nlmsghdr *nlh;
	struct genlmsghdr *genl;

	memset(buf, 0, size);
	nlh = mnl_nlmsg_put_header(buf);
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = FW443_GENL_VERSION;
	return nlh;
}

/* AF_INET6 for an address with a colon, else AF_INET. */
static inline uint8_t unit_addr_family(const char *addr)
{
	return strchr(addr, ':') ? AF_INET6 : AF_INET;
}

/* The address @text, v4 or v6, as a binary attribute of @type. */
static inline void unit_put_addr(struct nlmsghdr *nlh, uint16_t type,
				 const char *text)
{
	uint8_t family = unit_addr_family(text), addr[16];

	inet_pton(family, text, addr);
	mnl_attr_put(nlh, type, family == AF_INET ? 4 : 16, addr);
}

/* The two ends of a FW443_A_FLOW nest, as the kernel puts them first. */
static inline void unit_put_ends(struct nlmsghdr *nlh, const char *src,
				 uint16_t sport, const char *dst,
				 uint16_t dport)
{
	mnl_attr_put_u8(nlh, FW443_FLOW_A_FAMILY, unit_addr_family(src));
	unit_put_addr(nlh, FW443_FLOW_A_SRC, src);
	unit_put_addr(nlh, FW443_FLOW_A_DST, dst);
	mnl_attr_put_u16(nlh, FW443_FLOW_A_SPORT, sport);
	mnl_attr_put_u16(nlh, FW443_FLOW_A_DPORT, dport);
}

/* @root as compact text (free() it), and @root released. */
static inline char *unit_json(json_t *root)
{
	char *text = root ? json_dumps(root, JSON_COMPACT) : NULL;

	json_decref(root);
	return text;
}

/* A memory stream for what is printed, and what it holds once ended. */
struct unit_out {
	char *text;
	size_t len;
	FILE *f;
};

static inline FILE *unit_out_start(struct unit_out *o)
{
	o->text = NULL;
	o->f = open_memstream(&o->text, &o->len);
	return o->f;
}

/* Closes the stream: o->text holds what was written; free() it. */
static inline const char *unit_out_end(struct unit_out *o)
{
	fclose(o->f);
	return o->text;
}

#endif
