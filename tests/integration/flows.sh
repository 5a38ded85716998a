#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# timeout: 600
# Connection tracking with zone policy, with real TLS clients and servers.
#
# The router fw-rtr is an appliance: cli0 faces the inside network (fw-cli),
# srv0 the outside (fw-srv); the dummy sink0 is outside too, having no zone.
# Servers listen on port 443 on both sides. Then fw-srv itself is a host
# that runs its own server and clients (LOCAL_IN and LOCAL_OUT).
. "$(dirname "$0")/lib.sh"

tap_begin

fw443_load || { echo "Bail out! cannot load fw443.ko"; exit 1; }
topo_up
tls_setup 262144 || { echo "Bail out! cannot create a certificate"; exit 1; }
tls_server_start || { echo "Bail out! s_server did not start"; exit 1; }
# An inside server, for connections opened from the outside.
for addr in 0.0.0.0 "[::]"; do
	(cd "$WWW_DIR" && exec ip netns exec fw-cli openssl s_server -quiet \
		-WWW -accept "$addr:443" -cert "$TLS_DIR/cert.pem" \
		-key "$TLS_DIR/key.pem" >> "$TESTS_TMP/s_server_in.log" 2>&1) &
done
inside_listening() {
	[ "$(ip netns exec fw-cli ss -Htln 'sport = :443' | wc -l)" -eq 2 ]
}
wait_until 20 inside_listening || { echo "Bail out! inside s_server"; exit 1; }
# Python and its TLS module come over 9p: read them once before anything
# waits for a client to start.
python3 -c 'import ssl, socket, argparse'

drop_of() {
	rtr stats -j | jq --arg r "$1" '[.drops[] | select(.reason == $r) | .packets] | add // 0'
}
flowctr() { rtr stats -j | jq -e ".flows.$1"; }
# https NETNS ADDRESS [PATH [CURL_OPTIONS...]]: a GET over real TLS (the
# certificate names the outside server only, hence -k).
https() {
	local ns=$1 addr=$2 path=${3:-index.html}
	shift 3 2>/dev/null || shift $#
	case $addr in *:*) addr="[$addr]" ;; esac
	ip netns exec "$ns" curl -sSk --max-time $((4 * ${FW443_TIMEOUT_SCALE:-1})) \
		-o /dev/null "$@" "https://$addr/$path"
}
https_refused() { ! https "$@" 2>/dev/null; }
send() {
	ip netns exec "$1" python3 "$FW443_REPO/tests/integration/send_tcp.py" \
		"${@:2}" > /dev/null
}
# flows_where JQ_FILTER [fw443 flows ARGS]: how many listed flows match.
flows_where() {
	local filter=$1
	shift
	rtr flows -j "$@" | jq "[.[] | select($filter)] | length"
}
# A download that keeps its connection established for about 20 s, long
# enough for what the test does meanwhile on a loaded machine.
slow_get() {
	ip netns exec fw-cli timeout $((90 * ${FW443_TIMEOUT_SCALE:-1})) \
		python3 "$FW443_REPO/tests/integration/slow_tls.py" "$SRV_V4" \
		big.bin 262144 --rate 12288 > /dev/null
}
established() { [ "$(flows_where '.state == "established"')" = 1 ]; }
# start_slow_get: slow_get in the background, its pid in $transfer, once
# its connection is established.
start_slow_get() {
	slow_get &
	transfer=$!
	check "a slow download is established" wait_until 30 established
}
counter_is() { [ "$("${@:2}")" = "$1" ]; }
# check_counter DESCRIPTION EXPECTED COMMAND...: counters move a moment
# after the packet that moves them (softirq), so wait briefly, then compare.
check_counter() {
	wait_until 5 counter_is "$2" "${@:3}"
	check_eq "$1" "$2" "$("${@:3}")"
}

check "nf_conntrack is not loaded: fw443 tracks on its own" \
	bash -c '! grep -q "^nf_conntrack " /proc/modules'
check "flows are listed empty while tracking is off" \
	test "$(rtr flows -j | jq length)" = 0
check "zone set cli0 inside" rtr zone set cli0 inside
check "zone set srv0 outside" rtr zone set srv0 outside
check "policy add from inside to outside accept" \
	rtr policy add from inside to outside accept
check "policy default drop turns tracking on" rtr policy default drop
check_eq "status reports the table's limit" \
	"$(rtr status -j | jq .flows_max)" "$(rtr stats -j | jq .flows.max)"
size=$(rtr status -j | jq .flow_size)
check "a flow takes at most 128 bytes of slab (debug kernels aside)" \
	bash -c "[ $size -le 128 ] || grep -q __kasan_slab_free /proc/kallsyms"
