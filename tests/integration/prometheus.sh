#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# matrix: first
# fw443 stats --prometheus as node_exporter's textfile collector uses it:
# text that promtool accepts, counters that move by exactly the packets
# dropped, the same output without privilege, --output that replaces its
# file at once or fails naming it, and Debian's prometheus-node-exporter
# serving the metrics over HTTP. Userspace only: one kernel is enough.
. "$(dirname "$0")/lib.sh"

# Its own port: a node_exporter of the host's (9100) is not this test's.
EXPORTER_PORT=19100

tap_begin

fw443_load || { echo "Bail out! cannot load fw443.ko"; exit 1; }
topo_up

send() {
	ip netns exec fw-cli python3 "$FW443_REPO/tests/integration/send_tcp.py" "$@" > /dev/null
}
# sample SERIES: the value of SERIES (name and labels, as printed) in the
# exposition on standard input.
sample() {
	awk -v s="$1" '$1 == s { print $2 }'
}
metric() {
	rtr stats --prometheus | sample "$1"
}
metric_is() {
	[ "$(metric "$1")" = "$2" ]
}

BLOCKED='fw443_dropped_packets_total{reason="blocklist"}'
HITS='fw443_list_hits_total{list="manual",kind="block"}'
V6_TO_SERVER='fw443_packets_total{ip_version="6",direction="to_server"}'

# --- counters move by exactly the traffic -----------------------------------

rtr block add "$CLI_V4"
rtr allow add 2001:db8:ff::/64 list partners
check_eq "a module that counts drops has a blocklist series, at 0" \
	0 "$(metric "$BLOCKED")"
send --src "$CLI_V4" --dst "$SINK_V4" --count 5
send --src "$CLI_V6" --dst "$SINK_V6" --count 3
wait_until 5 metric_is "$BLOCKED" 5
wait_until 5 metric_is "$V6_TO_SERVER" 3
rtr stats --prometheus > "$TESTS_TMP/root.prom"
from_root() {
	sample "$1" < "$TESTS_TMP/root.prom"
}
check_eq "the blocklist drop counter moved by the 5 packets dropped" \
	5 "$(from_root "$BLOCKED")"
check_eq "and so did the hits of the list that dropped them" \
	5 "$(from_root "$HITS")"
check_eq "the 3 IPv6 packets let through are counted" \
	3 "$(from_root "$V6_TO_SERVER")"
entries() {
	from_root "fw443_list_entries{list=\"$1\",kind=\"$2\",ip_version=\"$3\"}"
}
check_eq "each list's entries by IP version" "1 0 0 1" \
	"$(entries manual block 4) $(entries manual block 6) $(entries partners allow 4) $(entries partners allow 6)"
check_eq "fw443_generation is the generation status shows" \
	"$(rtr status -j | jq .generation)" "$(from_root fw443_generation)"
check_eq "fw443_build_info carries the module's version" 1 \
	"$(from_root "fw443_build_info{version=\"$(rtr status -j | jq -r .version)\"}")"
check "promtool check metrics accepts the output" \
	promtool check metrics < "$TESTS_TMP/root.prom"

# --- without privilege -------------------------------------------------------

check "nobody, without CAP_NET_ADMIN, gets the same output" \
	cmp "$TESTS_TMP/root.prom" <(as_nobody "$FW443" stats --prometheus)

# --- --output ----------------------------------------------------------------

# Directories nobody can reach: one it owns, one it cannot write.
chmod 755 "$TESTS_TMP"
textfile=$TESTS_TMP/textfile
readonly_dir=$TESTS_TMP/readonly
mkdir -m 755 "$textfile" "$readonly_dir"
chown 65534:65534 "$textfile"

check "--output writes the file" \
	as_nobody "$FW443" stats --prometheus --output "$textfile/fw443.prom"
check "with what standard output shows" \
	cmp "$TESTS_TMP/root.prom" "$textfile/fw443.prom"
check_eq "and nothing else: no temporary file left" \
	fw443.prom "$(ls -A "$textfile")"
check_eq "readable by all (0644)" 644 "$(stat -c %a "$textfile/fw443.prom")"
rtr -j stats --output "$TESTS_TMP/stats.json"
check "any format goes to a file: -j too" jq -e .traffic "$TESTS_TMP/stats.json"

echo "old" > "$readonly_dir/fw443.prom"
out=$(as_nobody "$FW443" stats --prometheus \
	--output "$readonly_dir/fw443.prom" 2>&1)
check_eq "into a directory it cannot write, --output exits with status 1" \
	1 "$?"
check "and the message names the file and the reason" \
	grep -qF "$readonly_dir/fw443.prom: cannot create a temporary file beside it: Permission denied" <<< "$out"
check_eq "the file there is left as it was, alone" "old fw443.prom" \
	"$(cat "$readonly_dir/fw443.prom") $(ls -A "$readonly_dir")"

# --- node_exporter's textfile collector ----------------------------------------

exporter_up() {
	ip netns exec fw-rtr curl -sf "http://127.0.0.1:$EXPORTER_PORT/metrics"
}
ip netns exec fw-rtr prometheus-node-exporter \
	--web.listen-address="127.0.0.1:$EXPORTER_PORT" \
	--collector.disable-defaults --collector.textfile \
	--collector.textfile.directory="$textfile" \
	> "$TESTS_TMP/node_exporter.log" 2>&1 &
if wait_until 30 exporter_up; then
	ok "prometheus-node-exporter serves on port $EXPORTER_PORT"
else
	not_ok "prometheus-node-exporter serves on port $EXPORTER_PORT"
	diag "$(cat "$TESTS_TMP/node_exporter.log")"
fi
exporter_up > "$TESTS_TMP/scraped"
check_eq "it read the file without error" 0 \
	"$(sample node_textfile_scrape_error < "$TESTS_TMP/scraped")"
check_eq "it serves every fw443 sample of the file" \
	"$(grep -c '^fw443_' "$textfile/fw443.prom")" \
	"$(grep -c '^fw443_' "$TESTS_TMP/scraped")"
scraped() {
	sample "$1" < "$TESTS_TMP/scraped"
}
# node_exporter orders labels by name.
check_eq "with the values fw443 wrote" "5 5 3" \
	"$(scraped "$BLOCKED") $(scraped 'fw443_list_hits_total{kind="block",list="manual"}') $(scraped 'fw443_packets_total{direction="to_server",ip_version="6"}')"
tap_done
