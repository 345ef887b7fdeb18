"""A memory cap for the tests of hostile templates.

Each limit is meant to stop a template before it builds a large value; if one were
broken, the test must fail with a MemoryError (reported as a template problem whose
message the test does not expect), not take the machine's memory.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from memory_cap import capped_memory

HEADROOM = 768 << 20  # bytes of address space a test may add to what the process has


@pytest.fixture
def memory_cap() -> Iterator[None]:
    with capped_memory(HEADROOM):
        yield
