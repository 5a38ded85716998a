#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# timeout: 600
# Rulesets: apply replaces the whole configuration with a file's in one
# transaction, and traffic follows it; save prints it back in canonical
# form, and saving then applying changes nothing; an error anywhere in a
# 10,000-line file (one the parser finds, or one only the kernel finds)
# names its line and changes nothing; two applies at once never mix;
# without CAP_NET_ADMIN an apply is refused and a check only parses.
. "$(dirname "$0")/lib.sh"

tap_begin
fw443_load || { echo "Bail out! cannot load fw443.ko"; exit 1; }
topo_up
tls_setup 65536 || { echo "Bail out! cannot create a certificate"; exit 1; }
tls_server_start || { echo "Bail out! s_server did not start"; exit 1; }

unpriv() { as_nobody "$FW443" "$@"; }
generation() { rtr status -j | jq .generation; }
list_field() {
	rtr lists -j | jq -r --arg n "$1" --arg f "$2" '.lists[] | select(.name == $n) | .[$f]'
}
# The configuration as save prints it, but for its first line (which
# names the generation) and the seconds an entry has left.
config() {
	rtr save | sed -e '1{/^# fw443 save: generation /d}' \
		-e 's/ timeout [0-9]*$/ timeout N/'
}
https_ok() { https_get "$1" index.html --max-time 4 > /dev/null 2>&1; }
https_blocked() { ! https_get "$1" index.html --max-time 2 > /dev/null 2>&1; }
T=$TESTS_TMP

# --- a ruleset applied -------------------------------------------------------

printf '192.0.2.128/25\n# a comment\n2001:db8:bad::/48 ; another\n' \
	> "$T/bogons.netset"
cat > "$T/appliance.rules" <<RULES
# appliance ruleset
zone set cli0 inside
zone set srv0 outside		# the uplink

policy add from inside to outside accept
policy add from outside to inside dst 192.0.2.10 accept
policy default drop
flows set max 200000 pickup off timeout established 3600
block create feed direction out
block add $SRV_V6/64 list feed	# the server's network
block add 203.0.113.0/24 list feed
block load bogons $T/bogons.netset direction in
allow create partners counters
allow add 198.51.100.7 list partners timeout 600
RULES
rtr block add 192.0.2.99 list stale
rtr zone set veth9 stale
gen=$(generation)
check "apply of a ruleset" rtr apply "$T/appliance.rules"
check_eq "the generation moved by one" $((gen + 1)) "$(generation)"
check_eq "zones: those of the ruleset, and no other" \
	'[{"interface":"cli0","zone":"inside"},{"interface":"srv0","zone":"outside"}]' \
	"$(rtr zone list -j)"
check_eq "rules and the default policy" \
	"$(printf '%s\n' 'default drop' 'pickup off' \
		'1 from inside to outside accept' \
		'2 from outside to inside dst 192.0.2.10/32 accept')" \
	"$(rtr policy list)"
check_eq "flow table settings" '200000 3600 false drop' \
	"$(rtr status -j | jq -r '"\(.flows_max) \(.timeouts.established) \(.pickup) \(.policy)"')"
check_eq "lists: those of the ruleset, inline and loaded from a file" \
	'[{"name":"bogons","kind":"block","direction":"in","counters":false,"entries_v4":1,"entries_v6":1},{"name":"feed","kind":"block","direction":"out","counters":false,"entries_v4":1,"entries_v6":1},{"name":"partners","kind":"allow","direction":"both","counters":true,"entries_v4":1,"entries_v6":0}]' \
	"$(rtr lists -j | jq -c '[.lists[] | {name, kind, direction, counters, entries_v4, entries_v6}] | sort_by(.name)')"
left=$(rtr allow list partners -j | jq '.entries[0].timeout')
check "an entry's timeout is set ($left s left of 600)" \
	test "$left" -gt 500 -a "$left" -le 600
check "HTTPS from inside to outside passes (a rule accepts it)" \
	https_ok "$SRV_V4"
check "HTTPS to the server's IPv6 is blocked (by list feed)" \
	https_blocked "$SRV_V6"

