"""Speed of ``drafter render``, printed as figures.

    .venv/bin/python benchmarks/render_bench.py [--letters 500] [--runs 10]

Targets:
- 500 letters in one ``drafter render`` call: at most 2 ms per letter, the whole
  process timed (start-up, reading, checking, layout, writing 500 files);
- that is at least 8 times faster than docxtpl rendering the same letter in the same
  run (docxtpl is timed in this process, so without any start-up: a conservative ratio);
- one letter, the whole ``drafter render`` process: at most 200 ms (median of 20 runs),
  started from compiled bytecode as an installed Drafter is (see ``startup_env``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from startup_env import startup_env, summary  # noqa: E402

from drafter.core import letterfile  # noqa: E402
from drafter.core.letter import Letter, Signature  # noqa: E402
from tests.sample_letters import ISSUER  # noqa: E402

PER_LETTER_TARGET_MS = 2.0
RATIO_TARGET = 8.0
ONE_LETTER_TARGET_MS = 200.0

BODY = (
    "Thực hiện Công văn số 1234/UBND-KGVX ngày 02 tháng 3 năm 2026 của Ủy ban nhân dân "
    "Thành phố về việc chủ động phòng, chống dịch bệnh mùa xuân, Sở Giáo dục và Đào tạo đề "
    "nghị các đơn vị thực hiện một số nội dung sau:\n"
    "1. Tuyên truyền đến học sinh, cha mẹ học sinh các biện pháp phòng bệnh; vệ sinh trường "
    "lớp, khử khuẩn đồ dùng học tập ít nhất một lần mỗi tuần.\n"
    "2. Theo dõi tình hình sức khỏe học sinh hằng ngày; khi phát hiện trường hợp nghi mắc "
    "bệnh, thông báo ngay cho trạm y tế phường, xã và cha mẹ học sinh.\n"
    "3. Báo cáo kết quả thực hiện về Sở (qua Văn phòng) **trước ngày 20 tháng 3 năm 2026** "
    "để tổng hợp.\n"
    "Trân trọng."
)


def letter_for(recipient: str, number: int) -> Letter:
    """The mail-merge case: one công văn, one recipient per file."""
    return Letter(
        type_id="cong_van",
        issuer=replace(ISSUER, website=""),  # the tests' issuer, without a website
        number=number,
        place="Hà Nội",
        date=dt.date(2026, 3, 5),
        subject="tăng cường công tác phòng, chống dịch bệnh mùa xuân năm 2026",
        kinh_gui=[recipient],
        body=BODY,
        signatures=[
            Signature(authority=["KT. GIÁM ĐỐC"], title="PHÓ GIÁM ĐỐC", name="Nguyễn Văn An")
        ],
        noi_nhan=["Như trên", "UBND Thành phố (để báo cáo)"],
        luu="VT, VP",
    )


def recipient(i: int) -> str:
    return f"Trường Trung học phổ thông số {i} Hà Nội"


def drafter_command() -> list[str]:
    return [sys.executable, "-m", "drafter"]


CPU_SECONDS: list[float] = []  # processor time of each drafter run, workers included


def run_drafter(args: list[str], env: dict[str, str]) -> float:
    """Wall time of one whole ``drafter`` process, in seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [*drafter_command(), *args], env=env, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU_SECONDS.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    if result.returncode != 0:
        sys.exit(f"drafter {' '.join(args[:2])}… failed: {result.stderr[-2000:]}")
    return elapsed


# --- docxtpl: the same letter, as a Word template ---------------------------------------


