"""Free ports for a stack started beside others (the tests' and the benches' stacks).

A port found free is free when found, not when the stack binds it a moment later. The kernel
hands out the ephemeral range to every outgoing connection and every port-0 server (a stack's
own moto), so a port chosen there can be taken in between: 95 tests once failed on one. A port
chosen below that range can only be taken by another program that picks its ports itself.
"""

import random
import socket
from pathlib import Path

_CHOICE = random.SystemRandom()  # a test that seeds `random` must not make stacks share ports


def ephemeral_ports() -> range:
    """The ports the kernel hands out for port 0 and for outgoing connections."""
    try:
        low, high = Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()
        return range(int(low), int(high) + 1)
    except (OSError, ValueError):
        return range(32768, 61000)


def free_port() -> int:
    """A port nothing listens on now, outside the ephemeral range where there is room."""
    below = range(20000, min(ephemeral_ports().start, 32768))
    for _ in range(100):
        port = _CHOICE.choice(below) if below else 0
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return probe.getsockname()[1]
    raise RuntimeError(f"no free port in {below}")
