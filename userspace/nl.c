// SPDX-License-Identifier: GPL-2.0
/*
 * Generic netlink over libmnl: socket setup, family resolution through the
 * controller, a request/reply loop that turns the kernel's ACKs (and the
 * extended ACK attributes in them) into error messages, in the manner of
 * iproute2's lib/mnl_utils.c, and the receipt of multicast events.
 */
#include <errno.h>
#include <stdbool.h>
#include <sys/socket.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <uapi/linux/fw443.h>

#include "chunk.h"
#include "cli.h"
#include "ctrl.h"
#include "nl.h"

/* Most requests carry a few attributes; bulk LIST_ADDs fill FW443_MSG_MAX. */
#define NL_TX_SIZE	FW443_MSG_MAX
/*
 * The kernel sizes dump messages after the reader's buffer, up to 32 KiB;
 * a smaller buffer would only mean more, smaller messages.
 */
#define NL_RX_SIZE	32768

/* A dump the configuration keeps interrupting is tried this often. */
#define NL_DUMP_TRIES	4

/*
 * The receive buffer of a socket that follows events: seconds of them at
 * the default rate, where the kernel's default holds a few hundred.
 */
#define NL_EVENTS_RCVBUF	(4 << 20)

struct fw443_nl {
	struct mnl_socket *sock;
	const char *what;
	uint32_t portid;
	uint32_t seq;
	struct fw443_ctrl_family family;
	/* Messages are read in place as structs: align them for that. */
	char tx[NL_TX_SIZE] __attribute__((aligned(8)));
	char rx[NL_RX_SIZE] __attribute__((aligned(8)));
};

/* The state of one request while its replies are read. */
struct nl_exchange {
	const struct nlmsghdr *req;
	fw443_nl_reply_fn fn;
	void *data;
	const char *what;
	struct fw443_nl_ack ack;	/* error 0 while all is well */
};

static const struct fw443_attr_policy extack_policy[NLMSGERR_ATTR_MAX + 1] = {
	[NLMSGERR_ATTR_MSG]	  = { MNL_TYPE_NUL_STRING, "NLMSGERR_ATTR_MSG" },
	[NLMSGERR_ATTR_OFFS]	  = { MNL_TYPE_U32, "NLMSGERR_ATTR_OFFS" },
	[NLMSGERR_ATTR_MISS_TYPE] = { MNL_TYPE_U32, "NLMSGERR_ATTR_MISS_TYPE" },
	[NLMSGERR_ATTR_COOKIE]	  = { MNL_TYPE_BINARY, "NLMSGERR_ATTR_COOKIE" },
};

static int nl_fail(struct nl_exchange *ex, int error)
{
	ex->ack.error = error;
	fw443_error_set(&ex->ack.err, "%s", strerror(error));
	return MNL_CB_ERROR;
}

/* Says which attribute of our request the kernel pointed at, if it did. */
static void nl_describe_offset(struct nl_exchange *ex, uint32_t off)
{
	const struct nlattr *attr = (const void *)((const char *)ex->req + off);

	if (off >= mnl_nlmsg_size(GENL_HDRLEN) &&
	    off + sizeof(*attr) <= ex->req->nlmsg_len)
		fw443_error_append(&ex->ack.err,
				   " (offending attribute: type %u at byte %u of the request)",
				   mnl_attr_get_type(attr), off);
	else
		fw443_error_append(&ex->ack.err,
				   " (offending attribute at byte %u of the request)",
				   off);
}

/*
 * Parses the extended ACK attributes that start @offset bytes into @nlh's
 * payload. Returns false when there are none (or none that make sense).
 */
static bool nl_parse_extack(const struct nlmsghdr *nlh, size_t offset,
			    const struct nlattr **tb)
{
	struct fw443_error ignored;

	return (nlh->nlmsg_flags & NLM_F_ACK_TLVS) &&
	       !fw443_attr_parse_msg(nlh, offset, extack_policy,
				     NLMSGERR_ATTR_MAX, tb, "extended ACK",
				     &ignored);
}

