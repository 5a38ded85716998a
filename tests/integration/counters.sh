#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Counters move by exactly the packets and bytes that cross the firewall:
# crafted packets counted one by one, then real HTTPS (curl against openssl
# s_server) checked against nftables counters and the TCP stacks' own
# segment counts.
. "$(dirname "$0")/lib.sh"

tap_begin

fw443_load || { echo "Bail out! cannot load fw443.ko"; exit 1; }
topo_up
send() {
	ip netns exec fw-cli python3 "$FW443_REPO/tests/integration/send_tcp.py" "$@"
}

# --- crafted packets, into the router's blackhole --------------------------

len=$(send --src "$CLI_V4" --dst "$SINK_V4" --count 7 --payload 100)
check_stat "IPv4: 7 packets to port 443 counted at the router" 7 fw-rtr 4 to_server packets
check_stat "IPv4: their bytes, IP headers included" \
	$((7 * len)) fw-rtr 4 to_server bytes
check_stat "IPv4: the sender's namespace counted them once, at LOCAL_OUT" 7 fw-cli 4 to_server packets

send --src "$CLI_V4" --dst "$SINK_V4" --sport 443 --dport 50000 \
	--count 5 --flags ack > /dev/null
check_stat "IPv4: 5 packets from port 443 counted as to_client" 5 fw-rtr 4 to_client packets

send --src "$CLI_V4" --dst "$SINK_V4" --dport 80 --count 4 > /dev/null
send --src "$CLI_V4" --dst "$SINK_V4" --proto udp --count 4 > /dev/null
send --src "$CLI_V4" --dst "$SINK_V4" --truncate 10 --count 4 > /dev/null
# One more counted packet: once it is counted, the ones before it were seen.
send --src "$CLI_V4" --dst "$SINK_V4" --count 1 > /dev/null
check_stat "IPv4: port 80, UDP 443 and truncated TCP headers are not counted" \
	8 fw-rtr 4 to_server packets

len6=$(send --src "$CLI_V6" --dst "$SINK_V6" --count 9 --payload 33)
check_stat "IPv6: 9 packets to port 443 counted" 9 fw-rtr 6 to_server packets
check_stat "IPv6: their bytes" $((9 * len6)) fw-rtr 6 to_server bytes
len6x=$(send --src "$CLI_V6" --dst "$SINK_V6" --count 3 --dstopts)
check_stat "IPv6: TCP behind a destination options header is found" 12 fw-rtr 6 to_server packets
check_stat "IPv6: and its extension header is in the byte count" \
	$((9 * len6 + 3 * len6x)) fw-rtr 6 to_server bytes
check_stat "IPv6 traffic did not move IPv4 counters" 8 fw-rtr 4 to_server packets

# The router reassembles fragments before it looks at them: one packet,
# with the bytes of the whole datagram.
bytes4=$(stat_of fw-rtr 4 to_server bytes)
lenf=$(send --src "$CLI_V4" --dst "$SINK_V4" --payload 3000 --fragment) ||
	lenf=-1	# no such length: the byte check fails too
check_stat "IPv4: a segment sent as fragments is counted once, reassembled" \
	9 fw-rtr 4 to_server packets
check_stat "IPv4: with the bytes of the whole datagram" \
	$((bytes4 + lenf)) fw-rtr 4 to_server bytes
bytes6=$(stat_of fw-rtr 6 to_server bytes)
lenf6=$(send --src "$CLI_V6" --dst "$SINK_V6" --payload 3000 --fragment) ||
	lenf6=-1
check_stat "IPv6: a segment sent as fragments is counted once, reassembled" \
	13 fw-rtr 6 to_server packets
check_stat "IPv6: with the bytes of the whole datagram" \
	$((bytes6 + lenf6)) fw-rtr 6 to_server bytes

# --- real HTTPS, one skb per packet: compare with nftables -----------------

# Fresh counters: reload the module, then count the same traffic with nft
# at the same hook. Offloads off, so nft's per-skb count is per packet.
fw443_unload && fw443_load
for dev in cli0 srv0; do offloads fw-rtr "$dev" off; done
offloads fw-cli veth0 off
offloads fw-srv veth0 off
ip netns exec fw-rtr nft -f - <<'NFT'
table inet ref {
	counter v4_to_server {}
	counter v4_to_client {}
	counter v6_to_server {}
	counter v6_to_client {}
	chain pre {
		type filter hook prerouting priority -290; policy accept;
		meta nfproto ipv4 tcp dport 443 counter name v4_to_server accept
		meta nfproto ipv4 tcp sport 443 counter name v4_to_client accept
		meta nfproto ipv6 tcp dport 443 counter name v6_to_server accept
		meta nfproto ipv6 tcp sport 443 counter name v6_to_client accept
	}
}
NFT
nft_count() {
	ip netns exec fw-rtr nft -j list counter inet ref "$1" |
		jq -r ".nftables[] | select(.counter) | .counter.$2"
}

tls_setup 262144 || { echo "Bail out! cannot create a certificate"; exit 1; }
tls_server_start || { echo "Bail out! s_server did not start"; exit 1; }
check_eq "HTTPS over IPv4 through the router" \
	"hello from fw443's test server" "$(https_get "$SRV_V4" index.html)"
check "a 256 KiB download over IPv6" \
	cmp "$WWW_DIR/big.bin" <(https_get "$SRV_V6" big.bin)
wait_until 10 tcp_settled fw-cli
wait_until 10 tcp_settled fw-srv
for v in 4 6; do
	for d in to_server to_client; do
		check_eq "IPv$v $d: packets and bytes equal nftables' counters" \
			"$(nft_count "v${v}_$d" packets) $(nft_count "v${v}_$d" bytes)" \
			"$(stat_of fw-rtr $v $d packets) $(stat_of fw-rtr $v $d bytes)"
	done
done

# --- GSO super-packets: counted as the segments they stand for -------------

# Segments a namespace's TCP sent: OutSegs leaves out retransmissions,
# which RetransSegs counts.
segs() {
	ip netns exec "$1" awk '/^Tcp:/ && $11 ~ /^[0-9]+$/ { print $12 + $13 }' \
		/proc/net/snmp
}
for dev in cli0 srv0; do offloads fw-rtr "$dev" on; done
offloads fw-cli veth0 on
offloads fw-srv veth0 on
fw443_unload && fw443_load
cli_before=$(segs fw-cli)
srv_before=$(segs fw-srv)
check "a 256 KiB download over IPv4 with offloads on" \
	cmp "$WWW_DIR/big.bin" <(https_get "$SRV_V4" big.bin)
wait_until 10 tcp_settled fw-cli
wait_until 10 tcp_settled fw-srv
check_eq "to_client packets equal the segments the server's TCP sent" \
	$(($(segs fw-srv) - srv_before)) "$(stat_of fw-rtr 4 to_client packets)"
check_eq "to_server packets equal the segments the client's TCP sent" \
	$(($(segs fw-cli) - cli_before)) "$(stat_of fw-rtr 4 to_server packets)"
tap_done
