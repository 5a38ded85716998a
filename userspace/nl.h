/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The only way fw443 talks to the kernel: a generic netlink socket bound to
 * the "fw443" family. Everything here reports its own errors on stderr as
 * "fw443: <what>: <why>", with the kernel's extended ACK message when there
 * is one.
 */
#ifndef FW443_NL_H
#define FW443_NL_H

#include <stdint.h>
#include <libmnl/libmnl.h>

#include "attr.h"

struct fw443_nl;

/*
 * Called for each reply of a request. Returns 0, or -1 with @err saying what
 * was wrong with the reply.
 */
typedef int (*fw443_nl_reply_fn)(const struct nlmsghdr *nlh, void *data,
				 struct fw443_error *err);

/*
 * Opens a socket and resolves the family. @what (usually the command's name)
 * prefixes error messages. Returns NULL after reporting why, including when
 * the module is not loaded.
 */
struct fw443_nl *fw443_nl_open(const char *what);
void fw443_nl_close(struct fw443_nl *nl);

/*
 * Starts a request for @cmd in @nl's buffer, valid until the next request;
 * add attributes with mnl_attr_put*(). @flags is 0 for a command answered by
 * one reply, NLM_F_DUMP for a dump.
 */
struct nlmsghdr *fw443_nl_request(struct fw443_nl *nl, uint8_t cmd,
				  uint16_t flags);

/*
 * Sends @req and runs @fn over the replies until the kernel's ACK or the end
 * of the dump. Returns 0, or -1 after reporting the failure.
 */
int fw443_nl_run(struct fw443_nl *nl, const struct nlmsghdr *req,
		 fw443_nl_reply_fn fn, void *data);

/*
 * The whole round trip for a command without attributes that is answered by
 * one reply: open, request, run @fn over the reply, close.
 */
int fw443_nl_query(const char *what, uint8_t cmd, fw443_nl_reply_fn fn,
		   void *data);

#endif
