"""Starting the desktop application: ``drafter`` with no subcommand, or with files."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from drafter import settings as preferences_store
from drafter.i18n import set_language


def run(argv: list[str] | None = None) -> int:
    """Open the main window (and the .letter files named in *argv*); return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    preferences = preferences_store.load()
    set_language(preferences.language)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "drafter"])
    app.setApplicationName("Drafter")
    app.setOrganizationName("Drafter")
    from drafter.ui.main_window import MainWindow

    window = MainWindow(preferences)
    window.show()
    window.offer_recovery()
    for name in argv:
        if name.endswith(".letter"):
            window.open_file(Path(name))
    if not any(name.endswith(".letter") for name in argv):
        from drafter.ui import firstrun

        firstrun.offer(window)  # the guided setup, when no organisation profile exists yet
    return app.exec()
