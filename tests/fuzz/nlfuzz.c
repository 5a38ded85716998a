// SPDX-License-Identifier: GPL-2.0
/*
 * nlfuzz - send random and mutated fw443 generic netlink messages and check
 * that every one is answered, never with a crash, and that unprivileged
 * writers are always refused.
 *
 * usage: nlfuzz [-n MESSAGES] [-s SEED] [-u]
 *   -u  we run without CAP_NET_ADMIN over the namespace: every command that
 *       changes state (or dumps entries) must fail with EPERM.
 *
 * Messages are built from the UAPI header: commands (and some that do not
 * exist), the attributes each takes with values of the right type, of the
 * wrong type, truncated, oversized, nested wrongly, in packed arrays of bad
 * sizes; transactions begun and left open, committed, aborted; dumps started
 * and read only in part, interleaved with other requests.
 *
 * Checked: every request gets its ACK or error (none is lost, the socket
 * never stalls); no privileged command succeeds without privilege; an error
 * other than EPERM, EOPNOTSUPP or ENOMEM carries an extended ACK message
 * saying what was wrong. Output: a summary, and exit 1
 * on any violation. Kernel health (no oops, no leak) is the VM harness's
 * kernel log check.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <sys/socket.h>

#include <uapi/linux/fw443.h>

#define MSG_MAX		(64 * 1024)
#define MAX_ERRNO	256
#define RX_SIZE		(256 * 1024)

struct fuzz {
	struct mnl_socket *nl;
	uint16_t family;
	uint32_t seq;
	uint64_t rng;
	bool unprivileged;
	unsigned long sent;
	unsigned long errors[MAX_ERRNO];
	unsigned long violations;
	unsigned long acks;
	bool mutated;		/* the request being answered was damaged */
	char buf[MSG_MAX];
	char rx[RX_SIZE];
};

static uint32_t rnd(struct fuzz *f)
{
	/* xorshift64*: fast, and a seed replays the same run. */
	f->rng ^= f->rng >> 12;
	f->rng ^= f->rng << 25;
	f->rng ^= f->rng >> 27;
	return (f->rng * 2685821657736338717ULL) >> 32;
}

static uint32_t below(struct fuzz *f, uint32_t n)
{
	return n ? rnd(f) % n : 0;
}

static bool chance(struct fuzz *f, unsigned int percent)
{
	return below(f, 100) < percent;
}

static void fill_random(struct fuzz *f, void *p, size_t len)
{
	uint8_t *b = p;

	while (len--)
		*b++ = rnd(f);
}

/* Commands that change state or reveal addresses: admin only. */
static bool cmd_is_privileged(uint8_t cmd)
{
	switch (cmd) {
	case FW443_CMD_UNSPEC:
	case FW443_CMD_GET_STATUS:
	case FW443_CMD_GET_STATS:
	case FW443_CMD_LIST_GET:
	case FW443_CMD_ZONE_GET:
	case FW443_CMD_RULE_GET:
		return false;
	default:
		return cmd <= FW443_CMD_MAX;
	}
}

/* Commands answered by a dump only. */
static bool cmd_is_dump(uint8_t cmd)
{
	return cmd == FW443_CMD_LIST_ENTRIES || cmd == FW443_CMD_ZONE_GET ||
	       cmd == FW443_CMD_RULE_GET || cmd == FW443_CMD_FLOWS_GET;
}

static const char *const list_names[] = {
	"fuzz", "fuzz-b", "manual", "x", "", "bad name", "waytoolongnamewaytoolongname123",
};

static void put_name(struct fuzz *f, struct nlmsghdr *nlh)
{
	if (chance(f, 5)) {
		char junk[48];

		fill_random(f, junk, sizeof(junk));
		mnl_attr_put(nlh, FW443_A_LIST_NAME, below(f, sizeof(junk)), junk);
		return;
	}
	mnl_attr_put_strz(nlh, FW443_A_LIST_NAME,
			  list_names[below(f, sizeof(list_names) /
					   sizeof(list_names[0]))]);
}

/* A string from @good, or random bytes of any length, under @type. */
static void put_word(struct fuzz *f, struct nlmsghdr *nlh, uint16_t type,
		     const char *const *good, size_t n)
{
	char junk[24];

	if (chance(f, 6)) {
		fill_random(f, junk, sizeof(junk));
		mnl_attr_put(nlh, type, below(f, sizeof(junk)), junk);
		return;
	}
	mnl_attr_put_strz(nlh, type, good[below(f, n)]);
}

