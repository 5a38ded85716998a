#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make bench, inside a one-vCPU guest under qemu -icount shift=0 (1 ns of
# guest time is one instruction), each contender in fresh namespaces, in
# one boot:
# - block lists: the same job, dropping TCP/443 from listed sources, done by
#   no firewall, nftables interval sets, ipset hash:net with iptables
#   (legacy), and fw443; and loading the sets, fw443's 1M IPv4 set also
#   pushed as a ruleset by fw443 apply;
# - connection tracking: the same policy (new connections to 443 from the
#   inside, then their packets both ways; nothing else) done by conntrack
#   with nftables and by fw443's flow table, against no firewall.
# Results go to $FW443_OUT/bench.txt as "key value" lines.
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
WARMUP=20000
# A quicker look while tuning: FW443_BENCH_ONLY=fw443 measures fw443's block
# lists alone, FW443_BENCH_ONLY=flows connection tracking alone,
# FW443_BENCH_ONLY=load the loads of the 1M IPv4 set alone, by every
# contender.
ONLY=${FW443_BENCH_ONLY:-}
REPS=3
DST4=192.0.2.99
DST6=2001:db8:d::99
# Connections go from clients behind tun0 to a server behind tun1.
SERVER=203.0.113.99
CLIENTS=198.18.1.0
FLOW_SIZES="10000 1000000"
# Established packets go round the first POOL connections, at most, as SYNs
# go round 65,536 sources in the block-list tests.
POOL=65536
# fw443's flow limit, and conntrack's; sized when tracking starts.
FLOWS_MAX=2000000
CT_BUCKETS=1048576
# A namespace that held a loaded set is gone once the kernel holds at most
# this much more than before the load: partly used slab pages stay behind.
LOAD_SLACK=$((8 << 20))

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

# insns NANOSECONDS COUNT: instructions per one of COUNT.
insns() {
	awk -v t="$1" -v n="$2" -v c="$ns_per_insn" 'BEGIN { printf "%.0f", t / n / c }'
}

# cost KIND SOURCES DST [PEER]: instructions per packet (per connection for
# handshakes) through $ns: the best of REPS runs of PACKETS after a warm-up
# run of WARMUP (tests/bench/tunsend.c has KIND, SOURCES and PEER). SOURCES
# "fresh": every run has clients no run before it had (198.19.RUN.0 up), so
# that each SYN opens a connection.
cost() {
	local kind=$1 src=$2 dst=$3 peer=${4:-} best= t run n s
	for run in $(seq 0 $REPS); do
		n=$PACKETS s=$src
		[ "$run" = 0 ] && n=$WARMUP
		[ "$src" = fresh ] && s=198.19.$run.0+$n
		t=$(ip netns exec "$ns" "$TUNSEND" -k "$kind" tun0 "$s" "$dst" "$n" ${peer:+"$peer"}) ||
			{ echo "bench: tunsend failed in $ns" > /dev/console; exit 1; }
		[ "$run" = 0 ] && continue
		[ -z "$best" ] || [ "$t" -lt "$best" ] && best=$t
	done
	insns "$best" "$PACKETS"
}

# per_packet FAMILY: instructions per SYN from the listed sources' file.
per_packet() {
	local dst=$DST4
	[ "$1" = 6 ] && dst=$DST6
	cost syn "$data/src$1.txt" "$dst"
}

# kernel_bytes: what the kernel holds in slab, vmalloc and per-CPU memory.
kernel_bytes() {
	awk '/^(Slab|VmallocUsed|Percpu):/ { kb += $2 } END { print kb * 1024 }' \
		/proc/meminfo
}

# ns_del_wait BYTES SLACK: delete $ns and wait until the kernel holds at
# most SLACK bytes more than BYTES: a namespace's memory (its conntrack
# entries, its sets and lists) is freed in a kworker after it is gone, and
# would otherwise come off the next figure of kernel memory.
ns_del_wait() {
	local i
	ip netns del "$ns"
	for i in $(seq 1 600); do
		[ "$(kernel_bytes)" -le $(($1 + $2)) ] && return
		sleep 1
	done
	echo "bench: $ns still holds $(( $(kernel_bytes) - $1 )) bytes" > /dev/console
}

