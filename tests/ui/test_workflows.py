"""Whole workflows driven as a person would: choose a type, type Vietnamese, watch the
preview, export, save, reopen, recover after a crash, switch language."""

from __future__ import annotations

import datetime as dt
import errno
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from drafter.core import letterfile
from tests.ui.conftest import SAMPLE, type_text


def fill_cong_van(qtbot, editor) -> None:  # type: ignore[no-untyped-def]
    form = editor.form
    type_text(form.findChild(QPlainTextEdit, "issuer.name"), "SỞ TÀI CHÍNH")
    type_text(form.findChild(QLineEdit, "issuer.abbreviation"), "STC")
    type_text(form.findChild(QLineEdit, "issuer.unit"), "VP")
    place = form.findChild(QLineEdit, "place")
    place.clear()
    type_text(place, "Đà Nẵng")
    type_text(form.findChild(QLineEdit, "subject"), "góp ý dự thảo kế hoạch năm 2026")
    recipients = form.findChild(QPlainTextEdit, "kinh_gui")
    type_text(recipients, "Sở Nội vụ")
    qtbot.keyClick(recipients, Qt.Key.Key_Return)
    type_text(recipients, "Sở Kế hoạch và Đầu tư")
    qtbot.keyClick(recipients, Qt.Key.Key_Return)
    type_text(recipients, "Ủy ban nhân dân các quận, huyện")
    type_text(
        form.findChild(QWidget, "body"), "Sở Tài chính đề nghị các đơn vị góp ý dự thảo kế hoạch."
    )
    type_text(form.findChild(QLineEdit, "signatures[1].title"), "GIÁM ĐỐC")
    type_text(form.findChild(QLineEdit, "signatures[1].name"), "Trần Thị Bình")
    editor.refresh()


def test_type_picker_lists_vietnamese_names_recent_first_and_finds_without_marks(qtbot):
    from drafter.core.doctypes import default_registry
    from drafter.ui.type_picker import TypePicker

    types = default_registry().all()
    picker = TypePicker(types, ["cong_van"])
    qtbot.addWidget(picker)
    first = picker.list.item(0)
    assert first.data(Qt.ItemDataRole.UserRole) == "cong_van"
    assert first.text().startswith("Công văn")
    assert picker.list.count() == len(types)
    type_text(picker.search, "cong van")  # typed without diacritics
    assert picker.list.count() >= 1
    assert picker.chosen_type().id == "cong_van"
    picker.search.setText("khong co loai nay")
    assert picker.list.count() == 0
    # Without recent types, the type whose name matches comes before description matches.
    fresh = TypePicker(types, [])
    qtbot.addWidget(fresh)
    for query, expected in (
        ("cong van", "cong_van"),
        ("quyết định", "quyet_dinh"),
        ("to trinh", "to_trinh"),
    ):
        fresh.search.setText(query)
        assert fresh.chosen_type().id == expected, query


def test_typing_vietnamese_shows_problems_in_place_and_updates_the_preview(qtbot, window):
    editor = window.new_draft("cong_van")
    editor.refresh()
    form = editor.form
    assert "bắt buộc" in form.problem_text("issuer.name") or form.problem_text("issuer.name")
    assert "Ready" not in window.status_label().text()
    fill_cong_van(qtbot, editor)
    assert form.problem_text("issuer.name") == ""
    assert form.problem_text("signatures[1].name") == ""
    assert editor.problems == []
    text = editor.preview.pages[0].text
    assert "SỞ TÀI CHÍNH" in text
    assert "- Sở Kế hoạch và Đầu tư;" in text
    assert "Trần Thị Bình" in text
    # The preview follows the next keystroke (after its short pause).
    type_text(form.findChild(QLineEdit, "signatures[1].name"), " Hoa")
    qtbot.waitUntil(lambda: "Trần Thị Bình Hoa" in editor.preview.pages[0].text, timeout=2000)
    # Clearing a required field brings its problem back beside it.
    form.findChild(QLineEdit, "signatures[1].name").clear()
    editor.refresh()
    assert form.problem_text("signatures[1].name") != ""
    assert form.findChild(QWidget, "problem:signatures[1].name").isVisible()


