// SPDX-License-Identifier: GPL-2.0
/*
 * The TCP state machine of fw443's flow table. Pure (see pure.h): it owns no
 * shared state; the caller serialises access to each struct fw443_tcp_track.
 *
 * The firewall sits between the two endpoints and sees both directions, so it
 * follows the handshake and the close from the flags and, as conntrack does
 * after Guido van Rooij's "Real Stateful TCP Packet Filtering in IP Filter",
 * checks every segment against the windows the endpoints advertised, so that
 * a blind attacker cannot reset or inject into a connection it does not see.
 * Where this differs from nf_conntrack_proto_tcp.c:
 *
 * - No per-side maximum window (td_maxwin): the lower bounds use the largest
 *   window the receiver could advertise with its scale. Never stricter than
 *   the endpoint; looser than conntrack by at most that window.
 * - No SACK blocks: the caller would have to parse them on every packet, and
 *   a SACK edge above the cumulative ACK only matters for conntrack's "ACK is
 *   over upper bound" check of data we have seen anyway.
 * - No "be liberal" escape: out-of-window segments are always INVALID, and so
 *   are the ones conntrack merely ignores (old duplicates beneath the window,
 *   ACKs far behind): they carry nothing the endpoints still need.
 * - No resynchronisation from an ignored SYN (last_seq/last_end & co): a SYN
 *   on a live connection is passed to the endpoint, whose challenge ACK and
 *   the originator's RST close the stale flow; the retransmitted SYN then
 *   reopens it. The only remembered value is that challenge ACK's ack number
 *   while in SYN_SENT (FW443_TCP_TRACK_CHALLENGED).
 * - No retransmission counting or UNACK/RETRANS timeouts: the state machine
 *   does not keep time; fw443_tcp_default_timeouts[] is per state only.
 * - Stricter close: CLOSE_WAIT and TIME_WAIT need the FIN to be acknowledged
 *   exactly (ack == end of the FIN), and a side sends nothing beyond its FIN.
 * - The responder may not reopen a TIME_WAIT flow with its own SYN (conntrack
 *   lets the roles switch): the flow's key and direction belong to the
 *   caller, and an HTTPS server does not connect back to a client's port.
 * - An in-window RST closes the flow, as RFC 793 has it. An RFC 5961 endpoint
 *   that only answers it with a challenge ACK keeps the connection, and the
 *   flow lives on in CLOSE as long as valid segments refresh it.
 */
#include "pure.h"
#include "tcp_state.h"

#define OPT_EOL		0
#define OPT_NOP		1
#define OPT_WINDOW	3
#define OPTLEN_WINDOW	3

/* The largest window field, as on the wire. */
#define MAX_RAW_WINDOW	65535U
/* Nothing longer fits in any window: 65535 << 14. */
#define MAX_SEGMENT	(MAX_RAW_WINDOW << FW443_TCP_MAX_WSCALE)

#define MINUTE	60
#define DAY	(24 * 60 * MINUTE)

const u32 fw443_tcp_default_timeouts[FW443_TCP_STATE_COUNT] = {
	[FW443_TCP_NONE]	= 0,	/* never held by a live flow */
	[FW443_TCP_SYN_SENT]	= 2 * MINUTE,
	[FW443_TCP_SYN_SENT2]	= 2 * MINUTE,
	[FW443_TCP_SYN_RECV]	= 60,
	[FW443_TCP_ESTABLISHED]	= 5 * DAY,
	[FW443_TCP_FIN_WAIT]	= 2 * MINUTE,
	[FW443_TCP_CLOSE_WAIT]	= 60,
	[FW443_TCP_LAST_ACK]	= 30,
	[FW443_TCP_TIME_WAIT]	= 2 * MINUTE,
	[FW443_TCP_CLOSE]	= 10,
};

