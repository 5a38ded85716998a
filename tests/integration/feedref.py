#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""A reference for the list tests, independent of fw443's parser and trie.

  feedref.py samples FEED N SEED   addresses to probe a feed with: each
      prefix's first and last address and its outside neighbours, plus
      random ones; N at most, one per line, IPv4 and IPv6 as the feed has.
      Left out: what the test router never forwards (see UNROUTABLE)
  feedref.py count FEED            how many distinct prefixes the feed holds
      once host bits are cleared (what fw443 should store)
  feedref.py match FEED ADDRS      how many of ADDRS lie in any prefix of FEED

Feed lines: blank, '#' or ';' comments, 'prefix ; comment' (Spamhaus),
'prefix # comment'; a bare address is a /32 or /128.
"""
import bisect
import ipaddress
import random
import sys


def prefixes(path):
    nets = []
    with open(path) as f:
        for line in f:
            text = line.split("#", 1)[0].split(";", 1)[0].strip()
            if text:
                nets.append(ipaddress.ip_network(text, strict=False))
    return nets


def intervals(nets, version):
    """The union of the prefixes of one IP version as disjoint intervals."""
    spans = sorted((int(n.network_address), int(n.broadcast_address))
                   for n in nets if n.version == version)
    merged = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return [m[0] for m in merged], [m[1] for m in merged]


def contains(spans, addr):
    starts, ends = spans[addr.version]
    i = bisect.bisect_right(starts, int(addr)) - 1
    return i >= 0 and int(addr) <= ends[i]


# Destinations the test topology's router does not forward, so its FORWARD
# hook never sees them: unspecified, loopback, multicast and class E,
# link-local, and the test networks themselves (their own hosts and
# broadcast addresses, the router's blackhole).
UNROUTABLE = [ipaddress.ip_network(n) for n in (
    "0.0.0.0/8", "127.0.0.0/8", "224.0.0.0/3", "169.254.0.0/16",
    "192.0.2.0/24", "198.51.100.0/24", "203.0.113.9/32",
    "::/8", "fe80::/10", "ff00::/8",
    "2001:db8:1::/64", "2001:db8:2::/64", "2001:db8:ff::9/128")]


def routable(addr):
    return not any(addr in n for n in UNROUTABLE if n.version == addr.version)


def samples(path, n, seed):
    rnd = random.Random(seed)
    nets = prefixes(path)
    out = set()
    for net in rnd.sample(nets, min(len(nets), n // 5)):
        first, last = int(net.network_address), int(net.broadcast_address)
        top = 2 ** net.max_prefixlen - 1
        for v in (first, last, max(first - 1, 0), min(last + 1, top)):
            a = (ipaddress.IPv4Address(v) if net.version == 4
                 else ipaddress.IPv6Address(v))
            if routable(a):
                out.add(a)
    while len(out) < n:
        a = ipaddress.IPv4Address(rnd.getrandbits(32))
        if routable(a):
            out.add(a)
    return sorted(out, key=lambda a: (a.version, int(a)))


def main():
    cmd = sys.argv[1]
    if cmd == "samples":
        for a in samples(sys.argv[2], int(sys.argv[3]), int(sys.argv[4])):
            print(a)
    elif cmd == "count":
        print(len(set(prefixes(sys.argv[2]))))
    elif cmd == "match":
        nets = prefixes(sys.argv[2])
        spans = {4: intervals(nets, 4), 6: intervals(nets, 6)}
        with open(sys.argv[3]) as f:
            addrs = [ipaddress.ip_address(x.strip()) for x in f if x.strip()]
        print(sum(1 for a in addrs if contains(spans, a)))


if __name__ == "__main__":
    main()
