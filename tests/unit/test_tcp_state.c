// SPDX-License-Identifier: GPL-2.0
/*
 * kmod/tcp_state.c: scripted packet sequences for every transition, random
 * valid conversations that must pass whole, random injections that must not
 * pass outside the window, and random option bytes for the option parser.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kselftest_harness.h"
#include "tcp_state.h"

#define O	FW443_TCP_ORIGINAL
#define R	FW443_TCP_REPLY
#define SYN	FW443_TCP_SYN
#define ACK	FW443_TCP_ACK
#define FIN	FW443_TCP_FIN
#define RST	FW443_TCP_RST
#define PSH	0x08
#define URG	0x20
#define NOWS	FW443_TCP_WSCALE_NONE

#define VALID	FW443_TCP_VALID
#define IGNORE	FW443_TCP_IGNORE
#define INVALID	FW443_TCP_INVALID

#define NONE	FW443_TCP_NONE
#define SS	FW443_TCP_SYN_SENT
#define S2	FW443_TCP_SYN_SENT2
#define SR	FW443_TCP_SYN_RECV
#define ES	FW443_TCP_ESTABLISHED
#define FW	FW443_TCP_FIN_WAIT
#define CW	FW443_TCP_CLOSE_WAIT
#define LA	FW443_TCP_LAST_ACK
#define TW	FW443_TCP_TIME_WAIT
#define CL	FW443_TCP_CLOSE

/* ISNs just below 2^32: every script crosses the wrap. */
#define C	0xfffffff0u	/* client ISN */
#define S	0xffffff00u	/* server ISN */

enum op { TRACK, NEW, PICKUP };

struct step {
	enum op op;
	int dir;
	uint8_t flags;
	uint32_t seq, ack;
	uint16_t win;
	uint32_t len;
	uint8_t wscale;
	enum fw443_tcp_verdict verdict;
	enum fw443_tcp_state state;
};

/* Packets of a script; SYNs name their window scale option. */
#define P(d, f, s, a, w, l, v, st)	{ TRACK, d, f, s, a, w, l, NOWS, v, st }
#define PW(d, f, s, a, w, ws, v, st)	{ TRACK, d, f, s, a, w, 0, ws, v, st }

/* Handshake without window scaling: windows are what is on the wire. */
#define HANDSHAKE \
	{ NEW, O, SYN, C, 0, 1000, 0, NOWS, VALID, SS }, \
	PW(R, SYN | ACK, S, C + 1, 2000, NOWS, VALID, SR), \
	P(O, ACK, C + 1, S + 1, 1000, 0, VALID, ES)

static struct fw443_tcp_pkt pkt_of(const struct step *st)
{
	struct fw443_tcp_pkt pkt = {
		.seq = st->seq, .ack_seq = st->ack, .len = st->len,
		.window = st->win, .flags = st->flags, .wscale = st->wscale,
	};

	return pkt;
}

static void play(struct __test_metadata *_metadata, struct fw443_tcp_track *t,
		 const struct step *steps, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct step *st = &steps[i];
		struct fw443_tcp_pkt pkt = pkt_of(st);
		struct fw443_tcp_track before = *t;
		enum fw443_tcp_verdict v;

		if (st->op == NEW)
			v = fw443_tcp_new(t, &pkt);
		else if (st->op == PICKUP)
			v = fw443_tcp_pickup(t, st->dir, &pkt);
		else
			v = fw443_tcp_track(t, st->dir, &pkt);
		ASSERT_EQ(st->verdict, v) TH_LOG("step %zu: verdict", i);
		ASSERT_EQ(st->state, t->state)
			TH_LOG("step %zu: state %s", i,
			       fw443_tcp_state_name(t->state));
		if (v == INVALID)
			ASSERT_EQ(0, memcmp(&before, t, sizeof(*t)))
				TH_LOG("step %zu: INVALID changed the tracker", i);
	}
}

#define PLAY(...) do { \
	const struct step steps[] = { __VA_ARGS__ }; \
	struct fw443_tcp_track t = { 0 }; \
	play(_metadata, &t, steps, ARRAY_SIZE(steps)); \
} while (0)

TEST(fits_the_flow_entry)
{
	EXPECT_GE(24, sizeof(struct fw443_tcp_track));
}

TEST(names_and_timeouts)
{
	int i;

	EXPECT_STREQ("established", fw443_tcp_state_name(FW443_TCP_ESTABLISHED));
	EXPECT_STREQ("syn_sent2", fw443_tcp_state_name(FW443_TCP_SYN_SENT2));
	EXPECT_STREQ("unknown", fw443_tcp_state_name(FW443_TCP_STATE_COUNT));
	for (i = 0; i < FW443_TCP_STATE_COUNT; i++)
		EXPECT_EQ(i, fw443_tcp_state_parse(fw443_tcp_state_name(i)));
	EXPECT_EQ(-EINVAL, fw443_tcp_state_parse("ESTABLISHED"));
	EXPECT_EQ(-EINVAL, fw443_tcp_state_parse(""));

	EXPECT_EQ(120, fw443_tcp_default_timeouts[FW443_TCP_SYN_SENT]);
	EXPECT_EQ(60, fw443_tcp_default_timeouts[FW443_TCP_SYN_RECV]);
	EXPECT_EQ(432000, fw443_tcp_default_timeouts[FW443_TCP_ESTABLISHED]);
	EXPECT_EQ(120, fw443_tcp_default_timeouts[FW443_TCP_FIN_WAIT]);
	EXPECT_EQ(60, fw443_tcp_default_timeouts[FW443_TCP_CLOSE_WAIT]);
	EXPECT_EQ(30, fw443_tcp_default_timeouts[FW443_TCP_LAST_ACK]);
	EXPECT_EQ(120, fw443_tcp_default_timeouts[FW443_TCP_TIME_WAIT]);
	EXPECT_EQ(10, fw443_tcp_default_timeouts[FW443_TCP_CLOSE]);
	for (i = FW443_TCP_SYN_SENT; i < FW443_TCP_STATE_COUNT; i++)
		EXPECT_LT(0, fw443_tcp_default_timeouts[i]);
}

