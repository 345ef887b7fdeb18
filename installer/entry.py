"""The frozen program's entry point: the same ``drafter`` command as ``pip install`` gives.

PyInstaller runs this file as a script, so it imports the package rather than being
part of it.  Both Windows executables (the windowed ``Drafter.exe`` and the console
``drafter-cli.exe``) and the Linux ``drafter`` run it: without arguments, or with
``.letter`` files only, it opens the application; otherwise it runs a subcommand.

``DRAFTER_SELFTEST=1`` checks an installed copy without a person: it starts the
application as usual, and once Qt's event loop runs, prints one line naming the main
window, the number of open drafts (``drafter x.letter`` opens one) and whether the
first-run wizard is up, and exits 0
(3 if no main window was shown).  Run it with
``QT_QPA_PLATFORM=offscreen`` on a machine without a display.
"""

import os
import sys

from drafter.cli import main

SELFTEST_VARIABLE = "DRAFTER_SELFTEST"
EXIT_NO_WINDOW = 3


def self_test() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget

    app = QApplication([sys.argv[0]])

    def check() -> None:
        app.processEvents()
        shown = [
            widget
            for widget in app.topLevelWidgets()
            if isinstance(widget, QMainWindow) and widget.isVisible()
        ]
        if shown:
            window = shown[0]
            menus = [action.text().replace("&", "") for action in window.menuBar().actions()]
            drafts = window.findChild(QTabWidget, "drafts")
            setup = any(
                widget.objectName() == "firstrun" and widget.isVisible()
                for widget in app.topLevelWidgets()
            )
            print(
                f"Drafter self-test: main window shown ({window.windowTitle()}; "
                f"menus: {', '.join(menus)}; open drafts: {drafts.count() if drafts else 0}; "
                f"setup wizard: {'shown' if setup else 'not shown'})",
                flush=True,
            )
        else:
            print("Drafter self-test: no main window", file=sys.stderr, flush=True)
        app.exit(0 if shown else EXIT_NO_WINDOW)

    # Runs as soon as the application's own event loop starts.
    QTimer.singleShot(0, check)
    # The .letter files named on the command line open as they would for a person.
    return main([name for name in sys.argv[1:] if name.endswith(".letter")])


if __name__ == "__main__":
    if sys.platform.startswith("win"):
        # Batch rendering spawns worker processes there; a frozen program must say so
        # first.  Elsewhere they fork, and importing multiprocessing would only cost time.
        import multiprocessing

        multiprocessing.freeze_support()
    if os.environ.get(SELFTEST_VARIABLE) == "1":
        sys.exit(self_test())
    sys.exit(main())
