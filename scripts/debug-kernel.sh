#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build (once per machine) the debug kernel that make check-debug boots:
# Debian's linux-source-6.1 with KASAN, lockdep, kmemleak, UBSAN, list and
# atomic-sleep debugging, and everything the tests need built in
# (tests/vm/debug.config). Prints the build directory, usable as KDIR.
#
# usage: debug-kernel.sh [CACHE_DIR]     default /var/cache/fw443
# The cache lives outside the work tree, so every clone (and CI) on this
# machine reuses one build; it is rebuilt when debug.config changes.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${1:-${FW443_CACHE:-/var/cache/fw443}}
fragment=$repo/tests/vm/debug.config
tarball=$(ls /usr/src/linux-source-6.1.tar.* 2>/dev/null | head -n 1)
[ -n "$tarball" ] || { echo "debug-kernel: linux-source-6.1 missing: run make deps" >&2; exit 1; }

key=$( (sha256sum < "$fragment"; basename "$tarball"; stat -c %s "$tarball") | sha256sum | cut -c1-12)
dir=$cache/debug-kernel-$key
if [ -f "$dir/.done" ]; then
	echo "$dir/linux-source-6.1"
	exit 0
fi

mkdir -p "$cache"
rm -rf "$cache"/debug-kernel-*
mkdir -p "$dir"
echo "debug-kernel: building in $dir (about 15 minutes on 2 cores, once)" >&2
tar -xf "$tarball" -C "$dir"
src=$dir/linux-source-6.1
{
	make -C "$src" x86_64_defconfig
	make -C "$src" kvm_guest.config
	"$src/scripts/kconfig/merge_config.sh" -m -O "$src" "$src/.config" "$fragment"
	make -C "$src" olddefconfig
	# Every option the fragment asks for must have survived olddefconfig.
	grep -E '^CONFIG_[A-Z0-9_]+=[ym]$' "$fragment" | while read -r want; do
		grep -qx "$want" "$src/.config" || { echo "debug-kernel: $want did not stick" >&2; exit 1; }
	done
	make -C "$src" -j"$(nproc)" bzImage modules_prepare
} > "$dir/build.log" 2>&1 || {
	echo "debug-kernel: build failed, see $dir/build.log" >&2
	tail -n 20 "$dir/build.log" >&2
	exit 1
}
touch "$dir/.done"
echo "$src"
