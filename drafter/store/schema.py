"""The schema revision a database should be at, known without importing Alembic.

Opening the register is on the path of every ``drafter issue``; importing Alembic and
reading its script directory costs more than the rest of the opening together.  The
shipped head is found by reading the ``revision``/``down_revision`` lines of the
migration files (a test holds it equal to Alembic's own answer), and the database's
revision by one query of ``alembic_version``; Alembic is loaded only to migrate.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

VERSIONS_DIR = Path(__file__).resolve().parent / "migrations" / "versions"
_ASSIGNMENT_RE = re.compile(r"^(revision|down_revision)\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)


@functools.cache
def shipped_head() -> str:
    """The revision no shipped migration builds upon: the schema this Drafter expects."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in VERSIONS_DIR.glob("*.py"):
        for name, value in _ASSIGNMENT_RE.findall(script.read_text(encoding="utf-8")):
            (revisions if name == "revision" else parents).add(value)
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"the shipped migrations have {len(heads)} heads: {sorted(heads)}")
    return heads.pop()
