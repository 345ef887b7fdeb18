"""A cap on the address space a test may add, so that a broken limit fails the test.

Tests of hostile input (templates that build huge values, fuzzed letters) run under it:
if a limit of Drafter's failed to stop such input, the test would end in a MemoryError
instead of taking the machine's memory.
"""

from __future__ import annotations

import resource
from collections.abc import Iterator
from contextlib import contextmanager


def address_space() -> int:
    """The process's current address space in bytes (0 where it cannot be read)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError):
        return 0


@contextmanager
def capped_memory(headroom: int) -> Iterator[None]:
    """Allow the process *headroom* more bytes of address space while the block runs."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    used = address_space()
    cap = used + headroom if used else resource.RLIM_INFINITY
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