/* Records the kernel's errno @error with its extended ACK. */
static int nl_kernel_error(struct nl_exchange *ex, const struct nlmsghdr *nlh,
			   size_t offset, int error)
{
	const struct nlattr *tb[NLMSGERR_ATTR_MAX + 1] = { NULL };

	/* Some subsystems get the sign wrong, as iproute2 also allows for. */
	nl_fail(ex, error < 0 ? -error : error);
	if (!nl_parse_extack(nlh, offset, tb))
		return MNL_CB_ERROR;
	if (tb[NLMSGERR_ATTR_MSG])
		fw443_error_append(&ex->ack.err, ": %s",
				   mnl_attr_get_str(tb[NLMSGERR_ATTR_MSG]));
	if (tb[NLMSGERR_ATTR_OFFS])
		nl_describe_offset(ex, mnl_attr_get_u32(tb[NLMSGERR_ATTR_OFFS]));
	if (tb[NLMSGERR_ATTR_MISS_TYPE])
		fw443_error_append(&ex->ack.err, " (missing attribute: type %u)",
				   mnl_attr_get_u32(tb[NLMSGERR_ATTR_MISS_TYPE]));
	/* fw443's cookie: the index of the bad entry in a packed array. */
	if (tb[NLMSGERR_ATTR_COOKIE] &&
	    mnl_attr_get_payload_len(tb[NLMSGERR_ATTR_COOKIE]) ==
	    sizeof(ex->ack.index)) {
		memcpy(&ex->ack.index, mnl_attr_get_payload(tb[NLMSGERR_ATTR_COOKIE]),
		       sizeof(ex->ack.index));
		ex->ack.has_index = true;
	}
	return MNL_CB_ERROR;
}

static int nl_error_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[NLMSGERR_ATTR_MAX + 1] = { NULL };
	const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);
	struct nl_exchange *ex = data;
	size_t offset = sizeof(*e);

	if (mnl_nlmsg_get_payload_len(nlh) < sizeof(*e))
		return nl_fail(ex, EBADMSG);
	/* Without NETLINK_CAP_ACK honoured, our request is echoed first. */
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		offset += mnl_nlmsg_get_payload_len(&e->msg);
	if (e->error)
		return nl_kernel_error(ex, nlh, offset, e->error);
	/* A successful ACK may still carry a warning. */
	if (nl_parse_extack(nlh, offset, tb) && tb[NLMSGERR_ATTR_MSG])
		fprintf(stderr, "%s: %s: warning: %s\n", PROG_NAME, ex->what,
			mnl_attr_get_str(tb[NLMSGERR_ATTR_MSG]));
	return MNL_CB_STOP;
}

/* A dump that fails midway says so in its NLMSG_DONE, not in an ACK. */
static int nl_done_cb(const struct nlmsghdr *nlh, void *data)
{
	int error = 0;

	if (mnl_nlmsg_get_payload_len(nlh) >= sizeof(error))
		memcpy(&error, mnl_nlmsg_get_payload(nlh), sizeof(error));
	if (!error)
		return MNL_CB_STOP;
	return nl_kernel_error(data, nlh, sizeof(error), error);
}

static int nl_reply_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nl_exchange *ex = data;

	if (nlh->nlmsg_type != ex->req->nlmsg_type || !ex->fn)
		return nl_fail(ex, EPROTO);
	if (ex->fn(nlh, ex->data, &ex->ack.err)) {
		ex->ack.error = EBADMSG;
		return MNL_CB_ERROR;
	}
	return MNL_CB_OK;
}

/* Not const: mnl_cb_run2() of libmnl 1.0.4 takes a plain pointer. */
static mnl_cb_t nl_ctl_cb[NLMSG_MIN_TYPE] = {
	[NLMSG_ERROR]	= nl_error_cb,
	[NLMSG_DONE]	= nl_done_cb,
};

/* Reads up to the end of an interrupted dump, so the socket can go on. */
static void nl_drain(struct fw443_nl *nl, ssize_t len, uint32_t seq)
{
	do {
		const struct nlmsghdr *nlh = (const void *)nl->rx;
		int left = len;

		for (; mnl_nlmsg_ok(nlh, left); nlh = mnl_nlmsg_next(nlh, &left))
			if (nlh->nlmsg_seq == seq &&
			    (nlh->nlmsg_type == NLMSG_DONE ||
			     nlh->nlmsg_type == NLMSG_ERROR))
				return;
		len = mnl_socket_recvfrom(nl->sock, nl->rx, sizeof(nl->rx));
	} while (len > 0);
}

/* Runs one request; on failure, ex->ack says why. */
static int nl_exchange(struct fw443_nl *nl, struct nl_exchange *ex)
{
	const struct nlmsghdr *req = ex->req;
	ssize_t len;
	int ret;

	if (mnl_socket_sendto(nl->sock, req, req->nlmsg_len) < 0) {
		nl_fail(ex, errno);
		return -1;
	}
	do {
		len = mnl_socket_recvfrom(nl->sock, nl->rx, sizeof(nl->rx));
		if (len < 0) {
			nl_fail(ex, errno);
			return -1;
		}
		ret = mnl_cb_run2(nl->rx, len, req->nlmsg_seq, nl->portid,
				  nl_reply_cb, ex, nl_ctl_cb,
				  MNL_ARRAY_SIZE(nl_ctl_cb));
	} while (ret > MNL_CB_STOP);
	if (ret == MNL_CB_STOP)
		return 0;

	/* Failed in libmnl's own checks: sequence, port id, dump interrupted. */
	if (!ex->ack.error) {
		nl_fail(ex, errno);
		if (ex->ack.error == EINTR)
			nl_drain(nl, len, req->nlmsg_seq);
	}
	return -1;
}

