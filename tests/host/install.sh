#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# What an appliance image gets: make install and uninstall into a staging
# root, and Debian's dkms building the module from what make install-dkms
# ships, for every kernel of the matrix (FW443_KERNELS, from tests/check.sh).
# Runs on the host; dkms works in trees of its own, so nothing of the
# host's is touched.
set -u
repo=$(cd "$(dirname "$0")/../.." && pwd)
. "$repo/tests/tap.sh"

tmp=$(mktemp -d /tmp/fw443-install.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
stage=$tmp/stage

tap_begin

# --- one version everywhere ------------------------------------------------

module_version=$(sed -n 's/^#define FW443_VERSION "\(.*\)"$/\1/p' "$repo/kmod/fw443.h")
dkms_version=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"$/\1/p' "$repo/dkms.conf")
tool_version=$("$repo/userspace/fw443" --version | awk '{ print $2 }')
check_eq "dkms.conf carries the module's version" "$module_version" "$dkms_version"
check_eq "the tool carries the module's version" "$module_version" "$tool_version"

# --- make install / uninstall ------------------------------------------------

check "make install DESTDIR= succeeds" make -s -C "$repo" install DESTDIR="$stage"
ko=$(find "$stage/lib/modules" -path '*/updates/fw443.ko' 2>/dev/null | head -n 1)
kver=$(basename "$(dirname "$(dirname "$ko")")")
check "the module is installed under /lib/modules/KVER/updates" test -f "$ko"
check_eq "for the kernel it was built against" "$kver" \
	"$(modinfo -F vermagic "$ko" 2>/dev/null | awk '{ print $1 }')"
check "the tool is installed in /usr/sbin and runs" "$stage/usr/sbin/fw443" --version
check "the man page is installed and formats without a warning" \
	bash -c "! groff -man -Tutf8 -ww -z '$stage/usr/share/man/man8/fw443.8' 2>&1 | grep ."
check "the bash completion is installed and parses" \
	bash -n "$stage/usr/share/bash-completion/completions/fw443"
completes() {
	bash -c ". /usr/share/bash-completion/bash_completion 2>/dev/null
		. '$stage/usr/share/bash-completion/completions/fw443'
		COMP_WORDS=(fw443 po) COMP_CWORD=1 COMP_LINE='fw443 po'
		COMP_POINT=\${#COMP_LINE}
		_fw443; echo \"\${COMPREPLY[*]}\""
}
check_eq "it completes a command" "policy" "$(completes)"
for unit in "$repo"/packaging/systemd/*; do
	check "$(basename "$unit") is installed" \
		cmp "$unit" "$stage/lib/systemd/system/$(basename "$unit")"
done
check "the example ruleset is installed as /etc/fw443/ruleset" \
	cmp "$repo/packaging/etc/ruleset" "$stage/etc/fw443/ruleset"
echo "zone set eth1 inside" > "$stage/etc/fw443/ruleset"
check "a second install keeps the operator's ruleset" \
	bash -c "make -s -C '$repo' install DESTDIR='$stage' &&
		grep -qx 'zone set eth1 inside' '$stage/etc/fw443/ruleset'"
check "make uninstall DESTDIR= succeeds" make -s -C "$repo" uninstall DESTDIR="$stage"
check_eq "and leaves no file behind but the operator's ruleset" \
	"$stage/etc/fw443/ruleset" "$(find "$stage" -type f)"
rm -rf "$stage"

# --- DKMS --------------------------------------------------------------------

check "make install-dkms ships the module's sources" \
	make -s -C "$repo" install-dkms DESTDIR="$stage"
src=$stage/usr/src
check "with its dkms.conf" test -f "$src/fw443-$module_version/dkms.conf"
for kver in ${FW443_KERNELS:?the kernels to build for}; do
	tree=$tmp/dkms-$kver
	mkdir -p "$tree"
	check "dkms adds fw443/$module_version" \
		dkms add -m fw443 -v "$module_version" \
		--sourcetree "$src" --dkmstree "$tree"
	check "dkms builds fw443/$module_version for $kver" \
		dkms build -m fw443 -v "$module_version" -k "$kver" \
		--sourcetree "$src" --dkmstree "$tree"
	ko=$(find "$tree/fw443/$module_version/$kver" -name 'fw443.ko*' | head -n 1)
	check_eq "the module dkms built is for $kver" "$kver" \
		"$(modinfo -F vermagic "$ko" 2>/dev/null | awk '{ print $1 }')"
	check_eq "and has version $module_version" "$module_version" \
		"$(modinfo -F version "$ko" 2>/dev/null)"
done

tap_done
