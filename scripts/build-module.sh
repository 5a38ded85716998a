#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build fw443.ko against one kernel tree in a directory of its own, so
# modules for several kernels (the test matrix, the debug kernel) can sit
# side by side without clobbering kmod/'s in-tree build.
#
# usage: build-module.sh KDIR DEST      the module lands in DEST/kmod/fw443.ko
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
kdir=$1
dest=$2

[ -f "$kdir/Makefile" ] || { echo "build-module: $kdir is not a kernel build tree" >&2; exit 1; }
mkdir -p "$dest/kmod" "$dest/include/uapi/linux"
dest=$(cd "$dest" && pwd)
# Copy only what changed, so make sees unchanged sources as up to date.
cp -pu "$repo/Kbuild" "$dest/"
cp -pu "$repo"/kmod/Kbuild "$repo"/kmod/*.[ch] "$dest/kmod/"
rm -f "$dest/kmod/fw443.mod.c"
cp -pu "$repo/include/uapi/linux/fw443.h" "$dest/include/uapi/linux/"
make -C "$kdir" M="$dest" W=1 modules
