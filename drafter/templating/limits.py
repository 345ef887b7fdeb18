"""The limits a body template runs within: time, text made, call depth and loop count.

A template is a user's program.  The sandbox stops it from reaching the system; these
limits stop it from holding the machine: each is far beyond what a real letter needs
and is checked *while* the template runs (in the sandbox's hooks), before a large
value is built, so that a runaway template ends in a clear message within seconds.

Each limit can be changed with an environment variable (see :data:`ENVIRONMENT`); an
unreadable or non-positive value leaves the default.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields, replace
from typing import Any

import jinja2

from drafter.i18n import _

# Intermediate values (filters, joins, sums of text) may together make this many times
# the output limit: enough for a template that filters a long field a few times.
WORK_FACTOR = 10


@dataclass(frozen=True)
class TemplateLimits:
    seconds: float = 2.0  # wall time of one rendering
    max_chars: int = 1_000_000  # the output, and any single value built on the way
    max_depth: int = 50  # nested calls: macros, caller(), recursive loops
    max_loops: int = 100_000  # loop iterations, all loops together

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> TemplateLimits:
        environ = os.environ if environ is None else environ
        limits = cls()
        for spec in fields(cls):
            text = environ.get(ENVIRONMENT[spec.name], "").strip()
            if not text:
                continue
            try:
                value = float(text) if spec.name == "seconds" else int(text)
            except ValueError:
                continue
            if value > 0:
                changes: dict[str, Any] = {spec.name: value}  # seconds: float; others: int
                limits = replace(limits, **changes)
        return limits


ENVIRONMENT = {
    "seconds": "DRAFTER_TEMPLATE_SECONDS",
    "max_chars": "DRAFTER_TEMPLATE_MAX_CHARS",
    "max_depth": "DRAFTER_TEMPLATE_MAX_DEPTH",
    "max_loops": "DRAFTER_TEMPLATE_MAX_LOOPS",
}


class TemplateLimitError(jinja2.TemplateRuntimeError):
    """A template went beyond one of its limits; the message says which, translated."""

    def __init__(self, message: str) -> None:
        super().__init__(message)  # jinja2.TemplateError keeps it as .message


class Budget:
    """What one rendering has used so far, checked against its limits."""

    def __init__(self, limits: TemplateLimits) -> None:
        self.limits = limits
        self.deadline = time.monotonic() + limits.seconds
        self.made = 0
        self.depth = 0
        self.loops = 0

    def tick(self) -> None:
        """Called by every hook: the template stops once its time is up."""
        if time.monotonic() > self.deadline:
            raise TemplateLimitError(
                _("the template takes too long (more than {seconds:g} seconds)").format(
                    seconds=self.limits.seconds
                )
            )

    def too_much_text(self) -> TemplateLimitError:
        return TemplateLimitError(
            _("the template makes too much text (more than {count} characters)").format(
                count=self.limits.max_chars
            )
        )

    def allow(self, size: int) -> None:
        """Refuse, before it is built, a single value of *size* characters or items."""
        self.tick()
        if size > self.limits.max_chars:
            raise self.too_much_text()

    def charge(self, size: int) -> None:
        """Count a value about to be built against both the value and the work limit."""
        self.allow(size)
        self.made += size
        if self.made > self.limits.max_chars * WORK_FACTOR:
            raise self.too_much_text()

    def enter(self) -> None:
        self.tick()
        self.depth += 1
        if self.depth > self.limits.max_depth:
            raise TemplateLimitError(
                _("the template nests calls too deeply (more than {depth} levels)").format(
                    depth=self.limits.max_depth
                )
            )

    def leave(self) -> None:
        self.depth -= 1

    def iterate(self) -> None:
        self.tick()
        self.loops += 1
        if self.loops > self.limits.max_loops:
            raise self.too_many_loops()

    def too_many_loops(self) -> TemplateLimitError:
        return TemplateLimitError(
            _("the template repeats its loops too often (more than {count} times)").format(
                count=self.limits.max_loops
            )
        )


_running: ContextVar[Budget | None] = ContextVar("drafter_template_budget", default=None)


def budget() -> Budget:
    """The budget of the rendering under way (outside one, a fresh budget per check)."""
    return _running.get() or Budget(TemplateLimits())


@contextmanager
def running(limits: TemplateLimits) -> Iterator[Budget]:
    """Render within *limits*: the sandbox's hooks charge the budget yielded."""
    current = Budget(limits)
    token = _running.set(current)
    try:
        yield current
    finally:
        _running.reset(token)
