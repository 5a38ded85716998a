// SPDX-License-Identifier: GPL-2.0
/*
 * tunsend - inject crafted TCP to port 443 into the kernel through tun
 * devices and time it, for the instruction-counting benchmark (a guest under
 * qemu -icount shift=0, where 1 ns of guest time is one instruction).
 *
 *   tunsend [-k KIND] DEV SOURCES DST COUNT [PEER]
 *	write COUNT packets (handshakes: connections) from SOURCES to port
 *	443 of DST into tun device DEV; print the nanoseconds the writes
 *	took. PEER is the tun device DST is routed to: held open meanwhile,
 *	it has a carrier, and what leaves through it is queued, then dropped
 *	once its queue is full, whatever the kind.
 *   tunsend --calibrate ITERATIONS
 *	time a loop of 2 * ITERATIONS instructions; print nanoseconds
 *
 * KIND:
 *   syn	the client's bare SYN (the default)
 *   ack	the client's bare ACK of an established connection: the same
 *		sequence and acknowledgement numbers every time, a full window
 *   handshake	per connection, the client's SYN into DEV, the server's SYN-ACK
 *		into PEER (required) and the client's ACK into DEV: the three
 *		packets of a three-way handshake
 * SOURCES:
 *   FILE	client addresses, one a line, at most POOL_FILE_MAX; the
 *		client port of line i is 1024 + i % 60000
 *   ADDR+N	N distinct clients: ports 1024 to 65535 of ADDR, then of the
 *		next address, and so on
 * Packets cycle through the sources: a connection's packets come again after
 * the last source's.
 *
 * A write to a tun device runs the whole receive path (PRE_ROUTING,
 * routing, FORWARD, transmit) before it returns, so the time of the writes
 * is the cost of the packets. Packets are built before the clock starts.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if_tun.h>
#include <net/if.h>
#include <netinet/ip.h>
#include <netinet/ip6.h>
#include <netinet/tcp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define POOL_FILE_MAX	65536
#define PKT_MAX		(sizeof(struct ip6_hdr) + sizeof(struct tcphdr))
#define PORT_FIRST	1024
#define PORTS_PER_ADDR	(65536 - PORT_FIRST)
#define FILE_PORTS	60000
/* Initial sequence numbers: any will do, the same for every connection. */
#define CLIENT_ISN	1
#define SERVER_ISN	0x40000000

/* The two ends of a connection; addresses in network order. */
struct tuple {
	int family;		/* AF_INET or AF_INET6 */
	uint8_t client[16];
	uint8_t server[16];
	uint16_t client_port;
};

/* One packet of a connection, in the order a kind sends them. */
struct step {
	bool from_server;	/* written into PEER rather than DEV */
	uint8_t flags;		/* TH_SYN, TH_ACK */
};

static const struct step syn_steps[] = { { false, TH_SYN } };
static const struct step ack_steps[] = { { false, TH_ACK } };
static const struct step handshake_steps[] = {
	{ false, TH_SYN }, { true, TH_SYN | TH_ACK }, { false, TH_ACK },
};

static const struct kind {
	const char *name;
	const struct step *steps;
	size_t n_steps;
	bool peer;		/* needs PEER */
} kinds[] = {
	{ "syn", syn_steps, ARRAY_SIZE(syn_steps), false },
	{ "ack", ack_steps, ARRAY_SIZE(ack_steps), false },
	{ "handshake", handshake_steps, ARRAY_SIZE(handshake_steps), true },
};

struct packet {
	uint8_t data[PKT_MAX];
	size_t len;
};

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

/* The Internet checksum: sum() the parts, then fold() the sum. */
static uint32_t sum(uint32_t acc, const void *data, size_t len)
{
	const uint8_t *p = data;

	for (; len > 1; len -= 2, p += 2)
		acc += (p[0] << 8) | p[1];
	if (len)
		acc += p[0] << 8;
	return acc;
}

static uint16_t fold(uint32_t acc)
{
	while (acc >> 16)
		acc = (acc & 0xffff) + (acc >> 16);
	return htons(~acc);
}

/*
 * The TCP header of @step of connection @t, its checksum over the pseudo
 * header (conntrack checks it) included.
 */