TEST(handshake_and_data_across_the_wrap)
{
	PLAY(HANDSHAKE,
	     P(O, ACK | PSH, C + 1, S + 1, 1000, 500, VALID, ES),
	     P(R, ACK, S + 1, C + 501, 2000, 1000, VALID, ES),
	     P(O, ACK, C + 501, S + 1001, 1000, 1500, VALID, ES),
	     /* the server's window was 2000 from C + 501 */
	     P(O, ACK, C + 2001, S + 1001, 1000, 600, VALID, ES),
	     P(O, ACK, C + 2602, S + 1001, 1000, 10, INVALID, ES),
	     P(R, ACK, S + 1001, C + 2601, 2000, 0, VALID, ES),
	     P(O, ACK, C + 2602, S + 1001, 1000, 10, VALID, ES),
	     /* an ACK for data never sent */
	     P(R, ACK, S + 1001, C + 3000, 2000, 0, INVALID, ES),
	     /* a retransmission of acknowledged data, still near */
	     P(O, ACK, C + 1, S + 1001, 1000, 500, VALID, ES),
	     /* keepalive: one below the next sequence number */
	     P(O, ACK, C + 2611, S + 1001, 1000, 0, VALID, ES),
	     /* data far ahead and far behind */
	     P(O, ACK, C + 0x10000000, S + 1001, 1000, 10, INVALID, ES),
	     P(O, ACK, C - 0x10000000, S + 1001, 1000, 10, INVALID, ES),
	     /* an ACK far behind */
	     P(O, ACK, C + 2612, S - 0x100000, 1000, 0, INVALID, ES));
}

TEST(retransmitted_syn_and_synack)
{
	PLAY({ NEW, O, SYN, C, 0, 1000, 0, NOWS, VALID, SS },
	     PW(O, SYN, C, 0, 1000, NOWS, IGNORE, SS),
	     PW(R, SYN | ACK, S, C + 1, 2000, NOWS, VALID, SR),
	     PW(O, SYN, C, 0, 1000, NOWS, IGNORE, SR),
	     PW(R, SYN | ACK, S, C + 1, 2000, NOWS, IGNORE, SR),
	     /* not the ISN the server chose */
	     PW(R, SYN | ACK, S + 5000, C + 1, 2000, NOWS, INVALID, SR),
	     /* a SYN-ACK from the client */
	     PW(O, SYN | ACK, C, S + 1, 2000, NOWS, INVALID, SR),
	     P(O, ACK, C + 1, S + 1, 1000, 0, VALID, ES),
	     PW(R, SYN | ACK, S, C + 1, 2000, NOWS, IGNORE, ES));
}

TEST(handshake_out_of_order_is_invalid)
{
	PLAY({ NEW, O, SYN, C, 0, 1000, 0, NOWS, VALID, SS },
	     /* nothing to ACK yet, and no FIN before the handshake */
	     P(O, ACK, C + 1, S + 1, 1000, 0, INVALID, SS),
	     P(O, FIN | ACK, C + 1, S + 1, 1000, 0, INVALID, SS),
	     P(R, FIN | ACK, S + 1, C + 1, 1000, 0, INVALID, SS),
	     PW(O, SYN | ACK, C, S + 1, 1000, NOWS, INVALID, SS),
	     /* a SYN-ACK must acknowledge exactly the SYN */
	     PW(R, SYN | ACK, S, C, 2000, NOWS, INVALID, SS),
	     PW(R, SYN | ACK, S, C + 2, 2000, NOWS, INVALID, SS),
	     PW(R, SYN | ACK, S, C + 1, 2000, NOWS, VALID, SR),
	     /* the final ACK must acknowledge the SYN-ACK */
	     P(O, ACK, C + 1, S, 1000, 0, INVALID, SR),
	     P(O, ACK, C + 1, S + 2, 1000, 0, INVALID, SR),
	     /* the server may ACK again (our SYN was retransmitted) */
	     P(R, ACK, S + 1, C + 1, 2000, 0, VALID, SR),
	     P(O, ACK, C + 1, S + 1, 1000, 0, VALID, ES));
}

