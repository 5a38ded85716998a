/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The only way fw443 talks to the kernel: a generic netlink socket bound to
 * the "fw443" family. Everything here reports its own errors on stderr as
 * "fw443: <what>: <why>", with the kernel's extended ACK message when there
 * is one.
 */
#ifndef FW443_NL_H
#define FW443_NL_H

#include <stdbool.h>
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
 * Called before a dump starts over, to forget what @fn was given. Returns 0,
 * or -1 with errno set.
 */
typedef int (*fw443_nl_restart_fn)(void *data);

/* How a request ended, for callers that word a failure themselves. */
struct fw443_nl_ack {
	int error;		/* errno value, 0 on success */
	struct fw443_error err;	/* "<errno text>[: <kernel message>] ..." */
	bool has_index;		/* the extended ACK's cookie named an entry */
	uint32_t index;		/* of the packed array in the request */
};

/*
 * Opens a socket and resolves the family. @what (usually the command's name)
 * prefixes error messages. Returns NULL after reporting why, including when
 * the module is not loaded.
 */
struct fw443_nl *fw443_nl_open(const char *what);
void fw443_nl_close(struct fw443_nl *nl);

/* The @what given to fw443_nl_open(), for the caller's own messages. */
const char *fw443_nl_what(const struct fw443_nl *nl);

/*
 * Names what the requests from now on are for, in place of @what: a
 * ruleset's line. @what must live until it is replaced or @nl closed.
 */
void fw443_nl_set_what(struct fw443_nl *nl, const char *what);

/*
 * Starts a request for @cmd in @nl's buffer, valid until the next request;
 * add attributes with mnl_attr_put*(). @flags is 0 for a command answered by
 * one reply, NLM_F_DUMP for a dump.
 */
struct nlmsghdr *fw443_nl_request(struct fw443_nl *nl, uint8_t cmd,
				  uint16_t flags);

/*
 * Sends @req and runs @fn over the replies until the kernel's ACK or the end
 * of the dump. Returns 0, or -1 after reporting the failure. @fn may be NULL
 * for a command answered by an ACK only.
 */
int fw443_nl_run(struct fw443_nl *nl, const struct nlmsghdr *req,
		 fw443_nl_reply_fn fn, void *data);

/* fw443_nl_run() that reports nothing: @ack says how it ended. */
int fw443_nl_call(struct fw443_nl *nl, const struct nlmsghdr *req,
		  fw443_nl_reply_fn fn, void *data, struct fw443_nl_ack *ack);

/* Prints "fw443: WHERE: <ack's words>"; @where NULL means the command. */
void fw443_nl_report(const struct fw443_nl *nl, const char *where,
		     const struct fw443_nl_ack *ack);

/*
 * Runs the dump @req. When the configuration changes during it (the kernel
 * sets NLM_F_DUMP_INTR), calls @restart and dumps again, a few times at
 * most. Returns 0, or -1 after reporting the failure.
 */
int fw443_nl_dump(struct fw443_nl *nl, struct nlmsghdr *req,
		  fw443_nl_reply_fn fn, fw443_nl_restart_fn restart,
		  void *data);

/*
 * Transactions are commands of this socket: fw443_nl_command(nl,
 * FW443_CMD_TXN_BEGIN), requests, then FW443_CMD_TXN_COMMIT. Returns 0, or
 * -1 after reporting the failure.
 */
int fw443_nl_command(struct fw443_nl *nl, uint8_t cmd);

/* Drops a transaction, saying nothing: closing the socket does it too. */
void fw443_nl_txn_abort(struct fw443_nl *nl);

/*
 * Joins the multicast group of events (FW443_MCGRP_EVENTS), with a receive
 * buffer large enough for a burst of them. Returns 0, or -1 after reporting
 * why: a module from before events, or no CAP_NET_ADMIN (events carry
 * addresses).
 */
int fw443_nl_join_events(struct fw443_nl *nl);

/*
 * Waits for what the kernel sends unasked (the messages of a group joined)
 * and runs @fn over each message of the family in what arrived. Returns 0,
 * or -1 with @ack saying why: ENOBUFS when messages were lost for want of
 * room in the socket's buffer (the socket goes on), EBADMSG when @fn
 * failed, or what else the socket reported.
 */
int fw443_nl_receive(struct fw443_nl *nl, fw443_nl_reply_fn fn, void *data,
		     struct fw443_nl_ack *ack);

/*
 * The whole round trip for a command without attributes that is answered by
 * one reply: open, request, run @fn over the reply, close.
 */
int fw443_nl_query(const char *what, uint8_t cmd, fw443_nl_reply_fn fn,
		   void *data);

#endif
