#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Run fw443's test suites and report them as one TAP stream, ending with
# the line "N passed, N failed". Exit status 1 when anything failed.
#
# usage: check.sh [SELECTOR...]
#   SELECTOR: a group (style, unit, vm) or one suite (unit/test_stats,
#   vm/counters). Default: everything.
#
# Suites: style/checkpatch (kmod/ and the UAPI header), unit/* (userspace
# unit tests under ASan/UBSan), vm/* (integration tests, all in one VM boot)
# and vm/kernel-log (no WARN, BUG, Oops or sanitizer report in the guest's
# kernel log).
set -uo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
build=${FW443_BUILD:-$repo/build}
results=$build/results
selectors=${*:-style unit vm}
passed=0
failed=0
suite_no=0

selected() {
	local s
	for s in $selectors; do
		case $1 in "$s" | "$s"/*) return 0 ;; esac
	done
	return 1
}

# report SUITE TAP_FILE EXIT_STATUS: show a suite's TAP indented as a
# subtest, count its results, and fail the suite when it exited non-zero
# or ran a different number of tests than it planned.
report() {
	local suite=$1 tap=$2 rc=$3 ok bad plan ran verdict=ok

	echo "# $suite"
	sed 's/^/    /' "$tap"
	ok=$(grep -c '^ok ' "$tap")
	bad=$(grep -c '^not ok ' "$tap")
	plan=$(sed -n 's/^1\.\.\([0-9]\+\).*/\1/p' "$tap" | head -n 1)
	ran=$((ok + bad))
	passed=$((passed + ok))
	failed=$((failed + bad))
	if [ "$bad" -eq 0 ] && { [ "$rc" -ne 0 ] || [ "${plan:-x}" != "$ran" ]; }; then
		echo "    # $suite exited with status $rc after $ran of ${plan:-?} planned tests"
		failed=$((failed + 1))
	fi
	[ "$bad" -ne 0 ] || [ "$rc" -ne 0 ] && verdict="not ok"
	suite_no=$((suite_no + 1))
	echo "$verdict $suite_no - $suite"
}

run_checkpatch() {
	local f n=0 checkpatch=$build/linux-source/scripts/checkpatch.pl
	local files=("$repo"/include/uapi/linux/fw443.h)

	for f in "$repo"/kmod/*.[ch]; do
		case $f in *.mod.c) ;; *) files+=("$f") ;; esac
	done

	echo "1..${#files[@]}"
	for f in "${files[@]}"; do
		n=$((n + 1))
		if out=$("$checkpatch" --no-tree --quiet --show-types -f "$f" 2>&1); then
			echo "ok $n - checkpatch ${f#"$repo"/}"
		else
			echo "not ok $n - checkpatch ${f#"$repo"/}"
			echo "$out" | sed 's/^/# /'
		fi
	done
}

run_unit() {
	local t name

	for t in "$repo"/tests/unit/build/test_*; do
		[ -x "$t" ] || continue
		name=unit/$(basename "$t")
		selected "$name" || continue
		"$t" > "$results/$(basename "$t").tap" 2>&1
		report "$name" "$results/$(basename "$t").tap" $?
	done
}

run_vm() {
	local t names=() vm_rc out=$build/vm/out res

	for t in "$repo"/tests/integration/*.sh; do
		t=$(basename "$t" .sh)
		[ "$t" = lib ] && continue
		selected "vm/$t" && names+=("$t")
	done
	[ ${#names[@]} -gt 0 ] || return 0
	echo "# vm: booting $(basename "$(ls /boot/vmlinuz-* | sort -V | tail -n 1)") for ${names[*]}"
	"$repo/tests/vm/run.sh" "${names[@]}"
	vm_rc=$?
	for t in "${names[@]}"; do
		res=$out/results/$t
		if [ -f "$res.rc" ]; then
			report "vm/$t" "$res.tap" "$(cat "$res.rc")"
			[ -s "$res.log" ] && [ "$(cat "$res.rc")" != 0 ] &&
				sed 's/^/    # stderr: /' "$res.log" | tail -n 40
		else
			printf '1..1\nnot ok 1 - did not run: the VM ended first\n' > "$results/vm-$t.tap"
			report "vm/$t" "$results/vm-$t.tap" 1
		fi
	done
	kernel_log_check "$out" "$vm_rc" > "$results/kernel-log.tap"
	report vm/kernel-log "$results/kernel-log.tap" 0
	echo "# vm: console log $out/console.log, kernel log $out/dmesg.txt"
}

# Anything the kernel reports about itself fails the run, even if every
# test passed: a WARN today is an oops on someone's appliance tomorrow.
kernel_log_check() {
	local out=$1 vm_rc=$2 pattern hits
	pattern='BUG:|WARNING:|Oops|general protection|Call Trace|KASAN|UBSAN|kmemleak|RCU stall|blocked for more than|Kernel panic'

	echo "1..2"
	if [ "$vm_rc" -eq 0 ]; then
		echo "ok 1 - the VM ran to its end"
	else
		echo "not ok 1 - the VM crashed or hung"
		tail -n 30 "$out/console.log" 2>/dev/null | sed 's/^/# /'
	fi
	hits=$(cat "$out/console.log" "$out/dmesg.txt" 2>/dev/null | grep -E "$pattern")
	if [ -z "$hits" ]; then
		echo "ok 2 - no WARN, BUG, Oops or sanitizer report in the kernel log"
	else
		echo "not ok 2 - the kernel log reports problems"
		echo "$hits" | head -n 40 | sed 's/^/# /'
	fi
}

mkdir -p "$results"
echo "TAP version 13"
if selected style/checkpatch; then
	run_checkpatch > "$results/checkpatch.tap"
	report style/checkpatch "$results/checkpatch.tap" 0
fi
run_unit
run_vm
echo "1..$suite_no"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
