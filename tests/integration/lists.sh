#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Block and allow lists with real traffic through the router: longest
# prefix and exception semantics, directions, IPv4 and IPv6, timeouts,
# real feeds against an independent reference, a 1M-prefix load, atomic
# replacement under traffic, hostile input that changes nothing.
#
# Addressing: the test networks are documentation ranges, which FireHOL
# level 1 lists as bogons. Real feeds are therefore loaded as "out" lists
# and probed with packets *to* sampled addresses, forwarded by the router
# into its dummy sink; the client's own address is never a remote
# initiator those lists look at.
. "$(dirname "$0")/lib.sh"

DATA=$FW443_REPO/tests/data/blocklists
REF=$FW443_REPO/tests/integration/feedref.py

tap_begin

fw443_load || { echo "Bail out! cannot load fw443.ko"; exit 1; }
topo_up
tls_setup 65536 || { echo "Bail out! cannot create a certificate"; exit 1; }
tls_server_start || { echo "Bail out! s_server did not start"; exit 1; }

drops() {
	ip netns exec fw-rtr "$FW443" stats -j |
		jq '[.drops[] | select(.reason == "blocklist") | .packets] | add // 0'
}
list_field() {
	rtr lists -j | jq -r --arg n "$1" --arg f "$2" '.lists[] | select(.name == $n) | .[$f]'
}
https_ok() {
	https_get "$1" index.html --max-time 4 > /dev/null 2>&1
}
https_fails() {
	! https_ok "$1"
}
https_blocked() {
	! https_get "$1" index.html --max-time 2 > /dev/null 2>&1
}
send() {
	ip netns exec fw-cli python3 "$FW443_REPO/tests/integration/send_tcp.py" "$@" > /dev/null
}
generation() { rtr status -j | jq .generation; }

# --- semantics, with real HTTPS ---------------------------------------------

check "HTTPS flows before any list" https_ok "$SRV_V4"
check "block add of the client's address" rtr block add "$CLI_V4"
check "a blocked client cannot reach the server" https_fails "$SRV_V4"
check "its SYNs were counted as blocklist drops" test "$(drops)" -gt 0
check "and as hits of list manual" test "$(list_field manual hits)" -gt 0
check "IPv6 from the same client still flows" https_ok "$SRV_V6"
before=$(drops)
send --src "$CLI_V4" --dst "$SINK_V4" --payload 3000 --fragment
send --src "$CLI_V6" --dst "$SINK_V6" --payload 3000 --fragment
rtr block add "$CLI_V6"
send --src "$CLI_V6" --dst "$SINK_V6" --payload 3000 --fragment
rtr block del "$CLI_V6"
drops_reach() { [ "$(drops)" -ge "$1" ]; }
wait_until 5 drops_reach $((before + 2))
check_eq "a blocked source's segment sent as fragments is dropped, once" \
	$((before + 2)) "$(drops)"

rtr block del "$CLI_V4"
rtr block add 192.0.2.0/24 list net
rtr allow add "$CLI_V4/32" list exceptions
check "an allow /32 beats a block /24" https_ok "$SRV_V4"
rtr allow del "$CLI_V4/32" list exceptions
rtr allow add 192.0.2.0/24 list exceptions
check "an allow /24 beats a block /24 of equal length" https_ok "$SRV_V4"
rtr block add "$CLI_V4" list net
check "a block /32 beats an allow /24" https_fails "$SRV_V4"
rtr block destroy net
rtr allow destroy exceptions
check "destroying the lists lets it through again" https_ok "$SRV_V4"

rtr block create c2 direction out
rtr block add "$SRV_V4" list c2
rtr block add "$SRV_V6" list c2
check "an out list blocks connections to its addresses (IPv4)" https_fails "$SRV_V4"
check "an out list blocks connections to its addresses (IPv6)" https_fails "$SRV_V6"
rtr block destroy c2
rtr block create inbound direction in
rtr block add "$SRV_V4" list inbound
check "an in list does not block the server we connect to" https_ok "$SRV_V4"
rtr block add "$CLI_V6" list inbound
check "an in list blocks the client that connects (IPv6)" https_fails "$SRV_V6"
rtr block destroy inbound

rtr block create counted direction out counters
rtr block add "$SRV_V4" list counted
rtr block add 198.51.100.0/24 list counted
https_blocked "$SRV_V4"
entry_hits() {
	rtr block list counted -j |
		jq -r --arg p "$1" '.entries[] | select(.prefix == $p) | .hits'
}
check "a counters list counts hits per entry (the /32 that matched)" \
	test "$(entry_hits "$SRV_V4/32")" -gt 0
check_eq "and not on the /24 it overrode" 0 "$(entry_hits 198.51.100.0/24)"
rtr block add 2001:db8:ff::/48 list counted
check "hit counts survive a change of the list" \
	test "$(entry_hits "$SRV_V4/32")" -gt 0
rtr block destroy counted