static const char *const ifnames[] = {
	"cli0", "srv0", "eth+", "+", "lo", "a/b", "fifteen_chars_x", "sixteen_chars_xx",
};

static const char *const zones[] = {
	"inside", "outside", "local", "any", "dmz", "", "bad zone",
	"zone_name_too_long",
};

/* A FW443_ENTRY_A_* nest under @type: a prefix of an entry or a rule. */
static void put_prefix(struct fuzz *f, struct nlmsghdr *nlh, uint16_t type)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, type);
	uint8_t addr[17];
	bool v6 = chance(f, 40);

	fill_random(f, addr, sizeof(addr));
	if (!chance(f, 5))
		mnl_attr_put_u8(nlh, FW443_ENTRY_A_FAMILY,
				chance(f, 5) ? below(f, 256) : v6 ? AF_INET6 : AF_INET);
	if (!chance(f, 5))
		mnl_attr_put(nlh, FW443_ENTRY_A_ADDR,
			     chance(f, 10) ? below(f, 18) : v6 ? 16 : 4, addr);
	if (!chance(f, 5))
		mnl_attr_put_u8(nlh, FW443_ENTRY_A_PREFIX_LEN,
				chance(f, 10) ? below(f, 256) :
				below(f, v6 ? 129 : 33));
	if (chance(f, 20))
		mnl_attr_put_u32(nlh, FW443_ENTRY_A_TIMEOUT,
				 chance(f, 20) ? rnd(f) : 1 + below(f, 5));
	if (chance(f, 3))
		mnl_attr_put_u64(nlh, FW443_ENTRY_A_HITS, rnd(f));
	if (chance(f, 3))
		mnl_attr_put_u32(nlh, FW443_ENTRY_A_MAX + 1 + below(f, 4), rnd(f));
	mnl_attr_nest_end(nlh, nest);
}

static void put_packed(struct fuzz *f, struct nlmsghdr *nlh)
{
	bool v6 = chance(f, 40);
	size_t size = v6 ? sizeof(struct fw443_entry6) : sizeof(struct fw443_entry4);
	size_t n = chance(f, 3) ? 2000 + below(f, 8000) : below(f, 64);
	size_t len = n * size + (chance(f, 10) ? 1 + below(f, size - 1) : 0);
	uint8_t *p;
	size_t i;

	if (len > MSG_MAX - 512)
		len = (MSG_MAX - 512) / size * size;
	p = mnl_attr_get_payload(mnl_nlmsg_get_payload_tail(nlh));
	fill_random(f, p, len);
	/* Mostly valid prefix lengths, so entries get through to the build. */
	for (i = 0; i + size <= len; i += size)
		if (!chance(f, 2))
			p[i + size - 1] = 1 + below(f, v6 ? 128 : 32);
	mnl_attr_put(nlh, v6 ? FW443_A_ENTRIES6 : FW443_A_ENTRIES4, len, p);
}

static void put_entry(struct fuzz *f, struct nlmsghdr *nlh)
{
	put_prefix(f, nlh, FW443_A_ENTRY);
}

static void put_rule(struct fuzz *f, struct nlmsghdr *nlh)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, FW443_A_RULE);
	size_t nz = sizeof(zones) / sizeof(zones[0]);

	if (!chance(f, 8))
		put_word(f, nlh, FW443_RULE_A_FROM, zones, nz);
	if (!chance(f, 8))
		put_word(f, nlh, FW443_RULE_A_TO, zones, nz);
	if (chance(f, 3))
		put_prefix(f, nlh, FW443_RULE_A_SRC);
	if (chance(f, 3))
		put_prefix(f, nlh, FW443_RULE_A_DST);
	if (!chance(f, 8))
		mnl_attr_put_u8(nlh, FW443_RULE_A_ACTION, below(f, 3));
	mnl_attr_nest_end(nlh, nest);
}

