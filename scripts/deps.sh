#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Install what fw443 needs to build, test and demo, from Debian's registry.
# Idempotent and non-interactive; run as root.
#
# usage: deps.sh            install whatever is missing
#        deps.sh --check    exit 1 (and name them) if packages are missing
set -euo pipefail

packages=(
	# build: the module against Debian's kernel headers, the tool
	gcc make libc6-dev pkg-config libmnl-dev libjansson-dev
	linux-headers-amd64
	# kselftest_harness.h and checkpatch.pl come from the kernel source
	linux-source-6.1 xz-utils perl
	# the test VM: a kernel to boot, qemu, a tiny initramfs
	linux-image-amd64 qemu-system-x86 busybox-static cpio gzip kmod
	# what the tests run inside the VM
	iproute2 nftables ethtool openssl curl python3 jq procps util-linux
	# the man page check
	groff-base
)

missing() {
	local p
	for p in "${packages[@]}"; do
		dpkg-query -W -f='${db:Status-Status}\n' "$p" 2>/dev/null |
			grep -qx installed || echo "$p"
	done
}

todo=$(missing)
if [ "${1:-}" = --check ]; then
	[ -z "$todo" ] && exit 0
	echo "deps: missing packages:" $todo >&2
	exit 1
fi
[ -z "$todo" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "deps: missing packages:" $todo >&2
	echo "deps: run 'make deps' as root to install them" >&2
	exit 1
fi
echo "deps: installing:" $todo
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $todo
