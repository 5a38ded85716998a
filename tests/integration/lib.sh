#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Shared helpers of the integration tests. They run inside the test VM
# (tests/vm/run.sh), as root, each test in a fresh state: no fw443 module and
# no network namespaces left by the test before.
#
# Addresses come from the documentation ranges (RFC 5737, RFC 3849), so no
# test ever talks to a real network.
set -u

FW443_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# The VM runner names the module built for the kernel it booted.
FW443_KO=${FW443_KO:-$FW443_REPO/kmod/fw443.ko}
FW443=$FW443_REPO/userspace/fw443
TESTS_TMP=$(mktemp -d /tmp/fw443-test.XXXXXX)

CLI_V4=192.0.2.2	RTR_CLI_V4=192.0.2.1
SRV_V4=198.51.100.2	RTR_SRV_V4=198.51.100.1
CLI_V6=2001:db8:1::2	RTR_CLI_V6=2001:db8:1::1
SRV_V6=2001:db8:2::2	RTR_SRV_V6=2001:db8:2::1
# Routed by the router into a blackhole: packets sent there are seen by the
# router's PRE_ROUTING hook and then vanish, so nothing answers them. Other
# addresses outside the test networks are forwarded into a dummy device.
SINK_V4=203.0.113.9
SINK_V6=2001:db8:ff::9

# TAP output: ok, not_ok, diag, check, check_eq, tap_done.
. "$FW443_REPO/tests/tap.sh"

# wait_until TIMEOUT_SECONDS COMMAND...: poll a condition, never sleep blind.
# The timeout grows with FW443_TIMEOUT_SCALE on slow (debug) kernels.
wait_until() {
	local deadline=$((SECONDS + $1 * ${FW443_TIMEOUT_SCALE:-1}))
	shift
	until "$@" > /dev/null 2>&1; do
		[ "$SECONDS" -ge "$deadline" ] && return 1
		sleep 0.1
	done
}

# --- module ------------------------------------------------------------

# fw443_load [PARAMETER=VALUE...]. A debug kernel has netfilter built in and
# no modules directory.
fw443_load() {
	if [ -d "/lib/modules/$(uname -r)" ]; then
		modprobe nf_defrag_ipv6 || return 1
	fi
	insmod "$FW443_KO" "$@"
}

fw443_unload() {
	rmmod fw443
}

# stat_of NETNS IP_VERSION DIRECTION FIELD: one counter from fw443 stats -j.
stat_of() {
	ip netns exec "$1" "$FW443" stats -j |
		jq -e --argjson v "$2" --arg d "$3" --arg f "$4" \
		'.traffic[] | select(.ip_version == $v and .direction == $d) | .[$f]'
}

# check_stat DESCRIPTION EXPECTED NETNS IP_VERSION DIRECTION FIELD: packets
# handed to a veth are processed in softirq a moment later, so wait (briefly)
# for the counter to reach the expected value before comparing.
check_stat() {
	local what=$1 expected=$2
	shift 2
	wait_until 5 stat_is "$expected" "$@"
	check_eq "$what" "$expected" "$(stat_of "$@")"
}

stat_is() {
	local expected=$1
	shift
	[ "$(stat_of "$@")" = "$expected" ]
}

# rtr ARGS...: the fw443 tool in the router's namespace, as root.
rtr() { ip netns exec fw-rtr "$FW443" "$@"; }

# as_nobody COMMAND...: in the router's namespace, as nobody: without
# CAP_NET_ADMIN, as a monitoring agent runs.
as_nobody() {
	ip netns exec fw-rtr setpriv --reuid=65534 --regid=65534 \
		--clear-groups "$@"
}

# --- network -----------------------------------------------------------