TEST(restarted_handshake)
{
	PLAY({ NEW, O, SYN, C, 0, 1000, 0, NOWS, VALID, SS },
	     /* an older ISN is no restart */
	     PW(O, SYN, C - 100000, 0, 1000, NOWS, INVALID, SS),
	     PW(O, SYN, C + 100000, 0, 1000, NOWS, VALID, SS),
	     PW(R, SYN | ACK, S, C + 1, 2000, NOWS, INVALID, SS),
	     PW(R, SYN | ACK, S, C + 100001, 2000, NOWS, VALID, SR),
	     PW(O, SYN, C + 200000, 0, 1000, NOWS, VALID, SS),
	     PW(R, SYN | ACK, S, C + 200001, 2000, NOWS, VALID, SR),
	     P(O, ACK, C + 200001, S + 1, 1000, 0, VALID, ES));
}

TEST(simultaneous_open)
{
	PLAY({ NEW, O, SYN, C, 0, 1000, 0, 2, VALID, SS },
	     PW(R, SYN, S, 0, 2000, 3, VALID, S2),
	     PW(R, SYN, S, 0, 2000, 3, IGNORE, S2),
	     PW(O, SYN, C, 0, 1000, 2, IGNORE, S2),
	     PW(R, SYN, S + 7, 0, 2000, 3, INVALID, S2),
	     P(O, ACK, C + 1, S + 1, 1000, 0, INVALID, S2),
	     /* each SYN-ACK repeats its side's ISN and ACKs the other SYN */
	     PW(O, SYN | ACK, C, S + 2, 1000, 2, INVALID, S2),
	     PW(O, SYN | ACK, C + 1, S + 1, 1000, 2, INVALID, S2),
	     PW(O, SYN | ACK, C, S + 1, 1000, 2, VALID, SR),
	     PW(O, SYN | ACK, C, S + 1, 1000, 2, IGNORE, SR),
	     PW(R, SYN | ACK, S, C + 1, 2000, 3, VALID, ES),
	     /* from now on scaled: 1000 << 2 and 500 << 3 */
	     P(O, ACK, C + 1, S + 1, 1000, 0, VALID, ES),
	     P(R, ACK, S + 4001, C + 1, 500, 10, VALID, ES),
	     P(R, ACK, S + 4011, C + 1, 500, 10, INVALID, ES),
	     P(O, ACK, C + 4001, S + 4011, 1000, 1, VALID, ES),
	     P(O, ACK, C + 4002, S + 4011, 1000, 1, INVALID, ES));
}

TEST(close_client_first)
{
	PLAY(HANDSHAKE,
	     P(O, ACK, C + 1, S + 1, 1000, 100, VALID, ES),
	     P(O, FIN | ACK, C + 101, S + 1, 1000, 0, VALID, FW),
	     /* nothing after the FIN; a FIN before data already sent */
	     P(O, ACK, C + 102, S + 1, 1000, 5, INVALID, FW),
	     P(O, FIN | ACK, C + 50, S + 1, 1000, 0, INVALID, FW),
	     /* an ACK short of the FIN does not acknowledge it */
	     P(R, ACK, S + 1, C + 101, 2000, 0, VALID, FW),
	     P(O, FIN | ACK, C + 101, S + 1, 1000, 0, VALID, FW),
	     P(R, ACK, S + 1, C + 102, 2000, 0, VALID, CW),
	     /* half-closed: the server still sends */
	     P(R, ACK, S + 1, C + 102, 2000, 300, VALID, CW),
	     P(O, ACK, C + 102, S + 301, 1000, 0, VALID, CW),
	     P(R, FIN | ACK, S + 301, C + 102, 2000, 0, VALID, LA),
	     P(R, FIN | ACK, S + 301, C + 102, 2000, 0, VALID, LA),
	     P(O, ACK, C + 102, S + 301, 1000, 0, VALID, LA),
	     P(O, ACK, C + 102, S + 302, 1000, 0, VALID, TW),
	     P(O, ACK, C + 102, S + 302, 1000, 0, VALID, TW));
}

TEST(close_server_first_and_simultaneous_close)
{
	PLAY(HANDSHAKE,
	     P(R, FIN | ACK, S + 1, C + 1, 2000, 10, VALID, FW),
	     P(O, FIN | ACK, C + 1, S + 12, 1000, 0, VALID, LA),
	     P(R, ACK, S + 12, C + 2, 2000, 0, VALID, TW));
	PLAY(HANDSHAKE,
	     P(O, FIN | ACK, C + 1, S + 1, 1000, 0, VALID, FW),
	     P(R, FIN | ACK, S + 1, C + 1, 2000, 0, VALID, LA),
	     P(O, ACK, C + 2, S + 2, 1000, 0, VALID, LA),
	     P(R, ACK, S + 2, C + 2, 2000, 0, VALID, TW));
}

TEST(rst)
{
	PLAY(HANDSHAKE,
	     P(O, RST, C + 0x1000000, 0, 0, 0, INVALID, ES),
	     P(O, RST, C - 0x1000000, 0, 0, 0, INVALID, ES),
	     /* beyond the window the server granted: 2000 from C + 1 */
	     P(O, RST, C + 2002, 0, 0, 0, INVALID, ES),
	     P(R, RST | ACK, S + 70000, C + 1, 0, 0, INVALID, ES),
	     P(O, RST, C + 2001, 0, 0, 0, VALID, CL),
	     P(R, RST, S + 1, 0, 0, 0, VALID, CL),
	     P(R, ACK, S + 1, C + 1, 2000, 0, VALID, CL));
	PLAY(HANDSHAKE,
	     P(R, RST | ACK, S + 1, C + 1, 0, 0, VALID, CL));
}