static void put_tcp(struct tcphdr *th, const struct tuple *t,
		    const struct step *step, const void *src, const void *dst,
		    size_t alen)
{
	uint32_t acc;

	memset(th, 0, sizeof(*th));
	th->source = step->from_server ? htons(443) : htons(t->client_port);
	th->dest = step->from_server ? htons(t->client_port) : htons(443);
	if (step->from_server)
		th->seq = htonl(SERVER_ISN);
	else
		th->seq = htonl(CLIENT_ISN + !(step->flags & TH_SYN));
	if (step->flags & TH_ACK)
		th->ack_seq = htonl(step->from_server ? CLIENT_ISN + 1 :
							SERVER_ISN + 1);
	th->doff = sizeof(*th) / 4;
	th->syn = !!(step->flags & TH_SYN);
	th->ack = !!(step->flags & TH_ACK);
	th->window = htons(65535);
	acc = sum(0, src, alen);
	acc = sum(acc, dst, alen);
	acc += IPPROTO_TCP + sizeof(*th);
	th->check = fold(sum(acc, th, sizeof(*th)));
}

static void build(struct packet *pkt, const struct tuple *t,
		  const struct step *step)
{
	const uint8_t *src = step->from_server ? t->server : t->client;
	const uint8_t *dst = step->from_server ? t->client : t->server;

	memset(pkt, 0, sizeof(*pkt));
	if (t->family == AF_INET6) {
		struct ip6_hdr *ip6 = (void *)pkt->data;

		ip6->ip6_flow = htonl(6 << 28);
		ip6->ip6_plen = htons(sizeof(struct tcphdr));
		ip6->ip6_nxt = IPPROTO_TCP;
		ip6->ip6_hlim = 64;
		memcpy(&ip6->ip6_src, src, 16);
		memcpy(&ip6->ip6_dst, dst, 16);
		put_tcp((void *)(ip6 + 1), t, step, src, dst, 16);
		pkt->len = sizeof(*ip6) + sizeof(struct tcphdr);
	} else {
		struct iphdr *ip = (void *)pkt->data;

		ip->version = 4;
		ip->ihl = 5;
		ip->tot_len = htons(sizeof(*ip) + sizeof(struct tcphdr));
		ip->ttl = 64;
		ip->protocol = IPPROTO_TCP;
		memcpy(&ip->saddr, src, 4);
		memcpy(&ip->daddr, dst, 4);
		ip->check = fold(sum(0, ip, sizeof(*ip)));
		put_tcp((void *)(ip + 1), t, step, src, dst, 4);
		pkt->len = sizeof(*ip) + sizeof(struct tcphdr);
	}
}

static size_t addr_len(int family)
{
	return family == AF_INET6 ? 16 : 4;
}

/* @text as an address of either family into @addr; the family, or -1. */
static int parse_addr(const char *text, uint8_t *addr)
{
	if (inet_pton(AF_INET, text, addr) == 1)
		return AF_INET;
	if (inet_pton(AF_INET6, text, addr) == 1)
		return AF_INET6;
	return -1;
}

/* Adds @n to the big-endian number @addr of @len bytes. */
static void addr_add(uint8_t *addr, size_t len, uint64_t n)
{
	while (len-- && n) {
		n += addr[len];
		addr[len] = n & 0xff;
		n >>= 8;
	}
}

/*
 * The clients listed in @path into @pool (room for @room tuples, whose
 * family and server are filled in already): how many, or -1.
 */
static long read_file(const char *path, struct tuple *pool, size_t room)
{
	char line[128];
	size_t n = 0;
	FILE *f = fopen(path, "r");

	if (!f) {
		perror(path);
		return -1;
	}
	while (n < room && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\r\n")] = 0;
		if (!*line)
			continue;
		if (parse_addr(line, pool[n].client) != pool[n].family) {
			fprintf(stderr, "tunsend: %s: bad address %s\n", path,
				line);
			fclose(f);
			return -1;
		}
		pool[n].client_port = PORT_FIRST + n % FILE_PORTS;
		n++;
	}
	fclose(f);
	return n;
}

/* The clients of ADDR+N into @pool: @n of them from @first up. */
static void generate(const uint8_t *first, struct tuple *pool, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		memcpy(pool[i].client, first, addr_len(pool[i].family));
		addr_add(pool[i].client, addr_len(pool[i].family),
			 i / PORTS_PER_ADDR);
		pool[i].client_port = PORT_FIRST + i % PORTS_PER_ADDR;
	}
}

/* The first client of ADDR+N into @first, and N; 0 if SOURCES is not that. */
static unsigned long parse_range(const char *sources, int family,
				 uint8_t *first)
{
	const char *plus = strrchr(sources, '+');
	char addr[INET6_ADDRSTRLEN];

	if (!plus || plus - sources >= (long)sizeof(addr))
		return 0;
	memcpy(addr, sources, plus - sources);
	addr[plus - sources] = 0;
	if (parse_addr(addr, first) != family)
		return 0;
	return strtoul(plus + 1, NULL, 0);
}