# timed KEY COMMAND...: instructions the command took (userspace and
# kernel), its peak memory, and the kernel memory it left behind. Notes the
# kernel's memory before it in load_bytes, for ns_del_wait.
timed() {
	local key=$1 t0 t1 rss
	shift
	sync
	echo 3 > /proc/sys/vm/drop_caches
	load_bytes=$(kernel_bytes)
	t0=$(date +%s%N)
	/usr/bin/time -o /tmp/time.out -f %M "$@" > /dev/null 2>&1
	rss=$(tail -n 1 /tmp/time.out)
	t1=$(date +%s%N)
	record "load.$key.instructions" "$(awk -v d=$((t1 - t0)) -v c="$ns_per_insn" 'BEGIN { printf "%.0f", d / c }')"
	record "load.$key.tool_peak_kb" "$rss"
	record "load.$key.kernel_bytes" "$(( $(kernel_bytes) - load_bytes ))"
}

# fw443_list KEY: what fw443's list s in $ns stores, entries and bytes by
# its own account.
fw443_list() {
	ip netns exec "$ns" "$FW443" lists -j | jq '.lists[] | select(.name == "s")' > /tmp/list.json
	record "stored.$1" "$(jq '.entries_v4 + .entries_v6' /tmp/list.json)"
	record "memory.$1" "$(jq .memory_bytes /tmp/list.json)"
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

# fw443_apply KEY RULESET: fw443 apply of RULESET into a fresh namespace,
# timed as a load, and what the list s it makes stores.
fw443_apply() {
	fresh_ns
	timed "$1" ip netns exec "$ns" "$FW443" apply "$2"
	fw443_list "$1"
	ns_del_wait "$load_bytes" "$LOAD_SLACK"
}

# flows_ns: fresh_ns with a server side: tun1, where 203.0.113.0/24 is.
# Notes the kernel's memory before, for flows_done.
flows_ns() {
	sync
	echo 3 > /proc/sys/vm/drop_caches
	ns_bytes=$(kernel_bytes)
	fresh_ns
	ip -n "$ns" tuntap add dev tun1 mode tun
	ip -n "$ns" addr add 203.0.113.1/24 dev tun1
	ip -n "$ns" link set tun1 up
	ip netns exec "$ns" sysctl -qw net.ipv4.conf.tun1.rp_filter=0
}

# flows_policy CONTENDER: the same policy in $ns as the contender says it:
# new connections to 443 from tun0 (the inside) are accepted, then their
# packets both ways; anything else is dropped. Each keeps its own default
# for connections seen mid-stream: conntrack adopts them
# (nf_conntrack_tcp_loose), fw443 on an appliance does not (pickup off;
# with pickup on, every plain ACK is looked up at FORWARD, not PRE_ROUTING).
flows_policy() {
	case $1 in
	conntrack)
		ip netns exec "$ns" nft -f - <<-EOF
			table inet bench {
				chain forward {
					type filter hook forward priority filter; policy accept;
					ct state established,related accept
					iifname "tun0" tcp dport 443 ct state new accept
					counter drop
				}
			}
		EOF
		;;
	fw443)
		ip netns exec "$ns" "$FW443" zone set tun0 inside &&
		ip netns exec "$ns" "$FW443" policy add from inside to outside accept &&
		ip netns exec "$ns" "$FW443" flows set max "$FLOWS_MAX" &&
		ip netns exec "$ns" "$FW443" policy default drop
		;;
	esac || echo "bench: cannot set the policy of $1 in $ns" > /dev/console
}

# flows_dropped CONTENDER: what the contender dropped in $ns, as
# "reason:packets ..."; 0 for nothing.
flows_dropped() {
	case $1 in
	conntrack)
		ip netns exec "$ns" nft -j list ruleset | jq -r '[.nftables[] |
			.rule.expr[]?.counter.packets // empty | select(. > 0) |
			"drop:\(.)"] | if length > 0 then join(" ") else "0" end'
		;;
	fw443)
		ip netns exec "$ns" "$FW443" stats -j | jq -r '[.drops[]? |
			select(.packets > 0) | "\(.reason):\(.packets)"] |
			if length > 0 then join(" ") else "0" end'
		;;
	*)
		echo 0
		;;
	esac
}

# flows_open N: open N connections in $ns by three-way handshakes; print
# the nanoseconds it took.
flows_open() {
	ip netns exec "$ns" "$TUNSEND" -k handshake tun0 "$CLIENTS+$1" \
		"$SERVER" "$1" tun1
}

