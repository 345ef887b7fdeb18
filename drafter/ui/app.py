"""Starting the desktop application: ``drafter`` with no subcommand, or with files."""

from __future__ import annotations

import sys
from pathlib import Path

# Drafter's own modules that the window needs load before Qt: once PySide6 is imported,
# it reads the source of every module imported after it (looking for "PySide6", for its
# __feature__ switch), which costs milliseconds at every start.
from drafter import fonts  # noqa: F401  (for drafter.ui.main_window)
from drafter import settings as preferences_store
from drafter.i18n import set_language
from drafter.paths import resources_dir
from drafter.ui import autosave, export, office_bridge, qt_translations  # noqa: F401  (idem)

# isort: split
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication


def start(argv: list[str]) -> tuple[QApplication, object]:
    """The application and its main window, shown, with *argv*'s letter files open."""
    preferences = preferences_store.load()
    set_language(preferences.language)
    running = QApplication.instance()
    app = (
        running
        if isinstance(running, QApplication)
        else QApplication([sys.argv[0] if sys.argv else "drafter"])
    )
    app.setApplicationName("Drafter")
    app.setOrganizationName("Drafter")
    qt_translations.follow_language()  # Qt's dialogs and buttons in the same language
    # The window and taskbar icon; the desktop file name ties the window to
    # resources/drafter.desktop (its icon and name on Wayland docks).
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "drafter.png")))
    app.setDesktopFileName("drafter")
    from drafter.ui.main_window import MainWindow

    window = MainWindow(preferences)
    window.show()
    window.offer_recovery()
    for name in argv:
        if name.endswith(".letter"):
            window.open_file(Path(name))
    return app, window


def run_until_interactive() -> object:
    """Start and process events until the window is on screen (for the benchmark)."""
    app, window = start([])
    app.processEvents()
    return window


def run(argv: list[str] | None = None) -> int:
    """Open the main window (and the .letter files named in *argv*); return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    app, window = start(argv)
    if not any(name.endswith(".letter") for name in argv):
        from drafter.ui import firstrun

        firstrun.offer(window)  # the guided setup, when no organisation profile exists yet
    return app.exec()
