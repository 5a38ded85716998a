// SPDX-License-Identifier: GPL-2.0
#include <string.h>
#include <sys/socket.h>

#include "chunk.h"

_Static_assert(sizeof(struct fw443_entry4) == 5 &&
	       sizeof(struct fw443_entry6) == 17,
	       "packed entries must have no padding");
_Static_assert(FW443_CHUNK_ROOM <= UINT16_MAX - NLA_HDRLEN,
	       "a chunk must fit one attribute");

static size_t chunk_entry_size(const struct fw443_chunk *c)
{
	return c->family == AF_INET ? sizeof(struct fw443_entry4) :
				      sizeof(struct fw443_entry6);
}

void fw443_chunk_init(struct fw443_chunk *c, uint8_t family)
{
	c->family = family;
	c->count = 0;
	c->cap = FW443_CHUNK_ROOM / chunk_entry_size(c);
}

void fw443_chunk_add(struct fw443_chunk *c, const struct fw443_addr_prefix *p,
		     unsigned long line)
{
	size_t alen = fw443_prefix_addr_len(p);
	uint8_t *e = c->data + c->count * chunk_entry_size(c);

	memcpy(e, p->addr, alen);
	e[alen] = p->len;
	c->lines[c->count++] = line;
}

void fw443_chunk_put(const struct fw443_chunk *c, struct nlmsghdr *nlh)
{
	mnl_attr_put(nlh, c->family == AF_INET ? FW443_A_ENTRIES4 :
						 FW443_A_ENTRIES6,
		     c->count * chunk_entry_size(c), c->data);
}
