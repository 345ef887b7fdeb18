"""Help > User guide: the Vietnamese guide opens from the menu with its screenshots."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument

from drafter.ui import user_guide

# Qt warnings fail these tests, except what the offscreen platform says of every window.
pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)"),
]

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "user-guide.md"


def test_every_image_of_the_guide_exists() -> None:
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", GUIDE.read_text(encoding="utf-8"))
    assert len(images) >= 4
    for image in images:
        assert (GUIDE.parent / image).is_file(), image


def test_help_menu_opens_the_guide_with_its_screenshots(qtbot) -> None:  # type: ignore[no-untyped-def]
    from drafter.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    help_actions = [
        a.objectName() for menu in window.menuBar().actions() for a in menu.menu().actions()
    ]
    assert "action.user_guide" in help_actions
    window.actions_by_name["user_guide"].trigger()
    guide = window.findChild(user_guide.UserGuide, "user_guide")
    assert guide is not None and guide.isVisible()
    assert user_guide.guide_path() == GUIDE
    text = guide.browser.toPlainText()
    assert "Hướng dẫn sử dụng Drafter" in text
    assert "Soạn công văn đầu tiên" in text
    # Qt found the screenshots through the search path: each loads as an image.
    document = guide.browser.document()
    names = re.findall(r'<img src="([^"]+)"', document.toHtml())
    assert names
    for name in names:
        image = guide.browser.loadResource(QTextDocument.ResourceType.ImageResource.value, name)
        assert image is not None and not image.isNull(), name
    # A second trigger raises the same window instead of opening another.
    window.actions_by_name["user_guide"].trigger()
    assert len(window.findChildren(user_guide.UserGuide)) == 1
