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
 *	  FW443_A_EVENT_RATE	NLA_U32, the most events sent per second in a
 *				namespace (module parameter event_rate); 0: no
 *				events are sent (see Events)
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
 *	Counters are sums over all CPUs, read without stopping traffic; each
 *	only grows, from the namespace's creation or its last
 *	FW443_CMD_RESET_STATS.
 *
 *	  FW443_STATS_A_DROP	one nest per drop reason (enum fw443_drop_reason):
 *	    FW443_DROP_A_REASON		NLA_U8
 *	    FW443_DROP_A_PACKETS	NLA_U64, packets dropped for it
 *	  FW443_STATS_A_FLOW	one nest per flow counter (enum fw443_flow_counter):
 *	    FW443_FLOWCTR_A_ID		NLA_U8
 *	    FW443_FLOWCTR_A_VALUE	NLA_U64
 *	  FW443_STATS_A_FLOWS_ACTIVE	NLA_U32, flows in the table (a gauge)
 *	  FW443_STATS_A_FLOWS_MAX	NLA_U32, the table's limit; 0 while
 *					tracking is off
 *	  FW443_STATS_A_EVENT	one nest per event counter (enum
 *				fw443_event_counter), laid out as
 *				FW443_STATS_A_FLOW: FW443_FLOWCTR_A_ID and
 *				FW443_FLOWCTR_A_VALUE.
 *
 * Lists
 * -----
 * A list is a named set of IPv4 and IPv6 addresses and prefixes with a kind
 * (enum fw443_list_kind) and a direction (enum fw443_list_direction). A
 * packet's remote address is its source where it enters the namespace
 * (PRE_ROUTING) and its destination where it leaves (FORWARD, LOCAL_OUT);
 * the remote end is the connection's initiator when its port is not 443,
 * its responder when it is. Lists of direction IN are matched against remote
 * initiators (who connects to us), OUT against remote responders (whom we
 * connect to), BOTH against either.
 *
 * Lookup is longest-prefix match. An address is blocked when the longest
 * prefix containing it in any block list of the direction is longer than
 * the longest in any allow list: an allow entry is an exception that beats
 * block entries of equal or shorter length (like ipset's nomatch). Host bits
 * below the prefix length are cleared when stored; duplicates collapse.
 *
 * FW443_CMD_LIST_CREATE	(admin)
 *	FW443_A_LIST_NAME, FW443_A_LIST_KIND, FW443_A_LIST_DIRECTION
 *	(default BOTH), FW443_A_LIST_FLAGS (enum fw443_list_flags).
 *	Creating an existing list with the same kind, direction and flags
 *	succeeds and changes nothing; with FW443_A_REPLACE (NLA_FLAG) the list
 *	is redefined (kind included) and emptied: what a load does inside a
 *	transaction.
 * FW443_CMD_LIST_DESTROY	(admin) FW443_A_LIST_NAME.
 * FW443_CMD_LIST_FLUSH		(admin) FW443_A_LIST_NAME: remove all entries.
 * FW443_CMD_LIST_ADD		(admin)
 *	FW443_A_LIST_NAME and the entries: one FW443_A_ENTRY nest, and/or
 *	FW443_A_ENTRIES4 / FW443_A_ENTRIES6, packed arrays of struct
 *	fw443_entry4 / fw443_entry6 for bulk loads (packed entries carry no
 *	timeout: an entry with one goes in FW443_A_ENTRY). With
 *	FW443_A_EXCLUSIVE (NLA_FLAG) a single entry already present is an
 *	error. A bad packed entry is named by its index in its array, a
 *	native-endian __u32 in the extended ACK's cookie
 *	(NLMSGERR_ATTR_COOKIE); send one packed array per message, so the
 *	index is not ambiguous. FW443_ENTRY_A_HITS is refused on input.
 *	  FW443_A_ENTRY nest:
 *	    FW443_ENTRY_A_FAMILY	NLA_U8, AF_INET or AF_INET6
 *	    FW443_ENTRY_A_ADDR		binary, 4 or 16 bytes, network order
 *	    FW443_ENTRY_A_PREFIX_LEN	NLA_U8, 1..32 or 1..128 (/0 is refused:
 *					it would match the whole internet)
 *	    FW443_ENTRY_A_TIMEOUT	NLA_U32, seconds until the entry expires,
 *					1..FW443_TIMEOUT_MAX; absent: never
 *	    FW443_ENTRY_A_HITS		NLA_U64, in dumps of COUNTERS lists
 * FW443_CMD_LIST_DEL		(admin) FW443_A_LIST_NAME, one FW443_A_ENTRY.
 * FW443_CMD_LIST_GET		(no privilege) a summary of one list
 *	(FW443_A_LIST_NAME) or, as a dump, of every list: FW443_A_LIST_NAME,
 *	_KIND, _DIRECTION, _FLAGS, FW443_A_LIST_COUNT4, FW443_A_LIST_COUNT6
 *	(NLA_U32 entries), FW443_A_LIST_MEMORY (NLA_U64 bytes the kernel holds
 *	for the list), FW443_A_LIST_HITS (NLA_U64 packets that matched an entry
 *	of the list). Never walks entries.
 * FW443_CMD_LIST_ENTRIES	(admin: it reveals addresses) dump of one
 *	list's entries (FW443_A_LIST_NAME), one FW443_A_ENTRY nest each. The
 *	dump pages through any size; each message carries FW443_A_GENERATION,
 *	and a change of configuration during the dump sets NLM_F_DUMP_INTR.
 *
 * Zones, connection policy and the flow table
 * -------------------------------------------
 * Every interface belongs to a zone: the one the operator gave it, else
 * "outside". The host itself is the zone "local". A zone name is 1 to
 * FW443_ZONE_NAME_MAX - 1 letters, digits, '_' and '-'; "local" and "any"
 * cannot be given to an interface.
 *
 * While the policy (FW443_A_POLICY) is not FW443_POLICY_NONE, fw443 tracks
 * every TCP connection with port 443 on a side in its own flow table and
 * decides on its first SYN who may open it: the rules in order, first match
 * wins, else the policy. A SYN is judged where both zones are known: at
 * FORWARD (routed) or LOCAL_IN (to the host), and at LOCAL_OUT (from the
 * host). Packets of a tracked connection pass both ways while the TCP state
 * machine accepts them; every other packet on port 443 is INVALID, dropped
 * and counted, unless pickup is on and it is a plain ACK of a connection
 * under way that the rules would have let open (like conntrack's
 * tcp_loose). Loopback traffic is never tracked.
 *
 * FW443_CMD_ZONE_SET		(admin) FW443_A_IFNAME (NLA_NUL_STRING, shorter
 *	than IFNAMSIZ, a trailing '+' included), FW443_A_ZONE (NLA_NUL_STRING):
 *	put an interface in a zone (moving it if it had one). A name ending in '+'
 *	stands for every interface starting with what precedes it; an exact
 *	name beats a wildcard, a longer wildcard a shorter one.
 * FW443_CMD_ZONE_DEL		(admin) FW443_A_IFNAME: back to "outside".
 * FW443_CMD_ZONE_GET		(no privilege) dump: FW443_A_IFNAME,
 *	FW443_A_ZONE per interface given a zone, in the order given. A change
 *	of configuration during the dump sets NLM_F_DUMP_INTR.
 * FW443_CMD_RULE_ADD		(admin) FW443_A_RULE; FW443_A_RULE_INDEX
 *	(NLA_U32, 1-based) inserts before that rule, else the rule is
 *	appended. At most FW443_RULES_MAX rules.
 *	  FW443_A_RULE nest:
 *	    FW443_RULE_A_FROM	NLA_NUL_STRING, zone of the initiator; "any"
 *				matches every zone, "local" is the host
 *	    FW443_RULE_A_TO	NLA_NUL_STRING, zone of the responder, the same
 *	    FW443_RULE_A_SRC	nest of FW443_ENTRY_A_FAMILY, _ADDR and
 *				_PREFIX_LEN (0..32/128 here): the initiator's
 *				address; optional
 *	    FW443_RULE_A_DST	the same for the responder; optional
 *	    FW443_RULE_A_ACTION	NLA_U8, enum fw443_action
 *	A rule with an IPv4 prefix never matches IPv6, and the other way round;
 *	SRC and DST of one rule are of one family.
 * FW443_CMD_RULE_DEL		(admin) FW443_A_RULE_INDEX.
 * FW443_CMD_RULE_FLUSH		(admin) remove every rule.
 * FW443_CMD_RULE_GET		(no privilege) dump: FW443_A_RULE_INDEX and
 *	FW443_A_RULE per rule, in order; NLM_F_DUMP_INTR as for ZONE_GET.
 * FW443_CMD_FLOWS_SET		(admin) any of:
 *	  FW443_A_POLICY	NLA_U8, enum fw443_policy. Turning tracking on
 *				starts with an empty table; turning it off
 *				forgets every flow.
 *	  FW443_A_FLOWS_MAX	NLA_U32, the most flows tracked at once;
 *				0: the default, scaled to memory. The hash
 *				table is sized for it when tracking starts.
 *	  FW443_A_PICKUP	NLA_U8, 0 or 1 (default 0)
 *	  FW443_A_TIMEOUTS	nest, attribute type = enum fw443_flow_state
 *				(FW443_FLOW_NONE, 0, is refused),
 *				NLA_U32 seconds 1..FW443_TIMEOUT_MAX: how long a
 *				flow in that state lives without a packet.
 *				Applies at once to the flows in that state.
 * FW443_CMD_FLOWS_GET		(admin: it reveals addresses) dump of the
 *	flow table, one or more FW443_A_FLOW nests per message.
 *	The dump walks hash buckets in order, so a flow that lives through the
 *	whole dump is listed exactly once.
 *	  FW443_A_FLOW nest:
 *	    FW443_FLOW_A_FAMILY		NLA_U8, AF_INET or AF_INET6
 *	    FW443_FLOW_A_SRC, _DST	binary, 4 or 16 bytes: the initiator's
 *					and the responder's address
 *	    FW443_FLOW_A_SPORT, _DPORT	NLA_U16, host order
 *	    FW443_FLOW_A_STATE		NLA_U8, enum fw443_flow_state
 *	    FW443_FLOW_A_PACKETS_ORIG,	NLA_U64, from the initiator
 *	    FW443_FLOW_A_BYTES_ORIG
 *	    FW443_FLOW_A_PACKETS_REPLY,	NLA_U64, from the responder
 *	    FW443_FLOW_A_BYTES_REPLY
 *	    FW443_FLOW_A_AGE		NLA_U32, seconds since the first SYN
 *	    FW443_FLOW_A_IDLE		NLA_U32, seconds since the last packet
 *	    FW443_FLOW_A_TIMEOUT	NLA_U32, seconds left before it expires
 *	    FW443_FLOW_A_PICKED_UP	NLA_FLAG, adopted mid-stream
 * FW443_CMD_FLOWS_FLUSH	(admin) forget every flow: their next packets
 *	are INVALID (or picked up).
 * Zone, rule and flow-table settings are configuration: they are staged in
 * transactions and move the generation like lists do. FW443_CMD_GET_STATUS
 * also answers FW443_A_POLICY, FW443_A_PICKUP, FW443_A_FLOWS_MAX (the limit
 * in force: the default resolved), FW443_A_FLOWS_ACTIVE (NLA_U32),
 * FW443_A_FLOW_SIZE (NLA_U32, kernel bytes of one flow's slab object),
 * FW443_A_FLOWS_BUCKETS (NLA_U32, hash buckets; 0 while tracking is off) and
 * FW443_A_TIMEOUTS.
 *
 * Counters
 * --------
 * FW443_CMD_RESET_STATS	(admin) Read and reset: the reply is that of
 *	FW443_CMD_GET_STATS, and every counter in it restarts from zero in the
 *	same step. Nothing counted is lost: a packet counted while the reset
 *	runs is in this reply or in the next read, never in both and never in
 *	neither. Gauges (flows active, max) are not counters and stay; list
 *	hit counters (FW443_A_LIST_HITS) are not reset. Until the first reset,
 *	counters run from the namespace's creation.
 *
 * Events
 * ------
 * Members of the multicast group FW443_MCGRP_EVENTS (CAP_NET_ADMIN in the
 * namespace's user namespace to join: events carry addresses) receive one
 * FW443_CMD_EVENT message per event in their namespace:
 *	  FW443_A_EVENT_TYPE	NLA_U8, enum fw443_event_type
 *	  FW443_A_FLOW		nest: FW443_FLOW_A_FAMILY, _SRC, _DST,
 *				_SPORT, _DPORT. For a drop, the packet's
 *				source and destination as sent; for a flow,
 *				its initiator and responder, as in
 *				FW443_CMD_FLOWS_GET, with _STATE, and at its
 *				end its counters, _AGE and _PICKED_UP.
 *	  FW443_A_DROP_REASON	NLA_U8, enum fw443_drop_reason (drops)
 *	  FW443_A_LIST_NAME	the block list that decided (blocklist drops)
 *	  FW443_A_FROM_ZONE,	NLA_NUL_STRING, the zones a new connection
 *	  FW443_A_TO_ZONE	goes from and to (policy drops, new flows)
 *	  FW443_A_END_REASON	NLA_U8, enum fw443_flow_end (flow ends)
 *	  FW443_A_EVENTS_SUPPRESSED NLA_U64, events the rate limit held back
 *				since the previous event sent; absent if none
 * The kernel sends at most the module parameter event_rate events per
 * second per namespace and counts the rest as suppressed. Events go out
 * only while the group has a member, and never wait: a reader whose
 * socket buffer is full misses them (its socket reports ENOBUFS), and they
 * are counted as lost if the reader set NETLINK_BROADCAST_ERROR on its
 * socket, as fw443 monitor does (with several readers, an event one of
 * them missed counts as lost, not sent; netlink cannot tell a reader's
 * miss without that option from a namespace without a reader). Whether the group has a member is known for
 * all namespaces at once: while a reader in another namespace listens,
 * this one's events are built and rate-limited (and counted as
 * suppressed) but go nowhere, and count as neither sent nor lost.
 * Suppressed events not followed by a sent one show only in the counter.
 * Fragments dropped before their TCP header is known are counted, not
 * reported.
 *
 * Transactions
 * ------------
 * FW443_CMD_TXN_BEGIN		(admin) Optional FW443_A_GENERATION: the commit
 *	fails with ESTALE unless the configuration is still at that generation.
 *	From then on, configuration commands from this socket are staged beside
 *	the running configuration instead of applied; reads (LIST_GET,
 *	LIST_ENTRIES, STATUS) still show the running configuration. One transaction per
 *	namespace at a time: another socket gets EBUSY, for its transactions
 *	and its single commands alike, until this one ends.
 * FW443_CMD_TXN_COMMIT		(admin) Build everything staged and switch to it
 *	in one step, with a new generation; or fail and change nothing.
 * FW443_CMD_TXN_ABORT		(admin) Drop what was staged. Closing the socket
 *	does the same.
 * A configuration command outside a transaction is a transaction of its
 * own: it takes effect completely, with a new generation, or not at all.
 *
 * Request modifiers are attributes, not nlmsg_flags: the generic netlink
 * core refuses NLM_F_REPLACE, NLM_F_EXCL and their kin on new families.
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

#include <linux/types.h>

#define FW443_GENL_NAME		"fw443"
#define FW443_GENL_VERSION	1
/* The multicast group of FW443_CMD_EVENT messages. */
#define FW443_MCGRP_EVENTS	"events"

/* The TCP port this firewall is about. */
#define FW443_PORT		443

/* Limits that userspace checks too, to say so before asking the kernel. */
#define FW443_LIST_NAME_MAX	32	/* bytes, with the terminating NUL */
#define FW443_LISTS_MAX		64	/* lists per network namespace */
#define FW443_LIST_ENTRIES_MAX	(1U << 22)	/* per list and family */
#define FW443_TIMEOUT_MAX	2147483	/* seconds, as ipset */
#define FW443_ZONE_NAME_MAX	16	/* bytes, with the terminating NUL */
#define FW443_IFACES_MAX	64	/* interfaces given a zone */
#define FW443_RULES_MAX		256	/* connection policy rules */
#define FW443_FLOWS_MAX_LIMIT	(1U << 24)	/* largest FW443_A_FLOWS_MAX */

enum fw443_cmd {
	FW443_CMD_UNSPEC,
	FW443_CMD_GET_STATUS,
	FW443_CMD_GET_STATS,
	FW443_CMD_LIST_CREATE,
	FW443_CMD_LIST_DESTROY,
	FW443_CMD_LIST_FLUSH,
	FW443_CMD_LIST_ADD,
	FW443_CMD_LIST_DEL,
	FW443_CMD_LIST_GET,
	FW443_CMD_LIST_ENTRIES,
	FW443_CMD_TXN_BEGIN,
	FW443_CMD_TXN_COMMIT,
	FW443_CMD_TXN_ABORT,
	FW443_CMD_ZONE_SET,
	FW443_CMD_ZONE_DEL,
	FW443_CMD_ZONE_GET,
	FW443_CMD_RULE_ADD,
	FW443_CMD_RULE_DEL,
	FW443_CMD_RULE_FLUSH,
	FW443_CMD_RULE_GET,
	FW443_CMD_FLOWS_SET,
	FW443_CMD_FLOWS_GET,
	FW443_CMD_FLOWS_FLUSH,
	FW443_CMD_RESET_STATS,
	FW443_CMD_EVENT,
	__FW443_CMD_MAX
};
#define FW443_CMD_MAX (__FW443_CMD_MAX - 1)

enum fw443_attr {
	FW443_A_UNSPEC,
	FW443_A_PAD,
	FW443_A_VERSION,
	FW443_A_GENERATION,
	FW443_A_STATS,
	FW443_A_LIST_NAME,
	FW443_A_LIST_KIND,
	FW443_A_LIST_DIRECTION,
	FW443_A_LIST_FLAGS,
	FW443_A_LIST_COUNT4,
	FW443_A_LIST_COUNT6,
	FW443_A_LIST_MEMORY,
	FW443_A_LIST_HITS,
	FW443_A_ENTRY,
	FW443_A_ENTRIES4,
	FW443_A_ENTRIES6,
	FW443_A_REPLACE,
	FW443_A_EXCLUSIVE,
	FW443_A_IFNAME,
	FW443_A_ZONE,
	FW443_A_RULE,
	FW443_A_RULE_INDEX,
	FW443_A_POLICY,
	FW443_A_PICKUP,
	FW443_A_FLOWS_MAX,
	FW443_A_FLOWS_ACTIVE,
	FW443_A_FLOW_SIZE,
	FW443_A_FLOWS_BUCKETS,
	FW443_A_TIMEOUTS,
	FW443_A_FLOW,
	FW443_A_EVENT_TYPE,
	FW443_A_DROP_REASON,
	FW443_A_FROM_ZONE,
	FW443_A_TO_ZONE,
	FW443_A_END_REASON,
	FW443_A_EVENTS_SUPPRESSED,
	FW443_A_EVENT_RATE,
	__FW443_A_MAX
};
#define FW443_A_MAX (__FW443_A_MAX - 1)

enum fw443_stats_attr {
	FW443_STATS_A_UNSPEC,
	FW443_STATS_A_TRAFFIC,
	FW443_STATS_A_DROP,
	FW443_STATS_A_FLOW,
	FW443_STATS_A_FLOWS_ACTIVE,
	FW443_STATS_A_FLOWS_MAX,
	FW443_STATS_A_EVENT,
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

enum fw443_drop_attr {
	FW443_DROP_A_UNSPEC,
	FW443_DROP_A_PAD,
	FW443_DROP_A_REASON,
	FW443_DROP_A_PACKETS,
	__FW443_DROP_A_MAX
};
#define FW443_DROP_A_MAX (__FW443_DROP_A_MAX - 1)

/* Why a packet was dropped. Names as the tool shows them in comments. */
enum fw443_drop_reason {
	FW443_DROP_BLOCKLIST,	/* "blocklist": a block list matched */
	FW443_DROP_FRAGMENT,	/* "fragment": an IPv6 fragment that cannot
				 * be reassembled (malformed, overlapping)
				 */
	FW443_DROP_POLICY,	/* "policy": a new connection the rules
				 * refuse
				 */
	FW443_DROP_INVALID,	/* "invalid": no tracked connection and not
				 * a valid opening SYN, outside the TCP
				 * window, or a malformed TCP header
				 */
	FW443_DROP_TABLE_FULL,	/* "table_full": a new connection while the
				 * flow table is full of established ones
				 */
	__FW443_DROP_MAX
};
#define FW443_DROP_MAX (__FW443_DROP_MAX - 1)

enum fw443_entry_attr {
	FW443_ENTRY_A_UNSPEC,
	FW443_ENTRY_A_PAD,
	FW443_ENTRY_A_FAMILY,
	FW443_ENTRY_A_ADDR,
	FW443_ENTRY_A_PREFIX_LEN,
	FW443_ENTRY_A_TIMEOUT,
	FW443_ENTRY_A_HITS,
	__FW443_ENTRY_A_MAX
};
#define FW443_ENTRY_A_MAX (__FW443_ENTRY_A_MAX - 1)

/* Elements of FW443_A_ENTRIES4 and FW443_A_ENTRIES6: no padding, so the
 * arrays are as compact on the wire as the prefixes themselves.
 */
struct fw443_entry4 {
	__u8 addr[4];
	__u8 prefix_len;
};

struct fw443_entry6 {
	__u8 addr[16];
	__u8 prefix_len;
};

enum fw443_list_kind {
	FW443_LIST_BLOCK,	/* "block" */
	FW443_LIST_ALLOW,	/* "allow": exceptions to block lists */
	__FW443_LIST_KIND_MAX
};
#define FW443_LIST_KIND_MAX (__FW443_LIST_KIND_MAX - 1)

enum fw443_list_direction {
	FW443_LIST_BOTH,	/* "both" */
	FW443_LIST_IN,		/* "in": remote initiators */
	FW443_LIST_OUT,		/* "out": remote responders */
	__FW443_LIST_DIRECTION_MAX
};
#define FW443_LIST_DIRECTION_MAX (__FW443_LIST_DIRECTION_MAX - 1)

enum fw443_list_flags {
	/* Count hits per entry (shown in entry dumps). Costs an atomic add
	 * per match; lists without it pay nothing.
	 */
	FW443_LIST_F_COUNTERS	= 1 << 0,
};
#define FW443_LIST_F_ALL	FW443_LIST_F_COUNTERS

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

enum fw443_flowctr_attr {
	FW443_FLOWCTR_A_UNSPEC,
	FW443_FLOWCTR_A_PAD,
	FW443_FLOWCTR_A_ID,
	FW443_FLOWCTR_A_VALUE,
	__FW443_FLOWCTR_A_MAX
};
#define FW443_FLOWCTR_A_MAX (__FW443_FLOWCTR_A_MAX - 1)

/* What the flow table counts, besides drops. Names as the tool shows them. */
enum fw443_flow_counter {
	/* "accepted_new": SYNs that opened a flow (or packets that picked
	 * one up)
	 */
	FW443_FLOWCTR_ACCEPTED_NEW,
	/* "accepted_established": packets of tracked flows let through */
	FW443_FLOWCTR_ACCEPTED_ESTABLISHED,
	FW443_FLOWCTR_CREATED,		/* "created": flows entered */
	FW443_FLOWCTR_EXPIRED,		/* "expired": flows timed out */
	FW443_FLOWCTR_EVICTED,		/* "evicted": unestablished flows
					 * dropped early for a new one when full
					 */
	__FW443_FLOWCTR_MAX
};
#define FW443_FLOWCTR_MAX (__FW443_FLOWCTR_MAX - 1)

/* What happens to events. Names as the tool shows them. */
enum fw443_event_counter {
	FW443_EVCTR_SENT,	/* "sent": to the multicast group */
	FW443_EVCTR_SUPPRESSED,	/* "suppressed": over the rate limit */
	FW443_EVCTR_LOST,	/* "lost": a reader's buffer was full, or no
				 * memory for the message
				 */
	__FW443_EVCTR_MAX
};
#define FW443_EVCTR_MAX (__FW443_EVCTR_MAX - 1)

enum fw443_event_type {
	FW443_EVENT_DROP,	/* "drop": a packet dropped */
	FW443_EVENT_FLOW_NEW,	/* "new": a connection entered the table */
	FW443_EVENT_FLOW_END,	/* "end": a connection left the table */
	__FW443_EVENT_TYPE_MAX
};
#define FW443_EVENT_TYPE_MAX (__FW443_EVENT_TYPE_MAX - 1)

/* Why a flow left the table. Turning tracking off or flushing the table
 * forgets flows without an event each.
 */
enum fw443_flow_end {
	FW443_END_EXPIRED,	/* "expired": its state's timeout passed (a
				 * closed connection's too)
				 */
	FW443_END_EVICTED,	/* "evicted": given up for a new one when full */
	__FW443_END_MAX
};
#define FW443_END_MAX (__FW443_END_MAX - 1)

enum fw443_rule_attr {
	FW443_RULE_A_UNSPEC,
	FW443_RULE_A_FROM,
	FW443_RULE_A_TO,
	FW443_RULE_A_SRC,
	FW443_RULE_A_DST,
	FW443_RULE_A_ACTION,
	__FW443_RULE_A_MAX
};
#define FW443_RULE_A_MAX (__FW443_RULE_A_MAX - 1)

enum fw443_action {
	FW443_ACTION_ACCEPT,	/* "accept" */
	FW443_ACTION_DROP,	/* "drop" */
	__FW443_ACTION_MAX
};
#define FW443_ACTION_MAX (__FW443_ACTION_MAX - 1)

/* What happens to a new connection no rule matched. */
enum fw443_policy {
	FW443_POLICY_NONE,	/* "none": no tracking, lists only (default) */
	FW443_POLICY_ACCEPT,	/* "accept" */
	FW443_POLICY_DROP,	/* "drop" */
	__FW443_POLICY_MAX
};
#define FW443_POLICY_MAX (__FW443_POLICY_MAX - 1)

/* TCP states of a flow: conntrack's, with its names. */
enum fw443_flow_state {
	FW443_FLOW_NONE,	/* "none": never seen on a live flow */
	FW443_FLOW_SYN_SENT,	/* "syn_sent" */
	FW443_FLOW_SYN_SENT2,	/* "syn_sent2": simultaneous open */
	FW443_FLOW_SYN_RECV,	/* "syn_recv" */
	FW443_FLOW_ESTABLISHED,	/* "established" */
	FW443_FLOW_FIN_WAIT,	/* "fin_wait" */
	FW443_FLOW_CLOSE_WAIT,	/* "close_wait" */
	FW443_FLOW_LAST_ACK,	/* "last_ack" */
	FW443_FLOW_TIME_WAIT,	/* "time_wait" */
	FW443_FLOW_CLOSE,	/* "close": reset */
	__FW443_FLOW_STATE_MAX
};
#define FW443_FLOW_STATE_MAX (__FW443_FLOW_STATE_MAX - 1)

enum fw443_flow_attr {
	FW443_FLOW_A_UNSPEC,
	FW443_FLOW_A_PAD,
	FW443_FLOW_A_FAMILY,
	FW443_FLOW_A_SRC,
	FW443_FLOW_A_DST,
	FW443_FLOW_A_SPORT,
	FW443_FLOW_A_DPORT,
	FW443_FLOW_A_STATE,
	FW443_FLOW_A_PACKETS_ORIG,
	FW443_FLOW_A_BYTES_ORIG,
	FW443_FLOW_A_PACKETS_REPLY,
	FW443_FLOW_A_BYTES_REPLY,
	FW443_FLOW_A_AGE,
	FW443_FLOW_A_IDLE,
	FW443_FLOW_A_TIMEOUT,
	FW443_FLOW_A_PICKED_UP,
	__FW443_FLOW_A_MAX
};
#define FW443_FLOW_A_MAX (__FW443_FLOW_A_MAX - 1)

#endif /* _UAPI_LINUX_FW443_H */
