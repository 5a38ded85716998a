// SPDX-License-Identifier: GPL-2.0
/*
 * tunsend - inject crafted TCP SYNs to port 443 into the kernel through a
 * tun device and time it, for the instruction-counting benchmark (a guest
 * under qemu -icount shift=0, where 1 ns of guest time is one instruction).
 *
 *   tunsend DEV SRC_FILE DST COUNT    write COUNT packets from the sources
 *                                     in SRC_FILE (cycled) to DST; print
 *                                     the nanoseconds the writes took
 *   tunsend --calibrate ITERATIONS    time a loop of 2 * ITERATIONS
 *                                     instructions; print nanoseconds
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
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#define POOL_MAX	65536
#define PKT_MAX		(sizeof(struct ip6_hdr) + sizeof(struct tcphdr))

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

static uint16_t csum(const void *data, size_t len)
{
	const uint8_t *p = data;
	uint32_t sum = 0;

	for (; len > 1; len -= 2, p += 2)
		sum += (p[0] << 8) | p[1];
	if (len)
		sum += p[0] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return htons(~sum);
}

static void put_tcp(struct tcphdr *th, uint16_t sport)
{
	memset(th, 0, sizeof(*th));
	th->source = htons(sport);
	th->dest = htons(443);
	th->seq = htonl(1);
	th->doff = sizeof(*th) / 4;
	th->syn = 1;
	th->window = htons(65535);
}

static int build(struct packet *pkt, const char *src, const char *dst,
		 uint16_t sport)
{
	memset(pkt, 0, sizeof(*pkt));
	if (strchr(src, ':')) {
		struct ip6_hdr *ip6 = (void *)pkt->data;

		ip6->ip6_flow = htonl(6 << 28);
		ip6->ip6_plen = htons(sizeof(struct tcphdr));
		ip6->ip6_nxt = IPPROTO_TCP;
		ip6->ip6_hlim = 64;
		if (inet_pton(AF_INET6, src, &ip6->ip6_src) != 1 ||
		    inet_pton(AF_INET6, dst, &ip6->ip6_dst) != 1)
			return -1;
		put_tcp((void *)(ip6 + 1), sport);
		pkt->len = sizeof(*ip6) + sizeof(struct tcphdr);
	} else {
		struct iphdr *ip = (void *)pkt->data;

		ip->version = 4;
		ip->ihl = 5;
		ip->tot_len = htons(sizeof(*ip) + sizeof(struct tcphdr));
		ip->ttl = 64;
		ip->protocol = IPPROTO_TCP;
		if (inet_pton(AF_INET, src, &ip->saddr) != 1 ||
		    inet_pton(AF_INET, dst, &ip->daddr) != 1)
			return -1;
		ip->check = csum(ip, sizeof(*ip));
		put_tcp((void *)(ip + 1), sport);
		pkt->len = sizeof(*ip) + sizeof(struct tcphdr);
	}
	return 0;
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

int main(int argc, char *argv[])
{
	static struct packet pool[POOL_MAX];
	unsigned long count, i, n = 0;
	char line[128];
	uint64_t t0, t1;
	FILE *f;
	int fd;

	if (argc == 3 && !strcmp(argv[1], "--calibrate"))
		return calibrate(strtoul(argv[2], NULL, 0));
	if (argc != 5) {
		fprintf(stderr, "usage: tunsend DEV SRC_FILE DST COUNT | --calibrate N\n");
		return 2;
	}
	count = strtoul(argv[4], NULL, 0);
	f = fopen(argv[2], "r");
	if (!f) {
		perror(argv[2]);
		return 1;
	}
	while (n < POOL_MAX && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\r\n")] = 0;
		if (!*line)
			continue;
		if (build(&pool[n], line, argv[3], 1024 + n % 60000)) {
			fprintf(stderr, "tunsend: bad address %s or %s\n", line, argv[3]);
			return 1;
		}
		n++;
	}
	fclose(f);
	if (!n) {
		fprintf(stderr, "tunsend: no sources in %s\n", argv[2]);
		return 1;
	}
	fd = open_tun(argv[1]);
	if (fd < 0) {
		fprintf(stderr, "tunsend: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	t0 = now_ns();
	for (i = 0; i < count; i++) {
		const struct packet *p = &pool[i % n];

		if (write(fd, p->data, p->len) != (ssize_t)p->len) {
			perror("tunsend: write");
			return 1;
		}
	}
	t1 = now_ns();
	printf("%llu\n", (unsigned long long)(t1 - t0));
	close(fd);
	return 0;
}