# --- save and apply ------------------------------------------------------------

before=$(config)
hits=$(list_field feed hits)
check "save | apply -" \
	bash -c "ip netns exec fw-rtr $FW443 save | ip netns exec fw-rtr $FW443 apply -"
check_eq "changes nothing: save prints the same again" "$before" "$(config)"
check "save's first line names the generation and the versions" \
	grep -qx "# fw443 save: generation $(generation); tool .*, module .*" \
	<(rtr save)
left=$(rtr allow list partners -j | jq '.entries[0].timeout')
check "an entry's timeout went round with the seconds it had left ($left)" \
	test "$left" -gt 500 -a "$left" -le 600
check "traffic is judged as before" https_ok "$SRV_V4"
check_eq "a list named again keeps its hit counter" "$hits" \
	"$(list_field feed hits)"

cat > "$T/canonical.rules" <<RULES
zone set srv0 outside
zone set wg+ vpn
flows set max 5000 pickup on timeout syn_recv 30 timeout established 7200
policy add from inside to outside accept
policy add from any to local src 2001:db8::/32 drop
policy default accept
allow create a-ok direction in counters
allow add 198.51.100.7/32 list a-ok
block create b-feed direction out
block add 10.0.0.0/8 list b-feed
block add 192.0.2.0/24 list b-feed
block add 2001:db8:bad::/48 list b-feed
block create manual
block add 203.0.113.9/32 list manual
RULES
cat > "$T/written.rules" <<RULES
	# the same, as a person may write it
block create b-feed direction out
block add 192.0.2.77/24 list b-feed
policy add drop src 2001:db8::1/32 to local from any
allow create a-ok counters direction in
zone set srv0 outside
block add 10.1.2.3/8 list b-feed
policy default accept
block add 2001:db8:bad::/48 list b-feed	# twice: one entry
block add 2001:db8:bad::/48 list b-feed
flows set timeout established 7200 pickup on max 5000 timeout syn_recv 30
allow add 198.51.100.7 list a-ok
zone set wg+ vpn
policy add from inside to outside accept index 1
block add 203.0.113.9
RULES
check "apply of a ruleset in canonical form" rtr apply "$T/canonical.rules"
check_eq "save prints it as it was written" "$(cat "$T/canonical.rules")" \
	"$(config)"
rtr apply "$T/appliance.rules"
check "apply of the same, written otherwise" rtr apply "$T/written.rules"
check_eq "save prints its canonical form" "$(cat "$T/canonical.rules")" \
	"$(config)"
: > "$T/empty.rules"
check "apply of an empty ruleset" rtr apply "$T/empty.rules"
check_eq "clears everything" "" "$(config)"

# --- a bad line in 10,000 changes nothing -----------------------------------

# lines N: a ruleset of N lines, mostly adds to list many.
lines() {
	awk -v n="$1" 'BEGIN {
		print "zone set cli0 inside"
		print "policy add from inside to outside accept"
		print "block create dup direction in"
		for (i = 4; i <= n; i++)
			printf "block add 10.%d.%d.0/24 list many\n",
				int(i / 256), i % 256
	}'
}
lines 10000 > "$T/10k.rules"
check "apply of a 10,000-line ruleset" rtr apply "$T/10k.rules"
saved=$(rtr save)
# refused DESCRIPTION MESSAGE_REGEX LINE_7777 [check]: the 10,000 lines
# with line 7777 replaced fail, with a message naming it, and change
# nothing, the generation included.
refused() {
	local out rc
	sed "7777s|.*|$3|" "$T/10k.rules" > "$T/bad.rules"
	out=$(rtr "${4:-apply}" "$T/bad.rules" 2>&1)
	rc=$?
	if [ "$rc" -ne 0 ] && grep -Eq "$2" <<< "$out" &&
	   [ "$(rtr save)" = "$saved" ]; then
		ok "$1"
	else
		not_ok "$1"
		diag "exit status $rc"
	fi
	diag "$out"
}
refused "a bad prefix on line 7777: named with its column, nothing changed" \
	"bad\\.rules:7777:11: block: bad prefix '10\\.1\\.300\\.0/24'" \
	"block add 10.1.300.0/24 list many"
