#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Extract from Debian's linux-source-6.1 tarball the few files the build
# uses as they are: the kselftest harness (unit tests) and checkpatch.pl.
#
# usage: linux-source.sh DESTDIR
set -euo pipefail

dest=$1
tarball=$(ls /usr/src/linux-source-6.1.tar.* 2>/dev/null | head -n 1)
[ -n "$tarball" ] || {
	echo "linux-source: /usr/src/linux-source-6.1.tar.* missing: run make deps" >&2
	exit 1
}
top=linux-source-6.1
files=(
	tools/testing/selftests/kselftest_harness.h
	tools/testing/selftests/kselftest.h
	scripts/checkpatch.pl
	scripts/spelling.txt
	scripts/const_structs.checkpatch
)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tar -xf "$tarball" -C "$tmp" "${files[@]/#/$top/}"
rm -rf "$dest"
mkdir -p "$(dirname "$dest")"
mv "$tmp/$top" "$dest"
