#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# timeout: 600
# A reboot, as an appliance has them: the module and the tool installed
# where make install puts them, the running configuration saved to
# /etc/fw443/ruleset, everything gone (rmmod), then the commands of the
# shipped fw443.service bring it back: the same configuration, enforced.
# Reload applies an edited file, and a broken one changes nothing. The
# guest has no systemd: the unit's Exec lines are run as systemd would run
# them, inside the router's namespace (fw443 configures the namespace it
# runs in). The guest's root is a throwaway overlay, so installing into
# /lib/modules, /usr/sbin and /etc touches nothing of the host's.
. "$(dirname "$0")/lib.sh"

tap_begin
topo_up
unit=$FW443_REPO/packaging/systemd/fw443.service
ruleset=/etc/fw443/ruleset
send() {
	ip netns exec fw-cli python3 "$FW443_REPO/tests/integration/send_tcp.py" "$@" > /dev/null
}
drops() { rtr stats -j | jq '[.drops[]? | select(.reason == "blocklist") | .packets] | add // 0'; }
# The configuration but for save's first line, which names the generation.
config() { rtr save | sed '1{/^# fw443 save: generation /d}'; }
# unit_exec KEY: run the unit's KEY= command lines, in the router's
# namespace, as systemd would: each must succeed. The lines are plain
# words, split as systemd splits them.
unit_exec() {
	local line
	while read -r line; do
		ip netns exec fw-rtr $line || return 1
	done < <(sed -n "s/^$1=//p" "$unit")
}

# --- installed as make install does it ---------------------------------------

kver=$(uname -r)
# Installed, the module loads on demand: the fw443 tool's first request
# makes the kernel modprobe its generic netlink family. The tests after
# this one expect no module until they load it: uninstall on the way out.
# depmod reads every module over 9p, slowly: its index is put back as it
# was rather than built again.
uninstall() {
	rm -f "/lib/modules/$kver/updates/fw443.ko" /usr/sbin/fw443
	rm -rf /etc/fw443
	cp -p "$TESTS_TMP"/modules.* "/lib/modules/$kver/" 2>/dev/null
	cleanup
}
trap uninstall EXIT
cp -p "/lib/modules/$kver"/modules.* "$TESTS_TMP/" 2>/dev/null
install -D -m 0644 "$FW443_KO" "/lib/modules/$kver/updates/fw443.ko"
install -D -m 0755 "$FW443" /usr/sbin/fw443
install -D -m 0644 "$FW443_REPO/packaging/etc/ruleset" "$ruleset"
check "depmod finds the installed module" depmod -a "$kver"
check "modprobe loads it" modprobe fw443
check "the example ruleset passes fw443 check" rtr check "$ruleset"
check "and applies: no zone, no rule, no list, tracking off" rtr apply "$ruleset"
check_eq "it leaves an empty configuration" "" "$(config | grep -v '^#')"

# --- configured, saved, rebooted ----------------------------------------------------

check "a configuration is set up" bash -c "
	ip netns exec fw-rtr $FW443 zone set cli0 inside &&
	ip netns exec fw-rtr $FW443 policy add from inside to outside accept &&
	ip netns exec fw-rtr $FW443 block add $SINK_V4 list feed &&
	ip netns exec fw-rtr $FW443 block add 203.0.113.0/24 list feed &&
	ip netns exec fw-rtr $FW443 block create outbound direction out"
before=$(config)
check "fw443 save > /etc/fw443/ruleset" bash -c "ip netns exec fw-rtr $FW443 save > $ruleset"
fw443_unload
check "the module is gone, and its configuration with it" \
	bash -c "! grep -q '^fw443 ' /proc/modules"
check "fw443.service's start commands succeed" unit_exec ExecStartPre
check "and its ExecStart applies /etc/fw443/ruleset" unit_exec ExecStart
check "the module was loaded by modprobe from /lib/modules" \
	grep -q '^fw443 ' /proc/modules
check_eq "the configuration is the one saved" "$before" "$(config)"
d0=$(drops)
send --src "$CLI_V4" --dst 203.0.113.5 --count 3
drops_are() { [ "$(drops)" = "$1" ]; }
check "a listed address is dropped again: +3 blocklist drops" \
	wait_until 5 drops_are $((d0 + 3))

# --- reload ------------------------------------------------------------------

echo "block add 192.0.2.77 list feed" >> "$ruleset"
check "ExecReload applies the edited file" unit_exec ExecReload
check_eq "with the new entry" 1 \
	"$(rtr block list feed | grep -c '^192.0.2.77/32')"
gen=$(rtr status -j | jq .generation)
after=$(config)
echo "zone set cli0 in side" >> "$ruleset"
out=$(unit_exec ExecReload 2>&1)
check_eq "a broken file fails the reload" 1 "$?"
check "naming its line" grep -q "$ruleset:$(wc -l < "$ruleset"):" <<< "$out"
check_eq "and changes nothing" "$gen $after" \
	"$(rtr status -j | jq .generation) $(config)"

fw443_unload
uninstall
check "uninstalled, the module is not loaded on demand any more" \
	bash -c "! $FW443 status && ! grep -q '^fw443 ' /proc/modules"
tap_done
