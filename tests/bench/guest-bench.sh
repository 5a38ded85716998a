#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make bench, inside a one-vCPU guest under qemu -icount shift=0 (1 ns of
# guest time is one instruction): the same job, dropping TCP/443 from
# listed sources, done by no firewall, nftables interval sets, ipset
# hash:net with iptables (legacy), and fw443, each in a fresh namespace, in
# one boot. Results go to $FW443_OUT/bench.txt as "key value" lines.
#
# The fw443 module is loaded last: its hooks are in every namespace once it
# is in.
set -u
repo=$(cd "$(dirname "$0")/../.." && pwd)
out=/fw443-out/bench.txt
data=/tmp/bench
TUNSEND=$repo/tests/bench/build/tunsend
FW443=$repo/userspace/fw443
PACKETS=${FW443_BENCH_PACKETS:-100000}
# FW443_BENCH_ONLY=fw443 skips the contenders (a quicker look while tuning).
ONLY=${FW443_BENCH_ONLY:-}
REPS=3
DST4=192.0.2.99
DST6=2001:db8:d::99

record() {
	echo "$1 $2" >> "$out"
	echo "bench: $1 $2" > /dev/console
}

# Reading over 9p idles the guest: inputs go to tmpfs first.
cp -r "$FW443_BENCH_DATA" "$data"
: > "$out"
# Random numbers cost ~10k instructions each until the pool is ready.
python3 -c 'import os; os.getrandom(16)'

record version.kernel "$(uname -r)"
record version.nft "$(nft --version)"
record version.ipset "$(ipset version | head -n 1)"
record version.iptables "$(iptables-legacy --version)"
record version.fw443 "$("$FW443" --version)"

modprobe tun || exit 1
ns_per_insn=$("$TUNSEND" --calibrate 500000000 | awk '{ printf "%.6f", $1 / 1e9 }')
record calibration.ns_per_instruction "$ns_per_insn"

netns_seq=0
# fresh_ns: a router namespace fed by tun0, forwarding into dummy0.
fresh_ns() {
	netns_seq=$((netns_seq + 1))
	ns=bench$netns_seq
	ip netns add "$ns"
	ip -n "$ns" link set lo up
	ip -n "$ns" tuntap add dev tun0 mode tun
	ip -n "$ns" addr add 198.18.0.1/15 dev tun0
	ip -n "$ns" addr add 2001:db8:b::1/64 dev tun0 nodad
	ip -n "$ns" link set tun0 up
	ip -n "$ns" link add dummy0 type dummy
	ip -n "$ns" addr add 192.0.2.1/24 dev dummy0
	ip -n "$ns" addr add 2001:db8:d::1/64 dev dummy0 nodad
	ip -n "$ns" link set dummy0 up
	ip netns exec "$ns" sysctl -qw net.ipv4.ip_forward=1 \
		net.ipv6.conf.all.forwarding=1 net.ipv4.conf.all.rp_filter=0 \
		net.ipv4.conf.default.rp_filter=0 net.ipv4.conf.tun0.rp_filter=0
}

# per_packet FAMILY: instructions per packet through $ns, best of REPS.
per_packet() {
	local src=$data/src$1.txt dst=$DST4 best= t i
	[ "$1" = 6 ] && dst=$DST6
	ip netns exec "$ns" "$TUNSEND" tun0 "$src" "$dst" 20000 > /dev/null
	for i in $(seq 1 $REPS); do
		t=$(ip netns exec "$ns" "$TUNSEND" tun0 "$src" "$dst" "$PACKETS") ||
			{ echo "bench: tunsend failed in $ns" > /dev/console; exit 1; }
		[ -z "$best" ] || [ "$t" -lt "$best" ] && best=$t
	done
	awk -v t="$best" -v n="$PACKETS" -v c="$ns_per_insn" \
		'BEGIN { printf "%.0f", t / n / c }'
}

# kernel_bytes: what the kernel holds in slab, vmalloc and per-CPU memory.
kernel_bytes() {
	awk '/^(Slab|VmallocUsed|Percpu):/ { kb += $2 } END { print kb * 1024 }' \
		/proc/meminfo
}

# timed KEY COMMAND...: instructions the command took (userspace and
# kernel), its peak memory, and the kernel memory it left behind.
timed() {
	local key=$1 t0 t1 mem0 rss
	shift
	sync
	echo 3 > /proc/sys/vm/drop_caches
	mem0=$(kernel_bytes)
	t0=$(date +%s%N)
	/usr/bin/time -o /tmp/time.out -f %M "$@" > /dev/null 2>&1
	rss=$(tail -n 1 /tmp/time.out)
	t1=$(date +%s%N)
	record "load.$key.instructions" "$(awk -v d=$((t1 - t0)) -v c="$ns_per_insn" 'BEGIN { printf "%.0f", d / c }')"
	record "load.$key.tool_peak_kb" "$rss"
	record "load.$key.kernel_bytes" "$(( $(kernel_bytes) - mem0 ))"
}