# flows_fill CONTENDER N: flows_open, and note the cost, how many
# connections the contender tracks, the kernel memory they took and the
# contender's own account of it: a flow's slab object and the buckets of
# its hash table.
flows_fill() {
	local c=$1 n=$2 t mem0
	sync
	echo 3 > /proc/sys/vm/drop_caches
	mem0=$(kernel_bytes)
	t=$(flows_open "$n")
	sync
	echo 3 > /proc/sys/vm/drop_caches
	record "flow.$c.fill.$n" "$(insns "$t" "$n")"
	record "flow.$c.kernel_bytes.$n" "$(( $(kernel_bytes) - mem0 ))"
	case $c in
	conntrack)
		record "flow.$c.tracked.$n" "$(ip netns exec "$ns" cat /proc/sys/net/netfilter/nf_conntrack_count)"
		record "flow.$c.object_size.$n" "$(awk '$1 == "nf_conntrack" { print $4 }' /proc/slabinfo)"
		record "flow.$c.buckets.$n" "$(cat /sys/module/nf_conntrack/parameters/hashsize)"
		;;
	fw443)
		ip netns exec "$ns" "$FW443" status -j > /tmp/status.json
		record "flow.$c.tracked.$n" "$(jq .flows_active /tmp/status.json)"
		record "flow.$c.object_size.$n" "$(jq .flow_size /tmp/status.json)"
		record "flow.$c.buckets.$n" "$(jq .flow_buckets /tmp/status.json)"
		;;
	esac
}

# flows_done CONTENDER: print what the contender dropped in $ns (there
# should be nothing), delete $ns and wait until the kernel has freed its
# flows.
flows_done() {
	flows_dropped "$1"
	ns_del_wait "$ns_bytes" $((16 << 20))
}

# flows_test CONTENDER TEST N KIND SOURCES: note TEST, the instructions per
# packet (per connection for handshakes) of KIND from SOURCES (see cost)
# with N connections open, and what the contender dropped. The lower of two
# fresh namespaces, as an nft chain sometimes costs more for a namespace's
# whole life; one only for a million connections, which take long to open.
flows_test() {
	local c=$1 test=$2 n=$3 kind=$4 src=$5 attempts=2 best= dropped=0 i v
	[ "$n" -ge 1000000 ] && attempts=1
	for i in $(seq 1 $attempts); do
		flows_ns
		flows_policy "$c"
		if [ "$c" != none ] && [ "$n" -gt 0 ]; then
			if [ "$i" = 1 ]; then
				flows_fill "$c" "$n"
			else
				flows_open "$n" > /dev/null
			fi
		fi
		v=$(cost "$kind" "$src" "$SERVER" tun1)
		[ -z "$best" ] || [ "$v" -lt "$best" ] && best=$v
		v=$(flows_done "$c")
		[ "$v" = 0 ] || dropped=$v
	done
	record "flow.$c.$test" "$best"
	record "flow.$c.$test.dropped" "$dropped"
}

# flows CONTENDER: connection tracking by the contender (none: no
# firewall): instructions per SYN that opens a connection, per three-way
# handshake, and per packet of an established connection with each of
# FLOW_SIZES connections open.
flows() {
	local n
	flows_test "$1" syn 0 syn fresh
	flows_test "$1" handshake 0 handshake fresh
	for n in $FLOW_SIZES; do
		flows_test "$1" "ack.$n" "$n" ack "$CLIENTS+$((n < POOL ? n : POOL))"
	done
}

all_sets="v4-1000 v4-100000 v4-1000000 v6-bogons v6-200000"
# The set fw443 apply pushes as a ruleset (gendata.py writes it).
apply_set=v4-1000000
# What this run measures: block lists of the others and of fw443, flows;
# loads_only: the loads, and no traffic nor single-entry changes.
other_sets=$all_sets fw443_sets=$all_sets flows=yes loads_only=
case $ONLY in
fw443) other_sets= flows= ;;
flows) other_sets= fw443_sets= ;;
load) other_sets=$apply_set fw443_sets=$apply_set flows= loads_only=yes ;;
esac
modprobe -a tun nf_tables ip_set ip_set_hash_net xt_set ip_tables iptable_raw \
	ip6_tables ip6table_raw

# --- no firewall ---------------------------------------------------------
if [ -z "$loads_only" ]; then
	fresh_ns
	record packet.none.v4 "$(per_packet 4)"
	record packet.none.v6 "$(per_packet 6)"
