/* SPDX-License-Identifier: GPL-2.0 */
/*
 * FW443_CMD_EVENT messages: parsing, and rendering as one line of text, in
 * the manner of conntrack -E and nft monitor, or as one JSON object. Pure:
 * writes only to the FILE * it is given.
 */
#ifndef FW443_EVENT_H
#define FW443_EVENT_H

#include <stdint.h>
#include <stdio.h>
#include <jansson.h>
#include <libmnl/libmnl.h>
#include <uapi/linux/fw443.h>

#include "attr.h"
#include "flowfmt.h"

struct fw443_event {
	uint8_t type;		/* enum fw443_event_type */
	/* enum fw443_drop_reason of a drop, enum fw443_flow_end of an end */
	uint8_t reason;
	/*
	 * Both ends (for a drop, the packet's source and destination); the
	 * state of a new or ended flow; the counters and age of an ended one.
	 */
	struct fw443_flow flow;
	char list[FW443_LIST_NAME_MAX];	/* the block list that decided, or "" */
	char from[FW443_ZONE_NAME_MAX];	/* zones of the connection, or "" */
	char to[FW443_ZONE_NAME_MAX];
	uint64_t suppressed;	/* events held back before this one */
};

/*
 * Parses a whole FW443_CMD_EVENT message into @ev (zeroed first): an event
 * must have a type this tool knows and what that type carries. Attributes
 * it does not know are skipped. Returns 0, or -1 with @err set.
 */
int fw443_event_parse(const struct nlmsghdr *nlh, struct fw443_event *ev,
		      struct fw443_error *err);

/*
 * After "suppressed N events (rate limit)\n" when the rate limit held some
 * back, one of
 *   drop REASON [list=NAME] [from=ZONE to=ZONE] tcp SRC:SPORT -> DST:DPORT
 *   new STATE [from=ZONE to=ZONE] tcp SRC:SPORT -> DST:DPORT
 *   end REASON STATE tcp SRC:SPORT -> DST:DPORT packets=ORIG/REPLY
 *       bytes=ORIG/REPLY age=Ns
 * with an IPv6 address in brackets, and " picked_up" at the end of a flow
 * adopted mid-stream. Returns 0, or -1 when the write failed.
 */
int fw443_event_print(const struct fw443_event *ev, FILE *f);

/*
 * {"event":"drop","reason":"blocklist","list":"NAME","ip_version":4,
 * "src":"A","sport":N,"dst":"B","dport":443}: the same fields, in the same
 * order, as the line ("state", "from", "to"; for an end "orig":{"packets":
 * N,"bytes":N},"reply":{...},"age":N); "picked_up":true and "suppressed":N
 * when they apply. NULL if it cannot be built.
 */
json_t *fw443_event_to_json(const struct fw443_event *ev);

#endif
