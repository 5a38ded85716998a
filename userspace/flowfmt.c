// SPDX-License-Identifier: GPL-2.0
#include <arpa/inet.h>
#include <string.h>
#include <sys/socket.h>
#include <uapi/linux/fw443.h>

#include "flowfmt.h"
#include "flowstate.h"
#include "output.h"

static const struct fw443_attr_policy flow_policy[FW443_FLOW_A_MAX + 1] = {
	[FW443_FLOW_A_FAMILY]	     = { MNL_TYPE_U8, "FW443_FLOW_A_FAMILY" },
	[FW443_FLOW_A_SRC]	     = { MNL_TYPE_BINARY, "FW443_FLOW_A_SRC" },
	[FW443_FLOW_A_DST]	     = { MNL_TYPE_BINARY, "FW443_FLOW_A_DST" },
	[FW443_FLOW_A_SPORT]	     = { MNL_TYPE_U16, "FW443_FLOW_A_SPORT" },
	[FW443_FLOW_A_DPORT]	     = { MNL_TYPE_U16, "FW443_FLOW_A_DPORT" },
	[FW443_FLOW_A_STATE]	     = { MNL_TYPE_U8, "FW443_FLOW_A_STATE" },
	[FW443_FLOW_A_PACKETS_ORIG]  = { MNL_TYPE_U64,
					 "FW443_FLOW_A_PACKETS_ORIG" },
	[FW443_FLOW_A_BYTES_ORIG]    = { MNL_TYPE_U64, "FW443_FLOW_A_BYTES_ORIG" },
	[FW443_FLOW_A_PACKETS_REPLY] = { MNL_TYPE_U64,
					 "FW443_FLOW_A_PACKETS_REPLY" },
	[FW443_FLOW_A_BYTES_REPLY]   = { MNL_TYPE_U64,
					 "FW443_FLOW_A_BYTES_REPLY" },
	[FW443_FLOW_A_AGE]	     = { MNL_TYPE_U32, "FW443_FLOW_A_AGE" },
	[FW443_FLOW_A_IDLE]	     = { MNL_TYPE_U32, "FW443_FLOW_A_IDLE" },
	[FW443_FLOW_A_TIMEOUT]	     = { MNL_TYPE_U32, "FW443_FLOW_A_TIMEOUT" },
	[FW443_FLOW_A_PICKED_UP]     = { MNL_TYPE_FLAG,
					 "FW443_FLOW_A_PICKED_UP" },
};

/* Everything a flow of FW443_CMD_FLOWS_GET has. */
#define FLOW_DUMPED	(FW443_FLOW_ENDS | FW443_FLOW_STATE |		\
			 FW443_FLOW_COUNTERS |				\
			 FW443_ATTR_BIT(FW443_FLOW_A_IDLE) |		\
			 FW443_ATTR_BIT(FW443_FLOW_A_TIMEOUT))

static size_t flow_addr_len(uint8_t family)
{
	return family == AF_INET ? 4 : 16;
}

/* The family and both addresses must agree: they come from a kernel. */
static int flow_addrs(const struct nlattr *const *tb, struct fw443_flow *fl,
		      struct fw443_error *err)
{
	const struct nlattr *src = tb[FW443_FLOW_A_SRC];
	const struct nlattr *dst = tb[FW443_FLOW_A_DST];
	size_t alen;

	fl->family = mnl_attr_get_u8(tb[FW443_FLOW_A_FAMILY]);
	alen = flow_addr_len(fl->family);
	if ((fl->family != AF_INET && fl->family != AF_INET6) ||
	    mnl_attr_get_payload_len(src) != alen ||
	    mnl_attr_get_payload_len(dst) != alen) {
		fw443_error_set(err,
				"flow: family %u, %u- and %u-byte addresses do not agree",
				fl->family, mnl_attr_get_payload_len(src),
				mnl_attr_get_payload_len(dst));
		return -1;
	}
	memcpy(fl->src, mnl_attr_get_payload(src), alen);
	memcpy(fl->dst, mnl_attr_get_payload(dst), alen);
	return 0;
}

/* The value of an attribute that may be absent: 0 if it is. */
static uint64_t flow_u64(const struct nlattr *attr)
{
	return attr ? mnl_attr_get_u64(attr) : 0;
}

static uint32_t flow_u32(const struct nlattr *attr)
{
	return attr ? mnl_attr_get_u32(attr) : 0;
}

int fw443_flow_parse(const struct nlattr *nest, uint64_t need,
		     struct fw443_flow *fl, struct fw443_error *err)
{
	const struct nlattr *tb[FW443_FLOW_A_MAX + 1] = { NULL };

