/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Packed chunks of one family's entries (FW443_A_ENTRIES4/6) for a bulk
 * LIST_ADD, sized so a whole request fits FW443_MSG_MAX bytes: default
 * socket buffers take it. Each entry keeps the number of the line it came
 * from, so an error the kernel pins on entry i names that line. Pure.
 */
#ifndef FW443_CHUNK_H
#define FW443_CHUNK_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <libmnl/libmnl.h>
#include <uapi/linux/fw443.h>

#include "prefix.h"

/* The largest request fw443 builds. */
#define FW443_MSG_MAX		65536

/*
 * Room for a packed array in a LIST_ADD request: what is left after the
 * headers and the longest list name. An attribute's length is 16 bits,
 * which this stays below too.
 */
#define FW443_CHUNK_ROOM	(FW443_MSG_MAX - NLMSG_HDRLEN - GENL_HDRLEN - \
				 NLA_HDRLEN - NLA_ALIGN(FW443_LIST_NAME_MAX) - \
				 NLA_HDRLEN)
#define FW443_CHUNK_ENTRIES_MAX	(FW443_CHUNK_ROOM / sizeof(struct fw443_entry4))

struct fw443_chunk {
	uint8_t family;		/* AF_INET or AF_INET6 */
	uint32_t count;
	uint32_t cap;		/* entries of this family that fit */
	unsigned long lines[FW443_CHUNK_ENTRIES_MAX];
	uint8_t data[FW443_CHUNK_ROOM];
};

/* An empty chunk for @family's entries. */
void fw443_chunk_init(struct fw443_chunk *c, uint8_t family);

static inline bool fw443_chunk_full(const struct fw443_chunk *c)
{
	return c->count == c->cap;
}

/* Appends @p (of the chunk's family), read from @line; the chunk is not full. */
void fw443_chunk_add(struct fw443_chunk *c, const struct fw443_addr_prefix *p,
		     unsigned long line);

/* Puts the packed array into @nlh, a request with room for FW443_MSG_MAX. */
void fw443_chunk_put(const struct fw443_chunk *c, struct nlmsghdr *nlh);

#endif