refused "a read on line 7777 is refused, nothing changed" \
	"bad\\.rules:7777:6: 'zone list' only reads" "zone list"
refused "a removal on line 7777 is refused, nothing changed" \
	"bad\\.rules:7777:7: 'block flush' removes" "block flush many"
refused "a rule index only the kernel finds out of range: line 7777, its message" \
	"bad\\.rules:7777:1: .*no rule at that index" \
	"policy add from inside to outside accept index 250"
refused "a list redefined, which only the kernel refuses: line 7777" \
	"bad\\.rules:7777:1: .*another kind, direction or flags" \
	"block create dup direction out"
refused "an allow add to a block list the ruleset made: line 7777" \
	"bad\\.rules:7777:1: list 'many' is of kind block, not allow" \
	"allow add 192.0.2.1 list many"
refused "check of a file with an error only the kernel finds fails" \
	"bad\\.rules:7777:1: .*no rule at that index" \
	"policy add from inside to outside accept index 250" check
check "check of a good file succeeds" rtr check "$T/appliance.rules"
check_eq "and changes nothing, the generation included" "$saved" "$(rtr save)"

# --- unprivileged -------------------------------------------------------------

out=$(unpriv apply - < "$T/appliance.rules" 2>&1)
check_eq "an unprivileged apply fails with status 1" 1 "$?"
check "and says it needs CAP_NET_ADMIN" grep -q "needs CAP_NET_ADMIN" <<< "$out"
diag "$out"
check_eq "and changes nothing" "$saved" "$(rtr save)"
out=$(unpriv check - < "$T/appliance.rules" 2>&1)
check_eq "an unprivileged check of a good file succeeds" 0 "$?"
check "and says the kernel's checks were skipped" \
	grep -q "kernel's checks were skipped" <<< "$out"
sed "7777s|.*|block flush many|" "$T/10k.rules" > "$T/bad.rules"
out=$(unpriv check - < "$T/bad.rules" 2>&1)
check_eq "an unprivileged check still finds what the parser finds" \
	"1 <stdin>:7777:7:" "$? $(grep -o '<stdin>:7777:[0-9]*:' <<< "$out")"

# --- two at once ---------------------------------------------------------------

# set_of NAME NET: a ruleset of its own whose list NAME holds 20,000
# prefixes of NET.0.0.0/8, written in canonical form.
set_of() {
	echo "zone set cli0 $1"
	echo "policy add from $1 to outside accept"
	echo "block create $1"
	awk -v net="$2" -v name="$1" 'BEGIN {
		for (i = 0; i < 20000; i++)
			printf "block add %d.%d.%d.0/24 list %s\n", net,
				int(i / 256), i % 256, name
	}'
}
set_of alpha 10 > "$T/alpha.rules"
set_of beta 11 > "$T/beta.rules"
gen=$(generation)
rtr apply "$T/alpha.rules" > "$T/alpha.out" 2>&1 &
alpha=$!
rtr apply "$T/beta.rules" > "$T/beta.out" 2>&1 &
beta=$!
wait "$alpha"
ra=$?
wait "$beta"
rb=$?
diag "alpha: status $ra $(cat "$T/alpha.out"); beta: status $rb $(cat "$T/beta.out")"
serial() {	# STATUS OUTPUT: succeeded, or failed waiting its turn
	[ "$1" = 0 ] || grep -q "kept the configuration busy" "$2"
}
check "two applies at once: alpha succeeds or fails waiting its turn" \
	serial "$ra" "$T/alpha.out"
check "and beta too" serial "$rb" "$T/beta.out"
check_eq "the generation moved once per apply that succeeded" \
	$((gen + (ra == 0) + (rb == 0))) "$(generation)"
final=$(config)
if [ "$final" = "$(cat "$T/alpha.rules")" ] ||
   [ "$final" = "$(cat "$T/beta.rules")" ]; then
	ok "the result is exactly one of the two rulesets, never a mix"
else
	not_ok "the result is exactly one of the two rulesets, never a mix"
	diag "$(head -n 5 <<< "$final")"
fi
tap_done