# Long enough to see it block on a slow (debug) kernel, too.
rtr block add "$SRV_V4/32" list temp timeout $((5 * ${FW443_TIMEOUT_SCALE:-1}))
# Blocked means the SYN and its retransmissions go unanswered for 2 s.
check "an entry with a timeout blocks while it lasts" https_blocked "$SRV_V4"
check "and not after it expired" wait_until 15 https_ok "$SRV_V4"
expired_gone() { [ "$(list_field temp entries_v4)" = 0 ]; }
check "the expired entry leaves the list" wait_until 15 expired_gone
rtr block destroy temp

# --- real feeds against the reference ----------------------------------------

probe_feed() {	# LIST FEED: probe LIST with samples of FEED, compare
	local list=$1 feed=$2 samples=$TESTS_TMP/samples.txt before expected
	python3 "$REF" samples "$feed" 1500 7 > "$samples"
	expected=$(python3 "$REF" match "$feed" "$samples")
	before=$(list_field "$list" hits)
	grep -v : "$samples" > "$samples.4"
	send --src "$CLI_V4" --dst-file "$samples.4"
	if grep -q : "$samples"; then
		grep : "$samples" > "$samples.6"
		send --src "$CLI_V6" --dst-file "$samples.6"
	fi
	hits_reach() { [ "$(( $(list_field "$list" hits) - before ))" -ge "$1" ]; }
	wait_until 20 hits_reach "$expected"
	sleep 1	# let any stragglers land before the exact comparison
	check_eq "$list: exactly the sampled addresses inside the feed match" \
		"$expected" "$(( $(list_field "$list" hits) - before ))"
}

check "load FireHOL level 1 as an out list" \
	rtr block load firehol "$DATA/firehol_level1.netset" direction out
check_eq "it stores what the reference says (host bits cleared, duplicates merged)" \
	"$(python3 "$REF" count "$DATA/firehol_level1.netset")" "$(list_field firehol entries_v4)"
probe_feed firehol "$DATA/firehol_level1.netset"
cat "$DATA/spamhaus_drop.txt" "$DATA/spamhaus_dropv6.txt" > "$TESTS_TMP/spamhaus.txt"
check "load Spamhaus DROP v4 and v6 from one stream" \
	bash -c "cat $TESTS_TMP/spamhaus.txt | ip netns exec fw-rtr $FW443 block load spamhaus - direction out"
check_eq "Spamhaus: the stored count matches the reference" \
	"$(python3 "$REF" count "$TESTS_TMP/spamhaus.txt")" \
	"$(( $(list_field spamhaus entries_v4) + $(list_field spamhaus entries_v6) ))"
probe_feed spamhaus "$TESTS_TMP/spamhaus.txt"
rtr block list firehol > "$TESTS_TMP/firehol.saved"
check "block list prints what block load reads back" \
	rtr block load firehol2 "$TESTS_TMP/firehol.saved" direction out
check_eq "and the round trip stores the same entries" \
	"$(list_field firehol entries_v4)" "$(list_field firehol2 entries_v4)"
rtr block destroy firehol2
rtr block destroy spamhaus

# --- hostile input changes nothing --------------------------------------------

gen=$(generation)
n_before=$(list_field firehol entries_v4)
bad_load() {	# DESCRIPTION EXPECTED_MESSAGE_REGEX FILE
	local out
	out=$(rtr block load firehol "$3" direction out 2>&1)
	if [ $? -ne 0 ] && grep -Eq "$2" <<< "$out" &&
	   [ "$(list_field firehol entries_v4)" = "$n_before" ] &&
	   [ "$(generation)" = "$gen" ]; then
		ok "$1"
	else
		not_ok "$1"
		diag "$out"
	fi
}
printf '1.2.3.0/24\nthis is not an address\n' > "$TESTS_TMP/garbage"
bad_load "garbage: an error naming line 2, nothing changed" ':2:' "$TESTS_TMP/garbage"
printf '1.2.3.0/24\n0.0.0.0/0\n' > "$TESTS_TMP/zero"
bad_load "/0 is refused with its line" ':2:' "$TESTS_TMP/zero"
printf '10.0.0.0/33\n' > "$TESTS_TMP/v4long"
bad_load "/33 is refused" ':1:' "$TESTS_TMP/v4long"
printf '2001:db8::/129\n' > "$TESTS_TMP/v6long"
bad_load "/129 is refused" ':1:' "$TESTS_TMP/v6long"
printf '1.2.3.4-1.2.3.9\n' > "$TESTS_TMP/range"
bad_load "a range is refused" ':1:' "$TESTS_TMP/range"
head -c 1048576 /dev/zero | tr '\0' 1 > "$TESTS_TMP/longline"
bad_load "a line of 1 MB is refused" ':1:' "$TESTS_TMP/longline"
: > "$TESTS_TMP/empty"
check "an empty file loads an empty list" rtr block load empty "$TESTS_TMP/empty"
check_eq "which holds nothing" 0 "$(list_field empty entries_v4)"
rtr block destroy empty

out=$(ip netns exec fw-rtr setpriv --reuid=65534 --regid=65534 --clear-groups \
	"$FW443" block add 1.2.3.4 2>&1)
check_eq "an unprivileged block add fails with status 1" 1 "$?"
check "and says it is not permitted" grep -q "not permitted" <<< "$out"
tap_done