static const char *const fw443_tcp_state_names[FW443_TCP_STATE_COUNT] = {
	[FW443_TCP_NONE]	= "none",
	[FW443_TCP_SYN_SENT]	= "syn_sent",
	[FW443_TCP_SYN_SENT2]	= "syn_sent2",
	[FW443_TCP_SYN_RECV]	= "syn_recv",
	[FW443_TCP_ESTABLISHED]	= "established",
	[FW443_TCP_FIN_WAIT]	= "fin_wait",
	[FW443_TCP_CLOSE_WAIT]	= "close_wait",
	[FW443_TCP_LAST_ACK]	= "last_ack",
	[FW443_TCP_TIME_WAIT]	= "time_wait",
	[FW443_TCP_CLOSE]	= "close",
};

_Static_assert(sizeof(struct fw443_tcp_track) <= 24,
	       "the flow entry budget allows 24 bytes of TCP tracking");

const char *fw443_tcp_state_name(enum fw443_tcp_state state)
{
	if ((unsigned int)state >= FW443_TCP_STATE_COUNT)
		return "unknown";
	return fw443_tcp_state_names[state];
}

int fw443_tcp_state_parse(const char *name)
{
	int i;

	for (i = 0; i < FW443_TCP_STATE_COUNT; i++)
		if (!strcmp(name, fw443_tcp_state_names[i]))
			return i;
	return -EINVAL;
}

/*
 * Each pass consumes at least one byte and len is clipped, so at most
 * FW443_TCP_MAX_OPTLEN passes whatever the bytes say. As in tcp_input.c, a
 * malformed length ends the parse rather than being guessed around.
 */
u8 fw443_tcp_parse_wscale(const u8 *opt, unsigned int len)
{
	unsigned int i = 0;

	if (len > FW443_TCP_MAX_OPTLEN)
		len = FW443_TCP_MAX_OPTLEN;
	while (i < len) {
		u8 kind = opt[i], olen;

		if (kind == OPT_EOL)
			break;
		if (kind == OPT_NOP) {
			i++;
			continue;
		}
		if (len - i < 2)
			break;
		olen = opt[i + 1];
		if (olen < 2 || olen > len - i)
			break;
		if (kind == OPT_WINDOW && olen == OPTLEN_WINDOW)
			return opt[i + 2] > FW443_TCP_MAX_WSCALE ?
			       FW443_TCP_MAX_WSCALE : opt[i + 2];
		i += olen;
	}
	return FW443_TCP_WSCALE_NONE;
}

/* RFC 1982 serial arithmetic on 32-bit sequence numbers. */
static bool seq_before(u32 a, u32 b)
{
	return (s32)(a - b) < 0;
}

static bool seq_after(u32 a, u32 b)
{
	return seq_before(b, a);
}

enum fw443_tcp_class {
	CLASS_INVALID,
	CLASS_SYN,
	CLASS_SYNACK,
	CLASS_RST,
	CLASS_SEGMENT,	/* ACK, maybe FIN, maybe data */
};

/*
 * PSH, URG, ECE and CWR never matter. Everything but SYN and RST needs ACK
 * (RFC 793: every segment after the SYN carries one); SYN+FIN, SYN+RST and
 * no flag at all are scans or garbage.
 */
static enum fw443_tcp_class classify(const struct fw443_tcp_pkt *pkt)
{
	if (pkt->len > MAX_SEGMENT)
		return CLASS_INVALID;
	switch (pkt->flags & (FW443_TCP_FIN | FW443_TCP_SYN | FW443_TCP_RST |
			      FW443_TCP_ACK)) {
	case FW443_TCP_SYN:
		return CLASS_SYN;
	case FW443_TCP_SYN | FW443_TCP_ACK:
		return CLASS_SYNACK;
	case FW443_TCP_RST:
	case FW443_TCP_RST | FW443_TCP_ACK:
		return CLASS_RST;
	case FW443_TCP_ACK:
	case FW443_TCP_FIN | FW443_TCP_ACK:
		return CLASS_SEGMENT;
	default:
		return CLASS_INVALID;
	}
}

static u32 wscale_of(const struct fw443_tcp_track *t, int d)
{
	return t->wscale[d] == FW443_TCP_WSCALE_NONE ? 0 : t->wscale[d];
}

