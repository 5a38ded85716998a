#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The module loads and unloads cleanly, answers status and stats in every
# namespace with that namespace's own state, lets unprivileged users read,
# and survives namespaces coming and going while it is loaded and unloaded.
. "$(dirname "$0")/lib.sh"

tap_begin

out=$("$FW443" status 2>&1)
rc=$?
check_eq "without the module, status exits 1" 1 "$rc"
check "without the module, status says the module is not loaded" \
	grep -q "module is not loaded" <<< "$out"

check "insmod fw443.ko" fw443_load
check "the generic netlink family fw443 is registered" \
	grep -qw fw443 <(genl ctrl list 2>/dev/null)

status=$("$FW443" status -j)
check_eq "status reports the module version" \
	"$(modinfo -F version "$FW443_KO")" "$(jq -r .version <<< "$status")"
check_eq "a fresh namespace has configuration generation 0" \
	0 "$(jq -r .generation <<< "$status")"

ip netns add fw-a
ip -n fw-a link set lo up
ip netns exec fw-a python3 "$FW443_REPO/tests/integration/send_tcp.py" \
	--src 127.0.0.1 --dst 127.0.0.1 --count 3 > /dev/null
ip netns add fw-b
check_eq "counters are per namespace: traffic in one moves its counter" \
	6 "$(stat_of fw-a 4 to_server packets)"
check_eq "counters are per namespace: another namespace stays at 0" \
	0 "$(stat_of fw-b 4 to_server packets)"

check "an unprivileged user reads stats" \
	setpriv --reuid=65534 --regid=65534 --clear-groups "$FW443" stats

# Namespaces come and go while the module is loaded and unloaded.
churn() {
	local i
	for i in $(seq 1 40); do
		ip netns add "fw-churn-$i" && ip netns delete "fw-churn-$i"
	done
}
churn &
churn_pid=$!
cycles_ok=yes
for i in 1 2 3 4 5; do
	fw443_unload && fw443_load || cycles_ok=no
done
wait "$churn_pid"
check_eq "unload/load cycles while namespaces are created and destroyed" \
	yes "$cycles_ok"
check "rmmod fw443" fw443_unload
check "the family is gone after unload" \
	bash -c "! genl ctrl list 2>/dev/null | grep -qw fw443"
tap_done