count() { wc -l < "$data/$1.txt"; }
family_of() { case $1 in v6-*) echo 6 ;; *) echo 4 ;; esac; }

# incremental KEY FAMILY ADD_CMD DEL_CMD: instructions per single-entry add,
# then delete, with a big set loaded: 20 runs of the whole command (process
# start included), each on an address of inc4/inc6.txt, which no set holds.
# "{}" in a command stands for the address.
incremental() {
	local key=$1 fam=$2 add=$3 del=$4 what cmd t0 t1 a
	for what in add del; do
		cmd=$add; [ "$what" = del ] && cmd=$del
		t0=$(date +%s%N)
		while read -r a; do
			ip netns exec "$ns" sh -c "${cmd//\{\}/$a}" > /dev/null ||
				echo "bench: $key $what $a failed" > /dev/console
		done < "$data/inc$fam.txt"
		t1=$(date +%s%N)
		record "incremental.$key.$what" "$(awk -v d=$((t1 - t0)) -v c="$ns_per_insn" \
			'BEGIN { printf "%.0f", d / c / 20 }')"
	done
}

all_sets="v4-1000 v4-100000 v4-1000000 v6-bogons v6-200000"
other_sets=$all_sets
[ -n "$ONLY" ] && other_sets=
modprobe -a tun nf_tables ip_set ip_set_hash_net xt_set ip_tables iptable_raw \
	ip6_tables ip6table_raw

# --- no firewall ---------------------------------------------------------
fresh_ns
record packet.none.v4 "$(per_packet 4)"
record packet.none.v6 "$(per_packet 6)"

# --- nftables interval sets (two namespaces each, keep the lower) --------
# No single-entry changes here: 20 nft adds to the 1M auto-merge interval
# set had not finished after ten minutes of emulation (billions of
# instructions each), and the rest of the bench waited for them.
for set in $other_sets; do
	fam=$(family_of "$set")
	best=
	for attempt in 1 2; do
		fresh_ns
		[ "$attempt" = 1 ] && timed "nft.$set" ip netns exec "$ns" nft -f "$data/$set.nft"
		[ "$attempt" = 2 ] && ip netns exec "$ns" nft -f "$data/$set.nft"
		v=$(per_packet $fam)
		[ -z "$best" ] || [ "$v" -lt "$best" ] && best=$v
		ip netns del "$ns"
	done
	record "packet.nft.$set" "$best"
	record "entries.$set" "$(count "$set")"
done

# --- ipset hash:net + iptables (legacy) -----------------------------------
for set in $other_sets; do
	fam=$(family_of "$set") ipt=iptables-legacy
	[ "$fam" = 6 ] && ipt=ip6tables-legacy
	fresh_ns
	timed "ipset.$set" ip netns exec "$ns" ipset restore -f "$data/$set.ipset"
	ip netns exec "$ns" "$ipt" -t raw -A PREROUTING -p tcp --dport 443 \
		-m set --match-set s src -j DROP
	record "packet.ipset.$set" "$(per_packet $fam)"
	[ "$set" = v4-1000000 ] &&
		incremental ipset.v4-1000000 4 "ipset add s {}" "ipset del s {}"
	ip netns exec "$ns" "$ipt" -t raw -F
	ip netns exec "$ns" ipset destroy
	ip netns del "$ns"
done

# --- fw443 ------------------------------------------------------------------
modprobe nf_defrag_ipv6
insmod "$FW443_KO" || exit 1
fresh_ns
record packet.fw443_empty.v4 "$(per_packet 4)"
record packet.fw443_empty.v6 "$(per_packet 6)"
for set in $all_sets; do
	fam=$(family_of "$set")
	fresh_ns
	timed "fw443.$set" ip netns exec "$ns" "$FW443" block load s \
		"$data/$set.txt" direction in
	record "packet.fw443.$set" "$(per_packet $fam)"
	record "stored.fw443.$set" "$(ip netns exec "$ns" "$FW443" lists -j | jq '.lists[0].entries_v4 + .lists[0].entries_v6')"
	record "memory.fw443.$set" "$(ip netns exec "$ns" "$FW443" lists -j | jq '.lists[0].memory_bytes')"
	[ "$set" = v4-1000000 ] &&
		incremental fw443.v4-1000000 4 "$FW443 block add {} list s" \
			"$FW443 block del {} list s"
	ip netns del "$ns"
done
echo "bench: done" > /dev/console