/* The largest window side d can ever advertise. */
static u32 max_window(const struct fw443_tcp_track *t, int d)
{
	return MAX_RAW_WINDOW << wscale_of(t, d);
}

/*
 * The highest sequence number d may send. Before d's SYN is acknowledged
 * only the peer's SYN window (unscaled, at most 65535) limits it.
 */
static u32 right_edge(const struct fw443_tcp_track *t, int d)
{
	if (t->side[d] & FW443_TCP_SIDE_SYN_ACKED)
		return t->maxend[d];
	return t->maxend[d] + MAX_RAW_WINDOW;
}

/* While d's SYN is unacknowledged, maxend[d] holds its ISN + 1. */
static bool acks_syn(const struct fw443_tcp_track *t, int d, u32 ack)
{
	return !seq_before(ack, t->maxend[d]) && !seq_after(ack, t->end[d]);
}

static bool both_seen(const struct fw443_tcp_track *t)
{
	return t->side[0] & t->side[1] & FW443_TCP_SIDE_SEEN;
}

/*
 * Conntrack's four bounds for a segment [seq, end) from s, with ack:
 * I   seq <= what the receiver allowed, or for a segment without payload
 *     <= what s already sent: after a FIN or a segment that ended past the
 *     window, the next ACK sits past the window and exposes nothing new;
 * II  end >= the lowest the receiver can still be waiting for (keepalives
 *     sit one below it);
 * III ack <= what the receiver has sent;
 * IV  ack >= what the receiver has sent less the largest window s can have.
 * Until both sides are seen (a picked-up flow) only I holds: the unseen
 * side's sequence space is learned from the ACKs that follow.
 */
static bool in_window(const struct fw443_tcp_track *t, int s,
		      const struct fw443_tcp_pkt *pkt, u32 end)
{
	int r = !s;
	u32 hi = right_edge(t, s);

	if (seq_after(pkt->seq, hi) &&
	    (pkt->len || seq_after(pkt->seq, t->end[s])))
		return false;
	if (!both_seen(t))
		return true;
	if (seq_before(end, hi - max_window(t, r) - 1))
		return false;
	return !seq_after(pkt->ack_seq, t->end[r]) &&
	       !seq_before(pkt->ack_seq, t->end[r] - max_window(t, s) - 1);
}

/*
 * A RST must land in the receiver's window. The receiver's next expected
 * byte lies between the right edge it advertised less its largest possible
 * window and that edge.
 */
static bool rst_in_window(const struct fw443_tcp_track *t, int s, u32 seq)
{
	u32 hi = right_edge(t, s);

	return !seq_after(seq, hi) && !seq_before(seq, hi - max_window(t, !s));
}

static u8 clamp_wscale(u8 wscale)
{
	if (wscale == FW443_TCP_WSCALE_NONE)
		return wscale;
	return wscale > FW443_TCP_MAX_WSCALE ? FW443_TCP_MAX_WSCALE : wscale;
}

/* Starts side d's sequence space from its SYN. */
static void init_side(struct fw443_tcp_track *t, int d,
		      const struct fw443_tcp_pkt *pkt)
{
	t->end[d] = pkt->seq + 1 + pkt->len;
	t->maxend[d] = pkt->seq + 1;
	t->wscale[d] = clamp_wscale(pkt->wscale);
	t->side[d] = FW443_TCP_SIDE_SEEN;
	if (d == FW443_TCP_REPLY) {
		/* RFC 7323: scaling needs the option from both sides. */
		if (t->wscale[0] == FW443_TCP_WSCALE_NONE ||
		    t->wscale[1] == FW443_TCP_WSCALE_NONE)
			t->wscale[0] = t->wscale[1] = 0;
		t->flags &= ~FW443_TCP_TRACK_CHALLENGED;
	}
}

