#!/usr/bin/env python3
"""What checking a bearer token adds to a request, measured on the running stack.

Every service checks the token of every request itself (signature with the issuer's cached keys, issuer, audience,
expiry, the mapping to an actor). The health probe lets anyone in, but a request that carries a token still has it
checked: the same probe with and without a valid token differs by that check alone. Rounds alternate the two, on one
kept-alive connection each, after a warm-up. Usage: ./platform up -d && deploy/smoke/token-overhead.py [requests]
"""
import http.client
import statistics
import sys
import time

from platform_api import bearer

SERVICES = {"intake": 8081, "referral": 8082, "notification": 8083, "reporting": 8084}
PATH = "/actuator/health/liveness"


def timings(port, headers, count):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    result = []
    for _ in range(count):
        started = time.perf_counter()
        connection.request("GET", PATH, headers=headers)
        response = connection.getresponse()
        response.read()
        result.append((time.perf_counter() - started) * 1000)
        if response.status != 200:
            sys.exit(f"{PATH} on {port}: {response.status}")
    connection.close()
    return result


def summary(values):
    values = sorted(values)
    return (statistics.mean(values), values[len(values) // 2], values[int(len(values) * 0.99)])


def main():
    per_round = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    with_token = {"Authorization": bearer("coordinator-11")}
    print(f"{'service':<13} {'without: mean p50 p99 (ms)':>28} {'with a token: mean p50 p99':>30} {'added p50':>10}")
    for name, port in SERVICES.items():
        timings(port, {}, 200)
        timings(port, with_token, 200)
        plain, checked = [], []
        for _ in range(5):
            plain += timings(port, {}, per_round)
            checked += timings(port, with_token, per_round)
        a, b = summary(plain), summary(checked)
        print(f"{name:<13} {a[0]:>10.3f} {a[1]:>7.3f} {a[2]:>7.3f}   {b[0]:>12.3f} {b[1]:>7.3f} {b[2]:>7.3f}  "
              f"{b[1] - a[1]:>9.3f}")


if __name__ == "__main__":
    main()