def build_docxtpl_template(path: Path) -> None:
    """A .docx template laid out like Drafter's công văn, made with python-docx."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(14)

    def line(
        cell_or_doc,
        text: str,
        size: float,
        bold: bool = False,
        italic: bool = False,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    ):  # type: ignore[no-untyped-def]
        paragraph = cell_or_doc.add_paragraph()
        paragraph.alignment = align
        run = paragraph.add_run(text)
        run.font.size, run.bold, run.italic = Pt(size), bold, italic
        return paragraph

    header = document.add_table(rows=1, cols=2)
    left, right = header.rows[0].cells
    line(left, "{{ parent1 }}", 13)
    line(left, "{{ parent2 }}", 13)
    line(left, "{{ issuer }}", 13, bold=True)
    line(left, "Số: {{ number }}/{{ symbol }}", 13)
    line(left, "V/v {{ subject }}", 12)
    line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True)
    line(right, "Độc lập - Tự do - Hạnh phúc", 14, bold=True)
    line(right, "{{ place }}, {{ date }}", 14, italic=True)
    line(document, "Kính gửi: {{ recipient }}", 14)
    line(document, "{% for p in paragraphs %}", 14, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    line(document, "{{ p }}", 14, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    line(document, "{% endfor %}", 14, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    closing = document.add_table(rows=1, cols=2)
    noi_nhan, signature = closing.rows[0].cells
    line(noi_nhan, "Nơi nhận:", 12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    line(noi_nhan, "{% for item in noi_nhan %}", 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    line(noi_nhan, "{{ item }}", 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    line(noi_nhan, "{% endfor %}", 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    line(signature, "KT. GIÁM ĐỐC", 14, bold=True)
    line(signature, "PHÓ GIÁM ĐỐC", 14, bold=True)
    line(signature, "{{ signer }}", 14, bold=True)
    footer = section.first_page_footer
    section.different_first_page_header_footer = True
    footer.paragraphs[0].text = "Địa chỉ: {{ address }}; ĐT: {{ phone }}"
    document.save(str(path))


def docxtpl_context(letter: Letter) -> dict[str, object]:
    from drafter.core.vietnamese import date_words

    return {
        "parent1": letter.issuer.parent[0],
        "parent2": letter.issuer.parent[1],
        "issuer": letter.issuer.name[0],
        "number": f"{letter.number:02d}",
        "symbol": "SGDĐT-VP",
        "subject": letter.subject,
        "place": letter.place,
        "date": date_words(letter.date) if letter.date else "",
        "recipient": letter.kinh_gui[0],
        "paragraphs": [p.replace("**", "") for p in letter.body.split("\n")],
        "noi_nhan": [f"- {item};" for item in letter.noi_nhan] + [f"- Lưu: {letter.luu}."],
        "signer": letter.signatures[0].name,
        "address": letter.issuer.address,
        "phone": letter.issuer.phone,
    }


def time_docxtpl(count: int, folder: Path) -> float:
    """Seconds per letter for docxtpl rendering *count* letters to files."""
    from docxtpl import DocxTemplate

    template = folder / "template.docx"
    build_docxtpl_template(template)
    out = folder / "docxtpl"
    out.mkdir()
    contexts = [docxtpl_context(letter_for(recipient(i), i)) for i in range(1, count + 1)]
    start = time.perf_counter()
    for i, context in enumerate(contexts, start=1):
        document = DocxTemplate(str(template))
        document.render(context)
        document.save(str(out / f"letter{i}.docx"))
    return (time.perf_counter() - start) / count


def time_in_process(count: int) -> float:
    """Seconds per letter for compose + to_bytes inside one process, for context."""
    from drafter.app.compose import compose
    from drafter.render import docx_writer

    letters = [letter_for(recipient(i), i) for i in range(1, count + 1)]
    compose(letters[0])
    start = time.perf_counter()
    for letter in letters:
        docx_writer.to_bytes(compose(letter), letter.date)
    return (time.perf_counter() - start) / count


def file_creation_ms(folder: Path, count: int = 200) -> float:
    """What the file system charges to create, fill and rename one file, in ms."""
    scratch = folder / "fs"
    scratch.mkdir()
    start = time.perf_counter()
    for i in range(count):
        path = scratch / f"{i}.tmp"
        path.write_bytes(b"x" * 8000)
        path.replace(scratch / f"{i}.docx")
    return (time.perf_counter() - start) * 1000 / count


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=500)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--dir",
        type=Path,
        default=REPO,
        help=(
            "where to write the letters and documents (default: beside the code; on some "
            "machines /tmp is much slower to create files in, which is not Drafter's time)"
        ),
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix=".drafter-bench-", dir=args.dir) as tmp:
        folder = Path(tmp)
        create_ms = file_creation_ms(folder)
        env = startup_env(folder, DRAFTER_HOME=str(folder / "home"))
        letters_dir = folder / "letters"
        letters_dir.mkdir()
        paths = []
        for i in range(1, args.letters + 1):
            path = letters_dir / f"letter{i:04d}.letter"
            letterfile.save(letter_for(recipient(i), i), path)
            paths.append(str(path))

        # Warm the caches (font metrics, bytecode) and the OS file cache, as on a user's
        # machine, where Drafter has been started before.
        for _ in range(2):
            run_drafter(["render", paths[0], "-o", str(folder / "warm.docx")], env)

        batch = run_drafter(["render", *paths, "-o", str(folder / "out")], env)
        batch_cpu = CPU_SECONDS[-1]
        produced = len(list((folder / "out").glob("*.docx")))
        if produced != args.letters:
            sys.exit(f"drafter render wrote {produced} files for {args.letters} letters")
        per_letter_ms = batch * 1000 / args.letters

        singles = [
            run_drafter(["render", paths[0], "-o", str(folder / "one.docx")], env)
            for _ in range(args.runs)
        ]
        one_ms = statistics.median(singles) * 1000

        in_process_ms = time_in_process(min(args.letters, 200)) * 1000
        docxtpl_ms = time_docxtpl(args.letters, folder) * 1000
        ratio = docxtpl_ms / per_letter_ms

    print(
        f"drafter render, {args.letters} letters in one process: {batch * 1000:.0f} ms, "
        f"{per_letter_ms:.2f} ms per letter (target ≤ {PER_LETTER_TARGET_MS:g}) "
        f"{verdict(per_letter_ms <= PER_LETTER_TARGET_MS)}"
    )
    print(
        f"  processor time of that run, all processes: {batch_cpu * 1000 / args.letters:.2f} "
        f"ms per letter (the wall time shrinks with idle cores, this does not)"
    )
    print(
        f"  compose + .docx bytes in process: {in_process_ms:.2f} ms per letter "
        f"(one core, for context)"
    )
    print(
        f"docxtpl, same letter, {args.letters} times in this process: {docxtpl_ms:.2f} ms "
        f"per letter"
    )
    print(
        f"ratio docxtpl / drafter: {ratio:.1f}× (target ≥ {RATIO_TARGET:g}×) "
        f"{verdict(ratio >= RATIO_TARGET)}"
    )
    print(
        f"drafter render, one letter, whole process: median {one_ms:.0f} ms of "
        f"{args.runs} (min {min(singles) * 1000:.0f}, max {max(singles) * 1000:.0f}; "
        f"target ≤ {ONE_LETTER_TARGET_MS:g}) {verdict(one_ms <= ONE_LETTER_TARGET_MS)}"
    )
    print(
        f"  machine: {os.cpu_count()} cores, load average "
        f"{', '.join(f'{x:.2f}' for x in os.getloadavg())}; creating a file in "
        f"{args.dir} costs {create_ms:.2f} ms"
    )
    summary(
        f"one-letter render, whole process: median {one_ms:.0f} ms of {args.runs} runs "
        f"(target ≤ {ONE_LETTER_TARGET_MS:g} ms) {verdict(one_ms <= ONE_LETTER_TARGET_MS)}"
    )
    summary(
        f"500-letter render: {per_letter_ms:.2f} ms per letter "
        f"(target ≤ {PER_LETTER_TARGET_MS:g}) {verdict(per_letter_ms <= PER_LETTER_TARGET_MS)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
