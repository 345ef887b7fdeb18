"""Letters with tables, shared by the layout, preview-fidelity and LibreOffice tests."""

from __future__ import annotations

from drafter.core import letterfile
from drafter.core.letter import Letter
from drafter.paths import templates_dir

TABLE_HEADER = ("STT", "Đơn vị", "Số học sinh")


def long_table_ke_hoach() -> Letter:
    """The kế hoạch sample whose body ends with a 60-row table crossing pages,
    introduced by a lead-in line."""
    from drafter.core.doctypes import Registry

    registry = Registry([templates_dir()])
    letter, problems = letterfile.load(registry.get("ke_hoach").sample_path, registry)
    assert problems == []
    rows = "\n".join(
        f"| {i} | Trường Tiểu học số {i} phường Hòa Bình | {i * 15 + 120} |" for i in range(1, 61)
    )
    letter.body += (
        "\nDanh sách các đơn vị tham gia như sau:\n"
        f"| {' | '.join(TABLE_HEADER)} |\n|:---:|---|---:|\n{rows}\n"
        "Các đơn vị chủ động phối hợp thực hiện."
    )
    return letter