static void put_flow_settings(struct fuzz *f, struct nlmsghdr *nlh)
{
	struct nlattr *nest;
	unsigned int i;

	if (chance(f, 2))
		mnl_attr_put_u8(nlh, FW443_A_POLICY, below(f, 4));
	if (chance(f, 3))
		mnl_attr_put_u8(nlh, FW443_A_PICKUP, below(f, 3));
	if (chance(f, 4))
		mnl_attr_put_u32(nlh, FW443_A_FLOWS_MAX,
				 chance(f, 5) ? rnd(f) : below(f, 100000));
	if (!chance(f, 3))
		return;
	nest = mnl_attr_nest_start(nlh, FW443_A_TIMEOUTS);
	for (i = 0; i < below(f, 5); i++)
		mnl_attr_put_u32(nlh, below(f, FW443_FLOW_STATE_MAX + 3),
				 chance(f, 5) ? rnd(f) : below(f, 10));
	mnl_attr_nest_end(nlh, nest);
}

/* Attributes of the right kind for @cmd, each sometimes left out. */
static void put_valid_attrs(struct fuzz *f, struct nlmsghdr *nlh, uint8_t cmd)
{
	switch (cmd) {
	case FW443_CMD_LIST_CREATE:
		put_name(f, nlh);
		if (!chance(f, 5))
			mnl_attr_put_u8(nlh, FW443_A_LIST_KIND, below(f, 3));
		if (chance(f, 60))
			mnl_attr_put_u8(nlh, FW443_A_LIST_DIRECTION, below(f, 4));
		if (chance(f, 40))
			mnl_attr_put_u8(nlh, FW443_A_LIST_FLAGS, below(f, 3));
		if (chance(f, 40))
			mnl_attr_put(nlh, FW443_A_REPLACE, 0, NULL);
		break;
	case FW443_CMD_LIST_ADD:
		put_name(f, nlh);
		if (chance(f, 70))
			put_entry(f, nlh);
		if (chance(f, 40))
			put_packed(f, nlh);
		if (chance(f, 20))
			mnl_attr_put(nlh, FW443_A_EXCLUSIVE, 0, NULL);
		break;
	case FW443_CMD_LIST_DEL:
		put_name(f, nlh);
		if (!chance(f, 5))
			put_entry(f, nlh);
		break;
	case FW443_CMD_LIST_DESTROY:
	case FW443_CMD_LIST_FLUSH:
	case FW443_CMD_LIST_GET:
	case FW443_CMD_LIST_ENTRIES:
		if (!chance(f, 5))
			put_name(f, nlh);
		break;
	case FW443_CMD_TXN_BEGIN:
		if (chance(f, 50))
			mnl_attr_put_u64(nlh, FW443_A_GENERATION, below(f, 50));
		break;
	case FW443_CMD_ZONE_SET:
	case FW443_CMD_ZONE_DEL:
		if (!chance(f, 8))
			put_word(f, nlh, FW443_A_IFNAME, ifnames,
				 sizeof(ifnames) / sizeof(ifnames[0]));
		if (cmd == FW443_CMD_ZONE_SET && !chance(f, 8))
			put_word(f, nlh, FW443_A_ZONE, zones,
				 sizeof(zones) / sizeof(zones[0]));
		break;
	case FW443_CMD_RULE_ADD:
		if (!chance(f, 8))
			put_rule(f, nlh);
		/* fall through */
	case FW443_CMD_RULE_DEL:
		if (chance(f, 2))
			mnl_attr_put_u32(nlh, FW443_A_RULE_INDEX,
					 chance(f, 5) ? rnd(f) : below(f, 6));
		break;
	case FW443_CMD_FLOWS_SET:
		put_flow_settings(f, nlh);
		break;
	}
}

/* Attributes of any type with payloads of any size. */
static void put_random_attrs(struct fuzz *f, struct nlmsghdr *nlh)
{
	unsigned int i, n = below(f, 6);
	uint8_t payload[256];

	for (i = 0; i < n; i++) {
		uint16_t type = below(f, FW443_A_MAX + 4);

		if (chance(f, 5))
			type |= NLA_F_NESTED;
		fill_random(f, payload, sizeof(payload));
		mnl_attr_put(nlh, type, below(f, sizeof(payload)), payload);
	}
}