TEST(rst_in_syn_sent_acknowledges_the_syn)
{
	PLAY({ NEW, O, SYN, C, 0, 1000, 0, NOWS, VALID, SS },
	     P(R, RST, 0, 0, 0, 0, INVALID, SS),
	     P(R, RST | ACK, 0, C, 0, 0, INVALID, SS),
	     P(R, RST | ACK, 0, C + 2, 0, 0, INVALID, SS),
	     P(R, RST | ACK, 0, C + 1, 0, 0, VALID, CL),
	     PW(O, SYN, C, 0, 1000, NOWS, VALID, SS));
}

/* An older connection lives on in the server: its challenge ACK, our RST. */
TEST(challenge_ack_in_syn_sent)
{
	PLAY({ NEW, O, SYN, C, 0, 1000, 0, NOWS, VALID, SS },
	     P(R, ACK, S + 5555, C - 77777, 2000, 0, IGNORE, SS),
	     P(O, RST, C - 77776, 0, 0, 0, INVALID, SS),
	     P(O, RST, C - 77777, 0, 0, 0, VALID, CL),
	     PW(O, SYN, C, 0, 1000, NOWS, VALID, SS),
	     P(O, RST, C - 77777, 0, 0, 0, INVALID, SS));
}

TEST(syn_with_data)
{
	PLAY({ NEW, O, SYN, C, 0, 1000, 200, NOWS, VALID, SS },
	     PW(R, SYN | ACK, S, C + 202, 2000, NOWS, INVALID, SS),
	     PW(R, SYN | ACK, S, C + 201, 2000, NOWS, VALID, SR),
	     P(O, ACK, C + 201, S + 1, 1000, 0, VALID, ES));
	/* the server acknowledged the SYN but not its data */
	PLAY({ NEW, O, SYN, C, 0, 1000, 200, NOWS, VALID, SS },
	     PW(R, SYN | ACK, S, C + 1, 2000, NOWS, VALID, SR),
	     P(O, ACK, C + 1, S + 1, 1000, 200, VALID, ES));
}

TEST(bad_flag_combinations)
{
	PLAY({ NEW, O, SYN | FIN, C, 0, 1000, 0, NOWS, INVALID, NONE },
	     { NEW, O, SYN | RST, C, 0, 1000, 0, NOWS, INVALID, NONE },
	     { NEW, O, SYN | ACK, C, 0, 1000, 0, NOWS, INVALID, NONE },
	     { NEW, O, 0, C, 0, 1000, 0, NOWS, INVALID, NONE },
	     P(O, ACK, C, 0, 1000, 0, INVALID, NONE),
	     HANDSHAKE,
	     P(O, 0, C + 1, S + 1, 1000, 0, INVALID, ES),
	     P(O, PSH | URG, C + 1, S + 1, 1000, 0, INVALID, ES),
	     P(O, FIN, C + 1, S + 1, 1000, 0, INVALID, ES),
	     P(O, SYN | FIN, C + 1, S + 1, 1000, 0, INVALID, ES),
	     P(O, SYN | RST, C + 1, S + 1, 1000, 0, INVALID, ES),
	     P(O, SYN | FIN | ACK, C + 1, S + 1, 1000, 0, INVALID, ES),
	     P(O, RST | FIN | ACK, C + 1, S + 1, 1000, 0, INVALID, ES),
	     P(O, 0xff, C + 1, S + 1, 1000, 0, INVALID, ES),
	     P(O, ACK | PSH | URG | 0xc0, C + 1, S + 1, 1000, 1, VALID, ES),
	     /* longer than any window can be */
	     P(O, ACK, C + 2, S + 1, 1000, 0x80000000, INVALID, ES));
}

TEST(syn_on_a_live_connection_is_for_the_endpoint)
{
	PLAY(HANDSHAKE,
	     PW(O, SYN, 12345, 0, 1000, NOWS, IGNORE, ES),
	     PW(R, SYN, 12345, 0, 1000, NOWS, INVALID, ES),
	     P(O, FIN | ACK, C + 1, S + 1, 1000, 0, VALID, FW),
	     PW(O, SYN, 12345, 0, 1000, NOWS, IGNORE, FW));
}

TEST(port_reuse_reopens)
{
	PLAY(HANDSHAKE,
	     P(O, FIN | ACK, C + 1, S + 1, 1000, 0, VALID, FW),
	     P(R, FIN | ACK, S + 1, C + 2, 2000, 0, VALID, LA),
	     P(O, ACK, C + 2, S + 2, 1000, 0, VALID, TW),
	     /* the server may not turn client on this tuple */
	     PW(R, SYN, 777, 0, 2000, NOWS, INVALID, TW),
	     PW(O, SYN, 5000, 0, 3000, NOWS, VALID, SS),
	     PW(R, SYN | ACK, 9000, 5001, 4000, NOWS, VALID, SR),
	     P(O, ACK, 5001, 9001, 3000, 0, VALID, ES),
	     P(R, RST, 9001, 0, 0, 0, VALID, CL),
	     PW(R, SYN, 777, 0, 2000, NOWS, INVALID, CL),
	     PW(O, SYN, 1, 0, 3000, NOWS, VALID, SS));
}