	memset(fl, 0, sizeof(*fl));
	if (fw443_attr_parse_nested(nest, flow_policy, FW443_FLOW_A_MAX, tb,
				    "flow", err) ||
	    fw443_attr_require_mask(flow_policy, FW443_FLOW_A_MAX, tb,
				    need | FW443_FLOW_ENDS, "flow", err) ||
	    flow_addrs(tb, fl, err))
		return -1;
	fl->sport = mnl_attr_get_u16(tb[FW443_FLOW_A_SPORT]);
	fl->dport = mnl_attr_get_u16(tb[FW443_FLOW_A_DPORT]);
	if (tb[FW443_FLOW_A_STATE])
		fl->state = mnl_attr_get_u8(tb[FW443_FLOW_A_STATE]);
	fl->packets_orig = flow_u64(tb[FW443_FLOW_A_PACKETS_ORIG]);
	fl->bytes_orig = flow_u64(tb[FW443_FLOW_A_BYTES_ORIG]);
	fl->packets_reply = flow_u64(tb[FW443_FLOW_A_PACKETS_REPLY]);
	fl->bytes_reply = flow_u64(tb[FW443_FLOW_A_BYTES_REPLY]);
	fl->age = flow_u32(tb[FW443_FLOW_A_AGE]);
	fl->idle = flow_u32(tb[FW443_FLOW_A_IDLE]);
	fl->timeout = flow_u32(tb[FW443_FLOW_A_TIMEOUT]);
	fl->picked_up = tb[FW443_FLOW_A_PICKED_UP];
	return 0;
}

struct flows_walk {
	fw443_flow_fn fn;
	void *data;
};

static int flows_one(const struct nlattr *nest, void *data,
		     struct fw443_error *err)
{
	struct flows_walk *w = data;
	struct fw443_flow fl;

	if (fw443_flow_parse(nest, FLOW_DUMPED, &fl, err))
		return -1;
	if (w->fn(&fl, w->data)) {
		fw443_error_set(err, "cannot write the flows");
		return -1;
	}
	return 0;
}

int fw443_flows_parse(const struct nlmsghdr *nlh, fw443_flow_fn fn,
		      void *data, struct fw443_error *err)
{
	struct flows_walk w = { fn, data };

	return fw443_attr_for_each_nest(nlh, FW443_A_FLOW, "FW443_A_FLOW",
					flows_one, &w, err);
}

bool fw443_flow_match(const struct fw443_flow_filter *flt,
		      const struct fw443_flow *fl)
{
	return fw443_ends_match(&flt->ends, fl->family, fl->src, fl->dst) &&
	       (!flt->has_state || flt->state == fl->state);
}

void fw443_flow_addr_text(const struct fw443_flow *fl,
			  char src[INET6_ADDRSTRLEN],
			  char dst[INET6_ADDRSTRLEN])
{
	inet_ntop(fl->family, fl->src, src, INET6_ADDRSTRLEN);
	inet_ntop(fl->family, fl->dst, dst, INET6_ADDRSTRLEN);
}

int fw443_flow_ip_version(const struct fw443_flow *fl)
{
	return fl->family == AF_INET ? 4 : 6;
}

int fw443_flow_print(const struct fw443_flow *fl, FILE *f)
{
	char src[INET6_ADDRSTRLEN], dst[INET6_ADDRSTRLEN];

	fw443_flow_addr_text(fl, src, dst);
	return fprintf(f,
		       "ipv%d %s src=%s dst=%s sport=%u dport=%u packets=%llu bytes=%llu reply_packets=%llu reply_bytes=%llu age=%u idle=%u timeout=%u%s\n",
		       fw443_flow_ip_version(fl), fw443_flow_state_name(fl->state),
		       src, dst, fl->sport, fl->dport,
		       (unsigned long long)fl->packets_orig,
		       (unsigned long long)fl->bytes_orig,
		       (unsigned long long)fl->packets_reply,
		       (unsigned long long)fl->bytes_reply, fl->age, fl->idle,
		       fl->timeout, fl->picked_up ? " picked_up" : "") < 0 ?
	       -1 : 0;
}

json_t *fw443_flow_to_json(const struct fw443_flow *fl)
{
	char src[INET6_ADDRSTRLEN], dst[INET6_ADDRSTRLEN];

	fw443_flow_addr_text(fl, src, dst);
	return json_pack("{s:i, s:s, s:s, s:s, s:i, s:i, s:{s:o, s:o}, s:{s:o, s:o}, s:I, s:I, s:I, s:b}",
			 "ip_version", fw443_flow_ip_version(fl),
			 "state", fw443_flow_state_name(fl->state),
			 "src", src, "dst", dst,
			 "sport", fl->sport, "dport", fl->dport,
			 "orig", "packets", fw443_json_u64(fl->packets_orig),
			 "bytes", fw443_json_u64(fl->bytes_orig),
			 "reply", "packets", fw443_json_u64(fl->packets_reply),
			 "bytes", fw443_json_u64(fl->bytes_reply),
			 "age", (json_int_t)fl->age,
			 "idle", (json_int_t)fl->idle,
			 "timeout", (json_int_t)fl->timeout,
			 "picked_up", fl->picked_up);
}