/* Damage a built message: flip bits, cut it, or lie about lengths. */
static void mutate(struct fuzz *f, struct nlmsghdr *nlh)
{
	uint8_t *p = (uint8_t *)nlh;
	uint32_t hdr = NLMSG_HDRLEN + GENL_HDRLEN;
	uint32_t len = nlh->nlmsg_len;

	switch (below(f, 4)) {
	case 0:
		if (len > hdr)
			p[hdr + below(f, len - hdr)] ^= 1 << below(f, 8);
		break;
	case 1:
		if (len > hdr)
			nlh->nlmsg_len = hdr + below(f, len - hdr);
		break;
	case 2:
		if (len >= hdr + sizeof(struct nlattr)) {
			struct nlattr *a = (struct nlattr *)(p + hdr);

			a->nla_len = below(f, 0x10000);
		}
		break;
	case 3:
		((struct genlmsghdr *)mnl_nlmsg_get_payload(nlh))->reserved =
			rnd(f);
		break;
	}
}

static struct nlmsghdr *build(struct fuzz *f, uint8_t cmd, uint16_t flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(f->buf);
	struct genlmsghdr *g;

	nlh->nlmsg_type = f->family;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | flags;
	nlh->nlmsg_seq = ++f->seq;
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->cmd = cmd;
	g->version = FW443_GENL_VERSION;
	return nlh;
}

/* Read until the ACK or error of @seq, checking what the error says. */
static void await(struct fuzz *f, uint8_t cmd, uint32_t seq, bool dump)
{
	for (;;) {
		int n = mnl_socket_recvfrom(f->nl, f->rx, sizeof(f->rx));
		struct nlmsghdr *nlh = (struct nlmsghdr *)f->rx;

		if (n < 0) {
			if (errno == ENOBUFS)
				continue;
			perror("nlfuzz: recv");
			exit(1);
		}
		for (; mnl_nlmsg_ok(nlh, n); nlh = mnl_nlmsg_next(nlh, &n)) {
			const struct nlmsgerr *e;
			const struct nlattr *a;
			bool has_msg = false;
			int err;

			if (nlh->nlmsg_seq != seq)
				continue;
			/* A dump ends with DONE, carrying its error if any. */
			if (nlh->nlmsg_type == NLMSG_DONE) {
				err = -*(int *)mnl_nlmsg_get_payload(nlh);
				if (!err && f->unprivileged &&
				    cmd_is_privileged(cmd)) {
					fprintf(stderr,
						"nlfuzz: unprivileged dump %u succeeded\n",
						cmd);
					f->violations++;
				}
				if (err > 0 && err < MAX_ERRNO)
					f->errors[err]++;
				f->acks++;
				return;
			}
			if (nlh->nlmsg_type != NLMSG_ERROR)
				continue;
			e = mnl_nlmsg_get_payload(nlh);
			err = -e->error;
			f->acks++;
			if (!err && f->unprivileged && cmd_is_privileged(cmd)) {
				fprintf(stderr,
					"nlfuzz: unprivileged cmd %u succeeded\n",
					cmd);
				f->violations++;
			}
			if (!err)
				return;
			if (err < MAX_ERRNO)
				f->errors[err]++;
			if (nlh->nlmsg_flags & NLM_F_ACK_TLVS) {
				size_t off = sizeof(*e);

				if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
					off += e->msg.nlmsg_len - NLMSG_HDRLEN;
				mnl_attr_for_each(a, nlh, off)
					if (mnl_attr_get_type(a) == NLMSGERR_ATTR_MSG)
						has_msg = true;
			}
			/* EBUSY on a dump: the socket still has one running
			 * (netlink allows one at a time), said by the core.
			 */
			if (!has_msg && err != EPERM && err != EOPNOTSUPP &&
			    err != ENOMEM && !(dump && err == EBUSY)) {
				fprintf(stderr,
					"nlfuzz: cmd %u%s: errno %d (%s) without an extack message\n",
					cmd, f->mutated ? " (damaged)" : "",
					err, strerror(err));
				f->violations++;
			}
			return;
		}
	}
}

/* A dump read only partly: the rest is drained by the next await(). */
static void send_msg(struct fuzz *f, struct nlmsghdr *nlh, uint8_t cmd)
{
	if (mnl_socket_sendto(f->nl, nlh, nlh->nlmsg_len) < 0) {
		perror("nlfuzz: send");
		exit(1);
	}
	f->sent++;
	if (nlh->nlmsg_flags & NLM_F_DUMP && chance(f, 30))
		return;	/* interleave: answer read with a later request */
	await(f, cmd, nlh->nlmsg_seq, nlh->nlmsg_flags & NLM_F_DUMP);
}