/* A SYN from d with the ISN we already track. */
static bool syn_retransmit(const struct fw443_tcp_track *t, int d, u32 seq)
{
	if (!(t->side[d] & FW443_TCP_SIDE_SYN_ACKED))
		return seq + 1 == t->maxend[d];
	/*
	 * The ISN is gone; end[d] still ends the SYN and its data (TFO), which
	 * a SYN, retransmitted with or without them, cannot pass.
	 */
	return !seq_after(seq + 1, t->end[d]) &&
	       !seq_before(seq + 1, t->end[d] - MAX_RAW_WINDOW);
}

static u8 derive_state(const struct fw443_tcp_track *t)
{
	u8 a = t->side[0], b = t->side[1];
	int fins = !!(a & FW443_TCP_SIDE_FIN) + !!(b & FW443_TCP_SIDE_FIN);
	int acked = !!(a & FW443_TCP_SIDE_FIN_ACKED) +
		    !!(b & FW443_TCP_SIDE_FIN_ACKED);

	if (fins == 2)
		return acked == 2 ? FW443_TCP_TIME_WAIT : FW443_TCP_LAST_ACK;
	if (fins == 1)
		return acked ? FW443_TCP_CLOSE_WAIT : FW443_TCP_FIN_WAIT;
	if (a & b & FW443_TCP_SIDE_SYN_ACKED)
		return FW443_TCP_ESTABLISHED;
	return FW443_TCP_SYN_RECV;
}

/* Learns from an accepted segment [seq, end) from s. */
static void update(struct fw443_tcp_track *t, int s,
		   const struct fw443_tcp_pkt *pkt, u32 end)
{
	int r = !s;
	u32 ack = pkt->ack_seq, edge;
	bool learning = !both_seen(t);

	if (seq_after(end, t->end[s]))
		t->end[s] = end;
	/* Windows in SYNs are never scaled (RFC 7323 section 2.2). */
	edge = ack + ((u32)pkt->window <<
		      (pkt->flags & FW443_TCP_SYN ? 0 : wscale_of(t, s)));
	if (learning && seq_after(ack, t->end[r]))
		t->end[r] = ack;
	if (!(t->side[r] & FW443_TCP_SIDE_SYN_ACKED) ||
	    !(t->side[s] & FW443_TCP_SIDE_SEEN)) {
		/* The first real window, or the first one s grants. */
		t->maxend[r] = edge;
		t->side[r] |= FW443_TCP_SIDE_SYN_ACKED;
	} else if (seq_after(edge, t->maxend[r])) {
		t->maxend[r] = edge;
	}
	if ((t->side[r] & FW443_TCP_SIDE_FIN) && ack == t->end[r])
		t->side[r] |= FW443_TCP_SIDE_FIN_ACKED;
	if (pkt->flags & FW443_TCP_FIN)
		t->side[s] |= FW443_TCP_SIDE_FIN;
	t->side[s] |= FW443_TCP_SIDE_SEEN;
}

/* SYN-ACKs after the first, ACKs, FINs and data. */
static enum fw443_tcp_verdict track_segment(struct fw443_tcp_track *t, int s,
					    const struct fw443_tcp_pkt *pkt)
{
	bool syn = pkt->flags & FW443_TCP_SYN, fin = pkt->flags & FW443_TCP_FIN;
	u32 end = pkt->seq + pkt->len + syn + fin;
	int r = !s;

	if (syn) {
		if (s == FW443_TCP_ORIGINAL &&
		    !(t->flags & FW443_TCP_TRACK_SIMOPEN))
			return FW443_TCP_INVALID;
		if (t->side[r] & FW443_TCP_SIDE_SYN_ACKED) {
			/* A late copy: harmless if it brings nothing new. */
			if (seq_after(end, t->end[s]) || !in_window(t, s, pkt, end))
				return FW443_TCP_INVALID;
			return FW443_TCP_IGNORE;
		}
		if (!(t->side[s] & FW443_TCP_SIDE_SYN_ACKED) &&
		    pkt->seq + 1 != t->maxend[s])
			return FW443_TCP_INVALID;
	} else if (t->state == FW443_TCP_SYN_SENT2) {
		/* Simultaneous open answers a SYN with a SYN-ACK only. */
		return FW443_TCP_INVALID;
	}

	if (!(t->side[r] & FW443_TCP_SIDE_SYN_ACKED) &&
	    !acks_syn(t, r, pkt->ack_seq))
		return FW443_TCP_INVALID;
	if (!in_window(t, s, pkt, end))
		return FW443_TCP_INVALID;
	/* Nothing follows a FIN, and a FIN follows everything. */
	if ((t->side[s] & FW443_TCP_SIDE_FIN) && seq_after(end, t->end[s]))
		return FW443_TCP_INVALID;
	if (fin && seq_before(end, t->end[s]))
		return FW443_TCP_INVALID;

	update(t, s, pkt, end);
	if (t->state != FW443_TCP_CLOSE)
		t->state = derive_state(t);
	return FW443_TCP_VALID;
}