def test_export_docx_and_pdf_with_default_names(qtbot, window, tmp_path):
    window.preferences.export_folder = str(tmp_path)
    editor = window.new_draft("cong_van")
    fill_cong_van(qtbot, editor)
    editor.form.set_value("number", 4582)
    editor.form.set_value("date", dt.date(2016, 6, 7))
    editor.refresh()
    assert window.export_path(editor, ".docx").name == "4582-STC-VP_2016-06-07.docx"
    window.choose_save_path = lambda title, suggested, file_filter: suggested
    docx = window.export_docx()
    pdf = window.export_pdf()
    assert docx == tmp_path / "4582-STC-VP_2016-06-07.docx" and docx.is_file()
    with zipfile.ZipFile(docx) as package:
        xml = package.read("word/document.xml").decode()
    assert "SỞ TÀI CHÍNH" in xml and "Trần Thị Bình" in xml
    with pymupdf.open(pdf) as document:
        text = document[0].get_text()
    assert "Nơi nhận:" in text and "4582/STC-VP" in text
    assert window.actions_by_name["open_export"].isEnabled()
    assert window.errors == []


def test_export_is_refused_with_the_reason_while_problems_remain(window, tmp_path):
    window.new_draft("cong_van")
    window.choose_save_path = lambda *args: tmp_path / "x.docx"
    assert window.export_docx() is None
    assert not (tmp_path / "x.docx").exists()
    _title, text = window.errors[-1]
    assert "• Cơ quan ban hành: " in text  # named as the form names it, in Vietnamese
    assert "issuer.name" not in text
    focused = window.current_editor().form.bindings["issuer.name"].widget
    assert (
        QApplication.focusWidget() is focused
        or focused.hasFocus()
        or window.focusWidget() is focused
    )


def test_a_failing_write_says_why_and_keeps_the_earlier_file(qtbot, window, tmp_path, monkeypatch):
    editor = window.open_file(SAMPLE)
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "out.docx"
    target.write_bytes(b"earlier export")
    window.confirm_overwrite = lambda path: True

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    assert window.export_docx(target) is None
    assert target.read_bytes() == b"earlier export"
    assert "đầy" in window.errors[-1][1] or "full" in window.errors[-1][1]
    assert [p.name for p in folder.iterdir()] == ["out.docx"]  # no temporary left
    monkeypatch.undo()
    assert window.export_docx(tmp_path / "missing" / "x.docx") is None
    assert editor.dirty is False


def test_save_reopen_and_never_overwrite_without_asking(qtbot, window, tmp_path):
    editor = window.new_draft("cong_van")
    fill_cong_van(qtbot, editor)
    path = tmp_path / "gop-y.letter"
    assert window.save_as(path)
    assert not editor.dirty
    saved, problems = letterfile.load(path)
    assert problems == [] and saved.kinh_gui[1] == "Sở Kế hoạch và Đầu tư"
    assert saved.issuer.name == ["SỞ TÀI CHÍNH"]

    other = tmp_path / "other.letter"
    other.write_text("keep me", encoding="utf-8")
    asked = []
    window.confirm_overwrite = lambda p: asked.append(p) or False
    assert not window.save_as(other)
    assert asked == [other] and other.read_text(encoding="utf-8") == "keep me"

    window.close_draft(editor)
    reopened = window.open_file(path)
    assert reopened.letter() == saved
    assert str(path.resolve()) in window.preferences.recent_files


def test_closing_with_unsaved_changes_asks(qtbot, window):
    editor = window.new_draft("cong_van")
    type_text(editor.form.findChild(QLineEdit, "subject"), "thử")
    assert editor.dirty and editor.title().startswith("●")
    window.ask_unsaved = lambda name: QMessageBox.StandardButton.Cancel
    assert not window.close_draft(editor)
    assert window.tabs.count() == 1
    window.ask_unsaved = lambda name: QMessageBox.StandardButton.Discard
    assert window.close_draft(editor)
    assert window.tabs.count() == 0


CRASHING_SESSION = textwrap.dedent("""
    import os, sys, time
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication, QLineEdit
    app = QApplication([])
    from drafter.ui.main_window import MainWindow
    window = MainWindow()
    window.show()
    editor = window.new_draft("cong_van")
    field = editor.form.findChild(QLineEdit, "subject")
    field.setFocus()
    for word in "về việc kiểm tra công tác văn thư năm 2026".split():
        event = QInputMethodEvent("", [])
        event.setCommitString(word + " ")
        QApplication.sendEvent(field, event)
        app.processEvents()
    # The user stops typing; at most 2 s later the autosave must be on disk.
    deadline = time.monotonic() + 2.0
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    print("typed", flush=True)
    time.sleep(60)
""")