TEST(window_scaling)
{
	/* both scale: 1000 << 7 and 2000 << 5 */
	PLAY({ NEW, O, SYN, C, 0, 1000, 0, 7, VALID, SS },
	     PW(R, SYN | ACK, S, C + 1, 2000, 5, VALID, SR),
	     P(O, ACK, C + 1, S + 1, 1000, 0, VALID, ES),
	     /* the SYN-ACK's window is not scaled: 2000 */
	     P(O, ACK, C + 2001, S + 1, 1000, 1, VALID, ES),
	     P(R, ACK, S + 1, C + 2002, 2000, 0, VALID, ES),
	     P(O, ACK, C + 2002 + 64000, S + 1, 1000, 10, VALID, ES),
	     P(R, ACK, S + 1, C + 2002 + 64010, 2000, 0, VALID, ES),
	     P(R, ACK, S + 1 + 128000, C + 66012, 2000, 10, VALID, ES),
	     P(R, ACK, S + 1 + 128011, C + 66012, 2000, 10, INVALID, ES));
	/* an option on one side only: nobody scales */
	PLAY({ NEW, O, SYN, C, 0, 1000, 0, 7, VALID, SS },
	     PW(R, SYN | ACK, S, C + 1, 2000, NOWS, VALID, SR),
	     P(O, ACK, C + 1, S + 1, 1000, 0, VALID, ES),
	     P(R, ACK, S + 1002, C + 1, 2000, 10, INVALID, ES),
	     P(R, ACK, S + 1001, C + 1, 2000, 10, VALID, ES));
	/* shifts above 14 count as 14 (RFC 7323) */
	PLAY({ NEW, O, SYN, C, 0, 1000, 0, 200, VALID, SS },
	     PW(R, SYN | ACK, S, C + 1, 2000, 0, VALID, SR),
	     P(O, ACK, C + 1, S + 1, 2, 0, VALID, ES),
	     P(R, ACK, S + 32768, C + 1, 2000, 1, VALID, ES),
	     P(R, ACK, S + 32770, C + 1, 2000, 1, INVALID, ES));
}

TEST(zero_window_probe)
{
	PLAY(HANDSHAKE,
	     P(O, ACK, C + 1, S + 1, 1000, 2000, VALID, ES),
	     P(R, ACK, S + 1, C + 2001, 0, 0, VALID, ES),
	     P(O, ACK, C + 2001, S + 1, 1000, 1, VALID, ES),
	     P(O, ACK, C + 2002, S + 1, 1000, 1, INVALID, ES));
}

TEST(pickup)
{
	PLAY({ PICKUP, O, SYN, C, 0, 1000, 0, NOWS, INVALID, NONE },
	     { PICKUP, O, SYN | ACK, C, S, 1000, 0, NOWS, INVALID, NONE },
	     { PICKUP, O, RST | ACK, C, S, 1000, 0, NOWS, INVALID, NONE },
	     { PICKUP, O, FIN | ACK, C, S, 1000, 0, NOWS, INVALID, NONE },
	     { PICKUP, O, PSH, C, S, 1000, 0, NOWS, INVALID, NONE },
	     { PICKUP, R, ACK, S, C, 100, 1400, NOWS, VALID, ES },
	     /* the other side's first ACK teaches more than we saw */
	     P(O, ACK, C, S + 5000, 10, 700, VALID, ES),
	     /* now both sides are known: bounds hold */
	     P(R, ACK, S + 5000, C + 700, 100, 0, VALID, ES),
	     P(R, ACK, S + 5000, C + 70000000, 100, 0, INVALID, ES),
	     P(O, RST, C + 0x40000000, 0, 0, 0, INVALID, ES),
	     P(O, RST, C - 0x60000000, 0, 0, 0, INVALID, ES),
	     P(O, FIN | ACK, C + 700, S + 5000, 10, 0, VALID, FW),
	     P(R, FIN | ACK, S + 5000, C + 701, 100, 0, VALID, LA),
	     P(O, ACK, C + 701, S + 5001, 10, 0, VALID, TW));
}

TEST(track_needs_a_flow)
{
	PLAY(P(O, ACK, C, S, 1000, 0, INVALID, NONE),
	     PW(O, SYN, C, 0, 1000, NOWS, INVALID, NONE));
}

/* ---- random conversations ---------------------------------------------- */

#define MAX_RAW_WIN	65535u

struct ep {
	uint32_t snd_nxt;
	uint32_t snd_una;	/* highest ACK received */
	uint32_t rcv_nxt;
	uint32_t adv_edge;	/* highest ack + window this side sent */
	uint32_t last_ack;	/* the ACK in the last segment it sent */
	uint32_t rcvbuf;
	uint32_t fin_end;	/* 0 until it sent its FIN */
	uint8_t ws;
	bool fin;
};

struct conv {
	struct fw443_tcp_track t;
	struct ep ep[2];
	unsigned int seed;
};

