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
	# the Prometheus output: its checker (promtool) and node_exporter
	prometheus prometheus-node-exporter
	# the man page check
	groff-base
	# what make install ships, checked: DKMS, the bash completion
	dkms bash-completion
	# make bench: the contenders and the instruments
	ipset iptables time valgrind
	# the debug kernel of make check-debug, built from linux-source-6.1
	flex bison bc libelf-dev libssl-dev
)

# The kernel matrix: Debian 12's own kernel (above) and the newer one from
# bookworm-backports. Its package names carry the ABI number, which moves:
# they are looked up in the archive, never written down.
backports_source=/etc/apt/sources.list.d/fw443-backports.sources
matrix_globs=("linux-image-6.12.*-amd64" "linux-headers-6.12.*-amd64")

backports_packages() {
	local meta
	for meta in linux-image-amd64 linux-headers-amd64; do
		apt-cache show "$meta/bookworm-backports" 2>/dev/null |
			sed -n 's/^Depends: \(linux-[a-z]*-6\.12[^ ,]*\).*/\1/p' |
			head -n 1
	done
}

enable_backports() {
	[ -f "$backports_source" ] && return
	cat > "$backports_source" <<SOURCES
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
}

missing() {
	local p
	for p in "${packages[@]}"; do
		dpkg-query -W -f='${db:Status-Status}\n' "$p" 2>/dev/null |
			grep -qx installed || echo "$p"
	done
	for p in "${matrix_globs[@]}"; do
		dpkg-query -W -f='${db:Status-Status}\n' "$p" 2>/dev/null |
			grep -qx installed || echo "$p"
	done
}

todo=$(missing)
if [ "${1:-}" = --check ]; then
	[ -z "$todo" ] && exit 0
	echo "deps: missing packages: $(echo "$todo" | tr '\n' ' ')" >&2
	exit 1
fi
[ -z "$todo" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "deps: missing packages: $(echo "$todo" | tr '\n' ' ')" >&2
	echo "deps: run 'make deps' as root to install them" >&2
	exit 1
fi
echo "deps: installing: $(echo "$todo" | tr '\n' ' ')"
export DEBIAN_FRONTEND=noninteractive
enable_backports
apt-get update -q
bpo=$(backports_packages)
[ "$(echo "$bpo" | wc -w)" -eq 2 ] || {
	echo "deps: bookworm-backports has no linux-image/headers 6.12" >&2
	exit 1
}
plain=$(echo "$todo" | grep -v -F '*' || true)
if [ -n "$plain" ]; then
	# shellcheck disable=SC2086
	apt-get install -y -q --no-install-recommends $plain
fi
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends -t bookworm-backports $bpo
