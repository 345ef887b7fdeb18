"""Desktop application figures: start-up, preview refresh, memory.

``python benchmarks/gui_bench.py`` prints:

- launch to visible window, against a bare PySide6 window measured side by side: the
  time from starting the process to the window shown and its first events processed
  (target: at most 1.5×), and for context the whole process, exit included;
- preview refresh after a keystroke on a two-page letter: check, compose, lay out and
  repaint the visible page (target: median ≤ 30 ms);
- resident memory with ten drafts open (target: ≤ 150 MB).

Each measurement runs in fresh processes with the offscreen platform and an empty
``DRAFTER_HOME``, so no cache from a previous run helps but the ones a second start
finds (font metrics, compiled bytecode: see ``startup_env``).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from startup_env import startup_env, summary

ROOT = Path(__file__).resolve().parent.parent
RUNS = 21
RATIO_TARGET = 1.5

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
    """Whole process time in seconds, and the last line printed."""
    _ready, elapsed, last = _run_timed(code, home)
    return elapsed, last


def _run_timed(code: str, home: str) -> tuple[float, float, str]:
    """Seconds until the process printed "ready", seconds until it ended, its last line."""
    env = startup_env(Path(home), QT_QPA_PLATFORM="offscreen", DRAFTER_HOME=home)
    with tempfile.TemporaryFile("w+") as errors:  # a file: a full pipe would block the child
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        )
        assert process.stdout is not None
        ready = 0.0
        lines = []
        for line in process.stdout:
            if line.startswith("ready") and not ready:
                ready = time.perf_counter() - start
            if line.strip():
                lines.append(line.rstrip("\n"))
        process.wait()
        elapsed = time.perf_counter() - start
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(errors.read())
    return ready or elapsed, elapsed, lines[-1] if lines else ""


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        # Warm the OS file cache, the font metrics and the bytecode once, as a second
        # start would find them.
        _run(DRAFTER, home)
        _run(BARE, home)
        bare, ours = [], []
        for _ in range(RUNS):  # interleaved, so both see the same machine load
            bare.append(_run_timed(BARE, home))
            ours.append(_run_timed(DRAFTER, home))
        b = statistics.median(r[0] for r in bare)
        d = statistics.median(r[0] for r in ours)
        b_exit = statistics.median(r[1] for r in bare)
        d_exit = statistics.median(r[1] for r in ours)
        ok = "ok" if d / b <= RATIO_TARGET else "MISSED"
        print(
            f"launch to visible window (median of {RUNS}): bare PySide6 {b * 1000:.0f} ms, "
            f"Drafter {d * 1000:.0f} ms, ratio {d / b:.2f} (target ≤ {RATIO_TARGET:.2f}) {ok}"
        )
        print(
            f"  whole process, exit included: bare {b_exit * 1000:.0f} ms, Drafter "
            f"{d_exit * 1000:.0f} ms, ratio {d_exit / b_exit:.2f}"
        )
        summary(
            f"window visible: {d / b:.2f}× a bare PySide6 window ({d * 1000:.0f} ms "
            f"against {b * 1000:.0f} ms; target ≤ {RATIO_TARGET:.2f}×) {ok}"
        )
        pages, median, worst = _run(REFRESH, home)[1].split()
        print(
            f"preview refresh after a keystroke ({pages}-page letter): median {median} ms, "
            f"worst {worst} ms (target median ≤ 30 ms)"
        )
        drafts, rss = _run(MEMORY, home)[1].split()
        print(f"resident memory with {drafts} drafts open: {rss} MB (target ≤ 150 MB)")


if __name__ == "__main__":
    main()
