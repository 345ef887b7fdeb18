"""Speed of reading an incoming letter, printed as figures.

    .venv/bin/python benchmarks/read_bench.py

Targets, once the modules are loaded (python-docx and pdfminer.six cost some tens of ms
each to import, paid once per process and printed apart): reading a 3-page .docx in at most
100 ms and a 3-page text PDF in at most 300 ms — the text with its positions and every
component with its confidence.  The letters are Drafter's own output of a fixture letter
whose body is made long enough for three pages; the PDF is LibreOffice's.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.startup_env import summary  # noqa: E402
from drafter.app.compose import compose  # noqa: E402
from drafter.core import letterfile  # noqa: E402
from drafter.render import docx_writer  # noqa: E402

LETTER = ROOT / "tests" / "incoming" / "letters" / "can_tho_1913.letter"
TARGETS_MS = {"docx": 100.0, "pdf": 300.0}
RUNS = 15


def three_page_letter(folder: Path) -> tuple[Path, Path | None]:
    letter, _problems = letterfile.load(LETTER)
    paragraph = (
        "Ủy ban nhân dân thành phố Cần Thơ kính đề nghị các cơ quan, đơn vị phối "
        "hợp tuyên truyền, giới thiệu về Hội nghị trên các phương tiện thông tin "
        "đại chúng, trang thông tin điện tử và các hình thức phù hợp khác. "
    )
    long = replace(letter, body="\n".join(paragraph * 3 for _ in range(12)) + "\nTrân trọng.")
    docx = folder / "letter.docx"
    docx.write_bytes(docx_writer.to_bytes(compose(long)))
    try:
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
            capture_output=True,
            check=True,
            timeout=180,
            env={**os.environ, "HOME": str(folder)},
        )
    except (OSError, subprocess.SubprocessError):
        return docx, None
    return docx, folder / "letter.pdf"


def timed(path: Path) -> tuple[float, int]:
    from drafter.incoming.reader import read_letter

    read_letter(path)  # warm: the modules and the gazetteer load once per process
    times = []
    record = None
    for _ in range(RUNS):
        start = time.perf_counter()
        record = read_letter(path)
        times.append((time.perf_counter() - start) * 1000)
    assert record is not None and record.number == 1913, "the letter was not read right"
    return statistics.median(times), record.pages


def _pdf_pages(path: Path) -> int:
    from drafter.incoming.pdf_text import PdfText

    return len(PdfText(path))


def main() -> int:
    start = time.perf_counter()
    import docx  # noqa: F401
    import pdfminer.pdfinterp  # noqa: F401

    print(f"import python-docx + pdfminer.six: {(time.perf_counter() - start) * 1000:.0f} ms")
    status = 0
    with tempfile.TemporaryDirectory() as folder:
        docx_path, pdf_path = three_page_letter(Path(folder))
        for kind, path in (("docx", docx_path), ("pdf", pdf_path)):
            if path is None:
                print(f"{kind}: LibreOffice is missing, not measured")
                continue
            median, _pages = timed(path)
            # The .docx has as many pages as LibreOffice lays out for its PDF.
            pages = _pdf_pages(pdf_path) if pdf_path else "?"
            verdict = "ok" if median <= TARGETS_MS[kind] else "SLOW"
            status |= verdict != "ok"
            print(
                f"read a {pages}-page {kind}: {median:.1f} ms median of {RUNS} "
                f"(target {TARGETS_MS[kind]:.0f} ms) {verdict}"
            )
            summary(f"read {kind} {median:.0f} ms (target {TARGETS_MS[kind]:.0f})")
    return status


if __name__ == "__main__":
    sys.exit(main())