diag "bytes per flow: $size; buckets: $(rtr status -j | jq .flow_buckets)"

# --- who may connect ----------------------------------------------------------

new0=$(flowctr accepted_new)
created0=$(flowctr created)
check "HTTPS from inside to outside works (IPv4)" https fw-cli "$SRV_V4"
check_counter "one connection: accepted_new moved by exactly 1" \
	$((new0 + 1)) flowctr accepted_new
check_counter "and created by exactly 1" $((created0 + 1)) flowctr created
check "HTTPS from inside to outside works (IPv6)" https fw-cli "$SRV_V6"
check_eq "both connections are listed, closed by FIN (time_wait)" 2 \
	"$(flows_where '.state == "time_wait" and .dport == 443')"
check_eq "the IPv4 one with the client and server it had" 1 \
	"$(flows_where ".src == \"$CLI_V4\" and .dst == \"$SRV_V4\" and .orig.packets > 0 and .reply.bytes > 1000")"
check_eq "flows src PREFIX filters on the initiator" 1 \
	"$(rtr flows -j src 2001:db8:1::/64 | jq length)"
check_eq "flows state S filters on the state" 0 \
	"$(rtr flows -j state established | jq length)"

policy0=$(drop_of policy)
check "HTTPS from outside to inside is refused (IPv4)" \
	https_refused fw-srv "$CLI_V4"
check "its SYNs are counted as policy drops" test "$(drop_of policy)" -gt "$policy0"
check "policy add from outside to inside dst CLIENT accept (publish it)" \
	rtr policy add from outside to inside dst "$CLI_V4" accept
check "the published server is reachable from outside" https fw-srv "$CLI_V4"
check "an unpublished one is not (IPv6)" \
	https_refused fw-srv "$CLI_V6"
check_eq "policy list shows both rules in order" \
	"1 from inside to outside accept|2 from outside to inside dst $CLI_V4/32 accept" \
	"$(rtr policy list | grep '^[0-9]' | paste -sd '|')"

# --- packets of no connection -----------------------------------------------

inv0=$(drop_of invalid)
send fw-srv --src "$SRV_V4" --dst "$CLI_V4" --sport 443 --dport 40123 --flags syn,ack
check_counter "an unsolicited SYN-ACK from outside is dropped as invalid" \
	$((inv0 + 1)) drop_of invalid
send fw-srv --src "$SRV_V6" --dst "$CLI_V6" --sport 443 --dport 40123 --flags ack
check_counter "so is an unsolicited ACK (IPv6)" $((inv0 + 2)) drop_of invalid
send fw-cli --src "$CLI_V4" --dst "$SRV_V4" --dport 443 --flags syn --truncate 12
check_counter "so is a truncated TCP header" $((inv0 + 3)) drop_of invalid
send fw-cli --src "$CLI_V4" --dst 203.0.113.60 --sport 41000 --flags syn \
	--payload 3000 --fragment
send fw-cli --src "$CLI_V6" --dst 2001:db8:ee::60 --sport 41000 --flags syn \
	--dstopts
opened() { [ "$(flows_where '.sport == 41000 and .state == "syn_sent"')" = 2 ]; }
check "a SYN in IPv4 fragments and one behind IPv6 extension headers open flows" \
	wait_until 5 opened

# --- teardown and timeouts ----------------------------------------------------

rtr flows flush
ip netns exec fw-cli python3 -c "
import socket, struct
s = socket.create_connection(('$SRV_V4', 443), timeout=10)
s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
s.close()"
closed() { [ "$(flows_where '.state == "close"')" = 1 ]; }
check "a reset moves the flow to close" wait_until 5 closed
n=$(rtr flows -j | jq length)
exp0=$(flowctr expired)
check "flows set timeout close 1 timeout time_wait 1" \
	rtr flows set timeout close 1 timeout time_wait 1
gone() { [ "$(rtr flows -j | jq length)" = 0 ]; }
check "shortened timeouts expire the flows" wait_until 5 gone
# The collector sweeps the whole table in about 8 s.
wait_until 20 counter_is $((exp0 + n)) flowctr expired
check_eq "and the collector counts each expired flow once" \
	$((exp0 + n)) "$(flowctr expired)"
rtr flows set timeout close 10 timeout time_wait 120

# --- the window ---------------------------------------------------------------

start_slow_get
cport=$(rtr flows -j state established | jq '.[0].sport')
inv0=$(drop_of invalid)
send fw-srv --src "$SRV_V4" --dst "$CLI_V4" --sport 443 --dport "$cport" --flags rst
send fw-srv --src "$SRV_V4" --dst "$CLI_V4" --sport 443 --dport "$cport" \
	--flags ack,psh --payload 100