static enum fw443_tcp_verdict track_syn(struct fw443_tcp_track *t, int s,
					const struct fw443_tcp_pkt *pkt)
{
	bool simopen = t->flags & FW443_TCP_TRACK_SIMOPEN;

	if (s == FW443_TCP_REPLY) {
		if (t->state == FW443_TCP_SYN_SENT) {
			init_side(t, s, pkt);
			t->flags |= FW443_TCP_TRACK_SIMOPEN;
			t->state = FW443_TCP_SYN_SENT2;
			return FW443_TCP_VALID;
		}
		if (simopen && t->state <= FW443_TCP_SYN_RECV &&
		    syn_retransmit(t, s, pkt->seq))
			return FW443_TCP_IGNORE;
		return FW443_TCP_INVALID;
	}

	switch (t->state) {
	case FW443_TCP_SYN_SENT:
	case FW443_TCP_SYN_SENT2:
	case FW443_TCP_SYN_RECV:
		if (syn_retransmit(t, s, pkt->seq))
			return FW443_TCP_IGNORE;
		/*
		 * RFC 793: a restarted TCP "must only be sure to use sequence
		 * numbers larger than those recently used": the originator
		 * gave up on this handshake and started another.
		 */
		if (!simopen && seq_after(pkt->seq + 1, t->end[s]))
			return fw443_tcp_new(t, pkt);
		return FW443_TCP_INVALID;
	case FW443_TCP_TIME_WAIT:
	case FW443_TCP_CLOSE:
		/* RFC 1122 4.2.2.13: a SYN may reopen from TIME-WAIT. */
		return fw443_tcp_new(t, pkt);
	default:
		/*
		 * A SYN on a live connection is for the endpoint to judge: an
		 * RFC 5961 stack answers it with a challenge ACK, and if the
		 * originator really restarted, its RST closes this flow. Any
		 * sequence number is let through, since a restarted client
		 * picks a fresh ISN we cannot check.
		 */
		return FW443_TCP_IGNORE;
	}
}

static enum fw443_tcp_verdict track_rst(struct fw443_tcp_track *t, int s,
					const struct fw443_tcp_pkt *pkt)
{
	bool ok;

	if (t->state != FW443_TCP_SYN_SENT)
		ok = rst_in_window(t, s, pkt->seq);
	else if (s == FW443_TCP_REPLY)
		/* RFC 793: in SYN-SENT a RST counts only if it ACKs the SYN. */
		ok = (pkt->flags & FW443_TCP_ACK) &&
		     acks_syn(t, FW443_TCP_ORIGINAL, pkt->ack_seq);
	else
		/* Our own next sequence number, or the answer to a challenge. */
		ok = pkt->seq == t->end[s] ||
		     ((t->flags & FW443_TCP_TRACK_CHALLENGED) &&
		      pkt->seq == t->end[FW443_TCP_REPLY]);
	if (!ok)
		return FW443_TCP_INVALID;
	t->state = FW443_TCP_CLOSE;
	return FW443_TCP_VALID;
}

