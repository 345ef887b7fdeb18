"""Take the user guide's screenshots from the program itself, without a display.

Run from the repository root after the interface changes:
``QT_QPA_PLATFORM=offscreen .venv/bin/python docs/user-guide/screenshots.py``.
It works in a throwaway user folder, so it never touches real data, and walks the
same path as the guide: first-run wizard, a new công văn, the type picker.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["DRAFTER_HOME"] = tempfile.mkdtemp(prefix="drafter-shots-")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication, QWidget

    from drafter.core import letterfile
    from drafter.i18n import set_language
    from drafter.ui import firstrun
    from drafter.ui.main_window import MainWindow
    from drafter.ui.type_picker import TypePicker

    app = QApplication([sys.argv[0]])
    set_language("vi")

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def shot(widget: QWidget, name: str) -> None:
        settle()
        widget.grab().save(str(HERE / name), "PNG")
        print(HERE / name)

    def type_text(widget: QWidget, text: str) -> None:
        widget.setFocus()
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)

    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    settle()

    wizard = firstrun.offer(window)
    assert wizard is not None, "the wizard opens only in an empty user folder"
    org = wizard.organisation
    type_text(org.parent_lines, "Ủy ban nhân dân\ntỉnh Bắc Ninh")
    type_text(org.name_lines, "Sở Nội vụ")
    type_text(org.abbreviation, "SNV")
    type_text(org.address, "Số 10 Lý Thái Tổ, phường Suối Hoa, tỉnh Bắc Ninh")
    type_text(org.phone, "0222.3822.123")
    shot(wizard, "02-thiet-lap-co-quan.png")
    wizard.next()
    type_text(wizard.signer.signer_name, "Trần Thị Bình")
    type_text(wizard.signer.signer_title, "Phó Giám đốc")
    type_text(wizard.signer.authority, "KT. Giám đốc")
    shot(wizard, "03-thiet-lap-nguoi-ky.png")
    wizard.next()
    type_text(wizard.place_page.place, "Bắc Ninh")
    wizard.place_page.load_samples.setChecked(True)
    shot(wizard, "04-thiet-lap-dia-danh.png")
    wizard.accept()
    settle()

    editor = window.current_editor()
    assert editor is not None, "finishing the wizard opens a công văn"
    sample, _problems = letterfile.load(ROOT / "templates" / "cong_van" / "sample.letter")
    letter = editor.letter()
    letter.subject = "tổ chức tập huấn công tác văn thư năm 2026"
    letter.kinh_gui = ["Các phòng, ban thuộc Sở", "Các đơn vị sự nghiệp trực thuộc Sở"]
    letter.body = ("Thực hiện kế hoạch công tác năm 2026, Sở Nội vụ tổ chức tập huấn nghiệp vụ "
                   "văn thư cho công chức, viên chức làm công tác văn thư của các đơn vị.\n"
                   "1. Thời gian: 08 giờ 00 ngày 15 tháng 4 năm 2026.\n"
                   "2. Địa điểm: Hội trường tầng 3, Sở Nội vụ.\n"
                   "Đề nghị các đơn vị cử cán bộ tham dự đầy đủ, đúng thành phần.\n"
                   "Trân trọng.")
    letter.fields = {**sample.fields, **letter.fields}
    editor.load_letter(letter, None)
    shot(window, "05-soan-cong-van.png")

    picker = TypePicker(window.registry.all(), window.preferences.recent_types, window)
    picker.resize(640, 520)
    picker.show()
    shot(picker, "06-chon-loai-van-ban.png")
    picker.close()

    for each in window.editors():
        each.dirty = False
        each.discard_autosave()
    return 0


if __name__ == "__main__":
    sys.exit(main())