static uint32_t rnd(struct conv *c)
{
	return rand_r(&c->seed) ^ ((uint32_t)rand_r(&c->seed) << 16);
}

static uint32_t rnd_upto(struct conv *c, uint32_t max)
{
	return max == UINT32_MAX ? rnd(c) : rnd(c) % (max + 1);
}

static bool seq_lt(uint32_t a, uint32_t b)
{
	return (int32_t)(a - b) < 0;
}

static uint32_t max_win(const struct ep *e)
{
	return MAX_RAW_WIN << e->ws;
}

/* A window that never moves the right edge back (RFC 7323 2.4). */
static uint16_t pick_window(struct conv *c, struct ep *e, uint32_t ack)
{
	uint32_t need = e->adv_edge - ack, lo, hi = e->rcvbuf >> e->ws;

	if (seq_lt(e->adv_edge, ack))
		need = 0;
	lo = (need + (1u << e->ws) - 1) >> e->ws;
	if (lo > hi)
		hi = lo;
	return lo + rnd_upto(c, hi - lo);
}

static void advertise(struct ep *e, uint32_t ack, uint16_t win)
{
	uint32_t edge = ack + ((uint32_t)win << e->ws);

	if (seq_lt(e->adv_edge, edge))
		e->adv_edge = edge;
	e->last_ack = ack;
}

/* One segment from side s, as a correct TCP may send it. */
static struct fw443_tcp_pkt random_segment(struct conv *c, int s)
{
	struct ep *x = &c->ep[s], *y = &c->ep[!s];
	uint32_t avail = y->adv_edge - x->snd_nxt, ack, len = 0, seq;
	struct fw443_tcp_pkt pkt = { .flags = ACK, .wscale = NOWS };
	uint32_t kind = rnd_upto(c, 9);

	if (seq_lt(y->adv_edge, x->snd_nxt))
		avail = 0;
	/* an ACK that lags (a reordered segment) or the current one */
	ack = kind == 0 ? x->last_ack : x->rcv_nxt;
	seq = x->snd_nxt;
	if (x->fin) {
		if (kind == 1) {
			pkt.flags |= FIN;
			seq = x->fin_end - 1;
		}
	} else if (kind == 2 && x->snd_una != x->snd_nxt) {
		/* retransmit from the oldest unacknowledged byte */
		seq = x->snd_una;
		len = rnd_upto(c, x->snd_nxt - x->snd_una);
	} else if (kind == 3 && x->snd_una == x->snd_nxt) {
		seq = x->snd_nxt - 1;	/* keepalive */
	} else if (kind >= 4) {
		len = rnd_upto(c, avail < 65535 ? avail : 65535);
	}
	pkt.seq = seq;
	pkt.len = len;
	pkt.ack_seq = ack;
	pkt.window = pick_window(c, x, ack);
	advertise(x, ack, pkt.window);
	if (seq_lt(x->snd_nxt, seq + len))
		x->snd_nxt = seq + len;
	y->rcv_nxt = x->snd_nxt;
	if (seq_lt(y->snd_una, ack))
		y->snd_una = ack;
	return pkt;
}

static struct fw443_tcp_pkt fin_segment(struct conv *c, int s)
{
	struct ep *x = &c->ep[s], *y = &c->ep[!s];
	struct fw443_tcp_pkt pkt = {
		.seq = x->snd_nxt, .ack_seq = x->rcv_nxt, .flags = FIN | ACK,
		.wscale = NOWS,
	};

	pkt.window = pick_window(c, x, pkt.ack_seq);
	advertise(x, pkt.ack_seq, pkt.window);
	x->snd_nxt++;
	x->fin = true;
	x->fin_end = x->snd_nxt;
	y->rcv_nxt = x->snd_nxt;
	y->snd_una = pkt.ack_seq;
	return pkt;
}

static enum fw443_tcp_state expected_state(const struct conv *c)
{
	int fins = 0, acked = 0, d;

	for (d = 0; d < 2; d++) {
		fins += c->ep[d].fin;
		acked += c->ep[d].fin && c->ep[!d].last_ack == c->ep[d].fin_end;
	}
	/* once acknowledged, a FIN stays acknowledged */
	if (fins == 2)
		return acked == 2 ? TW : LA;
	if (fins == 1)
		return acked ? CW : FW;
	return ES;
}

