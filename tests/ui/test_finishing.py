"""Small things that make the window feel finished: folders remembered per kind, the
file name kept after a failed export, notices after exporting and printing."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

from tests.ui.conftest import SAMPLE


def test_an_export_says_where_and_opens_the_file_or_its_folder(
    qtbot, window, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from drafter.ui import notices

    opened: list[QUrl] = []
    monkeypatch.setattr(notices, "open_url", lambda url: opened.append(url) or True)
    window.open_file(SAMPLE)
    folder = tmp_path / "xuất"
    folder.mkdir()
    window.choose_save_path = lambda title, suggested, file_filter: folder / "cv.docx"
    path = window.export_docx()
    assert path == folder / "cv.docx" and path.is_file()
    notice = window.statusBar().findChild(notices.Notice, notices.NOTICE)
    assert notice is not None and notice.isVisible()
    assert notice.findChild(QLabel, "notice.text").text() == f"Đã xuất cv.docx vào {folder}"
    open_file = notice.findChild(QPushButton, "notice.open_file")
    open_folder = notice.findChild(QPushButton, "notice.open_folder")
    assert (open_file.text(), open_folder.text()) == ("Mở tệp", "Mở thư mục")
    qtbot.mouseClick(open_file, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(open_folder, Qt.MouseButton.LeftButton)
    assert [Path(url.toLocalFile()) for url in opened] == [path, folder]
    # The folder is remembered for the next export, also after a restart.
    assert window.preferences.folders["exports"] == str(folder)
    from drafter import settings

    assert settings.load().folders["exports"] == str(folder)
    other = window.open_file(SAMPLE.parent.parent / "quyet_dinh" / "sample.letter")
    assert window.export_path(other, ".pdf").parent == folder
    # A second notice replaces the first.
    window.export_pdf()
    assert len(window.statusBar().findChildren(notices.Notice, notices.NOTICE)) == 1


def test_a_failed_export_keeps_the_name_and_folder_chosen(
    qtbot, window, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    editor = window.open_file(SAMPLE)
    chosen = tmp_path / "nơi khác" / "công văn gửi sở.docx"
    chosen.parent.mkdir()
    window.choose_save_path = lambda title, suggested, file_filter: chosen

    def full_disk(source: str, target: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    assert window.export_docx() is None
    assert window.errors
    monkeypatch.undo()
    suggested: list[Path] = []

    def choose(title: str, path: Path, file_filter: str) -> Path:
        suggested.append(path)
        return path

    window.choose_save_path = choose
    assert window.export_docx() == chosen and chosen.is_file()
    assert suggested == [chosen]
    # Once written, the next suggestion is the usual name again, in that folder.
    assert window.export_path(editor, ".docx").parent == chosen.parent
    assert window.export_path(editor, ".docx") != chosen


def test_the_letters_folder_is_remembered_for_open_and_save(
    qtbot, window, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "công văn"
    folder.mkdir()
    window.new_draft("cong_van")
    window.choose_save_path = lambda title, suggested, file_filter: folder / "a.letter"
    assert window.save_as()
    assert window.preferences.folders["letters"] == str(folder)
    starts: list[str] = []

    def get_open(parent, title, start, file_filter, options=None):  # type: ignore[no-untyped-def]
        starts.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", get_open)
    window.preferences.recent_files = [str(tmp_path / "elsewhere" / "x.letter")]
    window.open_dialog()
    assert starts == [str(folder)]
    seen: list[Path] = []
    window.choose_save_path = lambda title, suggested, file_filter: seen.append(suggested)
    window.new_draft("quyet_dinh")
    window.save_as()
    assert seen[0].parent == folder


def test_printing_says_what_was_sent(qtbot, window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("PySide6.QtPrintSupport")
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from drafter.ui import notices

    out = tmp_path / "in.pdf"

    def accept(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(out))
        return 1

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    editor = window.open_file(SAMPLE)
    window.print_draft()
    assert out.is_file() and out.stat().st_size > 1000
    notice = window.statusBar().findChild(notices.Notice, notices.NOTICE)
    pages = len(editor.preview.pages)
    assert (
        notice.findChild(QLabel, "notice.text").text() == f"Đã gửi {pages} trang đến máy in {out}."
    )
