"""A memory cap for the tests of hostile templates.

Each limit is meant to stop a template before it builds a large value; if one were
broken, the test must fail with a MemoryError (reported as a template problem whose
message the test does not expect), not take the machine's memory.
"""

from __future__ import annotations

import resource
from collections.abc import Iterator

import pytest

HEADROOM = 768 << 20  # bytes of address space a test may add to what the process has


def _address_space() -> int:
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError):
        return 0


@pytest.fixture
def memory_cap() -> Iterator[None]:
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    used = _address_space()
    cap = used + HEADROOM if used else resource.RLIM_INFINITY
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