static void handshake(struct __test_metadata *_metadata, struct conv *c)
{
	struct ep *cl = &c->ep[O], *sv = &c->ep[R];
	uint32_t cisn = UINT32_MAX - rnd_upto(c, 3000000);
	uint32_t sisn = UINT32_MAX - rnd_upto(c, 3000000);
	uint8_t cws = rnd_upto(c, 15), sws = rnd_upto(c, 15);
	struct fw443_tcp_pkt pkt = { .flags = SYN };
	uint16_t cwin, swin;

	/* 15: no option */
	cws = cws == 15 ? NOWS : cws;
	sws = sws == 15 ? NOWS : sws;
	memset(c->ep, 0, sizeof(c->ep));
	cl->ws = cws == NOWS || sws == NOWS ? 0 : cws;
	sv->ws = cws == NOWS || sws == NOWS ? 0 : sws;
	cl->rcvbuf = 1 + rnd_upto(c, (MAX_RAW_WIN << cl->ws) - 1);
	sv->rcvbuf = 1 + rnd_upto(c, (MAX_RAW_WIN << sv->ws) - 1);
	cwin = cl->rcvbuf > MAX_RAW_WIN ? MAX_RAW_WIN : cl->rcvbuf;
	swin = sv->rcvbuf > MAX_RAW_WIN ? MAX_RAW_WIN : sv->rcvbuf;

	pkt.seq = cisn;
	pkt.window = cwin;
	pkt.wscale = cws;
	ASSERT_EQ(VALID, fw443_tcp_new(&c->t, &pkt));

	pkt = (struct fw443_tcp_pkt){ .seq = sisn, .ack_seq = cisn + 1,
		.window = swin, .flags = SYN | ACK, .wscale = sws };
	ASSERT_EQ(VALID, fw443_tcp_track(&c->t, R, &pkt));
	ASSERT_EQ(SR, c->t.state);
	sv->adv_edge = cisn + 1 + swin;
	sv->last_ack = cisn + 1;

	cl->snd_nxt = cl->snd_una = cisn + 1;
	sv->snd_nxt = sv->snd_una = sisn + 1;
	cl->rcv_nxt = sisn + 1;
	sv->rcv_nxt = cisn + 1;
	cl->adv_edge = sisn + 1;
	pkt = (struct fw443_tcp_pkt){ .seq = cisn + 1, .ack_seq = sisn + 1,
		.flags = ACK, .wscale = NOWS };
	pkt.window = pick_window(c, cl, pkt.ack_seq);
	advertise(cl, pkt.ack_seq, pkt.window);
	ASSERT_EQ(VALID, fw443_tcp_track(&c->t, O, &pkt))
		TH_LOG("seed %u: final ACK", c->seed);
	ASSERT_EQ(ES, c->t.state);
}

static void converse(struct __test_metadata *_metadata, struct conv *c,
		     int packets)
{
	int i;

	for (i = 0; i < packets; i++) {
		int s = rnd_upto(c, 1);
		struct fw443_tcp_pkt pkt = random_segment(c, s);
		enum fw443_tcp_verdict v = fw443_tcp_track(&c->t, s, &pkt);

		ASSERT_EQ(VALID, v)
			TH_LOG("packet %d from %d: seq %u ack %u len %u win %u",
			       i, s, pkt.seq, pkt.ack_seq, pkt.len, pkt.window);
		ASSERT_EQ(expected_state(c), c->t.state);
	}
}

TEST(random_conversations_pass)
{
	struct conv c = { .seed = 443 };
	int n;

	for (n = 0; n < 2000; n++) {
		int first, guard;

		handshake(_metadata, &c);
		converse(_metadata, &c, 1 + rnd_upto(&c, 60));
		first = rnd_upto(&c, 1);
		{
			struct fw443_tcp_pkt pkt = fin_segment(&c, first);

			ASSERT_EQ(VALID, fw443_tcp_track(&c.t, first, &pkt));
			ASSERT_EQ(FW, c.t.state);
		}
		converse(_metadata, &c, rnd_upto(&c, 20));
		if (!c.ep[!first].fin) {
			struct fw443_tcp_pkt pkt = fin_segment(&c, !first);

			ASSERT_EQ(VALID, fw443_tcp_track(&c.t, !first, &pkt));
			ASSERT_EQ(expected_state(&c), c.t.state);
		}
		/* ACKs until both FINs are acknowledged */
		for (guard = 0; c.t.state != TW && guard < 100; guard++)
			converse(_metadata, &c, 1);
		ASSERT_EQ(TW, c.t.state) TH_LOG("conversation %d", n);
	}
}

/*
 * Whatever passes must be near what the receiver waits for: within the
 * largest window it can have of its next expected byte, and its ACK within
 * the sender's largest window of what the receiver sent.
 */
static void inject(struct __test_metadata *_metadata, struct conv *c)
{
	static const uint8_t kinds[] = {
		RST, RST | ACK, ACK, FIN | ACK, SYN | ACK,
	};
	int s = rnd_upto(c, 1);
	const struct ep *x = &c->ep[s], *y = &c->ep[!s];
	struct fw443_tcp_pkt pkt = {
		.seq = rnd(c), .ack_seq = rnd(c), .window = rnd(c),
		.len = rnd_upto(c, 1500),
		.flags = kinds[rnd_upto(c, ARRAY_SIZE(kinds) - 1)],
		.wscale = NOWS,
	};
	struct fw443_tcp_track t = c->t;
	enum fw443_tcp_verdict v;

	/* half of them near the window, to hit its edges */
	if (rnd_upto(c, 1))
		pkt.seq = y->rcv_nxt + (int32_t)(rnd(c) % (4 * max_win(y))) -
			  2 * max_win(y);
	if (rnd_upto(c, 1))
		pkt.ack_seq = x->rcv_nxt + (int32_t)(rnd(c) % 200000) - 100000;
	v = fw443_tcp_track(&t, s, &pkt);
	if (v == INVALID) {
		ASSERT_EQ(0, memcmp(&t, &c->t, sizeof(t)));
		return;
	}
	ASSERT_FALSE(seq_lt(y->adv_edge, pkt.seq))
		TH_LOG("flags %#x seq %u beyond %u", pkt.flags, pkt.seq,
		       y->adv_edge);
	ASSERT_FALSE(seq_lt(pkt.seq + pkt.len + 1,
			    y->rcv_nxt - max_win(y) - 1))
		TH_LOG("flags %#x seq %u far below %u", pkt.flags, pkt.seq,
		       y->rcv_nxt);
	if (pkt.flags & RST)
		return;
	ASSERT_FALSE(seq_lt(x->rcv_nxt, pkt.ack_seq));
	ASSERT_FALSE(seq_lt(pkt.ack_seq, x->rcv_nxt - max_win(x) - 1));
}

