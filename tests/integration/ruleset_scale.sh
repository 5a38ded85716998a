#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# timeout: 900
# matrix: first
# A ruleset of a million add lines applies in one transaction, packed many
# entries to a request, and the list holds exactly a million entries; save
# streams them back.
. "$(dirname "$0")/lib.sh"

tap_begin
fw443_load || { echo "Bail out! cannot load fw443.ko"; exit 1; }
ip netns add fw-rtr

list_field() {
	rtr lists -j | jq -r --arg n "$1" --arg f "$2" '.lists[] | select(.name == $n) | .[$f]'
}

awk 'BEGIN {
	print "# a million hosts"
	print "block create huge direction in"
	for (i = 0; i < 1000000; i++)
		printf "block add 10.%d.%d.%d list huge\n", int(i / 65536),
			int(i / 256) % 256, i % 256
}' > "$TESTS_TMP/1m.rules"
start=$SECONDS
check "apply of a 1,000,000-line ruleset" rtr apply "$TESTS_TMP/1m.rules"
diag "took $((SECONDS - start)) s under TCG"
check_eq "the list holds exactly 1,000,000 entries" 1000000 \
	"$(list_field huge entries_v4)"
start=$SECONDS
check_eq "save prints them all, after its comment and the list" 1000002 \
	"$(rtr save | wc -l)"
diag "took $((SECONDS - start)) s under TCG"
tap_done
