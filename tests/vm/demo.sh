#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make demo, inside the VM: load fw443, send real HTTPS through a router
# namespace where it runs, and show what it counted.
. "$(dirname "$0")/../integration/lib.sh"

step() {
	printf '\n\033[1m==> %s\033[0m\n' "$*"
}

step "Loading fw443.ko into $(uname -r)"
fw443_load || exit 1
grep -w fw443 /proc/modules

step "Network: fw-cli ($CLI_V4, $CLI_V6) -- fw-rtr -- fw-srv ($SRV_V4, $SRV_V6)"
topo_up
tls_setup 1048576 || exit 1
tls_server_start || exit 1
echo "openssl s_server listening on port 443 in fw-srv"

step "curl https://$SRV_V4/index.html from fw-cli"
https_get "$SRV_V4" index.html || exit 1
step "curl https://[$SRV_V6]/big.bin from fw-cli (1 MiB)"
https_get "$SRV_V6" big.bin -o /dev/null -w '%{size_download} bytes in %{time_total} s\n' || exit 1
wait_until 10 tcp_settled fw-cli

step "fw443 status (in the router's namespace)"
ip netns exec fw-rtr "$FW443" status
step "fw443 stats (router)"
ip netns exec fw-rtr "$FW443" stats
step "fw443 stats -j (router)"
ip netns exec fw-rtr "$FW443" stats -j
step "fw443 stats in a namespace that saw no traffic"
ip netns add fw-quiet
ip netns exec fw-quiet "$FW443" stats

step "Done: fw443 counted the HTTPS traffic above. Next: make check"
