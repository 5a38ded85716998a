#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Send crafted TCP packets through a raw socket, for exact counter tests.

The kernel builds the IP header (20 bytes for IPv4, 40 for IPv6, plus an
8-byte destination options header with --dstopts, and fragments it with
--fragment); this program builds the TCP header and payload. It prints the size of each IP packet it sent, so a
test knows the exact byte count to expect.
"""
import argparse
import ipaddress
import socket
import struct

TCP_HEADER_LEN = 20
IPV4_HEADER_LEN = 20
IPV6_HEADER_LEN = 40
# Next header (filled in by the kernel), length 0 (= 8 bytes), PadN of 4.
DSTOPTS = bytes([0, 0, 1, 4, 0, 0, 0, 0])
# <linux/in.h>, <linux/in6.h> (not in Python's socket module): never set
# DF, fragment what exceeds the MTU.
IP_MTU_DISCOVER = 10
IPV6_MTU_DISCOVER = 23
IP_PMTUDISC_DONT = 0
FLAGS = {"syn": 0x02, "ack": 0x10, "rst": 0x04, "fin": 0x01, "psh": 0x08}


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def pseudo_header(src, dst, length):
    if src.version == 4:
        return src.packed + dst.packed + struct.pack("!BBH", 0, 6, length)
    return src.packed + dst.packed + struct.pack("!IxxxB", length, 6)


def tcp_segment(src, dst, sport, dport, flags, payload, truncate):
    header = struct.pack("!HHIIBBHHH", sport, dport, 1000, 0,
                         (TCP_HEADER_LEN // 4) << 4, flags, 65535, 0, 0)
    segment = header + payload
    csum = checksum(pseudo_header(src, dst, len(segment)) + segment)
    segment = segment[:16] + struct.pack("!H", csum) + segment[18:]
    return segment[:truncate] if truncate else segment


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--src", required=True)
    p.add_argument("--dst", help="destination address")
    p.add_argument("--dst-file",
                   help="send --count packets to each address of this file")
    p.add_argument("--sport", type=int, default=40000)
    p.add_argument("--dport", type=int, default=443)
    p.add_argument("--count", type=int, default=1)
    p.add_argument("--vary-sport", action="store_true",
                   help="use a new source port for each of --count packets")
    p.add_argument("--payload", type=int, default=0, help="payload bytes")
    p.add_argument("--flags", default="syn", help="e.g. syn, ack,psh")
    p.add_argument("--proto", default="tcp", choices=["tcp", "udp"],
                   help="udp: send the same bytes as a UDP payload")
    p.add_argument("--truncate", type=int, default=0,
                   help="cut the TCP header to this many bytes")
    p.add_argument("--dstopts", action="store_true",
                   help="IPv6: add a destination options header")
    p.add_argument("--fragment", action="store_true",
                   help="let the kernel send a packet bigger than the MTU "
                   "as fragments")
    a = p.parse_args()
    if bool(a.dst) == bool(a.dst_file):
        p.error("give one of --dst and --dst-file")
    if a.dst:
        dsts = [a.dst]
    else:
        with open(a.dst_file) as f:
            dsts = [line.strip() for line in f if line.strip()]

    src = ipaddress.ip_address(a.src)
    flags = sum(FLAGS[f] for f in a.flags.split(","))
    proto = socket.IPPROTO_TCP if a.proto == "tcp" else socket.IPPROTO_UDP
    family = socket.AF_INET if src.version == 4 else socket.AF_INET6
    s = socket.socket(family, socket.SOCK_RAW, proto)
    s.bind((a.src, 0))
    ip_len = IPV4_HEADER_LEN if src.version == 4 else IPV6_HEADER_LEN
    if a.fragment and src.version == 4:
        s.setsockopt(socket.IPPROTO_IP, IP_MTU_DISCOVER,
                     IP_PMTUDISC_DONT)
    elif a.fragment:
        s.setsockopt(socket.IPPROTO_IPV6, IPV6_MTU_DISCOVER, IP_PMTUDISC_DONT)
    if a.dstopts:
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_DSTOPTS, DSTOPTS)
        ip_len += len(DSTOPTS)
    for dst in dsts:
        for i in range(a.count):
            sport = a.sport + i if a.vary_sport else a.sport
            segment = tcp_segment(src, ipaddress.ip_address(dst), sport,
                                  a.dport, flags, bytes(a.payload),
                                  a.truncate)
            if a.proto == "udp":
                segment = struct.pack("!HHHH", sport, a.dport,
                                      8 + len(segment), 0) + segment
            s.sendto(segment, (dst, 0))
    print(ip_len + len(segment))


if __name__ == "__main__":
    main()
