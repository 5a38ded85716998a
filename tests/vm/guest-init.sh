#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# PID 1 of the test VM once the host root is mounted: set up a minimal
# system, run the job the host asked for (integration tests or the demo),
# and leave through isa-debug-exit so qemu's exit status says we finished.
#
# Results go to the writable share /fw443-out: results/NAME.tap (TAP on
# stdout), NAME.log (stderr), NAME.rc (exit status), and dmesg.txt.
set -u
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root LANG=C.UTF-8
out=/fw443-out

kmemleak=/sys/kernel/debug/kmemleak

# On a kernel with kmemleak (the debug kernel), forget what boot left
# behind, so that what is reported at the end was leaked by the tests.
kmemleak_start() {
	mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
	[ -w "$kmemleak" ] && echo clear > "$kmemleak"
}

# An object counts as leaked once unreferenced for 5 s, over two scans.
kmemleak_report() {
	[ -w "$kmemleak" ] || return 0
	sleep 6
	echo scan > "$kmemleak"
	echo scan > "$kmemleak"
	cat "$kmemleak" > "$out/kmemleak.txt"
}

# qemu exits with (value << 1) | 1: writing 0 means "the guest finished".
guest_exit() {
	kmemleak_report
	dmesg > "$out/dmesg.txt"
	sync
	printf '\0' | dd of=/dev/port bs=1 seek=244 count=1 conv=notrunc \
		status=none
	sleep 5
	echo o > /proc/sysrq-trigger
}

mount -t proc proc /proc
mount -t sysfs sys /sys
# shellcheck source=/dev/null
set -a
. "$out/job.env"
set +a
# The repository may live anywhere on the host, /tmp included, which gets a
# fresh tmpfs below: keep it reachable at its own path across that mount.
mkdir -p /fw443-repo
mount --bind "$FW443_REPO" /fw443-repo || {
	echo "guest-init: cannot reach the repository at $FW443_REPO"
	guest_exit
}
mount -t tmpfs -o mode=755 tmpfs /run
mount -t tmpfs -o mode=1777 tmpfs /tmp
mkdir -p "$FW443_REPO"
mount --bind /fw443-repo "$FW443_REPO"
cd "$FW443_REPO" || guest_exit
mkdir -p /dev/pts /dev/shm /run/netns
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /dev/shm
ln -sfn /proc/self/fd /dev/fd
hostname fw443-vm
ip link set lo up

# Between tests: no module, no namespaces left over from the previous one.
reset_guest() {
	ip -all netns delete 2>/dev/null
	rmmod fw443 2>/dev/null
}

# A test may ask for more time than the default with a "# timeout: N" line;
# a slow kernel (the debug one) scales every limit.
run_test() {
	local name=$1 res="$out/results/$1" limit start

	limit=$(sed -n 's/^# timeout: \([0-9]\+\)$/\1/p' \
		"tests/integration/$name.sh" | head -n 1)
	limit=$(( ${limit:-$FW443_TEST_TIMEOUT} * FW443_TIMEOUT_SCALE ))
	echo "fw443-vm: running $name"
	start=$SECONDS
	timeout -k 10 "$limit" \
		bash "tests/integration/$name.sh" > "$res.tap" 2> "$res.log" \
		< /dev/null
	echo $? > "$res.rc"
	echo "fw443-vm: $name finished with status $(cat "$res.rc") in $((SECONDS - start)) s"
	reset_guest
}

mkdir -p "$out/results"
kmemleak_start
# The kernel log check judges what comes after this line (tests/check.sh).
echo "<4>fw443-vm: tests begin" > /dev/kmsg
case "$FW443_MODE" in
demo)
	bash tests/vm/demo.sh > /dev/console 2>&1
	echo $? > "$out/demo.rc"
	;;
bench)
	bash tests/bench/guest-bench.sh > "$out/bench.log" 2>&1
	echo $? > "$out/bench.rc"
	;;
check)
	for t in $FW443_TESTS; do
		run_test "$t"
	done
	;;
esac
guest_exit