TEST(random_injections_stay_out)
{
	struct conv c = { .seed = 1443 };
	int n, i;

	for (n = 0; n < 300; n++) {
		handshake(_metadata, &c);
		for (i = 0; i < 20; i++) {
			converse(_metadata, &c, rnd_upto(&c, 10));
			inject(_metadata, &c);
		}
	}
}

/* The RST a receiver accepts exactly (RFC 5961) always passes. */
TEST(exact_rst_passes)
{
	struct conv c = { .seed = 7 };
	int n;

	for (n = 0; n < 2000; n++) {
		struct fw443_tcp_pkt pkt = { .flags = RST, .wscale = NOWS };
		int s;

		handshake(_metadata, &c);
		converse(_metadata, &c, rnd_upto(&c, 30));
		s = rnd_upto(&c, 1);
		pkt.seq = c.ep[s].snd_nxt;
		ASSERT_EQ(VALID, fw443_tcp_track(&c.t, s, &pkt));
		ASSERT_EQ(CL, c.t.state);
	}
}

/* ---- window scale option --------------------------------------------- */

static uint8_t wscale_of(const uint8_t *bytes, unsigned int len)
{
	/* an exact-size heap copy: ASan catches any read past len */
	uint8_t *buf = malloc(len ? len : 1), ws;

	memcpy(buf, bytes, len);
	ws = fw443_tcp_parse_wscale(buf, len);
	free(buf);
	return ws;
}

TEST(wscale_option)
{
	static const uint8_t mss_sack_ts_nop_ws[] = {
		2, 4, 5, 180, 4, 2, 8, 10, 1, 2, 3, 4, 0, 0, 0, 0, 1, 3, 3, 7,
	};
	static const uint8_t nop_ws[] = { 1, 1, 1, 3, 3, 9 };
	static const uint8_t big[] = { 3, 3, 15 };
	static const uint8_t huge[] = { 3, 3, 255 };
	static const uint8_t eol_first[] = { 0, 3, 3, 7 };
	static const uint8_t cut[] = { 1, 3, 3 };
	static const uint8_t bad_len[] = { 3, 4, 7, 0 };
	static const uint8_t silly[] = { 2, 1, 3, 3, 7 };
	static const uint8_t overlong[] = { 2, 40, 3, 3, 7 };
	uint8_t late[48];

	EXPECT_EQ(7, wscale_of(mss_sack_ts_nop_ws, sizeof(mss_sack_ts_nop_ws)));
	EXPECT_EQ(9, wscale_of(nop_ws, sizeof(nop_ws)));
	EXPECT_EQ(14, wscale_of(big, sizeof(big)));
	EXPECT_EQ(14, wscale_of(huge, sizeof(huge)));
	EXPECT_EQ(NOWS, wscale_of(eol_first, sizeof(eol_first)));
	EXPECT_EQ(NOWS, wscale_of(cut, sizeof(cut)));
	EXPECT_EQ(NOWS, wscale_of(bad_len, sizeof(bad_len)));
	EXPECT_EQ(NOWS, wscale_of(silly, sizeof(silly)));
	EXPECT_EQ(NOWS, wscale_of(overlong, sizeof(overlong)));
	EXPECT_EQ(NOWS, wscale_of(nop_ws, 0));
	/* nothing past the 40 bytes a header can hold */
	memset(late, 1, sizeof(late));
	memcpy(late + 37, nop_ws + 3, 3);
	EXPECT_EQ(9, fw443_tcp_parse_wscale(late, sizeof(late)));
	memset(late, 1, sizeof(late));
	memcpy(late + 38, nop_ws + 3, 3);
	EXPECT_EQ(NOWS, fw443_tcp_parse_wscale(late, sizeof(late)));
}

TEST(wscale_option_random_bytes)
{
	unsigned int seed = 40, found = 0;
	uint8_t bytes[FW443_TCP_MAX_OPTLEN];
	int n;

	for (n = 0; n < 200000; n++) {
		unsigned int len = rand_r(&seed) % (sizeof(bytes) + 1), i;
		uint8_t ws;

		/* small kinds and lengths, so that options parse at all */
		for (i = 0; i < len; i++)
			bytes[i] = rand_r(&seed) % 4 ? rand_r(&seed) % 6 :
						       rand_r(&seed);
		ws = wscale_of(bytes, len);
		ASSERT_TRUE(ws == NOWS || ws <= 14);
		found += ws != NOWS;
	}
	/* the generator does reach the option */
	EXPECT_LT(1000, found);
}

TEST_HARNESS_MAIN
