#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# timeout: 600
# matrix: first
# Chaos: the module unloaded and reloaded under full traffic with lists and
# tracked connections in place; namespaces with their own lists and flow
# tables created and destroyed in a loop while traffic flows in them;
# lists re-applied and tracking switched on and off in a loop under HTTPS
# traffic (pickup on, so that the downloads survive each new table); all
# of it with event readers joined. Afterwards the kernel's memory returns
# to its baseline. (Leaks
# are also hunted by kmemleak on the debug kernel: make check-debug.)
. "$(dirname "$0")/lib.sh"

tap_begin
kernel_bytes() {
	awk '/^(Slab|VmallocUsed|Percpu):/ { kb += $2 } END { print kb * 1024 }' \
		/proc/meminfo
}
# A list of 100,000 prefixes (about 1 MB in the kernel): a leak of it per
# cycle would stand out of the noise.
awk 'BEGIN { srand(3); for (i = 0; i < 100000; i++)
	printf "%d.%d.%d.0/24\n", 1 + int(rand() * 223), int(rand() * 256), int(rand() * 256) }' \
	> "$TESTS_TMP/100k"

# monitor NETNS: an event reader for a few seconds, so that events are
# built and sent through all of what follows, unload and namespace exit
# included.
monitor() {
	ip netns exec "$1" timeout 4 "$FW443" monitor -j > /dev/null 2>&1 &
}

# One warm-up round, so caches the kernel keeps (namespaces, sockets,
# event messages) exist before the baseline is taken.
fw443_load || { echo "Bail out! cannot load fw443.ko"; exit 1; }
topo_up
tls_setup 1048576 || { echo "Bail out! cannot create a certificate"; exit 1; }
tls_server_start || { echo "Bail out! s_server did not start"; exit 1; }
monitor fw-rtr
warm_monitor=$!
rtr flows set pickup on
rtr policy add from any to any accept
rtr policy default drop
https_get "$SRV_V4" big.bin -o /dev/null
rtr policy default none
rtr policy flush
rtr block load warm "$TESTS_TMP/100k" direction out
rtr block destroy warm
wait "$warm_monitor"
sleep 2
baseline=$(kernel_bytes)

downloads() {	# HTTPS downloads, one after the other, until killed
	while :; do
		https_get "$SRV_V4" big.bin --limit-rate 2M -o /dev/null 2>/dev/null
		https_get "$SRV_V6" big.bin --limit-rate 2M -o /dev/null 2>/dev/null
	done
}
downloads &
traffic=$!

cycles_ok=yes
for i in 1 2 3 4 5; do
	monitor fw-rtr
	rtr block load feed "$TESTS_TMP/100k" direction out || cycles_ok=no
	rtr block add "$SINK_V4" list manual timeout 30 || cycles_ok=no
	rtr flows set pickup on || cycles_ok=no
	rtr policy add from any to any accept || cycles_ok=no
	rtr policy default drop || cycles_ok=no
	fw443_unload || cycles_ok=no
	fw443_load || cycles_ok=no
done
check_eq "five unload/reload cycles with lists and flows, under traffic" \
	yes "$cycles_ok"

churn_ok=yes
for i in $(seq 1 15); do
	ip netns add "fw-c$i" && ip netns add "fw-d$i" || churn_ok=no
	ip link add v0 netns "fw-c$i" type veth peer name v0 netns "fw-d$i"
	ip -n "fw-c$i" addr add 192.0.2.10/24 dev v0
	ip -n "fw-d$i" addr add 192.0.2.20/24 dev v0
	ip -n "fw-c$i" link set v0 up
	ip -n "fw-d$i" link set v0 up
	ip netns exec "fw-d$i" "$FW443" block load feed "$TESTS_TMP/100k" \
		> /dev/null || churn_ok=no
	ip netns exec "fw-d$i" "$FW443" block add 192.0.2.10 list manual timeout 60 \
		> /dev/null || churn_ok=no
	ip netns exec "fw-d$i" "$FW443" policy add from any to local accept \
		> /dev/null || churn_ok=no
	ip netns exec "fw-d$i" "$FW443" policy default drop > /dev/null ||
		churn_ok=no
	monitor "fw-d$i"
	ip netns exec "fw-c$i" python3 "$FW443_REPO/tests/integration/send_tcp.py" \
		--src 192.0.2.10 --dst 192.0.2.20 --count 200 > /dev/null &
	ip netns delete "fw-c$i"
	ip netns delete "fw-d$i"
done
check_eq "15 namespace pairs with lists and flows created and destroyed under traffic" \
	yes "$churn_ok"

apply_ok=yes
monitor fw-rtr
rtr flows set pickup on
rtr policy add from any to any accept
for i in $(seq 1 10); do
	rtr block load feed "$TESTS_TMP/100k" direction out || apply_ok=no
	rtr policy default $([ $((i % 2)) = 1 ] && echo drop || echo none) ||
		apply_ok=no
	[ $((i % 3)) = 0 ] && { rtr flows flush || apply_ok=no; }
done
check_eq "ten list loads and tracking toggles in a row under HTTPS traffic" \
	yes "$apply_ok"
check "HTTPS still flows after all that" \
	cmp "$WWW_DIR/big.bin" <(https_get "$SRV_V4" big.bin)

kill "$traffic"
wait "$traffic" 2>/dev/null
rtr block destroy feed
rtr block destroy manual
rtr policy default none
fw443_unload && fw443_load
# Freed configurations wait for an RCU grace period and a workqueue;
# destroyed namespaces for the kernel's cleanup work.
settled() { [ $(( $(kernel_bytes) - baseline )) -lt $((2 * 1024 * 1024)) ]; }
wait_until 30 settled
diag "kernel memory (slab, vmalloc, per-CPU) vs baseline: $(( ($(kernel_bytes) - baseline) / 1024 )) KiB"
if grep -q ' __kasan_slab_free$' /proc/kallsyms; then
	# KASAN keeps freed objects in a quarantine (up to 1/32 of memory)
	# before the slab gets them back: there the totals say nothing, and
	# kmemleak, which the debug kernel has, looks at every object instead.
	# An object counts as leaked once unreferenced for 5 s, over two scans.
	kmemleak=/sys/kernel/debug/kmemleak
	sleep 6
	echo scan > "$kmemleak" && echo scan > "$kmemleak"
	check_eq "kmemleak finds no leaked object (KASAN kernel: no slab totals)" \
		"" "$(cat "$kmemleak")"
else
	check "kernel memory is back within 2 MiB of its baseline" settled
fi
tap_done
