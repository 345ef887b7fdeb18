"""Shared set-up of the fuzzing suite.

Two Hypothesis profiles: ``ci`` (the default, a few hundred examples per test, part of
``make test``) and ``fuzz`` (``make fuzz``: at least 10,000 generated letters and
templates in all).  Every example runs under a wall-clock alarm, so a hang is reported
as a failure with the input that caused it instead of stopping the run.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import HealthCheck, settings
from memory_cap import capped_memory

_COMMON = {
    "deadline": None,  # the alarm below bounds each example; timing noise must not fail it
    "suppress_health_check": [
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
    "derandomize": False,
}
settings.register_profile(
    "ci", max_examples=int(os.environ.get("DRAFTER_FUZZ_EXAMPLES", 150)), **_COMMON
)
settings.register_profile(
    "fuzz", max_examples=int(os.environ.get("DRAFTER_FUZZ_EXAMPLES", 5000)), **_COMMON
)

PROFILE = os.environ.get("DRAFTER_FUZZ_PROFILE", "ci")
EXAMPLE_SECONDS = 20  # far beyond any real input; a template's own limit is a few seconds
MEMORY_HEADROOM = 3 << 30  # bytes of address space an example may add


class Hang(Exception):
    """An example ran past :data:`EXAMPLE_SECONDS`."""


def _on_alarm(signum: int, frame: object) -> None:
    raise Hang(f"no answer after {EXAMPLE_SECONDS} s")


@contextmanager
def bounded() -> Iterator[None]:
    """Run one example under a wall-clock alarm and a cap on the memory it may take."""
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.alarm(EXAMPLE_SECONDS)
    try:
        with capped_memory(MEMORY_HEADROOM):
            yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
