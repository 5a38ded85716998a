#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Inputs of make bench, written on the host (the guest reads them from
tmpfs): prefix sets shaped like real feeds and the traffic's sources.

  gendata.py FEED4 FEED6 OUTDIR

For each IPv4 size (1k, 100k, 1M): FEED4's prefixes, shuffled, cut or
padded with random prefixes that follow FEED4's mix of lengths from /16 up
(shorter ones, scaled to a million, would cover the whole address space),
and the same set as an ipset restore file and an nft script; the 1M set
also as the fw443 ruleset an appliance pushes with fw443 apply (a million
add lines, as fw443 save writes a list). For IPv6: FEED6 as it is, and
padded to 200k the same way. Sources: 65,536 random addresses per family
outside every set, so that each packet is looked up and forwarded by every
contender; and 20 more per family (inc4.txt, inc6.txt) for single-entry
adds and deletes.
"""
import ipaddress
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "integration"))
from feedref import prefixes as feed, intervals, contains  # noqa: E402

SIZES4 = (1000, 100000, 1000000)
# The set fw443 apply is measured on.
RULESET4 = 1000000


def pad(nets, n, rnd, version):
    """nets, shuffled, cut or padded to n with random prefixes of nets' mix
    of lengths from /16 up, in 1.0.0.0-223.255.255.255 or 2000::/3."""
    lengths = [x.prefixlen for x in nets if x.prefixlen >= 16]
    bits = 32 if version == 4 else 128
    have = set(nets)
    out = list(nets)
    rnd.shuffle(out)
    out = out[:n]
    while len(out) < n:
        plen = rnd.choice(lengths)
        if version == 4:
            addr = rnd.randrange(1 << 24, 224 << 24)
        else:
            addr = (0x2 << 124) | rnd.getrandbits(124)
        net = ipaddress.ip_network((addr >> (bits - plen) << (bits - plen),
                                    plen))
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


def write_ruleset(outdir, tag, nets):
    with open(os.path.join(outdir, f"{tag}.ruleset"), "w") as f:
        f.write("block create s direction in\n")
        f.writelines(f"block add {x} list s\n" for x in nets)


def write_sources(path, spans, draw, n):
    """n addresses from draw() that no set holds."""
    with open(path, "w") as f:
        while n:
            addr = draw()
            if not contains(spans, addr):
                f.write(f"{addr}\n")
                n -= 1


def main():
    feed4, feed6, outdir = sys.argv[1:4]
    rnd = random.Random(443)
    os.makedirs(outdir, exist_ok=True)
    nets4 = feed(feed4)
    every4 = []
    for n in SIZES4:
        nets = pad(nets4, n, rnd, 4)
        every4 += nets
        write_sets(outdir, f"v4-{n}", nets, "inet")
        if n == RULESET4:
            write_ruleset(outdir, f"v4-{n}", nets)
    nets6 = sorted(set(feed(feed6)))
    write_sets(outdir, "v6-bogons", nets6, "inet6")
    nets6_200k = pad(nets6, 200000, rnd, 6)
    write_sets(outdir, "v6-200000", nets6_200k, "inet6")
    spans = {4: intervals(every4, 4), 6: intervals(nets6_200k, 6)}

    def draw4():
        return ipaddress.IPv4Address(rnd.randrange(1 << 24, 224 << 24))

    def draw6():
        return ipaddress.IPv6Address((0x2 << 124) | rnd.getrandbits(124))

    for name, draw, n in (("src4", draw4, 65536), ("src6", draw6, 65536),
                          ("inc4", draw4, 20), ("inc6", draw6, 20)):
        write_sources(os.path.join(outdir, f"{name}.txt"), spans, draw, n)


if __name__ == "__main__":
    main()