enum fw443_tcp_verdict fw443_tcp_new(struct fw443_tcp_track *t,
				     const struct fw443_tcp_pkt *pkt)
{
	if (classify(pkt) != CLASS_SYN)
		return FW443_TCP_INVALID;
	memset(t, 0, sizeof(*t));
	t->wscale[FW443_TCP_REPLY] = FW443_TCP_WSCALE_NONE;
	init_side(t, FW443_TCP_ORIGINAL, pkt);
	t->state = FW443_TCP_SYN_SENT;
	return FW443_TCP_VALID;
}

/*
 * The handshake and its window scale options were missed, so both sides are
 * assumed to scale by the maximum: windows are overestimated (never a valid
 * segment dropped) and the bounds stay finite. The sender's own right edge is
 * a guess until the other side's first ACK replaces it; until then, as in
 * in_window(), only the upper bounds apply.
 */
enum fw443_tcp_verdict fw443_tcp_pickup(struct fw443_tcp_track *t,
					enum fw443_tcp_dir dir,
					const struct fw443_tcp_pkt *pkt)
{
	int s = dir, r = !dir;

	if ((pkt->flags & FW443_TCP_FIN) || classify(pkt) != CLASS_SEGMENT)
		return FW443_TCP_INVALID;
	memset(t, 0, sizeof(*t));
	t->wscale[0] = t->wscale[1] = FW443_TCP_MAX_WSCALE;
	t->end[s] = pkt->seq + pkt->len;
	t->maxend[s] = t->end[s] + max_window(t, r);
	t->end[r] = pkt->ack_seq;
	t->maxend[r] = pkt->ack_seq +
		       ((u32)pkt->window << FW443_TCP_MAX_WSCALE);
	t->side[s] = FW443_TCP_SIDE_SEEN | FW443_TCP_SIDE_SYN_ACKED;
	t->side[r] = FW443_TCP_SIDE_SYN_ACKED;
	t->flags = FW443_TCP_TRACK_PICKUP;
	t->state = FW443_TCP_ESTABLISHED;
	return FW443_TCP_VALID;
}

enum fw443_tcp_verdict fw443_tcp_track(struct fw443_tcp_track *t,
				       enum fw443_tcp_dir dir,
				       const struct fw443_tcp_pkt *pkt)
{
	enum fw443_tcp_verdict verdict;
	struct fw443_tcp_track next;
	int s = dir;

	if (t->state == FW443_TCP_NONE || t->state >= FW443_TCP_STATE_COUNT ||
	    (unsigned int)dir > FW443_TCP_REPLY)
		return FW443_TCP_INVALID;

	switch (classify(pkt)) {
	case CLASS_SYN:
		return track_syn(t, s, pkt);
	case CLASS_RST:
		return track_rst(t, s, pkt);
	case CLASS_SYNACK:
		if (t->state != FW443_TCP_SYN_SENT)
			return track_segment(t, s, pkt);
		if (s != FW443_TCP_REPLY ||
		    !acks_syn(t, FW443_TCP_ORIGINAL, pkt->ack_seq))
			return FW443_TCP_INVALID;
		/* On a copy: an INVALID verdict leaves t as it was. */
		next = *t;
		init_side(&next, s, pkt);
		verdict = track_segment(&next, s, pkt);
		if (verdict == FW443_TCP_VALID)
			*t = next;
		return verdict;
	case CLASS_SEGMENT:
		if (t->state != FW443_TCP_SYN_SENT)
			return track_segment(t, s, pkt);
		/*
		 * The originator has nothing to ACK yet. A bare ACK from the
		 * responder answers our SYN from an older connection the
		 * responder still holds (RFC 5961 4): let it reach the
		 * originator, whose RST will carry its ack number.
		 */
		if (s != FW443_TCP_REPLY || (pkt->flags & FW443_TCP_FIN))
			return FW443_TCP_INVALID;
		t->end[FW443_TCP_REPLY] = pkt->ack_seq;
		t->flags |= FW443_TCP_TRACK_CHALLENGED;
		return FW443_TCP_IGNORE;
	default:
		return FW443_TCP_INVALID;
	}
}
