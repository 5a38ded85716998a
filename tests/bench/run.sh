#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make bench: measure fw443 against no firewall, nftables and ipset +
# iptables doing the same job, and fw443's flow table against conntrack,
# counting instructions (a one-vCPU guest under qemu -icount shift=0;
# callgrind for the prefix table in userspace), and write the figures with
# their method to BENCHMARKS.md.
#
# Slow by design (the 1M-entry loads of nft and ipset alone take tens of
# billions of instructions under emulation): expect 30-60 minutes.
# FW443_BENCH_ONLY=fw443 (fw443's block lists), =flows (connection
# tracking: conntrack and fw443) or =load (loading the 1M IPv4 set: nft -f,
# ipset restore, fw443 block load and fw443 apply, no traffic) is quicker,
# and prints the raw figures instead of writing BENCHMARKS.md.
set -euo pipefail

case ${FW443_BENCH_ONLY:-} in
"" | fw443 | flows | load) ;;
*)
	echo "bench: FW443_BENCH_ONLY is fw443, flows or load, not $FW443_BENCH_ONLY" >&2
	exit 2
	;;
esac

repo=$(cd "$(dirname "$0")/../.." && pwd)
build=${FW443_BUILD:-$repo/build}
feeds=$repo/tests/data/blocklists
data=$build/bench/data

# The kernel the reference figures were taken on: Debian 12's own.
kver=${FW443_BENCH_KERNEL:-$(ls -d /usr/src/linux-headers-6.1.*-amd64 | sort -V | tail -n 1)}
kver=${kver#/usr/src/linux-headers-}
"$repo/scripts/build-module.sh" "/usr/src/linux-headers-$kver" "$build/kernels/$kver" > /dev/null
make -s -C "$repo/tests/bench" all

# The data is made again whenever what makes it changed: .done holds a
# digest of those files, not a time, so that a cache copied from elsewhere
# (new file times) cannot pass for current while it lacks a file that
# gendata.py writes now.
stamp=$(cat "$repo/tests/bench/gendata.py" "$repo/tests/integration/feedref.py" \
	"$feeds/firehol_level1.netset" "$feeds/fullbogons-ipv6.txt" | sha256sum)
if [ "$(cat "$data/.done" 2> /dev/null)" != "$stamp" ]; then
	rm -rf "$data"
	python3 "$repo/tests/bench/gendata.py" "$feeds/firehol_level1.netset" \
		"$feeds/fullbogons-ipv6.txt" "$data"
	echo "$stamp" > "$data/.done"
fi

out=$build/bench/vm
FW443_KO=$build/kernels/$kver/kmod/fw443.ko FW443_VM_OUT=$out \
	"$repo/tests/vm/run.sh" --bench || {
	echo "bench: the benchmark VM failed; see $out/bench.log and $out/console.log" >&2
	exit 1
}

if [ -n "${FW443_BENCH_ONLY:-}" ]; then
	cat "$out/bench.txt"
	exit 0
fi
make -s -C "$repo/tests/bench" lpm FEED4="$feeds/firehol_level1.netset" \
	FEED6="$feeds/fullbogons-ipv6.txt" > "$build/bench/lpm.txt"

python3 "$repo/tests/bench/report.py" "$out/bench.txt" "$build/bench/lpm.txt" \
	"$kver" > "$repo/BENCHMARKS.md"
echo "bench: wrote BENCHMARKS.md"
