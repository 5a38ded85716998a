#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# TAP output for fw443's shell tests, in the VM (tests/integration/lib.sh)
# and on the host (tests/host/). Source it; end a test with tap_done.

tap_count=0
tap_failed=0

# The plan comes last ("1..N" after the results, which TAP allows): a test
# that dies half-way prints none, and the runner counts that as a failure.
tap_begin() {
	echo "TAP version 13"
}

ok() {
	tap_count=$((tap_count + 1))
	echo "ok $tap_count - $*"
}

not_ok() {
	tap_count=$((tap_count + 1))
	tap_failed=1
	echo "not ok $tap_count - $*"
}

diag() {
	echo "$*" | sed 's/^/# /'
}

# check DESCRIPTION COMMAND...: ok when the command succeeds; its output is
# shown as diagnostics when it does not.
check() {
	local what=$1 output
	shift
	if output=$("$@" 2>&1); then
		ok "$what"
	else
		not_ok "$what"
		diag "command: $*"
		diag "$output"
	fi
}

# check_verbose DESCRIPTION COMMAND...: like check, and its output is
# shown either way (a fuzzer's summary, a benchmark's figures).
check_verbose() {
	local what=$1 output rc
	shift
	output=$("$@" 2>&1)
	rc=$?
	if [ "$rc" -eq 0 ]; then
		ok "$what"
	else
		not_ok "$what"
		diag "command: $*"
	fi
	diag "$output"
}

# check_eq DESCRIPTION EXPECTED ACTUAL
check_eq() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1"
		diag "expected: $2"
		diag "got:      $3"
	fi
}

tap_done() {
	echo "1..$tap_count"
	exit "$tap_failed"
}

