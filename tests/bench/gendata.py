#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Inputs of make bench, written on the host (the guest reads them from
tmpfs): prefix sets shaped like real feeds and the traffic's sources.

  gendata.py FEED4 FEED6 OUTDIR

For each IPv4 size (1k, 100k, 1M): FEED4's prefixes, shuffled, cut or
padded with random prefixes that follow FEED4's mix of lengths from /16 up
(shorter ones, scaled to a million, would cover the whole address space),
and the same set as an ipset restore file and an nft script. For IPv6:
FEED6 as it is. Sources: 65,536 random addresses per family.
"""
import ipaddress
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "integration"))
from feedref import prefixes as feed  # noqa: E402  one feed parser

SIZES4 = (1000, 100000, 1000000)


def pad(nets, n, rnd):
    lengths = [x.prefixlen for x in nets if x.prefixlen >= 16]
    have = set(nets)
    out = list(nets)
    rnd.shuffle(out)
    out = out[:n]
    while len(out) < n:
        plen = rnd.choice(lengths)
        addr = rnd.randrange(1 << 24, 224 << 24)
        net = ipaddress.IPv4Network((addr >> (32 - plen) << (32 - plen), plen))
        if net not in have:
            have.add(net)
            out.append(net)
    return out


def write_sets(outdir, tag, nets, family):
    with open(os.path.join(outdir, f"{tag}.txt"), "w") as f:
        f.writelines(f"{x}\n" for x in nets)
    with open(os.path.join(outdir, f"{tag}.ipset"), "w") as f:
        f.write(f"create s hash:net family {family} hashsize 65536 "
                f"maxelem {2 * len(nets)}\n")
        f.writelines(f"add s {x}\n" for x in nets)
    kind = "ipv4_addr" if family == "inet" else "ipv6_addr"
    match = "ip saddr" if family == "inet" else "ip6 saddr"
    table = "ip" if family == "inet" else "ip6"
    with open(os.path.join(outdir, f"{tag}.nft"), "w") as f:
        f.write(f"table {table} b {{\n set s {{ type {kind}; flags interval; "
                "auto-merge;\n  elements = {\n")
        f.write(",\n".join(f"   {x}" for x in nets))
        f.write("\n  }\n }\n chain c {\n  type filter hook prerouting "
                "priority -300; policy accept;\n"
                f"  tcp dport 443 {match} @s drop\n }}\n}}\n")


def main():
    feed4, feed6, outdir = sys.argv[1:4]
    rnd = random.Random(443)
    os.makedirs(outdir, exist_ok=True)
    nets4 = feed(feed4)
    for n in SIZES4:
        write_sets(outdir, f"v4-{n}", pad(nets4, n, rnd), "inet")
    write_sets(outdir, "v6-bogons", sorted(set(feed(feed6))), "inet6")
    with open(os.path.join(outdir, "src4.txt"), "w") as f:
        for _ in range(65536):
            f.write(f"{ipaddress.IPv4Address(rnd.randrange(1 << 24, 224 << 24))}\n")
    with open(os.path.join(outdir, "src6.txt"), "w") as f:
        for _ in range(65536):
            v = (0x2 << 124) | rnd.getrandbits(124)
            f.write(f"{ipaddress.IPv6Address(v)}\n")


if __name__ == "__main__":
    main()
