// SPDX-License-Identifier: GPL-2.0
/* status.c against FW443_CMD_GET_STATUS replies built as the kernel does. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <linux/genetlink.h>
#include <uapi/linux/fw443.h>

#include "kselftest_harness.h"
#include "leak_check.h"
#include "status.h"

#define BIG_GENERATION	((1ULL << 53) + 1)	/* a double would round it */

FIXTURE(reply) {
	char buf[1024] __attribute__((aligned(8)));
	struct nlmsghdr *nlh;
	struct fw443_status st;
	struct fw443_error err;
};

FIXTURE_SETUP(reply)
{
	struct genlmsghdr *genl;

	memset(self->buf, 0, sizeof(self->buf));
	self->nlh = mnl_nlmsg_put_header(self->buf);
	genl = mnl_nlmsg_put_extra_header(self->nlh, sizeof(*genl));
	genl->cmd = FW443_CMD_GET_STATUS;
	genl->version = FW443_GENL_VERSION;
}

FIXTURE_TEARDOWN(reply)
{
	EXPECT_NO_LEAKS();
}

TEST_F(reply, parses_version_and_generation)
{
	mnl_attr_put_strz(self->nlh, FW443_A_VERSION, "1.2.3");
	mnl_attr_put_u64(self->nlh, FW443_A_GENERATION, BIG_GENERATION);
	mnl_attr_put_u32(self->nlh, FW443_A_MAX + 1, 7);

	ASSERT_EQ(0, fw443_status_parse(self->nlh, &self->st, &self->err)) {
		TH_LOG("%s", self->err.msg);
	}
	EXPECT_STREQ("1.2.3", self->st.version);
	EXPECT_EQ(BIG_GENERATION, self->st.generation);
}

TEST_F(reply, rejects_missing_generation)
{
	mnl_attr_put_strz(self->nlh, FW443_A_VERSION, "1.2.3");

	ASSERT_EQ(-1, fw443_status_parse(self->nlh, &self->st, &self->err));
	EXPECT_STREQ("status reply: FW443_A_GENERATION missing",
		     self->err.msg);
}

TEST_F(reply, rejects_version_without_nul)
{
	mnl_attr_put_str(self->nlh, FW443_A_VERSION, "1.2.3");
	mnl_attr_put_u64(self->nlh, FW443_A_GENERATION, 1);

	ASSERT_EQ(-1, fw443_status_parse(self->nlh, &self->st, &self->err));
	EXPECT_NE(NULL, strstr(self->err.msg, "FW443_A_VERSION"));
}

TEST_F(reply, rejects_overlong_version)
{
	char version[FW443_STATUS_VERSION_LEN + 1];

	memset(version, 'v', sizeof(version) - 1);
	version[sizeof(version) - 1] = '\0';
	mnl_attr_put_strz(self->nlh, FW443_A_VERSION, version);
	mnl_attr_put_u64(self->nlh, FW443_A_GENERATION, 1);

	ASSERT_EQ(-1, fw443_status_parse(self->nlh, &self->st, &self->err));
	EXPECT_NE(NULL, strstr(self->err.msg, "longer than"));
}

TEST_F(reply, json_round_trip)
{
	struct fw443_status st = { "0.1.0", BIG_GENERATION };
	json_t *root = fw443_status_to_json(&st), *back;
	json_error_t jerr;
	char *text;

	ASSERT_NE(NULL, root);
	text = json_dumps(root, JSON_COMPACT);
	json_decref(root);
	ASSERT_NE(NULL, text);
	EXPECT_STREQ("{\"version\":\"0.1.0\",\"generation\":9007199254740993}",
		     text);
	back = json_loads(text, 0, &jerr);
	free(text);
	ASSERT_NE(NULL, back);
	EXPECT_STREQ("0.1.0",
		     json_string_value(json_object_get(back, "version")));
	EXPECT_TRUE(json_is_integer(json_object_get(back, "generation")));
	EXPECT_EQ((json_int_t)BIG_GENERATION,
		  json_integer_value(json_object_get(back, "generation")));
	json_decref(back);
}

TEST_F(reply, human_lines_are_aligned)
{
	struct fw443_status st = { "0.1.0", 42 };
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	ASSERT_NE(NULL, f);
	fw443_status_print(&st, f);
	ASSERT_EQ(0, fclose(f));
	EXPECT_STREQ("version:    0.1.0\ngeneration: 42\n", text);
	free(text);
}

TEST_HARNESS_MAIN
