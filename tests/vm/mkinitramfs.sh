#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build the tiny initramfs the test VM boots: static busybox, the modules that
# mount the host's root over 9p, and initramfs-init. Everything else (bash,
# openssl, curl, nft, the freshly built fw443.ko) comes from the host's root.
#
# usage: mkinitramfs.sh KERNEL_VERSION OUTPUT
set -euo pipefail

kver=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
modules="virtio_pci 9pnet_virtio 9p overlay"

# A kernel without a modules directory (the debug kernel) must have 9p,
# virtio and overlayfs built in; the initramfs then loads nothing.
[ -d "/lib/modules/$kver" ] || modules=
busybox=$(command -v busybox) || {
	echo "mkinitramfs: busybox not found: install busybox-static (make deps)" >&2
	exit 1
}

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage"/{bin,dev,proc,sys,mods,lower,rw,newroot}
cp "$busybox" "$stage/bin/busybox"
for tool in sh mount umount mkdir insmod switch_root cat sleep echo; do
	ln -s busybox "$stage/bin/$tool"
done
cp "$here/initramfs-init" "$stage/init"
chmod 755 "$stage/init"

# Modules in dependency order, each once.
touch "$stage/mods/order"
for m in $modules; do
	modprobe -S "$kver" --show-depends "$m" | awk '$1 == "insmod" { print $2 }'
done | awk '!seen[$0]++' | while read -r ko; do
	cp "$ko" "$stage/mods/"
	basename "$ko" >> "$stage/mods/order"
done

(cd "$stage" && find . | cpio --quiet -o -H newc) | gzip -1 > "$out.tmp"
mv "$out.tmp" "$out"