/*
 * The connections SOURCES names, to @dst: at most @count of them from a
 * range, at most POOL_FILE_MAX from a file. Returns how many, or -1.
 */
static long make_tuples(const char *sources, const char *dst,
			unsigned long count, struct tuple **pool)
{
	uint8_t server[16], first[16];
	int family = parse_addr(dst, server);
	unsigned long range, n, i;

	if (family < 0) {
		fprintf(stderr, "tunsend: bad address %s\n", dst);
		return -1;
	}
	range = parse_range(sources, family, first);
	n = range ? range : POOL_FILE_MAX;
	if (range && n > count)
		n = count;
	*pool = calloc(n, sizeof(**pool));
	if (!*pool) {
		perror("tunsend");
		return -1;
	}
	for (i = 0; i < n; i++) {
		(*pool)[i].family = family;
		memcpy((*pool)[i].server, server, addr_len(family));
	}
	if (!range)
		return read_file(sources, *pool, n);
	generate(first, *pool, n);
	return n;
}

static int open_tun(const char *dev)
{
	struct ifreq ifr = { .ifr_flags = IFF_TUN | IFF_NO_PI };
	int fd = open("/dev/net/tun", O_RDWR);

	if (fd < 0)
		return -1;
	strncpy(ifr.ifr_name, dev, IFNAMSIZ - 1);
	if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static int calibrate(unsigned long iterations)
{
	uint64_t t0 = now_ns(), t1;
	unsigned long n = iterations;

	/* Two instructions an iteration: dec, jnz. */
	__asm__ volatile("1: dec %0\n\tjnz 1b" : "+r"(n));
	t1 = now_ns();
	printf("%llu\n", (unsigned long long)(t1 - t0));
	return 0;
}

static const struct kind *kind_of(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kinds); i++)
		if (!strcmp(kinds[i].name, name))
			return &kinds[i];
	return NULL;
}

static int usage(void)
{
	fprintf(stderr, "usage: tunsend [-k syn|ack|handshake] DEV SOURCES DST COUNT [PEER]\n"
			"       tunsend --calibrate ITERATIONS\n");
	return 2;
}

/*
 * Writes the packets of @count connections, @kind's steps each, going round
 * the @n packets of @pkts.
 */
static int send_all(const int *fds, const struct kind *kind,
		    const struct packet *pkts, size_t n, unsigned long count)
{
	size_t s = kind->n_steps;
	unsigned long i;

	for (i = 0; i < count * s; i++) {
		const struct packet *p = &pkts[i % n];
		int fd = fds[kind->steps[i % s].from_server];

		if (write(fd, p->data, p->len) != (ssize_t)p->len) {
			perror("tunsend: write");
			return -1;
		}
	}
	return 0;
}

int main(int argc, char *argv[])
{
	const struct kind *kind = &kinds[0];
	struct packet *pkts;
	struct tuple *pool;
	unsigned long count;
	uint64_t t0, t1;
	int fds[2], opt;
	long n, i;
	size_t s;

	if (argc == 3 && !strcmp(argv[1], "--calibrate"))
		return calibrate(strtoul(argv[2], NULL, 0));
	while ((opt = getopt(argc, argv, "k:")) != -1) {
		kind = opt == 'k' ? kind_of(optarg) : NULL;
		if (!kind)
			return usage();
	}
	argv += optind;
	argc -= optind;
	if (argc < 4 + kind->peer || argc > 5)
		return usage();
	count = strtoul(argv[3], NULL, 0);
	n = make_tuples(argv[1], argv[2], count, &pool);
	if (n <= 0) {
		if (!n)
			fprintf(stderr, "tunsend: no sources in %s\n", argv[1]);
		return 1;
	}
	pkts = calloc(n * kind->n_steps, sizeof(*pkts));
	if (!pkts) {
		perror("tunsend");
		return 1;
	}
	for (i = 0; i < n; i++)
		for (s = 0; s < kind->n_steps; s++)
			build(&pkts[i * kind->n_steps + s], &pool[i],
			      &kind->steps[s]);
	free(pool);
	fds[0] = open_tun(argv[0]);
	fds[1] = argc > 4 ? open_tun(argv[4]) : fds[0];
	if (fds[0] < 0 || fds[1] < 0) {
		fprintf(stderr, "tunsend: %s: %s\n",
			argv[fds[0] < 0 ? 0 : 4], strerror(errno));
		return 1;
	}
	t0 = now_ns();
	if (send_all(fds, kind, pkts, n * kind->n_steps, count))
		return 1;
	t1 = now_ns();
	printf("%llu\n", (unsigned long long)(t1 - t0));
	return 0;
}
