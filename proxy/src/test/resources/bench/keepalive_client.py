"""One keep-alive HTTP/1.1-over-TLS client connection, direct or through a proxy's CONNECT, in Python.

The issue's reference figures were measured with a Python keep-alive client; this client repeats that setup against
the benchmark's own upstream so that the proxy/direct ratio can be read in the same terms. Loopback only.

usage: keepalive_client.py CA_PEM UPSTREAM_PORT PROXY_PORT(0 = direct) BODY_BYTES WARMUP REQUESTS
prints: RESULT <requests> <seconds> <p50 ns> <p99 ns> <errors>
"""
import socket
import ssl
import sys
import time


def read_head(f):
    lines = []
    while True:
        line = f.readline()
        if not line:
            raise IOError("connection closed in the response head")
        if line in (b"\r\n", b"\n"):
            return lines
        lines.append(line)


def main():
    ca, upstream, proxy, size, warmup, requests = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), \
        int(sys.argv[5]), int(sys.argv[6])
    plain = socket.create_connection(("127.0.0.1", proxy or upstream))
    plain.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    if proxy:
        plain.sendall(("CONNECT localhost:%d HTTP/1.1\r\nHost: localhost:%d\r\n\r\n" % (upstream, upstream)).encode())
        head = b""
        while not head.endswith(b"\r\n\r\n"):
            chunk = plain.recv(1)
            if not chunk:
                raise IOError("proxy closed the CONNECT")
            head += chunk
        if not head.startswith(b"HTTP/1.1 200") and not head.startswith(b"HTTP/1.0 200"):
            raise IOError("CONNECT failed: " + head.decode(errors="replace").splitlines()[0])
    ctx = ssl.create_default_context(cafile=ca)
    tls = ctx.wrap_socket(plain, server_hostname="localhost")
    body = bytes(ord("a") + (i * 7 + ord("q")) % 26 for i in range(size))
    request = ("POST /bench HTTP/1.1\r\nHost: localhost:%d\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n"
               % (upstream, len(body))).encode() + body
    f = tls.makefile("rb", buffering=32 * 1024)

    def round_trip():
        tls.sendall(request)
        head = read_head(f)
        if not head[0].startswith(b"HTTP/1.1 200"):
            raise IOError("status line " + head[0].decode(errors="replace").strip())
        length = -1
        for h in head[1:]:
            name, _, value = h.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        if length < 0:
            raise IOError("no Content-Length")
        left = length
        while left > 0:
            chunk = f.read(min(left, 16 * 1024))
            if not chunk:
                raise IOError("connection closed in the response body")
            left -= len(chunk)

    for _ in range(warmup):
        round_trip()
    latencies = []
    errors = 0
    start = time.perf_counter_ns()
    for _ in range(requests):
        t0 = time.perf_counter_ns()
        try:
            round_trip()
        except (IOError, OSError):
            errors += 1
            break
        latencies.append(time.perf_counter_ns() - t0)
    seconds = (time.perf_counter_ns() - start) / 1e9
    latencies.sort()
    p50 = latencies[len(latencies) // 2] if latencies else 0
    p99 = latencies[min(len(latencies) - 1, len(latencies) * 99 // 100)] if latencies else 0
    print("RESULT %d %.6f %d %d %d" % (len(latencies), seconds, p50, p99, errors), flush=True)
    tls.close()


if __name__ == "__main__":
    main()
