"""Runtime hook of the bundle: tell Qt where its plugins are, without importing Qt.

It replaces PyInstaller's own PySide6 hook, which imports shiboken6 and QtCore in every
process (about 60 ms) only to write a ``qt.conf`` that PySide6's wheels make by
themselves.  The command line never needs Qt, so it no longer pays for it.
"""

import os
import sys

_qt_root = os.path.join(sys._MEIPASS, "PySide6")  # type: ignore[attr-defined]
if not sys.platform.startswith("win"):
    _qt_root = os.path.join(_qt_root, "Qt")
os.environ["QT_PLUGIN_PATH"] = os.path.join(_qt_root, "plugins")
if sys.platform.startswith("win"):
    # Qt's plugins find the DLLs collected beside the executable.
    os.environ["PATH"] = sys._MEIPASS + os.pathsep + os.environ.get("PATH", "")  # type: ignore[attr-defined]
