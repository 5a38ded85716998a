#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# timeout: 900
# matrix: first
# The flow table at scale: a million connections opened through a router
# are all tracked, the flow dump pages through all of them, each listed once,
# even while more connections are being opened, and a flush empties it.
. "$(dirname "$0")/lib.sh"

N=1000000
# A KASAN kernel is here for memory safety, not scale: a tenth will do.
grep -q ' __kasan_slab_free$' /proc/kallsyms && N=100000
tap_begin
fw443_load || { echo "Bail out! cannot load fw443.ko"; exit 1; }
# tunsend writes SYNs into a tun device much faster than any socket could.
TUNSEND=$TESTS_TMP/tunsend
cc -O2 -o "$TUNSEND" "$FW443_REPO/tests/bench/tunsend.c" ||
	{ echo "Bail out! cannot build tunsend"; exit 1; }
modprobe tun 2>/dev/null

ip netns add fw-big
ip -n fw-big link set lo up
ip -n fw-big tuntap add dev tun0 mode tun
ip -n fw-big addr add 198.18.0.1/15 dev tun0
ip -n fw-big link set tun0 up
ip -n fw-big link add dummy0 type dummy
ip -n fw-big addr add 192.0.2.1/24 dev dummy0
ip -n fw-big link set dummy0 up
ip netns exec fw-big sysctl -qw net.ipv4.ip_forward=1 \
	net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0 \
	net.ipv4.conf.tun0.rp_filter=0

big() { ip netns exec fw-big "$FW443" "$@"; }
active() { big stats -j | jq .flows.active; }
# Writing a million SYNs takes minutes under emulation: longer than they
# would live in syn_sent by default (120 s).
big flows set max $((2 * N)) timeout syn_sent 7200
big policy add from outside to outside accept
big policy default drop

check "$N SYNs of distinct connections written through the router" \
	ip netns exec fw-big "$TUNSEND" -k syn tun0 198.18.0.2+$N 192.0.2.99 $N
# A SYN the kernel's backlog dropped before any hook saw it opens nothing:
# compare with what fw443 counted at PRE_ROUTING.
seen() { stat_of fw-big 4 to_server packets; }
all_tracked() { [ "$(active)" = "$(seen)" ]; }
wait_until 20 all_tracked
first=$(seen)
diag "$(big stats | sed -n '/drop/,$p')"
diag "$(ip netns exec fw-big nstat -az | grep -iE 'forw|discard|drop|error' | grep -v ' 0 ')"
check_eq "every SYN that reached fw443 opened a flow" "$first" "$(active)"
check "and that is (nearly) all of them: $first of $N" \
	test "$first" -ge $((N * 999 / 1000))
check_eq "none was evicted or refused" 0 \
	"$(big stats -j | jq '.flows.evicted + ([.drops[] | select(.reason == "table_full") | .packets] | add)')"

# Ten thousand more connections open while the dump runs: the ones that
# lived through it must each be listed exactly once.
ip netns exec fw-big "$TUNSEND" -k syn tun0 198.19.128.2+10000 192.0.2.99 10000 \
	> /dev/null &
big flows > "$TESTS_TMP/flows.txt"
dump_rc=$?
wait
check_eq "the dump of the whole table succeeds" 0 "$dump_rc"
old=$(grep -c ' src=198\.18\.' "$TESTS_TMP/flows.txt")
check_eq "it lists every one of the first $first flows" "$first" "$old"
check_eq "and none twice" "" \
	"$(awk '{ print $3, $5 }' "$TESTS_TMP/flows.txt" | sort | uniq -d | head -n 3)"
diag "flows added during the dump and listed: $(grep -c ' src=198\.19\.' "$TESTS_TMP/flows.txt") of 10000"
wait_until 20 all_tracked
check_eq "the table holds both sets" "$(seen)" "$(active)"
diag "$(big status | grep -E '^flows')"

check "flows flush" big flows flush
check_eq "empties the table" 0 "$(active)"
check_eq "and the dump" 0 "$(big flows | wc -l)"
tap_done