# Three namespaces: fw-cli -- fw-rtr -- fw-srv, joined by veth pairs, IPv4
# and IPv6. fw-rtr forwards; fw443 sees the traffic in all three.
topo_up() {
	local ns
	for ns in fw-cli fw-rtr fw-srv; do
		ip netns add "$ns"
		ip -n "$ns" link set lo up
	done
	ip link add veth0 netns fw-cli type veth peer name cli0 netns fw-rtr
	ip link add veth0 netns fw-srv type veth peer name srv0 netns fw-rtr

	ip -n fw-cli addr add "$CLI_V4/24" dev veth0
	ip -n fw-cli addr add "$CLI_V6/64" dev veth0 nodad
	ip -n fw-srv addr add "$SRV_V4/24" dev veth0
	ip -n fw-srv addr add "$SRV_V6/64" dev veth0 nodad
	ip -n fw-rtr addr add "$RTR_CLI_V4/24" dev cli0
	ip -n fw-rtr addr add "$RTR_CLI_V6/64" dev cli0 nodad
	ip -n fw-rtr addr add "$RTR_SRV_V4/24" dev srv0
	ip -n fw-rtr addr add "$RTR_SRV_V6/64" dev srv0 nodad
	for ns in fw-cli fw-rtr fw-srv; do
		ip -n "$ns" link set veth0 up 2>/dev/null
	done
	ip -n fw-rtr link set cli0 up
	ip -n fw-rtr link set srv0 up

	ip -n fw-cli route add default via "$RTR_CLI_V4"
	ip -n fw-cli -6 route add default via "$RTR_CLI_V6"
	ip -n fw-srv route add default via "$RTR_SRV_V4"
	ip -n fw-srv -6 route add default via "$RTR_SRV_V6"
	ip -n fw-rtr route add blackhole "$SINK_V4/32"
	ip -n fw-rtr -6 route add blackhole "$SINK_V6/128"
	# Everything else leaves the router into a dummy device, which
	# discards it: forwarded (so FORWARD sees it), never answered.
	ip -n fw-rtr link add sink0 type dummy
	ip -n fw-rtr link set sink0 up
	ip -n fw-rtr route add default dev sink0
	ip -n fw-rtr -6 route add default dev sink0
	ip netns exec fw-rtr sysctl -qw net.ipv4.ip_forward=1 \
		net.ipv6.conf.all.forwarding=1
}

# offloads NETNS DEV on|off: TSO/GSO/GRO, so that one skb is one packet on
# the wire (off) or a GSO super-packet stands for many (on).
offloads() {
	ip netns exec "$1" ethtool -K "$2" tso "$3" gso "$3" gro "$3" \
		> /dev/null 2>&1
}

# tcp_settled NETNS: no TCP connection in NETNS still has packets to
# exchange (all closed or in TIME-WAIT), so every packet has crossed.
tcp_settled() {
	[ -z "$(ip netns exec "$1" ss -Htan exclude listen exclude time-wait)" ]
}

# --- TLS ---------------------------------------------------------------

TLS_DIR=$TESTS_TMP/tls
WWW_DIR=$TESTS_TMP/www

# A self-signed certificate for the server's addresses, and a web root
# with a small page and a larger file.
tls_setup() {
	mkdir -p "$TLS_DIR" "$WWW_DIR"
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
		-nodes -days 2 -subj /CN=server.test \
		-addext "subjectAltName=IP:$SRV_V4,IP:$SRV_V6" \
		-keyout "$TLS_DIR/key.pem" -out "$TLS_DIR/cert.pem" \
		> /dev/null 2>&1 || return 1
	echo "hello from fw443's test server" > "$WWW_DIR/index.html"
	head -c "${1:-1048576}" /dev/urandom > "$WWW_DIR/big.bin"
}

# A real TLS server (openssl s_server) on port 443 of fw-srv serving files
# from WWW_DIR: one for IPv4, one for IPv6, as s_server binds one family.
tls_server_start() {
	local addr
	for addr in 0.0.0.0 "[::]"; do
		(cd "$WWW_DIR" && exec ip netns exec fw-srv openssl s_server \
			-quiet -WWW -accept "$addr:443" -cert "$TLS_DIR/cert.pem" \
			-key "$TLS_DIR/key.pem" >> "$TESTS_TMP/s_server.log" 2>&1) &
	done
	wait_until 20 tls_server_listening
}

tls_server_listening() {
	[ "$(ip netns exec fw-srv ss -Htln 'sport = :443' | wc -l)" -eq 2 ]
}

# https_get ADDRESS PATH [CURL_OPTIONS...]: fetch over HTTPS from fw-cli.
https_get() {
	local addr=$1 path=$2
	shift 2
	case $addr in *:*) addr="[$addr]" ;; esac
	ip netns exec fw-cli curl -sS --max-time 60 --cacert "$TLS_DIR/cert.pem" \
		"$@" "https://$addr/$path"
}

# --- cleanup -----------------------------------------------------------

cleanup() {
	local pids
	pids=$(jobs -p)
	[ -n "$pids" ] && kill $pids 2>/dev/null
	wait 2>/dev/null
	ip -all netns delete 2>/dev/null
	rm -rf "$TESTS_TMP"
}
trap cleanup EXIT