def test_recovery_after_kill_9_restores_the_unsaved_draft(qtbot, window, drafter_home):
    env = dict(os.environ, DRAFTER_HOME=str(drafter_home), QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen(
        [sys.executable, "-c", CRASHING_SESSION], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout.readline().strip() == "typed"
    finally:
        process.kill()  # SIGKILL: no chance to clean up
        process.wait()
    asked = []
    window.ask_restore = lambda count, names: asked.append(count) or True
    assert window.offer_recovery() == 1
    assert asked == [1]
    editor = window.current_editor()
    assert editor.letter().subject == "về việc kiểm tra công tác văn thư năm 2026"
    assert editor.dirty
    # The restored draft now belongs to this session: nothing more to offer.
    assert window.offer_recovery() == 0


def test_switching_language_rebuilds_the_interface_and_keeps_the_drafts(qtbot, window):
    editor = window.new_draft("cong_van")
    type_text(editor.form.findChild(QLineEdit, "subject"), "giữ nguyên")
    vietnamese = window.menuBar().actions()[0].text()
    window.switch_language("en")
    assert window.menuBar().actions()[0].text() == "&File"
    assert vietnamese != "&File"
    assert window.current_editor().letter().subject == "giữ nguyên"
    assert window.current_editor().dirty
    window.switch_language("vi")
    assert window.menuBar().actions()[0].text() == vietnamese
    from drafter import settings

    assert settings.load().language == "vi"


def test_every_form_field_has_an_accessible_name_and_its_id_as_object_name(window):
    from drafter.core.doctypes import default_registry

    for doctype in default_registry().all():
        editor = window.new_draft(doctype.id)
        for path, binding in editor.form.bindings.items():
            target = getattr(binding.widget, "editor", binding.widget)
            assert target.objectName() == path
            assert target.accessibleName(), path
        for spec in doctype.fields:
            assert f"fields.{spec.id}" in editor.form.bindings


def test_preferences_stay_in_legal_ranges_and_change_the_preview(qtbot, window):
    from drafter.layout.settings import RANGES
    from drafter.ui.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(window.preferences, window)
    qtbot.addWidget(dialog)
    for name, spin in dialog.spins.items():
        low, high = RANGES[name]
        assert low <= spin.minimum() < low + 0.001 and spin.maximum() == pytest.approx(high)
    dialog.spins["body_size"].setValue(20)  # clamped to the legal maximum
    assert dialog.spins["body_size"].value() == 14
    dialog.spins["body_size"].setValue(13)
    type_text(dialog.place, "Huế")
    editor = window.open_file(SAMPLE)
    window.apply_preferences(dialog.result_preferences())
    body = next(p for p in editor.document.sections[0].blocks if getattr(p, "role", "") == "body")
    assert body.size.pt == 13
    new = window.new_draft("cong_van")
    assert new.letter().place == "Huế"
    from drafter import settings

    assert settings.load().layout.body_size == 13


def test_the_gui_pdf_is_the_command_line_pdf(qtbot, window, tmp_path):
    window.open_file(SAMPLE)
    gui = window.export_pdf(tmp_path / "gui.pdf")
    cli = tmp_path / "cli.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "drafter", "render", str(SAMPLE), "-o", str(cli)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr

    def words(path: Path) -> list[tuple]:
        with pymupdf.open(path) as document:
            return [
                (page.number, *(round(v, 1) for v in w[:4]), w[4])
                for page in document
                for w in page.get_text("words")
            ]

    assert words(gui) == words(cli)


def test_the_data_menu_and_the_pickers_call_into_the_office_package(qtbot, window, monkeypatch):
    from drafter.ui import office_bridge

    if not office_bridge.available():
        pytest.skip("drafter.ui.office is not part of this build")
    window.data_menu.aboutToShow.emit()
    names = [a.objectName() for a in window.data_menu.actions()]
    assert any(name.startswith("office.") for name in names)
    editor = window.new_draft("cong_van")
    calls = []
    import drafter.ui.office as office

    monkeypatch.setattr(office, "pick", lambda kind, form, win: calls.append(kind))
    for kind in ("issuer", "recipients", "noi_nhan", "signer:1"):
        button = editor.form.findChild(QWidget, f"pick:{kind}")
        assert button.isEnabled()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert calls == ["issuer", "recipients", "noi_nhan", "signer:1"]


def test_printing_draws_every_page_on_the_printer(qtbot, window, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from drafter.ui import export

    editor = window.open_file(SAMPLE)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    export.print_document(editor.document, printer)
    with pymupdf.open(tmp_path / "printed.pdf") as printed:
        assert len(printed) == len(editor.preview.pages)
        page = printed[0]
        assert round(page.rect.width * 25.4 / 72) == 210
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page.get_text()


def test_preview_zoom_and_page_navigation(qtbot, window):
    editor = window.open_file(Path(SAMPLE).parents[1] / "chi_thi" / "sample.letter")
    preview = editor.preview
    assert len(preview.pages) == 2
    width = preview.view.width()
    preview.step_zoom(1)
    assert preview.view.width() > width
    assert preview.zoom_label.text() == "100 %"
    preview.page_box.setValue(2)
    assert preview.pages_scroll.verticalScrollBar().value() > 0
    preview.pages_scroll.verticalScrollBar().setValue(0)
    assert preview.page_box.value() == 1
    window.new_draft("cong_van")
    assert window.tabs.currentIndex() == 1
    window.actions_by_name["next_draft"].trigger()
    assert window.tabs.currentIndex() == 0


def test_every_type_sample_opens_in_its_form_unchanged_and_ready_to_export(window):
    from drafter.core.doctypes import default_registry

    for doctype in default_registry().all():
        saved, problems = letterfile.load(doctype.sample_path)
        assert problems == [], doctype.id
        editor = window.open_file(doctype.sample_path)
        assert editor.letter() == saved, doctype.id  # the form loses nothing
        assert editor.problems == [], (doctype.id, editor.problems)
        assert editor.preview.pages, doctype.id
        assert not editor.dirty


def test_appendices_are_added_typed_and_printed_on_their_own_pages(qtbot, window, tmp_path):
    editor = window.open_file(SAMPLE)
    qtbot.mouseClick(editor.form.findChild(QWidget, "appendices.add"), Qt.MouseButton.LeftButton)
    type_text(editor.form.findChild(QLineEdit, "appendices[1].title"), "Danh sách đơn vị")
    type_text(editor.form.findChild(QWidget, "appendices[1].body"), "Trường Tiểu học Nghĩa Đô")
    editor.refresh()
    assert editor.problems == []
    last = editor.preview.pages[-1]
    assert len(editor.preview.pages) == 2 and last.number == 1  # numbered on its own
    assert "DANH SÁCH ĐƠN VỊ" in last.text and "Trường Tiểu học Nghĩa Đô./." in last.text
    # A second appendix keeps the first, and an empty title is a problem beside its field.
    qtbot.mouseClick(editor.form.findChild(QWidget, "appendices.add"), Qt.MouseButton.LeftButton)
    assert editor.form.value("appendices[1].title") == "Danh sách đơn vị"
    editor.refresh()
    assert editor.form.problem_text("appendices[2].title")
    qtbot.mouseClick(editor.form.findChild(QWidget, "appendices.remove"), Qt.MouseButton.LeftButton)
    assert window.save_as(tmp_path / "with-appendix.letter")
    saved, _problems = letterfile.load(tmp_path / "with-appendix.letter")
    assert [a.title for a in saved.appendices] == ["Danh sách đơn vị"]
    reopened_window_editor = window.open_file(tmp_path / "with-appendix.letter")
    assert reopened_window_editor.form.value("appendices[1].body") == "Trường Tiểu học Nghĩa Đô"


def test_a_file_with_unknown_values_opens_with_a_warning(window, tmp_path):
    text = SAMPLE.read_text(encoding="utf-8").replace("[issuer]", 'colour = "red"\n\n[issuer]')
    path = tmp_path / "odd.letter"
    path.write_text(text, encoding="utf-8")
    editor = window.open_file(path)
    assert editor is not None and editor.letter().subject.startswith("tăng cường")
    assert "colour" in window.errors[-1][1]
    broken = tmp_path / "broken.letter"
    broken.write_text("this is not toml [", encoding="utf-8")
    assert window.open_file(broken) is None
    assert window.tabs.count() == 1


TYPING_WITHOUT_PAUSE = textwrap.dedent("""
    import time
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication, QLineEdit
    app = QApplication([])
    from drafter.ui.main_window import MainWindow
    window = MainWindow()
    window.show()
    editor = window.new_draft("cong_van")
    field = editor.form.findChild(QLineEdit, "subject")
    field.setFocus()
    typed = []  # (time, text so far)
    start = time.monotonic()
    while time.monotonic() - start < 4.0:  # a fast typist who never pauses
        event = QInputMethodEvent("", [])
        event.setCommitString("ư")
        QApplication.sendEvent(field, event)
        typed.append((time.monotonic(), field.text()))
        deadline = time.monotonic() + 0.05
        while time.monotonic() < deadline:
            app.processEvents()
    end = typed[-1][0]
    safe = max(len(text) for when, text in typed if when <= end - 2.0)
    print("typed", safe, flush=True)
    time.sleep(60)
""")


def test_typing_without_pause_loses_at_most_two_seconds_after_kill_9(window, drafter_home):
    env = dict(os.environ, DRAFTER_HOME=str(drafter_home), QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen(
        [sys.executable, "-c", TYPING_WITHOUT_PAUSE], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        word, safe = process.stdout.readline().split()
    finally:
        process.kill()
        process.wait()
    window.ask_restore = lambda count, names: True
    assert window.offer_recovery() == 1
    recovered = window.current_editor().letter().subject
    assert word == "typed" and int(safe) > 0
    assert len(recovered) >= int(safe)


def test_tab_goes_through_the_fields_in_the_order_of_the_form(window):
    editor = window.new_draft("quyet_dinh")
    form = editor.form
    bound = [getattr(b.widget, "editor", b.widget) for b in form.bindings.values()]
    first = bound[0]
    order, widget = [], first
    for _ in range(500):
        if widget in bound and widget not in order:
            order.append(widget)
        widget = widget.nextInFocusChain()
        if widget is first:
            break
    assert [w.objectName() for w in order] == [w.objectName() for w in bound]
    for widget in bound:
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus, widget.objectName()


def test_the_welcome_page_offers_the_recent_drafts(qtbot, window, tmp_path):
    editor = window.open_file(SAMPLE)
    window.close_draft(editor)
    assert window.stack.currentWidget() is window.welcome
    links = [b for b in window.welcome.findChildren(QPushButton) if b.text() == SAMPLE.name]
    assert len(links) == 1
    qtbot.mouseClick(links[0], Qt.MouseButton.LeftButton)
    assert window.current_editor().path == SAMPLE.resolve()


def test_a_new_draft_starts_from_the_type_and_the_preferences(window):
    window.preferences.default_place = "Cần Thơ"
    minutes = window.new_draft("bien_ban").letter()
    assert [s.title for s in minutes.signatures] == ["THƯ KÝ", "CHỦ TỌA"]
    decision = window.new_draft("quyet_dinh").letter()
    assert decision.noi_nhan == ["Như Điều 3"] and decision.place == "Cần Thơ"
    assert decision.date == dt.date.today()


def test_the_status_bar_count_leads_to_the_first_problem(qtbot, window):
    editor = window.new_draft("cong_van")
    editor.refresh()
    button = window.status_label()
    assert button.text() == f"Còn {len(editor.problems)} mục cần sửa trước khi xuất"
    first = editor.form.bindings[editor.form._binding_path(editor.problems[0].field)].widget
    window.activateWindow()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    target = getattr(first, "editor", first)
    assert window.focusWidget() is target


def test_an_input_method_composition_lands_only_when_committed(qtbot, window):
    from PySide6.QtGui import QInputMethodEvent

    editor = window.new_draft("cong_van")
    field = editor.form.findChild(QLineEdit, "subject")
    field.setFocus()
    for preedit in ("V", "Vi", "Vie", "Viê", "Việ"):  # Telex composing "Việt"
        QApplication.sendEvent(field, QInputMethodEvent(preedit, []))
        assert editor.letter().subject == ""
    done = QInputMethodEvent("", [])
    done.setCommitString("Việt")
    QApplication.sendEvent(field, done)
    assert editor.letter().subject == "Việt"
    # Text arrives composed (NFC) even when an input method commits decomposed marks.
    decomposed = QInputMethodEvent("", [])
    decomposed.setCommitString(" Na\u0323m")  # "Nạm" as base letter + combining dot below
    QApplication.sendEvent(field, decomposed)
    assert editor.letter().subject == "Việt Nạm"
