#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Download a file over HTTPS slowly, keeping the connection established.

curl's --limit-rate only slows the reading of a socket whose buffer takes
the whole file at once; here the receive buffer is small, so the server can
send only as fast as this client reads, and packets flow both ways for the
whole transfer. Prints the bytes of the body received; exits 0 when it is
the size given.
"""
import argparse
import socket
import ssl
import sys
import time


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("addr")
    p.add_argument("path")
    p.add_argument("size", type=int, help="expected body bytes")
    p.add_argument("--rate", type=int, default=32768, help="bytes per second")
    a = p.parse_args()

    family = socket.AF_INET6 if ":" in a.addr else socket.AF_INET
    raw = socket.socket(family, socket.SOCK_STREAM)
    raw.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8192)
    raw.settimeout(30)
    raw.connect((a.addr, 443))
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    tls = ctx.wrap_socket(raw)
    tls.sendall(f"GET /{a.path} HTTP/1.0\r\n\r\n".encode())
    data = b""
    chunk = 2048
    while True:
        block = tls.recv(chunk)
        if not block:
            break
        data += block
        time.sleep(len(block) / a.rate)
    body = data.split(b"\r\n\r\n", 1)[-1]
    print(len(body))
    sys.exit(0 if len(body) == a.size else 1)


if __name__ == "__main__":
    main()