void fw443_nl_report(const struct fw443_nl *nl, const char *where,
		     const struct fw443_nl_ack *ack)
{
	fprintf(stderr, "%s: %s: %s\n", PROG_NAME, where ? where : nl->what,
		ack->err.msg);
}

static struct nlmsghdr *nl_put_request(struct fw443_nl *nl, uint16_t type,
				       uint8_t cmd, uint8_t version,
				       uint16_t flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(nl->tx);
	struct genlmsghdr *genl;

	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | flags;
	nlh->nlmsg_seq = ++nl->seq;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = version;
	return nlh;
}

struct nlmsghdr *fw443_nl_request(struct fw443_nl *nl, uint8_t cmd,
				  uint16_t flags)
{
	return nl_put_request(nl, nl->family.id, cmd, FW443_GENL_VERSION,
			      flags);
}

int fw443_nl_run(struct fw443_nl *nl, const struct nlmsghdr *req,
		 fw443_nl_reply_fn fn, void *data)
{
	struct nl_exchange ex = {
		.req = req, .fn = fn, .data = data, .what = nl->what,
	};

	if (nl_exchange(nl, &ex)) {
		fw443_nl_report(nl, NULL, &ex.ack);
		return -1;
	}
	return 0;
}

int fw443_nl_call(struct fw443_nl *nl, const struct nlmsghdr *req,
		  fw443_nl_reply_fn fn, void *data, struct fw443_nl_ack *ack)
{
	struct nl_exchange ex = {
		.req = req, .fn = fn, .data = data, .what = nl->what,
	};
	int ret = nl_exchange(nl, &ex);

	*ack = ex.ack;
	return ret;
}

int fw443_nl_command(struct fw443_nl *nl, uint8_t cmd)
{
	return fw443_nl_run(nl, fw443_nl_request(nl, cmd, 0), NULL, NULL);
}

void fw443_nl_txn_abort(struct fw443_nl *nl)
{
	struct fw443_nl_ack ignored;

	fw443_nl_call(nl, fw443_nl_request(nl, FW443_CMD_TXN_ABORT, 0), NULL,
		      NULL, &ignored);
}

int fw443_nl_dump(struct fw443_nl *nl, struct nlmsghdr *req,
		  fw443_nl_reply_fn fn, fw443_nl_restart_fn restart,
		  void *data)
{
	struct fw443_nl_ack ack;
	int tries;

	for (tries = 1; tries <= NL_DUMP_TRIES; tries++) {
		if (!fw443_nl_call(nl, req, fn, data, &ack))
			return 0;
		if (ack.error != EINTR)
			break;
		/* The configuration changed under the dump: start over. */
		if (restart(data)) {
			fw443_error_set(&ack.err, "%s", strerror(errno));
			break;
		}
		req->nlmsg_seq = ++nl->seq;
	}
	if (ack.error == EINTR)
		fw443_error_set(&ack.err,
				"the configuration changed during each of %d dumps; try again",
				NL_DUMP_TRIES);
	fw443_nl_report(nl, NULL, &ack);
	return -1;
}

static int nl_resolve_family(struct fw443_nl *nl)
{
	struct nl_exchange ex = {
		.fn = fw443_ctrl_family_reply, .data = &nl->family,
		.what = nl->what,
	};
	struct nlmsghdr *nlh;

	nlh = nl_put_request(nl, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 1, 0);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, FW443_GENL_NAME);
	ex.req = nlh;
	if (!nl_exchange(nl, &ex))
		return 0;
	if (ex.ack.error == ENOENT)
		fprintf(stderr,
			"%s: the fw443 kernel module is not loaded (generic netlink family \"%s\" not found); load it with 'modprobe fw443' or 'insmod fw443.ko'\n",
			PROG_NAME, FW443_GENL_NAME);
	else
		fw443_nl_report(nl, NULL, &ex.ack);
	return -1;
}

/*
 * Best effort: a smaller buffer only loses events sooner, and says so.
 * SO_RCVBUFFORCE may exceed net.core.rmem_max, given CAP_NET_ADMIN, which
 * following events needs anyway; SO_RCVBUF is capped by it.
 */
static void nl_grow_rcvbuf(struct mnl_socket *sock)
{
	int fd = mnl_socket_get_fd(sock), size = NL_EVENTS_RCVBUF;

	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)))
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
}

