/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * fw443 - a netfilter firewall for HTTPS (TCP port 443) traffic.
 *
 * This header is the contract between the fw443 kernel module and userspace.
 * Everything is carried over the generic netlink family FW443_GENL_NAME,
 * version FW443_GENL_VERSION. The family id is resolved at run time through
 * the generic netlink controller ("nlctrl").
 *
 * All state is per network namespace: a request acts on the namespace of the
 * socket it arrives on.
 *
 * Commands
 * --------
 *
 * FW443_CMD_GET_STATUS
 *	Request: no attributes. Needs no privilege.
 *	Reply:
 *	  FW443_A_VERSION	NLA_NUL_STRING, the module's version
 *	  FW443_A_GENERATION	NLA_U64, the configuration generation of this
 *				namespace; it moves every time the configuration
 *				changes, so two readers can tell whether they saw
 *				the same configuration. 0 until anything is set.
 *
 * FW443_CMD_GET_STATS
 *	Request: no attributes. Needs no privilege: monitoring reads counters
 *	without CAP_NET_ADMIN.
 *	Reply:
 *	  FW443_A_STATS		nest, holding one FW443_STATS_A_TRAFFIC nest per
 *				(IP version, direction) pair:
 *	    FW443_TRAFFIC_A_FAMILY	NLA_U8, AF_INET or AF_INET6
 *	    FW443_TRAFFIC_A_DIRECTION	NLA_U8, enum fw443_direction
 *	    FW443_TRAFFIC_A_PACKETS	NLA_U64, packets as sent on the wire
 *					(a GSO/GRO super-packet counts as the
 *					segments it stands for)
 *	    FW443_TRAFFIC_A_BYTES	NLA_U64, bytes of the IP packets,
 *					IP header included
 *	Counters are sums over all CPUs, read without stopping traffic; each is
 *	monotonic for the life of the namespace.
 *
 * Errors are reported as negative errno in the netlink ACK, with an extended
 * ACK message (and the offending attribute, where there is one) saying what
 * was wrong.
 *
 * Compatibility: attributes and commands are only ever appended. A reader
 * ignores attributes it does not know; the kernel rejects attributes it does
 * not know (strict validation), so new userspace on an old module fails loudly
 * instead of being silently ignored.
 */
#ifndef _UAPI_LINUX_FW443_H
#define _UAPI_LINUX_FW443_H

#define FW443_GENL_NAME		"fw443"
#define FW443_GENL_VERSION	1

/* The TCP port this firewall is about. */
#define FW443_PORT		443

enum fw443_cmd {
	FW443_CMD_UNSPEC,
	FW443_CMD_GET_STATUS,
	FW443_CMD_GET_STATS,
	__FW443_CMD_MAX
};
#define FW443_CMD_MAX (__FW443_CMD_MAX - 1)

enum fw443_attr {
	FW443_A_UNSPEC,
	FW443_A_PAD,
	FW443_A_VERSION,
	FW443_A_GENERATION,
	FW443_A_STATS,
	__FW443_A_MAX
};
#define FW443_A_MAX (__FW443_A_MAX - 1)

enum fw443_stats_attr {
	FW443_STATS_A_UNSPEC,
	FW443_STATS_A_TRAFFIC,
	__FW443_STATS_A_MAX
};
#define FW443_STATS_A_MAX (__FW443_STATS_A_MAX - 1)

enum fw443_traffic_attr {
	FW443_TRAFFIC_A_UNSPEC,
	FW443_TRAFFIC_A_PAD,
	FW443_TRAFFIC_A_FAMILY,
	FW443_TRAFFIC_A_DIRECTION,
	FW443_TRAFFIC_A_PACKETS,
	FW443_TRAFFIC_A_BYTES,
	__FW443_TRAFFIC_A_MAX
};
#define FW443_TRAFFIC_A_MAX (__FW443_TRAFFIC_A_MAX - 1)

/*
 * Which way a packet travels, told by its ports: towards port 443 (client to
 * server) or from port 443 (server to client). A packet with 443 on both
 * sides counts as FW443_DIR_TO_SERVER.
 */
enum fw443_direction {
	FW443_DIR_TO_SERVER,
	FW443_DIR_TO_CLIENT,
	__FW443_DIR_MAX
};
#define FW443_DIR_MAX (__FW443_DIR_MAX - 1)

#endif /* _UAPI_LINUX_FW443_H */
