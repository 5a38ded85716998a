#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# timeout: 900
# matrix: first
# Lists at scale: a million prefixes load and are stored as the reference
# counts them; ten million lines exceed the limit with a clear error and
# change nothing; a list reloaded again and again under traffic never lets
# a listed destination through nor drops another.
. "$(dirname "$0")/lib.sh"

REF=$FW443_REPO/tests/integration/feedref.py

tap_begin
fw443_load || { echo "Bail out! cannot load fw443.ko"; exit 1; }
topo_up

list_field() {
	rtr lists -j | jq -r --arg n "$1" --arg f "$2" '.lists[] | select(.name == $n) | .[$f]'
}
drops() {
	rtr stats -j | jq '[.drops[] | select(.reason == "blocklist") | .packets] | add // 0'
}
# random_prefixes N SEED: N IPv4 prefixes of a feed's usual lengths.
random_prefixes() {
	awk -v n="$1" -v seed="$2" 'BEGIN {
		srand(seed); split("16 20 22 24 24 24 32 32", len)
		for (i = 0; i < n; i++)
			printf "%d.%d.%d.%d/%d\n", 1 + int(rand() * 223),
				int(rand() * 256), int(rand() * 256),
				int(rand() * 256), len[1 + int(rand() * 8)]
	}'
}

random_prefixes 1000000 11 > "$TESTS_TMP/1m"
stored=$(python3 "$REF" count "$TESTS_TMP/1m")
start=$SECONDS
check "a 1,000,000-prefix load" rtr block load big "$TESTS_TMP/1m"
diag "took $((SECONDS - start)) s under TCG"
check_eq "it stores what the reference counts" "$stored" \
	"$(list_field big entries_v4)"
diag "kernel memory of the list: $(list_field big memory_bytes) bytes"

gen=$(rtr status -j | jq .generation)
# Ten copies of the million: ten million lines, made fast. The limit counts
# entries as they come, duplicates included.
for i in 1 2 3 4 5 6 7 8 9 10; do cat "$TESTS_TMP/1m"; done > "$TESTS_TMP/10m"
out=$(rtr block load big "$TESTS_TMP/10m" 2>&1)
check_eq "ten million lines: the load fails" 1 "$?"
check "with a message naming the limit and the line" \
	grep -Eq '4194304.*|:4194305' <<< "$out"
diag "$out"
check_eq "and the list keeps its million prefixes" "$stored" \
	"$(list_field big entries_v4)"
check_eq "and the configuration generation did not move" \
	"$gen" "$(rtr status -j | jq .generation)"
rm -f "$TESTS_TMP/10m"
rtr block destroy big

# Reload a list again and again while packets go to addresses in it and
# to addresses outside it: every listed one is dropped, no other one.
head -n 2000 "$TESTS_TMP/1m" | grep -v '^203\.' > "$TESTS_TMP/churn"
echo "203.0.113.128/25" >> "$TESTS_TMP/churn"
rtr block load churn "$TESTS_TMP/churn" direction out
printf '203.0.113.%d\n' $(seq 130 229) > "$TESTS_TMP/blocked"
printf '203.0.113.%d\n' $(seq 10 109) > "$TESTS_TMP/allowed"
before=$(drops)
(for i in $(seq 1 8); do
	rtr block load churn "$TESTS_TMP/churn" direction out || exit 1
done) &
reloader=$!
for i in $(seq 1 20); do
	ip netns exec fw-cli python3 "$FW443_REPO/tests/integration/send_tcp.py" \
		--src "$CLI_V4" --dst-file "$TESTS_TMP/blocked" > /dev/null
	ip netns exec fw-cli python3 "$FW443_REPO/tests/integration/send_tcp.py" \
		--src "$CLI_V4" --dst-file "$TESTS_TMP/allowed" > /dev/null
done
wait "$reloader"
check_eq "eight atomic reloads while traffic flowed" 0 "$?"
drops_reach() { [ "$(( $(drops) - before ))" -ge 2000 ]; }
wait_until 20 drops_reach
sleep 1
check_eq "exactly the 2,000 packets to listed addresses were dropped" \
	2000 "$(( $(drops) - before ))"
tap_done
