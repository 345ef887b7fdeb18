"""Fixtures shared by the whole suite.

Every test runs with its own empty user folders (``DRAFTER_HOME``) so nothing leaks
between tests or into the developer's real profile, and with Qt's offscreen platform
so GUI tests need no display.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before anything imports Qt: GUI tests run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True, scope="session")
def widgets_application(request: pytest.FixtureRequest) -> None:
    """One QApplication for the whole run, made first.  PDF export makes a bare
    QGuiApplication when none exists (the command line's case); a widget test after it in
    the same process would then abort, whatever order the tests run in."""
    request.getfixturevalue("qapp")


@pytest.fixture(autouse=True)
def drafter_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """An empty, private ``DRAFTER_HOME`` for each test."""
    home = tmp_path_factory.mktemp("drafter-home")
    monkeypatch.setenv("DRAFTER_HOME", str(home))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    yield home


@pytest.fixture(autouse=True)
def default_language() -> Iterator[None]:
    """Each test starts in the default language and cannot leave another one behind."""
    from drafter import i18n

    i18n.set_language(i18n.DEFAULT_LANGUAGE)
    yield
    i18n.set_language(i18n.DEFAULT_LANGUAGE)


@pytest.fixture(autouse=True)
def fresh_office_store() -> Iterator[None]:
    """The window's office database is opened once per application session; each test
    is a session of its own, with its own DRAFTER_HOME, so it must not inherit one."""
    yield
    import sys

    common = sys.modules.get("drafter.ui.office.common")
    store = getattr(common, "_store", None)
    if common is not None and store is not None:
        store.close()
        common.use_store(None)


@pytest.fixture
def english() -> Iterator[None]:
    """Messages in English (the source strings), whatever catalogs are compiled."""
    from drafter import i18n

    previous = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(previous)
