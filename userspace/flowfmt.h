/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The flows of a FW443_CMD_FLOWS_GET dump: parsing, filtering, and
 * rendering as conntrack-like text lines or JSON objects, one flow at a
 * time (a table holds millions). A FW443_A_FLOW nest of an event is parsed
 * here too. Pure: writes only to the FILE * it is given.
 */
#ifndef FW443_FLOWFMT_H
#define FW443_FLOWFMT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <jansson.h>
#include <libmnl/libmnl.h>
#include <netinet/in.h>
#include <uapi/linux/fw443.h>

#include "attr.h"
#include "prefix.h"

struct fw443_flow {
	uint8_t family;		/* AF_INET or AF_INET6 */
	uint8_t state;		/* enum fw443_flow_state */
	uint8_t src[16];	/* the initiator, network order */
	uint8_t dst[16];	/* the responder */
	uint16_t sport, dport;
	uint64_t packets_orig, bytes_orig;	/* from the initiator */
	uint64_t packets_reply, bytes_reply;	/* from the responder */
	uint32_t age;		/* seconds since the first SYN */
	uint32_t idle;		/* seconds since the last packet */
	uint32_t timeout;	/* seconds left */
	bool picked_up;		/* adopted mid-stream */
};

/* What "fw443 flows list" keeps; a flow matches all that is given. */
struct fw443_flow_filter {
	struct fw443_ends ends;
	bool has_state;
	uint8_t state;
};

/*
 * What a FW443_A_FLOW nest holds, as FW443_ATTR_BIT()s of FW443_FLOW_A_*:
 * both ends; the state; the counters a flow ends with.
 */
#define FW443_FLOW_ENDS	(FW443_ATTR_BIT(FW443_FLOW_A_FAMILY) |	\
			 FW443_ATTR_BIT(FW443_FLOW_A_SRC) |	\
			 FW443_ATTR_BIT(FW443_FLOW_A_DST) |	\
			 FW443_ATTR_BIT(FW443_FLOW_A_SPORT) |	\
			 FW443_ATTR_BIT(FW443_FLOW_A_DPORT))
#define FW443_FLOW_STATE	FW443_ATTR_BIT(FW443_FLOW_A_STATE)
#define FW443_FLOW_COUNTERS (FW443_ATTR_BIT(FW443_FLOW_A_PACKETS_ORIG) |	\
			     FW443_ATTR_BIT(FW443_FLOW_A_BYTES_ORIG) |	\
			     FW443_ATTR_BIT(FW443_FLOW_A_PACKETS_REPLY) | \
			     FW443_ATTR_BIT(FW443_FLOW_A_BYTES_REPLY) |	\
			     FW443_ATTR_BIT(FW443_FLOW_A_AGE))

/*
 * Parses a FW443_A_FLOW nest into @fl (zeroed first). The attributes in
 * @need must be there, FW443_FLOW_ENDS always; any other one absent leaves
 * its field 0. Returns 0, or -1 with @err set.
 */
int fw443_flow_parse(const struct nlattr *nest, uint64_t need,
		     struct fw443_flow *fl, struct fw443_error *err);

typedef int (*fw443_flow_fn)(const struct fw443_flow *fl, void *data);

/*
 * Runs @fn over every FW443_A_FLOW of a FLOWS_GET message. Returns 0, or -1
 * with @err set (a malformed flow, or @fn failed).
 */
int fw443_flows_parse(const struct nlmsghdr *nlh, fw443_flow_fn fn,
		      void *data, struct fw443_error *err);

/* A prefix of one family never matches an address of the other. */
bool fw443_flow_match(const struct fw443_flow_filter *flt,
		      const struct fw443_flow *fl);

/* 4 or 6. */
int fw443_flow_ip_version(const struct fw443_flow *fl);

/* Both addresses as text, compressed as inet_ntop() writes IPv6. */
void fw443_flow_addr_text(const struct fw443_flow *fl,
			  char src[INET6_ADDRSTRLEN],
			  char dst[INET6_ADDRSTRLEN]);

/*
 * "ipv4 established src=A dst=B sport=N dport=443 packets=N bytes=N
 * reply_packets=N reply_bytes=N age=N idle=N timeout=N[ picked_up]\n".
 * Returns 0, or -1 when the write failed.
 */
int fw443_flow_print(const struct fw443_flow *fl, FILE *f);

/*
 * {"ip_version":4,"state":"established","src":"A","dst":"B","sport":N,
 * "dport":443,"orig":{"packets":N,"bytes":N},"reply":{...},"age":N,
 * "idle":N,"timeout":N,"picked_up":false}, or NULL if it cannot be built.
 */
json_t *fw443_flow_to_json(const struct fw443_flow *fl);

#endif
