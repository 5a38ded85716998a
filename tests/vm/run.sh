#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Boot Debian's kernel under qemu (TCG: KVM is not usable here) with the host
# root shared read-only, load the freshly built fw443.ko inside and run
# integration tests (or the demo). One boot runs all the tests asked for.
#
# usage: run.sh [--demo | --bench] [TEST...]
#   TEST: a name from tests/integration/; --bench runs tests/bench/guest-bench.sh
#   on one vCPU with -icount shift=0, so guest nanoseconds count instructions.
#
# Environment: FW443_KO, the module to test (default kmod/fw443.ko); the VM
# boots /boot/vmlinuz-VERSION for the VERSION the module was built for,
# unless FW443_KERNEL names another kernel image (the debug kernel), which
# then has what the VM needs built in. FW443_APPEND adds to its command
# line; FW443_VM_OUT is where results go (default $FW443_BUILD/vm/VERSION).
# FW443_TIMEOUT_SCALE multiplies every test's time limit (slow kernels).
#
# Results: results/NAME.{tap,log,rc}, console.log, dmesg.txt in the output
# directory. Exit status: 0 when the guest ran to its end, 1 when the VM
# crashed, hung (killed after the timeout) or could not start.
set -uo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
build=${FW443_BUILD:-$repo/build}
ko=${FW443_KO:-$repo/kmod/fw443.ko}
per_test_timeout=${FW443_TEST_TIMEOUT:-300}
timeout_scale=${FW443_TIMEOUT_SCALE:-1}
boot_allowance=120
mode=check

case "${1:-}" in
--demo | --bench)
	mode=${1#--}
	shift
	;;
esac

die() {
	echo "vm: $*" >&2
	exit 1
}

[ -f "$ko" ] || die "$ko not built: run make"
kver=$(modinfo -F vermagic "$ko" | awk '{ print $1 }')
kernel=${FW443_KERNEL:-/boot/vmlinuz-$kver}
[ -r "$kernel" ] || die "$ko is built for $kver but $kernel is missing: install linux-image-$kver (make deps)"

initrd=$build/vm/initramfs-$kver.cpio.gz
if [ ! -s "$initrd" ] || [ "$repo/tests/vm/initramfs-init" -nt "$initrd" ] ||
   [ "$repo/tests/vm/mkinitramfs.sh" -nt "$initrd" ]; then
	mkdir -p "$build/vm"
	"$repo/tests/vm/mkinitramfs.sh" "$kver" "$initrd" || die "cannot build the initramfs"
fi

if [ $# -eq 0 ]; then
	tests=$(cd "$repo/tests/integration" && ls ./*.sh | sed 's|^\./||; s|\.sh$||' | grep -vx lib)
else
	tests="$*"
fi
for t in $tests; do
	[ -f "$repo/tests/integration/$t.sh" ] || die "no such integration test: $t"
done

out=${FW443_VM_OUT:-$build/vm/$kver}
rm -rf "$out"
mkdir -p "$out/results"
cat > "$out/job.env" <<JOB
FW443_REPO='$repo'
FW443_KO='$ko'
FW443_MODE='$mode'
FW443_TESTS='$(echo $tests)'
FW443_TEST_TIMEOUT='$per_test_timeout'
FW443_TIMEOUT_SCALE='$timeout_scale'
FW443_BENCH_DATA='$build/bench/data'
FW443_BENCH_ONLY='${FW443_BENCH_ONLY:-}'
JOB

# Each test's own "# timeout: N", or the default, plus time to clean up.
vm_timeout=$boot_allowance
for t in $tests; do
	limit=$(sed -n 's/^# timeout: \([0-9]\+\)$/\1/p' "$repo/tests/integration/$t.sh" | head -n 1)
	vm_timeout=$((vm_timeout + ${limit:-$per_test_timeout} * timeout_scale + 15))
done
serial="file:$out/console.log"
loglevel=5
cpu=(-smp 2)
case $mode in
demo)
	serial=stdio
	loglevel=4
	;;
bench)
	# One vCPU, and the guest clock ticks once per instruction.
	cpu=(-smp 1 -icount shift=0,sleep=off)
	FW443_APPEND="${FW443_APPEND:-} nohz=off"
	vm_timeout=${FW443_BENCH_TIMEOUT:-5400}
	;;
esac

timeout -k 10 "$vm_timeout" qemu-system-x86_64 \
	-accel tcg -cpu max "${cpu[@]}" -m 3072 \
	-nodefaults -display none -no-reboot \
	-kernel "$kernel" -initrd "$initrd" \
	-append "console=ttyS0 panic=-1 loglevel=$loglevel mitigations=off ${FW443_APPEND:-}" \
	-serial "$serial" \
	-virtfs local,path=/,mount_tag=hostroot,readonly=on,security_model=none,multidevs=remap \
	-virtfs "local,path=$out,mount_tag=fw443out,security_model=none" \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 < /dev/null
rc=$?

# isa-debug-exit: guest-init.sh writes 0, qemu exits 1.
case $rc in
1)	[ "$mode" = check ] || exit "$(cat "$out/$mode.rc" 2>/dev/null || echo 1)"
	exit 0 ;;
124|137) echo "vm: killed after ${vm_timeout}s; console log: $out/console.log" >&2 ;;
*)	echo "vm: qemu exited with status $rc before the guest finished (kernel panic?); console log: $out/console.log" >&2 ;;
esac
exit 1
