"""Without a suitable font the window says so, in Vietnamese, with what to install: a
banner from the start, and a warning before export and print."""

from __future__ import annotations

from pathlib import Path

from font_dirs import no_fonts
from PySide6.QtWidgets import QLabel

from drafter.ui.font_notice import BANNER_NAME
from tests.ui.conftest import SAMPLE

__all__ = ["no_fonts"]  # a fixture the tests below ask for by name


def test_the_window_says_which_font_to_install(no_fonts, window) -> None:  # type: ignore[no-untyped-def]
    banner = window.findChild(QLabel, BANNER_NAME)
    assert banner is not None and banner.isVisible()
    text = banner.text()
    assert text.startswith("Phông chữ: Máy chưa cài phông Times New Roman")
    assert "Windows: phông Times New Roman có sẵn trong Windows" in text
    assert "Debian/Ubuntu: sudo apt install fonts-liberation2" in text
    window.switch_language("en")
    assert banner.text().startswith("Fonts: Neither Times New Roman nor Liberation Serif 2")


def test_export_warns_and_still_writes(no_fonts, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.open_file(SAMPLE)
    pdf = window.export_pdf(tmp_path / "letter.pdf")
    assert pdf is not None and pdf.is_file()
    titles = [title for title, _text in window.errors]
    assert titles == ["Thiếu phông chữ tiếng Việt"]
    assert "sudo apt install fonts-liberation2" in window.errors[0][1]


def test_no_banner_and_no_warning_with_the_fonts_installed(
    window,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    assert window.findChild(QLabel, BANNER_NAME) is None
    window.open_file(SAMPLE)
    assert window.export_docx(tmp_path / "letter.docx") is not None
    assert window.errors == []
