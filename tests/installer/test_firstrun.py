"""The first-run wizard, driven as a person does: typing through an input method,
pressing Next and Finish, then looking at the công văn it opened."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from drafter import settings
from drafter.ui import firstrun

# Qt warnings fail these tests, except what the offscreen platform says of every window.
pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)"),
]


def type_text(widget: QWidget, text: str) -> None:
    """Commit *text* the way a Vietnamese input method (Unikey, ibus-bamboo) does."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def press(qtbot, wizard: QWizard, button: QWizard.WizardButton) -> None:  # type: ignore[no-untyped-def]
    widget = wizard.button(button)
    assert widget.isEnabled(), f"{button} is disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def window(qtbot) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from drafter.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    win.warnings = []
    win.show_warning = lambda title, text: win.warnings.append(text)
    yield win
    for editor in win.editors():
        editor.dirty = False
        editor.discard_autosave()


def fill_organisation(wizard: firstrun.FirstRunWizard) -> None:
    page = wizard.organisation
    type_text(page.parent_lines, "Ủy ban nhân dân\ntỉnh Bắc Ninh")
    type_text(page.name_lines, "Sở Nội vụ")
    type_text(page.abbreviation, "snv")
    type_text(page.address, "Số 10 Lý Thái Tổ, phường Suối Hoa, Bắc Ninh")


def test_wizard_opens_when_there_is_no_profile_and_ends_in_a_filled_cong_van(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    wizard = firstrun.offer(window)
    assert wizard is not None and wizard.isVisible()
    finish_or_next = QWizard.WizardButton.NextButton
    assert not wizard.button(finish_or_next).isEnabled()  # name and abbreviation are required
    fill_organisation(wizard)
    press(qtbot, wizard, finish_or_next)

    type_text(wizard.signer.signer_name, "Trần Thị Bình")
    type_text(wizard.signer.signer_title, "phó giám đốc")
    type_text(wizard.signer.authority, "KT. giám đốc")
    press(qtbot, wizard, finish_or_next)

    finish = QWizard.WizardButton.FinishButton
    assert not wizard.button(finish).isEnabled()  # the place is required
    type_text(wizard.place_page.place, "Bắc Ninh")
    press(qtbot, wizard, finish)

    assert not wizard.isVisible()
    assert window.warnings == []
    editor = window.current_editor()
    assert editor is not None and editor.doctype.id == "cong_van"
    letter = editor.letter()
    assert letter.issuer.parent == ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH"]
    assert letter.issuer.name == ["SỞ NỘI VỤ"]
    assert letter.issuer.abbreviation == "SNV"
    assert letter.place == "Bắc Ninh"
    signature = letter.signatures[0]
    assert (signature.authority, signature.title, signature.name) == (
        ["KT. GIÁM ĐỐC"],
        "PHÓ GIÁM ĐỐC",
        "Trần Thị Bình",
    )

    # Stored for good: the profile and signer in the database, the place in the preferences.
    from drafter.store.engine import open_store
    from drafter.store.profiles import list_profiles
    from drafter.store.signers import list_signers

    with open_store() as store:
        (profile,) = list_profiles(store)
        assert profile.name == "SỞ NỘI VỤ" and profile.place == "Bắc Ninh"
        assert [s.name for s in list_signers(store, profile.id)] == ["Trần Thị Bình"]
    assert settings.load().default_place == "Bắc Ninh"
    assert not firstrun.needs_first_run()
    assert firstrun.offer(window) is None


def test_sample_recipients_are_loaded_when_asked(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    wizard = firstrun.offer(window)
    fill_organisation(wizard)
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    press(qtbot, wizard, QWizard.WizardButton.NextButton)  # no signer yet: allowed
    type_text(wizard.place_page.place, "Bắc Ninh")
    wizard.place_page.load_samples.setChecked(True)
    press(qtbot, wizard, QWizard.WizardButton.FinishButton)

    assert wizard.outcome is not None and wizard.outcome.problems == []
    rows = firstrun.sample_recipients_path().read_text(encoding="utf-8").splitlines()
    assert wizard.outcome.recipients_loaded == len(rows) - 1
    from drafter.store.contacts import list_groups, search_contacts
    from drafter.store.engine import open_store

    with open_store() as store:
        assert [c.full_name for c in search_contacts(store, "so noi vu")] == ["Sở Nội vụ"]
        assert "Các sở, ban, ngành" in [g.name for g in list_groups(store)]
    # Without a signer, the new letter keeps its empty signature block.
    assert window.current_editor().letter().signatures[0].name == ""


def test_a_wrong_authority_line_is_explained_and_blocks_next(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    wizard = firstrun.offer(window)
    fill_organisation(wizard)
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    type_text(wizard.signer.signer_name, "Trần Thị Bình")
    type_text(wizard.signer.authority, "Thay mặt giám đốc")
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "TM." in wizard.signer.problem.text()
    wizard.signer.authority.clear()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert wizard.signer.problem.text() == ""


def test_cancel_is_remembered_and_changes_nothing(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    wizard = firstrun.offer(window)
    fill_organisation(wizard)
    wizard.reject()
    assert window.editors() == []
    assert not firstrun.needs_first_run()
    from drafter.store.engine import open_store
    from drafter.store.profiles import list_profiles

    with open_store() as store:
        assert list_profiles(store) == []


def test_a_damaged_state_file_does_not_stop_the_wizard(drafter_home: Path) -> None:
    state = drafter_home / "config" / firstrun.STATE_FILE
    state.parent.mkdir(parents=True)
    state.write_bytes(b"\xff\xfe not toml")
    assert firstrun.needs_first_run()
    assert firstrun.saved_answers() is None


def test_a_database_failure_is_reported_and_loses_nothing(
    qtbot, window, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from drafter.store import profiles
    from drafter.store.engine import StoreError

    def locked(*_args: object) -> None:
        raise StoreError("the database stayed locked by another program")

    monkeypatch.setattr(profiles, "save_profile", locked)
    wizard = firstrun.offer(window)
    fill_organisation(wizard)
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    type_text(wizard.signer.signer_name, "Trần Thị Bình")
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    type_text(wizard.place_page.place, "Bắc Ninh")
    press(qtbot, wizard, QWizard.WizardButton.FinishButton)

    assert window.warnings == ["the database stayed locked by another program"]
    letter = window.current_editor().letter()
    assert letter.issuer.name == ["SỞ NỘI VỤ"]
    assert letter.signatures[0].name == "Trần Thị Bình"
    saved = firstrun.saved_answers()
    assert saved is not None and saved.abbreviation == "snv"
