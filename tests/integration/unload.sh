#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Unloading the module while HTTPS flows through it neither crashes nor
# hangs nor breaks the transfer, and namespaces destroyed while traffic
# flows leave nothing behind that would keep the module from unloading.
. "$(dirname "$0")/lib.sh"

tap_begin

fw443_load || { echo "Bail out! cannot load fw443.ko"; exit 1; }
topo_up
tls_setup 4194304 || { echo "Bail out! cannot create a certificate"; exit 1; }
tls_server_start || { echo "Bail out! s_server did not start"; exit 1; }

counter_moving() {
	[ "$(stat_of fw-rtr 4 to_client packets)" -gt 100 ]
}

# A 4 MiB download at 1 MiB/s: about four seconds of traffic to unload in.
https_get "$SRV_V4" big.bin --limit-rate 1M -o "$TESTS_TMP/big.v4" &
curl_pid=$!
check "traffic is flowing through fw443" wait_until 30 counter_moving
check "rmmod fw443 while the transfer runs" timeout 30 rmmod fw443
wait "$curl_pid"
check_eq "the transfer completes after the unload" 0 "$?"
check "and its data arrived intact" cmp "$WWW_DIR/big.bin" "$TESTS_TMP/big.v4"

# Namespaces with live connections destroyed under the module.
check "insmod fw443.ko again" fw443_load
ip netns add fw-doomed
ip link add veth1 netns fw-doomed type veth peer name doomed0 netns fw-srv
ip -n fw-doomed addr add 192.0.2.66/24 dev veth1
ip -n fw-srv addr add 192.0.2.65/24 dev doomed0
ip -n fw-doomed link set veth1 up
ip -n fw-srv link set doomed0 up
ip -n fw-doomed link set lo up
ip netns exec fw-doomed curl -sS --max-time 60 -k --limit-rate 500K \
	-o /dev/null https://192.0.2.65/big.bin 2> /dev/null &
doomed_curl=$!
https_get "$SRV_V6" big.bin --limit-rate 1M -o /dev/null 2> /dev/null &
cli_curl=$!
doomed_flow() {
	[ "$(stat_of fw-doomed 4 to_client packets)" -gt 50 ]
}
check "traffic flows in the namespace about to be destroyed" \
	wait_until 30 doomed_flow
# A namespace dies with its last process: end the clients, then delete the
# namespaces while the server still pushes data at them.
kill "$doomed_curl" "$cli_curl" 2>/dev/null
ip netns delete fw-doomed
ip netns delete fw-cli
check "with those namespaces gone, rmmod succeeds" timeout 30 rmmod fw443
check "the module is really gone" bash -c "! grep -qw ^fw443 /proc/modules"
tap_done