check_counter "a blind RST and data far outside the window are invalid" \
	$((inv0 + 2)) drop_of invalid
wait "$transfer"
check_eq "and the connection they aimed at lives on" 0 "$?"

# --- a full table -------------------------------------------------------------

# The table is sized when tracking starts: restart it with a small limit.
rtr policy default none
rtr flows set max 16
rtr policy default drop
start_slow_get
evicted0=$(flowctr evicted)
inv0=$(drop_of invalid)
send fw-cli --src "$CLI_V4" --dst 203.0.113.50 --count 200 --vary-sport
active_capped() { [ "$(flowctr active)" -le 16 ]; }
check "a burst of 200 new connections leaves at most 16 flows" active_capped
check "unestablished flows were evicted for new ones" \
	test "$(flowctr evicted)" -gt "$evicted0"
wait "$transfer"
check_eq "the established transfer completes" 0 "$?"
# Had its flow been evicted, its next packet would have been invalid.
check_eq "and was never evicted: none of its packets was dropped" \
	"$inv0" "$(drop_of invalid)"

rtr flows flush
rtr flows set max 1
start_slow_get
full0=$(drop_of table_full)
send fw-cli --src "$CLI_V4" --dst 203.0.113.50 --sport 50000
check_counter "full of established flows: a new SYN is refused as table_full" \
	$((full0 + 1)) drop_of table_full
wait "$transfer"
check_eq "while the established transfer completes" 0 "$?"
rtr policy default none
rtr flows set max 0
rtr policy default drop

# --- pickup -------------------------------------------------------------------

start_slow_get
inv0=$(drop_of invalid)
rtr flows flush
invalid_above() { [ "$(drop_of invalid)" -gt "$1" ]; }
check "pickup off: a flushed connection's packets are dropped as invalid" \
	wait_until 10 invalid_above "$inv0"
check_eq "and it is not adopted" 0 "$(rtr flows -j | jq length)"
pkill -f slow_tls.py
wait "$transfer" 2>/dev/null

check "flows set pickup on" rtr flows set pickup on
start_slow_get
rtr flows flush
picked() { [ "$(flows_where '.picked_up and .state == "established"')" -ge 1 ]; }
check "pickup on: the flushed connection is adopted mid-stream" \
	wait_until 10 picked
wait "$transfer"
check_eq "and the transfer completes" 0 "$?"
rtr flows set pickup off

# --- offloads and conntrack side by side ---------------------------------------

offloads fw-rtr cli0 on
offloads fw-rtr srv0 on
offloads fw-srv veth0 on
check "a 256 KiB download through GRO/GSO super-packets passes the tracker" \
	https fw-cli "$SRV_V4" big.bin
cat > "$TESTS_TMP/conntrack.nft" <<'EOF'
table inet conntrack_too {
	chain filter_forward {
		type filter hook forward priority 0;
		ct state established,related accept
		tcp dport 443 ct state new accept
	}
}
EOF
check "with conntrack rules beside fw443 (nf_conntrack loaded)" \
	ip netns exec fw-rtr nft -f "$TESTS_TMP/conntrack.nft"
check "HTTPS still flows with both trackers (IPv6)" https fw-cli "$SRV_V6"

# --- a host with its own server and clients -------------------------------------

srv() { ip netns exec fw-srv "$FW443" "$@"; }
srv policy add from any to local accept
srv policy default drop
check "a host accepts HTTPS to its own server (LOCAL_IN)" https fw-cli "$SRV_V4"
check "and refuses its own outbound HTTPS by default (LOCAL_OUT)" \
	https_refused fw-srv "$CLI_V4"
srv policy add from local to outside accept
check "until a rule lets the host out" https fw-srv "$CLI_V4"
check_eq "the host lists its connections from both sides" 2 \
	"$(ip netns exec fw-srv "$FW443" flows -j | jq '[.[] | select(.state == "time_wait")] | length')"

# --- configuration errors change nothing -----------------------------------------

gen=$(rtr status -j | jq .generation)
out=$(rtr zone set cli0 local 2>&1)
check "an interface cannot be put in zone local" grep -q local <<< "$out"
out=$(rtr policy del 9 2>&1)
check "deleting a rule that does not exist says so" grep -qi "no rule" <<< "$out"
check_eq "and the generation did not move" "$gen" "$(rtr status -j | jq .generation)"
out=$(ip netns exec fw-rtr setpriv --reuid=65534 --regid=65534 --clear-groups \
	"$FW443" flows 2>&1)
check "listing flows needs privilege (they reveal addresses)" \
	grep -q "not permitted" <<< "$out"
tap_done