/*
 * Without NETLINK_BROADCAST_ERROR, an event this socket had no room for
 * looks to the kernel like an event nobody listened to: with it, the
 * kernel counts it as lost. Best effort too: the socket still reports
 * ENOBUFS either way.
 */
static void nl_report_misses(struct mnl_socket *sock)
{
	int one = 1;

	mnl_socket_setsockopt(sock, NETLINK_BROADCAST_ERROR, &one,
			      sizeof(one));
}

int fw443_nl_join_events(struct fw443_nl *nl)
{
	unsigned int group = nl->family.events_group;

	if (!group) {
		fprintf(stderr,
			"%s: %s: this fw443 module sends no events (its generic netlink family has no multicast group \"%s\"): it is older than this tool\n",
			PROG_NAME, nl->what, FW443_MCGRP_EVENTS);
		return -1;
	}
	nl_grow_rcvbuf(nl->sock);
	nl_report_misses(nl->sock);
	if (!mnl_socket_setsockopt(nl->sock, NETLINK_ADD_MEMBERSHIP, &group,
				   sizeof(group)))
		return 0;
	if (errno == EPERM)
		fprintf(stderr,
			"%s: %s: not permitted: following events needs CAP_NET_ADMIN in this network namespace, since they carry addresses (run as root)\n",
			PROG_NAME, nl->what);
	else
		fprintf(stderr,
			"%s: %s: joining the multicast group \"%s\" (id %u): %s\n",
			PROG_NAME, nl->what, FW443_MCGRP_EVENTS, group,
			strerror(errno));
	return -1;
}

int fw443_nl_receive(struct fw443_nl *nl, fw443_nl_reply_fn fn, void *data,
		     struct fw443_nl_ack *ack)
{
	const struct nlmsghdr *nlh = (const void *)nl->rx;
	ssize_t len;
	int left;

	memset(ack, 0, sizeof(*ack));
	len = mnl_socket_recvfrom(nl->sock, nl->rx, sizeof(nl->rx));
	if (len < 0) {
		ack->error = errno;
		fw443_error_set(&ack->err, "%s", strerror(errno));
		return -1;
	}
	for (left = len; mnl_nlmsg_ok(nlh, left);
	     nlh = mnl_nlmsg_next(nlh, &left)) {
		if (nlh->nlmsg_type != nl->family.id)
			continue;
		if (fn(nlh, data, &ack->err)) {
			ack->error = EBADMSG;
			return -1;
		}
	}
	return 0;
}

/* Best effort: kernels before 4.12 lack extended ACKs, and that is fine. */
static void nl_request_ext_ack(struct mnl_socket *sock)
{
	int one = 1;

	mnl_socket_setsockopt(sock, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(sock, NETLINK_CAP_ACK, &one, sizeof(one));
}

static int nl_connect(struct fw443_nl *nl)
{
	nl->sock = mnl_socket_open(NETLINK_GENERIC);
	if (!nl->sock)
		return -1;
	nl_request_ext_ack(nl->sock);
	if (mnl_socket_bind(nl->sock, 0, MNL_SOCKET_AUTOPID) < 0)
		return -1;
	nl->portid = mnl_socket_get_portid(nl->sock);
	return 0;
}

struct fw443_nl *fw443_nl_open(const char *what)
{
	struct fw443_nl *nl = calloc(1, sizeof(*nl));

	if (!nl) {
		fprintf(stderr, "%s: %s: %s\n", PROG_NAME, what,
			strerror(errno));
		return NULL;
	}
	nl->what = what;
	/* Like iproute2: a new run does not take an old run's late replies. */
	nl->seq = time(NULL);
	if (nl_connect(nl)) {
		fprintf(stderr, "%s: %s: netlink socket: %s\n", PROG_NAME,
			what, strerror(errno));
		fw443_nl_close(nl);
		return NULL;
	}
	if (nl_resolve_family(nl)) {
		fw443_nl_close(nl);
		return NULL;
	}
	return nl;
}

const char *fw443_nl_what(const struct fw443_nl *nl)
{
	return nl->what;
}

void fw443_nl_set_what(struct fw443_nl *nl, const char *what)
{
	nl->what = what;
}

void fw443_nl_close(struct fw443_nl *nl)
{
	if (nl->sock)
		mnl_socket_close(nl->sock);
	free(nl);
}

int fw443_nl_query(const char *what, uint8_t cmd, fw443_nl_reply_fn fn,
		   void *data)
{
	struct fw443_nl *nl = fw443_nl_open(what);
	int ret;

	if (!nl)
		return -1;
	ret = fw443_nl_run(nl, fw443_nl_request(nl, cmd, 0), fn, data);
	fw443_nl_close(nl);
	return ret;
}