fi
[ -n "$flows" ] && flows none

# --- nftables interval sets (two namespaces each, keep the lower) --------
# No single-entry changes here: 20 nft adds to the 1M auto-merge interval
# set had not finished after ten minutes of emulation (billions of
# instructions each), and the rest of the bench waited for them.
attempts="1 2"
[ -n "$loads_only" ] && attempts=1
for set in $other_sets; do
	fam=$(family_of "$set")
	best=
	for attempt in $attempts; do
		fresh_ns
		[ "$attempt" = 1 ] && timed "nft.$set" ip netns exec "$ns" nft -f "$data/$set.nft"
		[ "$attempt" = 2 ] && ip netns exec "$ns" nft -f "$data/$set.nft"
		if [ -z "$loads_only" ]; then
			v=$(per_packet $fam)
			[ -z "$best" ] || [ "$v" -lt "$best" ] && best=$v
		fi
		ns_del_wait "$load_bytes" "$LOAD_SLACK"
	done
	[ -n "$best" ] && record "packet.nft.$set" "$best"
	record "entries.$set" "$(count "$set")"
done

# --- ipset hash:net + iptables (legacy) -----------------------------------
for set in $other_sets; do
	fam=$(family_of "$set") ipt=iptables-legacy
	[ "$fam" = 6 ] && ipt=ip6tables-legacy
	fresh_ns
	timed "ipset.$set" ip netns exec "$ns" ipset restore -f "$data/$set.ipset"
	if [ -z "$loads_only" ]; then
		ip netns exec "$ns" "$ipt" -t raw -A PREROUTING -p tcp --dport 443 \
			-m set --match-set s src -j DROP
		record "packet.ipset.$set" "$(per_packet $fam)"
		[ "$set" = v4-1000000 ] &&
			incremental ipset.v4-1000000 4 "ipset add s {}" "ipset del s {}"
		ip netns exec "$ns" "$ipt" -t raw -F
	fi
	ip netns exec "$ns" ipset destroy
	ns_del_wait "$load_bytes" "$LOAD_SLACK"
done

# --- conntrack with nftables -----------------------------------------------
# Its table is global: as large as fw443's at FLOWS_MAX, in buckets and limit.
if [ -n "$flows" ]; then
	modprobe nf_conntrack
	echo "$CT_BUCKETS" > /sys/module/nf_conntrack/parameters/hashsize
	sysctl -qw net.netfilter.nf_conntrack_max="$FLOWS_MAX"
	flows conntrack
fi

# --- fw443 ------------------------------------------------------------------
modprobe nf_defrag_ipv6
insmod "$FW443_KO" || exit 1
if [ -z "$loads_only" ]; then
	fresh_ns
	record packet.fw443_empty.v4 "$(per_packet 4)"
	record packet.fw443_empty.v6 "$(per_packet 6)"
fi
for set in $fw443_sets; do
	fam=$(family_of "$set")
	fresh_ns
	timed "fw443.$set" ip netns exec "$ns" "$FW443" block load s \
		"$data/$set.txt" direction in
	[ -z "$loads_only" ] && record "packet.fw443.$set" "$(per_packet $fam)"
	fw443_list "fw443.$set"
	[ -z "$loads_only" ] && [ "$set" = v4-1000000 ] &&
		incremental fw443.v4-1000000 4 "$FW443 block add {} list s" \
			"$FW443 block del {} list s"
	ns_del_wait "$load_bytes" "$LOAD_SLACK"
done
# The same set pushed whole by fw443 apply, in the two forms a ruleset can
# hold it: a million add lines, as fw443 save writes a list, and one load
# line naming the list file.
case " $fw443_sets " in
*" $apply_set "*)
	fw443_apply "fw443_apply.$apply_set" "$data/$apply_set.ruleset"
	printf 'block load s %s direction in\n' "$data/$apply_set.txt" \
		> "$data/$apply_set.load.ruleset"
	fw443_apply "fw443_apply_load.$apply_set" "$data/$apply_set.load.ruleset"
	;;
esac
if [ -n "$flows" ]; then
	# fw443's hooks alone, tracking off, on the first size's packets.
	n=${FLOW_SIZES%% *}
	flows_test fw443_off "ack.$n" 0 ack "$CLIENTS+$n"
	flows fw443
fi
echo "bench: done" > /dev/console
