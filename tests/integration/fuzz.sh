#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Hostile netlink: 100,000 random and mutated fw443 messages as root, and
# more without privilege (as nobody, and as root of a user namespace that
# does not own the network namespace), with traffic flowing meanwhile. Every
# message is answered; unprivileged writes are refused; the module still
# works and unloads afterwards. Oops, WARN and (on the debug kernel) leaks
# are caught by the kernel log check.
. "$(dirname "$0")/lib.sh"

NLFUZZ=$FW443_REPO/tests/fuzz/nlfuzz
SEED=${FW443_FUZZ_SEED:-$(date +%s)}
# The debug kernel (KASAN, lockdep) runs about ten times slower: it gets a
# tenth of the messages, FW443_TIMEOUT_SCALE telling it apart.
DIV=1
[ "${FW443_TIMEOUT_SCALE:-1}" -gt 1 ] && DIV=10
ROOT_N=$((100000 / DIV)) OTHER_N=$((20000 / DIV))

tap_begin

fw443_load || { echo "Bail out! cannot load fw443.ko"; exit 1; }
topo_up
send_forever() {
	while :; do
		ip netns exec fw-cli python3 "$FW443_REPO/tests/integration/send_tcp.py" \
			--src "$CLI_V4" --dst "$SINK_V4" --count 200 > /dev/null
	done
}
send_forever &
traffic=$!

diag "seed $SEED (FW443_FUZZ_SEED replays it)"
check_verbose "$ROOT_N messages as root in the router's namespace, all answered" \
	ip netns exec fw-rtr "$NLFUZZ" -n "$ROOT_N" -s "$SEED"
check_verbose "$OTHER_N messages as nobody: no write succeeds" \
	ip netns exec fw-rtr setpriv --reuid=65534 --regid=65534 --clear-groups \
	"$NLFUZZ" -u -n "$OTHER_N" -s "$((SEED + 1))"
check_verbose "$OTHER_N messages as root of a user namespace that does not own the netns" \
	ip netns exec fw-rtr unshare --user --map-root-user \
	"$NLFUZZ" -u -n "$OTHER_N" -s "$((SEED + 2))"
check_verbose "$OTHER_N messages in a second namespace, deleted afterwards" \
	ip netns exec fw-cli "$NLFUZZ" -n "$OTHER_N" -s "$((SEED + 3))"

kill "$traffic"
wait "$traffic" 2>/dev/null
check "status still answers" ip netns exec fw-rtr "$FW443" status
check "stats still answer" ip netns exec fw-rtr "$FW443" stats
ip -all netns delete
check "rmmod after the fuzzing" fw443_unload
check "the module is gone" bash -c "! grep -qw ^fw443 /proc/modules"
tap_done