static void one_message(struct fuzz *f)
{
	static const uint16_t extra_flags[] = {
		0, 0, 0, 0, 0, 0, NLM_F_DUMP, NLM_F_REPLACE, NLM_F_EXCL,
	};
	uint8_t cmd = chance(f, 3) ? below(f, 256) : below(f, FW443_CMD_MAX + 2);
	uint16_t flags = extra_flags[below(f, sizeof(extra_flags) /
					     sizeof(extra_flags[0]))];
	struct nlmsghdr *nlh;

	if ((cmd_is_dump(cmd) && !chance(f, 20)) ||
	    (cmd == FW443_CMD_LIST_GET && chance(f, 50)))
		flags |= NLM_F_DUMP;
	nlh = build(f, cmd, flags);
	if (chance(f, 80))
		put_valid_attrs(f, nlh, cmd);
	if (chance(f, 20))
		put_random_attrs(f, nlh);
	f->mutated = chance(f, 10);
	if (f->mutated)
		mutate(f, nlh);
	send_msg(f, nlh, cmd);
}

static uint16_t resolve_family(struct mnl_socket *nl)
{
	char buf[8192];
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *g;
	uint16_t id = 0;
	ssize_t n;

	nlh->nlmsg_type = GENL_ID_CTRL;
	nlh->nlmsg_flags = NLM_F_REQUEST;
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->cmd = CTRL_CMD_GETFAMILY;
	g->version = 1;
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, FW443_GENL_NAME);
	if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0)
		return 0;
	n = mnl_socket_recvfrom(nl, buf, sizeof(buf));
	nlh = (struct nlmsghdr *)buf;
	if (n > 0 && nlh->nlmsg_type == GENL_ID_CTRL) {
		const struct nlattr *a;

		mnl_attr_for_each(a, nlh, sizeof(*g))
			if (mnl_attr_get_type(a) == CTRL_ATTR_FAMILY_ID)
				id = mnl_attr_get_u16(a);
	}
	return id;
}

static struct mnl_socket *open_socket(void)
{
	struct mnl_socket *nl = mnl_socket_open(NETLINK_GENERIC);
	int one = 1;

	if (!nl || mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0) {
		perror("nlfuzz: socket");
		exit(1);
	}
	mnl_socket_setsockopt(nl, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(nl, NETLINK_CAP_ACK, &one, sizeof(one));
	return nl;
}

int main(int argc, char *argv[])
{
	static struct fuzz f;
	unsigned long total = 100000, i;
	uint64_t seed = time(NULL);
	int opt, e;

	while ((opt = getopt(argc, argv, "n:s:u")) != -1) {
		switch (opt) {
		case 'n':
			total = strtoul(optarg, NULL, 0);
			break;
		case 's':
			seed = strtoull(optarg, NULL, 0);
			break;
		case 'u':
			f.unprivileged = true;
			break;
		default:
			fprintf(stderr, "usage: nlfuzz [-n MESSAGES] [-s SEED] [-u]\n");
			return 2;
		}
	}
	f.rng = seed | 1;
	printf("nlfuzz: seed %llu, %lu messages%s\n", (unsigned long long)seed,
	       total, f.unprivileged ? ", unprivileged" : "");
	f.nl = open_socket();
	f.family = resolve_family(f.nl);
	if (!f.family) {
		fprintf(stderr, "nlfuzz: generic netlink family fw443 not found\n");
		return 1;
	}
	for (i = 0; i < total; i++) {
		/* Now and then drop the socket mid-transaction or mid-dump:
		 * the kernel must clean up after it.
		 */
		if (chance(&f, 1) && chance(&f, 20)) {
			mnl_socket_close(f.nl);
			f.nl = open_socket();
		}
		one_message(&f);
	}
	mnl_socket_close(f.nl);
	printf("nlfuzz: %lu sent, %lu answered", f.sent, f.acks);
	for (e = 1; e < MAX_ERRNO; e++)
		if (f.errors[e])
			printf(", %s %lu", strerror(e), f.errors[e]);
	printf("\nnlfuzz: %lu violations\n", f.violations);
	return f.violations ? 1 : 0;
}
