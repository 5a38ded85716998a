/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The TCP state machine of fw443's flow table (pure, see pure.h).
 *
 * One struct fw443_tcp_track per flow covers both directions. The caller owns
 * it and serialises access to it (the flow table's per-entry lock): nothing
 * here locks, allocates or keeps time. The caller extracts the header fields
 * into a struct fw443_tcp_pkt (skb_header_pointer() and, on SYNs only,
 * fw443_tcp_parse_wscale() over the option bytes) and acts on the verdict:
 *
 *   FW443_TCP_VALID	forward; the flow's timeout is refreshed to the one
 *			of the state now in t->state.
 *   FW443_TCP_IGNORE	forward, but leave the timeout alone: the packet is
 *			plausible (a retransmitted SYN, a SYN or a challenge ACK
 *			for the endpoint to judge) but does not advance the
 *			connection, so it must not be able to keep a flow alive.
 *   FW443_TCP_INVALID	drop and count; the tracker is unchanged.
 *
 * Creating flows is the caller's decision: fw443_tcp_new() for a SYN,
 * fw443_tcp_pickup() for a mid-stream ACK if the operator allows adopting
 * connections. A SYN-ACK, RST or FIN for which no flow exists never creates
 * one: such packets belong to no connection this firewall let open.
 */
#ifndef _FW443_TCP_STATE_H
#define _FW443_TCP_STATE_H

#include "pure.h"

/*
 * Conntrack's states, which the TCP-savvy operator already knows; the names
 * returned by fw443_tcp_state_name() are what the CLI and JSON show. The
 * values travel to userspace: only ever append.
 */
enum fw443_tcp_state {
	FW443_TCP_NONE,
	FW443_TCP_SYN_SENT,	/* originator's SYN seen */
	FW443_TCP_SYN_SENT2,	/* both sent a SYN: simultaneous open */
	FW443_TCP_SYN_RECV,	/* a SYN-ACK seen, handshake not complete */
	FW443_TCP_ESTABLISHED,	/* both SYNs acknowledged */
	FW443_TCP_FIN_WAIT,	/* one FIN seen, not yet acknowledged */
	FW443_TCP_CLOSE_WAIT,	/* one FIN seen and acknowledged */
	FW443_TCP_LAST_ACK,	/* both FINs seen, not both acknowledged */
	FW443_TCP_TIME_WAIT,	/* both FINs acknowledged */
	FW443_TCP_CLOSE,	/* reset */
	FW443_TCP_STATE_COUNT
};

enum fw443_tcp_dir {
	FW443_TCP_ORIGINAL,	/* from the side that sent the first SYN */
	FW443_TCP_REPLY,
};

enum fw443_tcp_verdict {
	FW443_TCP_VALID,
	FW443_TCP_IGNORE,
	FW443_TCP_INVALID,
};

/* Flag bits as in byte 13 of the TCP header: the caller may pass it whole. */
#define FW443_TCP_FIN		0x01
#define FW443_TCP_SYN		0x02
#define FW443_TCP_RST		0x04
#define FW443_TCP_ACK		0x10

/* RFC 7323 section 2.3: a larger shift is used as 14. */
#define FW443_TCP_MAX_WSCALE	14
/* No window scale option (in fw443_tcp_pkt.wscale and in the tracker). */
#define FW443_TCP_WSCALE_NONE	0xff
/* A TCP header holds at most 40 bytes of options (data offset 15 words). */
#define FW443_TCP_MAX_OPTLEN	40

struct fw443_tcp_pkt {
	u32 seq;
	u32 ack_seq;	/* looked at only with FW443_TCP_ACK */
	u32 len;	/* payload bytes, SYN and FIN not counted */
	u16 window;	/* as on the wire, before scaling */
	u8 flags;	/* FW443_TCP_* */
	u8 wscale;	/* SYN and SYN-ACK only, or FW443_TCP_WSCALE_NONE */
};

/*
 * Per-flow tracking data, in the spirit of conntrack's tcp_in_window() (Guido
 * van Rooij, "Real Stateful TCP Packet Filtering in IP Filter"). Indexed by
 * enum fw443_tcp_dir, "side d" being the sender of that direction:
 *
 * end[d]	highest seq + len (SYN and FIN count one) side d sent.
 * maxend[d]	highest ack + scaled window the other side granted d: the
 *		right edge of what d may send. Until d's SYN is acknowledged
 *		(FW443_TCP_SIDE_SYN_ACKED clear) no window exists yet and it
 *		holds d's ISN + 1, the ack that acknowledges d's SYN.
 * wscale[d]	the shift d applies to the windows it sends, or
 *		FW443_TCP_WSCALE_NONE until both SYNs have been seen.
 *
 * Unlike conntrack there is no per-side maximum window: every lower bound
 * uses the largest window the side could ever advertise (65535 << wscale),
 * which never rejects a segment the receiver would accept and costs four
 * bytes per side less.
 */
struct fw443_tcp_track {
	u32 end[2];
	u32 maxend[2];
	u8 wscale[2];
	u8 side[2];	/* FW443_TCP_SIDE_* */
	u8 state;	/* enum fw443_tcp_state */
	u8 flags;	/* FW443_TCP_TRACK_* */
};

/* side[d] */
#define FW443_TCP_SIDE_SEEN		0x01	/* d's sequence space is known */
#define FW443_TCP_SIDE_SYN_ACKED	0x02
#define FW443_TCP_SIDE_FIN		0x04	/* d sent its FIN */
#define FW443_TCP_SIDE_FIN_ACKED	0x08

/* flags */
#define FW443_TCP_TRACK_SIMOPEN		0x01	/* both sides sent a SYN */
#define FW443_TCP_TRACK_PICKUP		0x02	/* adopted mid-stream */
/*
 * In SYN_SENT, the responder answered our SYN with a bare ACK (RFC 5961
 * section 4 challenge ACK: it still holds an older connection on this
 * tuple); end[REPLY] holds that ACK's ack number, the one sequence number
 * with which the originator's RST may clear the responder's stale state.
 */
#define FW443_TCP_TRACK_CHALLENGED	0x04

/* Default timeouts in seconds, per state: conntrack's defaults. */
extern const u32 fw443_tcp_default_timeouts[FW443_TCP_STATE_COUNT];

const char *fw443_tcp_state_name(enum fw443_tcp_state state);
/* Returns the state named @name, or -EINVAL. */
int fw443_tcp_state_parse(const char *name);

/*
 * The window scale option of a SYN's option bytes (@len clipped to
 * FW443_TCP_MAX_OPTLEN), or FW443_TCP_WSCALE_NONE if there is none or the
 * options are malformed before it.
 */
u8 fw443_tcp_parse_wscale(const u8 *opt, unsigned int len);

/*
 * Starts tracking from the originator's SYN: FW443_TCP_VALID and t in
 * SYN_SENT, or FW443_TCP_INVALID (not a bare SYN) with t untouched.
 */
enum fw443_tcp_verdict fw443_tcp_new(struct fw443_tcp_track *t,
				     const struct fw443_tcp_pkt *pkt);

/*
 * Adopts a connection already under way (conntrack's tcp_loose) from a bare
 * ACK sent by side @dir: t is ESTABLISHED. Anything else is INVALID.
 */
enum fw443_tcp_verdict fw443_tcp_pickup(struct fw443_tcp_track *t,
					enum fw443_tcp_dir dir,
					const struct fw443_tcp_pkt *pkt);

/* Every later packet of the flow, in either direction. */
enum fw443_tcp_verdict fw443_tcp_track(struct fw443_tcp_track *t,
				       enum fw443_tcp_dir dir,
				       const struct fw443_tcp_pkt *pkt);

#endif /* _FW443_TCP_STATE_H */
