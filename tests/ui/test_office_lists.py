"""Lists from a letter: Kính gửi and Nơi nhận saved as groups, the picker showing the
letter's lines, the office dialogs following every change of the data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QPushButton

from drafter.store.contacts import list_groups, save_contact, save_group, search_contacts
from drafter.store.engine import Store, open_store
from drafter.store.models import Contact
from tests.ui.conftest import type_text


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """A fresh office database for the dialogs; the messages and questions they ask."""
    from drafter.ui.office import common
    from drafter.ui.office import save_group as saving

    store = open_store(tmp_path / "office.sqlite3")
    common.use_store(store)
    said: dict[str, Any] = {
        "errors": [],
        "infos": [],
        "choices": [],
        "store": store,
        "choose": 0,
        "name": "Các sở",
    }
    monkeypatch.setattr(common, "show_error", lambda parent, m: said["errors"].append(m))
    monkeypatch.setattr(common, "show_info", lambda parent, m: said["infos"].append(m))
    monkeypatch.setattr(common, "confirm", lambda parent, question: True)

    def choose(parent: object, text: str, options: list[str]) -> int | None:
        said["choices"].append((text, options))
        return said["choose"]

    monkeypatch.setattr(common, "choose", choose)
    monkeypatch.setattr(saving, "ask_group_name", lambda parent, suggestion: said["name"])
    yield said
    common.use_store(None)
    store.close()


def answer_picker(monkeypatch: pytest.MonkeyPatch, prepare: Any) -> list[Any]:
    """Answer the next pickers with *prepare(dialog)*; the dialogs seen, in order."""
    import drafter.ui.office as office_ui

    seen: list[Any] = []

    def run(dialog: Any) -> bool:
        seen.append(dialog)
        prepare(dialog)
        return True

    monkeypatch.setattr(office_ui, "run_dialog", run)
    return seen


def rows(widget: Any) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def checked(widget: Any) -> list[str]:
    return [
        widget.item(i).text()
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


def test_a_kinh_gui_list_saved_as_a_group_is_offered_in_the_next_letter(
    qtbot, window, office, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    store: Store = office["store"]
    save_contact(store, Contact(full_name="Sở Tài chính tỉnh Quảng Nam", short_name="Sở Tài chính"))
    editor = window.new_draft("cong_van")
    kinh_gui = editor.form.findChild(QPlainTextEdit, "kinh_gui")
    # Typed without diacritics, and a new one, and a dash the user typed.
    type_text(kinh_gui, "- So Tai chinh tinh Quang Nam;\nSở Xây dựng tỉnh Quảng Nam")
    office["choose"] = 0  # "Use 'Sở Tài chính tỉnh Quảng Nam'"
    button = editor.form.findChild(QPushButton, "save_group:recipients")
    assert button is not None and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert office["errors"] == []
    ((question, options),) = office["choices"]
    assert "So Tai chinh tinh Quang Nam" in question
    assert options[0] == "Dùng 'Sở Tài chính tỉnh Quảng Nam'"
    (group,) = list_groups(store)
    assert group.name == "Các sở"
    assert [m.contact.full_name for m in group.members] == [
        "Sở Tài chính tỉnh Quảng Nam",
        "Sở Xây dựng tỉnh Quảng Nam",
    ]
    assert len(search_contacts(store, "")) == 2  # the known one was not doubled
    assert "1" in office["infos"][-1] and "Các sở" in office["infos"][-1]

    # The next letter's picker offers the group; taking its members fills Kính gửi.
    following = window.new_draft("to_trinh" if "to_trinh" in window.registry else "cong_van")
    seen = answer_picker(
        monkeypatch, lambda picker: (picker.groups.setCurrentRow(0), picker.add_group_members())
    )
    qtbot.mouseClick(
        following.form.findChild(QPushButton, "pick:recipients"), Qt.MouseButton.LeftButton
    )
    assert rows(seen[0].groups) == ["Các sở (2)"]
    assert following.form.value("kinh_gui") == [
        "Sở Tài chính tỉnh Quảng Nam",
        "Sở Xây dựng tỉnh Quảng Nam",
    ]

    # Opened again, the picker starts from the letter's lines and shows them checked.
    again = answer_picker(monkeypatch, lambda picker: None)
    qtbot.mouseClick(
        following.form.findChild(QPushButton, "pick:recipients"), Qt.MouseButton.LeftButton
    )
    assert rows(again[0].chosen) == following.form.value("kinh_gui")
    assert checked(again[0].groups) == ["Các sở (2)"]
    assert len(checked(again[0].search.results)) == 2


def test_the_picker_shows_the_letters_lines_checked_and_unchecking_removes(
    qtbot, office, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from drafter.ui.office import pick

    store: Store = office["store"]
    a = save_contact(store, Contact(full_name="Sở Tài chính thành phố", short_name="STC"))
    b = save_contact(store, Contact(full_name="Sở Tư pháp thành phố", short_name="STP"))
    save_group(store, "Các sở", [a.id, b.id])

    class Form:
        def __init__(self) -> None:
            self.values: dict[str, object] = {"noi_nhan": ["Như trên", "STC", "STP"]}

        def value(self, path: str) -> object:
            return self.values.get(path)

        def set_value(self, path: str, value: object) -> None:
            self.values[path] = value

    form = Form()
    state: dict[str, Any] = {}

    def look_and_uncheck(picker: Any) -> None:
        state["chosen"] = rows(picker.chosen)
        state["contacts"] = checked(picker.search.results)
        state["groups"] = checked(picker.groups)
        item = picker.search.results.item(0)  # Sở Tài chính, in Vietnamese order
        item.setCheckState(Qt.CheckState.Unchecked)
        state["groups after"] = checked(picker.groups)

    answer_picker(monkeypatch, look_and_uncheck)
    pick("noi_nhan", form)
    assert state["chosen"] == ["Như trên", "STC", "STP"]
    assert state["contacts"] == ["Sở Tài chính thành phố  —  STC", "Sở Tư pháp thành phố  —  STP"]
    assert state["groups"] == ["Các sở (2)"]
    assert state["groups after"] == []  # no longer all its members
    assert form.values["noi_nhan"] == ["Như trên", "STP"]

    def check_group(picker: Any) -> None:
        picker.groups.item(0).setCheckState(Qt.CheckState.Checked)

    answer_picker(monkeypatch, check_group)
    pick("noi_nhan", form)
    assert form.values["noi_nhan"] == ["Như trên", "STP", "STC"]


def test_noi_nhan_saved_as_a_group_keeps_short_names_and_leaves_nhu_tren_out(qtbot, office) -> None:  # type: ignore[no-untyped-def]
    from drafter.ui.office.save_group import save_lines_as_group

    store: Store = office["store"]
    save_contact(store, Contact(full_name="Sở Tài chính thành phố", short_name="Sở Tài chính"))
    office["name"] = "Nơi nhận thường"
    group = save_lines_as_group(
        None, ["- Như trên;", "- Sở Tài chính;", "- Sở Nội vụ."], "noi_nhan"
    )
    assert group is not None
    assert office["choices"] == []  # the very name is taken without asking
    assert [(m.contact.full_name, m.contact.short_name) for m in group.members] == [
        ("Sở Tài chính thành phố", "Sở Tài chính"),
        ("Sở Nội vụ", "Sở Nội vụ"),
    ]

    # A second save under the same name replaces the members, and "Add a new one"
    # creates a recipient even when one looks alike.
    office["choose"] = 1
    again = save_lines_as_group(None, ["So noi vu"], "noi_nhan")
    assert again is not None and again.id == group.id
    assert [m.contact.short_name for m in again.members] == ["So noi vu"]
    assert len(list_groups(store)) == 1

    # Cancelling the question saves nothing.
    office["choose"] = None
    assert save_lines_as_group(None, ["Sở Tài chinh"], "noi_nhan") is None
    assert [m.contact.short_name for m in list_groups(store)[0].members] == ["So noi vu"]
    # Nothing to save is said, not silently ignored.
    assert save_lines_as_group(None, ["Như trên"], "noi_nhan") is None
    assert office["errors"]


def test_the_office_dialogs_follow_every_change_of_the_data(qtbot, office) -> None:  # type: ignore[no-untyped-def]
    from drafter.ui.office.contacts_dialog import ContactsDialog
    from drafter.ui.office.save_group import save_lines_as_group

    store: Store = office["store"]
    save_contact(store, Contact(full_name="Sở Tư pháp"))
    dialog = ContactsDialog()
    qtbot.addWidget(dialog)
    # The groups tab lists the book without anything typed in its search box.
    assert dialog.group_search.query.text() == ""
    assert rows(dialog.group_search.results) == ["Sở Tư pháp"]

    # A group saved from a letter while the dialog is open shows up in both tabs.
    save_lines_as_group(None, ["Sở Y tế", "Sở Tư pháp"], "kinh_gui")
    qtbot.waitUntil(lambda: dialog.groups.count() == 1)
    assert rows(dialog.groups) == ["Các sở (2)"]
    assert rows(dialog.search.results) == ["Sở Tư pháp", "Sở Y tế"]
    assert rows(dialog.group_search.results) == ["Sở Tư pháp", "Sở Y tế"]

    # The members are reordered and corrected in place.
    dialog.groups.setCurrentRow(0)
    assert rows(dialog.members) == ["Sở Y tế", "Sở Tư pháp"]
    assert dialog.members.item(0).flags() & Qt.ItemFlag.ItemIsEditable
    dialog.members.item(1).setText("Sở Tư pháp tỉnh Quảng Nam")  # as the editor commits it
    assert [c.full_name for c in search_contacts(store, "tu phap")] == ["Sở Tư pháp tỉnh Quảng Nam"]
    dialog.members.setCurrentRow(1)
    dialog.move_member(-1)
    saved = dialog.save_group()
    assert saved is not None
    assert [m.contact.full_name for m in saved.members] == ["Sở Tư pháp tỉnh Quảng Nam", "Sở Y tế"]
    # An emptied name is refused and the old one comes back.
    dialog.members.item(0).setText("  ")
    assert dialog.members.item(0).text() == "Sở Tư pháp tỉnh Quảng Nam"


def test_the_profiles_signers_and_register_dialogs_reload_on_a_change(qtbot, office) -> None:  # type: ignore[no-untyped-def]
    from drafter.store.models import Profile, Signer
    from drafter.store.profiles import save_profile
    from drafter.store.signers import save_signer
    from drafter.ui.office.profiles_dialog import ProfilesDialog
    from drafter.ui.office.signers_dialog import SignersDialog

    store: Store = office["store"]
    profiles, signers = ProfilesDialog(), SignersDialog()
    qtbot.addWidget(profiles)
    qtbot.addWidget(signers)
    assert profiles.list.count() == 0 and signers.list.count() == 0
    save_profile(store, Profile(name="Sở Tài chính", abbreviation="STC", place="Hà Nội"))
    save_signer(store, Signer(name="Nguyễn Văn A", title="Giám đốc"))
    qtbot.waitUntil(lambda: profiles.list.count() == 1 and signers.list.count() == 1)


def test_the_register_reads_type_and_summary_as_one_phrase() -> None:
    from drafter.store.register_xlsx import register_title

    assert (
        register_title("Quyết định", "Về việc khen thưởng năm 2026")
        == "Quyết định về việc khen thưởng năm 2026"
    )
    assert (
        register_title("Công văn", "V/v báo cáo tuyển sinh")
        == "Công văn về việc báo cáo tuyển sinh"
    )
    assert (
        register_title("Quyết định", "Ban hành Quy chế làm việc")
        == "Quyết định ban hành Quy chế làm việc"
    )
    assert register_title("Công văn", "Hà Nội chuẩn bị") == "Công văn Hà Nội chuẩn bị"
    assert register_title("Công văn", "UBND tỉnh đề nghị") == "Công văn UBND tỉnh đề nghị"
    assert register_title("", "Về việc A") == "Về việc A"


def test_the_register_columns_fit_their_headers_and_contents(qtbot, office) -> None:  # type: ignore[no-untyped-def]
    from drafter.store import register
    from drafter.ui.office.register_dialog import RegisterDialog
    from tests.sample_letters import cong_van

    register.issue(office["store"], cong_van(number=None, subject="kế hoạch tuyển sinh"))
    dialog = RegisterDialog()
    qtbot.addWidget(dialog)
    dialog.year.setCurrentIndex(dialog.year.findData(2026))
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 2).text() == "Công văn về việc kế hoạch tuyển sinh"
    header = dialog.table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(dialog.table.columnCount() - 1):
        title = dialog.table.horizontalHeaderItem(column).text()
        if column != 2:  # the summary column is capped, and wraps
            assert header.sectionSize(column) >= metrics.horizontalAdvance(title), title
        cell = dialog.table.item(0, column)
        if cell is not None and cell.text() and column not in (2, 4):
            assert header.sectionSize(column) >= metrics.horizontalAdvance(cell.text())
