"""The office dialogs set what every new letter starts from: the default profile and
who signs which document types."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QListWidget, QPlainTextEdit, QPushButton

from drafter.store.engine import Store, open_store
from drafter.store.models import Profile, Signer, Unit
from drafter.store.profiles import list_profiles, save_profile
from drafter.store.signers import list_signers, save_signer


@pytest.fixture
def store(tmp_path: Path, drafter_home: Path) -> Iterator[Store]:
    """An office with two profiles and two signers, the first of each the default."""
    from drafter.ui.office import common

    office = open_store(tmp_path / "office.sqlite3")
    common.use_store(office)
    save_profile(
        office,
        Profile(
            label="UBND tỉnh",
            parent="",
            name="ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM",
            abbreviation="UBND",
            place="Quảng Nam",
            is_default=True,
            units=[Unit(name="Văn phòng", abbreviation="VP")],
        ),
    )
    save_profile(
        office,
        Profile(
            label="Sở Tư pháp",
            parent="ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM",
            name="SỞ TƯ PHÁP",
            abbreviation="STP",
            place="Tam Kỳ",
            units=[],
        ),
    )
    save_signer(
        office,
        Signer(
            name="Lê Văn An",
            title="Chủ tịch",
            is_default=True,
            default_types="quyet_dinh",
            patterns=[],
        ),
    )
    save_signer(office, Signer(name="Trần Thị Bích", title="Giám đốc", patterns=[]))
    yield office
    common.use_store(None)
    office.close()


def _select(entries: QListWidget, text: str) -> None:
    item = next(entries.item(r) for r in range(entries.count()) if text in entries.item(r).text())
    entries.setCurrentItem(item)


def _type_item(types: QListWidget, type_id: str):  # type: ignore[no-untyped-def]
    return next(
        types.item(r)
        for r in range(types.count())
        if types.item(r).data(Qt.ItemDataRole.UserRole) == type_id
    )


def test_defaults_set_in_the_dialogs_start_the_next_new_letter(qtbot, window, store):  # type: ignore[no-untyped-def]
    from drafter.ui.office.profiles_dialog import ProfilesDialog
    from drafter.ui.office.signers_dialog import SignersDialog

    profiles = ProfilesDialog()
    qtbot.addWidget(profiles)
    _select(profiles.findChild(QListWidget, "profiles.list"), "Sở Tư pháp")
    default_profile = profiles.findChild(QCheckBox, "profile.default")
    assert not default_profile.isChecked()
    default_profile.setChecked(True)
    profiles.findChild(QPushButton, "profiles.save").click()

    signers = SignersDialog()
    qtbot.addWidget(signers)
    _select(signers.findChild(QListWidget, "signers.list"), "Trần Thị Bích")
    types = signers.findChild(QListWidget, "signer.default_types")
    decision = _type_item(types, "quyet_dinh")
    assert decision.text() == "Quyết định"
    assert decision.checkState() == Qt.CheckState.Unchecked
    decision.setCheckState(Qt.CheckState.Checked)
    signers.findChild(QCheckBox, "signer.default").setChecked(True)
    signers.findChild(QPushButton, "signers.save").click()

    # One default profile, one default signer, one signer for quyết định.
    assert [p.label for p in list_profiles(store) if p.is_default] == ["Sở Tư pháp"]
    stored = {s.name: s for s in list_signers(store)}
    assert stored["Trần Thị Bích"].is_default
    assert stored["Trần Thị Bích"].default_types == "quyet_dinh"
    assert not stored["Lê Văn An"].is_default
    assert stored["Lê Văn An"].default_types == ""

    editor = window.new_draft("quyet_dinh")
    form = editor.form
    assert form.findChild(QPlainTextEdit, "issuer.name").toPlainText() == "SỞ TƯ PHÁP"
    assert form.findChild(QLineEdit, "issuer.abbreviation").text() == "STP"
    assert form.findChild(QLineEdit, "place").text() == "Tam Kỳ"
    assert form.findChild(QLineEdit, "signatures[1].name").text() == "Trần Thị Bích"


def test_the_dialogs_show_the_stored_defaults(qtbot, store):  # type: ignore[no-untyped-def]
    from drafter.ui.office.profiles_dialog import ProfilesDialog
    from drafter.ui.office.signers_dialog import SignersDialog

    profiles = ProfilesDialog()
    qtbot.addWidget(profiles)
    entries = profiles.findChild(QListWidget, "profiles.list")
    default_profile = profiles.findChild(QCheckBox, "profile.default")
    _select(entries, "UBND tỉnh")
    assert default_profile.isChecked()
    _select(entries, "Sở Tư pháp")
    assert not default_profile.isChecked()

    signers = SignersDialog()
    qtbot.addWidget(signers)
    _select(signers.findChild(QListWidget, "signers.list"), "Lê Văn An")
    types = signers.findChild(QListWidget, "signer.default_types")
    assert signers.findChild(QCheckBox, "signer.default").isChecked()
    checked = [
        types.item(r).data(Qt.ItemDataRole.UserRole)
        for r in range(types.count())
        if types.item(r).checkState() == Qt.CheckState.Checked
    ]
    assert checked == ["quyet_dinh"]
    # Unticking keeps the signer as it was otherwise, and stores no type.
    _type_item(types, "quyet_dinh").setCheckState(Qt.CheckState.Unchecked)
    signers.findChild(QPushButton, "signers.save").click()
    stored = next(s for s in list_signers(store) if s.name == "Lê Văn An")
    assert stored.default_types == ""
    assert stored.is_default
