#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Run fw443's test suites and report them as one TAP stream, ending with
# the line "N passed, N failed". Exit status 1 when anything failed.
#
# usage: check.sh [SELECTOR...]
#   SELECTOR: a group (style, unit, host, vm) or one suite
#   (unit/test_stats, host/install, vm/counters). Default: everything.
#
# Suites: style/checkpatch (kmod/ and the UAPI header), unit/* (userspace
# unit tests under ASan/UBSan), host/* (installing, DKMS), and for each
# kernel of the matrix:
# vm/build@KERNEL (fw443.ko builds with W=1, no warnings), vm/TEST@KERNEL
# (integration tests, all in one VM boot) and vm/kernel-log@KERNEL (no WARN,
# BUG, Oops or sanitizer report in the guest's kernel log).
#
# The matrix (FW443_MATRIX): every installed linux-headers-*-amd64 whose
# image is in /boot, by default; "debug" stands for the debug kernel that
# scripts/debug-kernel.sh builds (make check-debug).
set -uo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
build=${FW443_BUILD:-$repo/build}
results=$build/results
selectors=${*:-style unit host vm}
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

# Host tests (tests/host/*.sh): what needs no VM, like installing and DKMS
# building; they get the matrix's kernels in FW443_KERNELS.
run_host() {
	local t name

	for t in "$repo"/tests/host/*.sh; do
		name=host/$(basename "$t" .sh)
		selected "$name" || continue
		FW443_KERNELS="$(default_matrix | tr '\n' ' ')" "$t" \
			> "$results/host-${name#host/}.tap" 2>&1
		report "$name" "$results/host-${name#host/}.tap" $?
	done
}

default_matrix() {
	local h kver
	for h in /usr/src/linux-headers-*-amd64; do
		kver=${h#/usr/src/linux-headers-}
		[ -f "$h/Makefile" ] && [ -r "/boot/vmlinuz-$kver" ] && echo "$kver"
	done | sort -V
}

# build_for KERNEL: build fw443.ko for one kernel of the matrix, as a test.
# Sets kdir, and for the debug kernel the image and command line to boot.
build_for() {
	local kernel=$1 log=$results/build-$1.log
	unset FW443_KERNEL FW443_APPEND
	if [ "$kernel" = debug ]; then
		kdir=$("$repo/scripts/debug-kernel.sh") || kdir=
		export FW443_KERNEL=$kdir/arch/x86/boot/bzImage
		# Interrupt routing through ACPI costs a minute of TCG boot.
		export FW443_APPEND="acpi=noirq kmemleak=on"
	else
		kdir=/usr/src/linux-headers-$kernel
	fi
	{
		echo "1..1"
		if [ -n "$kdir" ] &&
		   "$repo/scripts/build-module.sh" "$kdir" "$build/kernels/$kernel" > "$log" 2>&1 &&
		   ! grep -q 'warning:' "$log"; then
			echo "ok 1 - fw443.ko builds against $kernel with W=1 and no warnings"
		else
			echo "not ok 1 - fw443.ko does not build cleanly against $kernel"
			tail -n 30 "$log" 2>/dev/null | sed 's/^/# /'
		fi
	} > "$results/build-$kernel.tap"
	report "vm/build@$kernel" "$results/build-$kernel.tap" 0
	grep -q '^ok' "$results/build-$kernel.tap"
}

run_vm_on() {
	local kernel=$1 t vm_rc out=$build/vm/$1 res

	build_for "$kernel" || return 0
	echo "# vm: booting $kernel for ${names[*]}"
	FW443_KO=$build/kernels/$kernel/kmod/fw443.ko FW443_VM_OUT=$out \
		"$repo/tests/vm/run.sh" "${names[@]}"
	vm_rc=$?
	for t in "${names[@]}"; do
		res=$out/results/$t
		if [ -f "$res.rc" ]; then
			report "vm/$t@$kernel" "$res.tap" "$(cat "$res.rc")"
			[ -s "$res.log" ] && [ "$(cat "$res.rc")" != 0 ] &&
				sed 's/^/    # stderr: /' "$res.log" | tail -n 40
		else
			printf '1..1\nnot ok 1 - did not run: the VM ended first\n' > "$results/vm-$t.tap"
			report "vm/$t@$kernel" "$results/vm-$t.tap" 1
		fi
	done
	kernel_log_check "$out" "$vm_rc" > "$results/kernel-log.tap"
	report "vm/kernel-log@$kernel" "$results/kernel-log.tap" 0
	echo "# vm: console log $out/console.log, kernel log $out/dmesg.txt"
}

# Tests that prove scale rather than compatibility ("# matrix: first" in
# the file) run on the first kernel of the matrix only, to keep the suite
# short; the debug kernel runs everything.
run_vm() {
	local t kernel all=() every=()

	for t in "$repo"/tests/integration/*.sh; do
		t=$(basename "$t" .sh)
		[ "$t" = lib ] && continue
		selected "vm/$t" || continue
		all+=("$t")
		grep -qx '# matrix: first' "$repo/tests/integration/$t.sh" ||
			every+=("$t")
	done
	[ ${#all[@]} -gt 0 ] || return 0
	names=("${all[@]}")
	for kernel in ${FW443_MATRIX:-$(default_matrix)}; do
		run_vm_on "$kernel"
		names=("${every[@]}")
		[ ${#names[@]} -gt 0 ] || break
	done
}

# Anything the kernel reports about itself fails the run, even if every
# test passed: a WARN today is an oops on someone's appliance tomorrow.
kernel_log_check() {
	local out=$1 vm_rc=$2 pattern hits log boot
	pattern='BUG:|WARNING:|Oops|general protection|Call Trace|KASAN|UBSAN|RCU stall|blocked for more than|Kernel panic'

	echo "1..2"
	if [ "$vm_rc" -eq 0 ]; then
		echo "ok 1 - the VM ran to its end"
	else
		echo "not ok 1 - the VM crashed or hung"
		tail -n 30 "$out/console.log" 2>/dev/null | sed 's/^/# /'
	fi
	# The kernel log (the console's if the guest died before saving it),
	# from the line the guest writes before the first test. A report
	# before it came from the kernel booting, before any fw443 code ran:
	# it is shown, but it is not this run's to fail (the debug kernel
	# under TCG has been seen to report an interrupt in early boot).
	log=$out/dmesg.txt
	[ -s "$log" ] || log=$out/console.log
	if grep -q 'fw443-vm: tests begin' "$log" 2>/dev/null; then
		boot=$(sed '/fw443-vm: tests begin/,$d' "$log" | grep -E "$pattern")
		[ -n "$boot" ] && echo "$boot" | head -n 10 |
			sed 's/^/# while the kernel booted, before any test: /'
		hits=$(sed -n '/fw443-vm: tests begin/,$p' "$log" | grep -E "$pattern")
	else	# no line: judge it all
		hits=$(grep -E "$pattern" "$log" 2>/dev/null)
	fi
	# kmemleak (debug kernel): the guest scanned at the end of the run.
	[ -s "$out/kmemleak.txt" ] && hits="$hits
$(cat "$out/kmemleak.txt")"
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
run_host
run_vm
echo "1..$suite_no"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
