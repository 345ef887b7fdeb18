"""The office dialogs and pickers, driven offscreen with pytest-qt."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from drafter.store import register
from drafter.store.contacts import save_contact, save_group
from drafter.store.engine import Store, open_store
from drafter.store.models import Contact, Profile, Signer, Unit
from drafter.store.profiles import list_profiles, save_profile
from drafter.store.register_query import search
from drafter.store.signers import list_signers, new_pattern, save_signer
from tests.sample_letters import cong_van


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, list]]:
    """A fresh SQLite office database for the dialogs, and the messages they show."""
    from drafter.ui.office import common

    store = open_store(tmp_path / "office.sqlite3")
    common.use_store(store)
    said: dict[str, list] = {"errors": [], "infos": [], "questions": []}
    monkeypatch.setattr(common, "show_error", lambda parent, m: said["errors"].append(m))
    monkeypatch.setattr(common, "show_info", lambda parent, m: said["infos"].append(m))

    def confirm(parent: object, question: str) -> bool:
        said["questions"].append(question)
        return True

    monkeypatch.setattr(common, "confirm", confirm)
    yield said
    common.use_store(None)
    store.close()


def store() -> Store:
    from drafter.ui.office.common import current_store

    return current_store()


def answer_with(monkeypatch: pytest.MonkeyPatch, prepare) -> None:  # type: ignore[no-untyped-def]
    """Make the next modal dialog be answered by *prepare(dialog)* and accepted."""
    import drafter.ui.office as office_ui

    def run(dialog) -> bool:  # type: ignore[no-untyped-def]
        prepare(dialog)
        return True

    monkeypatch.setattr(office_ui, "run_dialog", run)


class FakeForm:
    def __init__(self, values: dict[str, object] | None = None) -> None:
        self.values = dict(values or {})

    def value(self, path: str) -> object:
        return self.values.get(path)

    def set_value(self, path: str, value: object) -> None:
        self.values[path] = value


def test_profiles_dialog_saves_a_profile_and_the_picker_fills_the_form(
    qtbot, office, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from drafter.ui.office import pick
    from drafter.ui.office.profiles_dialog import ProfilesDialog

    dialog = ProfilesDialog()
    qtbot.addWidget(dialog)
    dialog.name_lines.setPlainText("Sở Tài chính")
    dialog.parent_lines.setPlainText("Ủy ban nhân dân\nthành phố Hà Nội")
    dialog.edits["abbreviation"].setText("STC")
    dialog.edits["place"].setText("Hà Nội")
    dialog.edits["email"].setText("stc@hanoi.gov.vn")
    dialog.units.insertRow(0)
    from PySide6.QtWidgets import QTableWidgetItem

    dialog.units.setItem(0, 0, QTableWidgetItem("Văn phòng"))
    dialog.units.setItem(0, 1, QTableWidgetItem("vp"))
    assert dialog.save() is not None and not office["errors"]
    (profile,) = list_profiles(store())
    assert profile.name == "SỞ TÀI CHÍNH" and profile.label == "Sở Tài chính"
    assert [u.abbreviation for u in profile.units] == ["VP"]
    assert dialog.list.count() == 1

    def choose_unit(picker) -> None:  # type: ignore[no-untyped-def]
        picker.unit.setCurrentIndex(1)

    answer_with(monkeypatch, choose_unit)
    form = FakeForm()
    pick("issuer", form)
    assert form.values["issuer.name"] == ["SỞ TÀI CHÍNH"]
    assert form.values["issuer.parent"] == ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"]
    assert form.values["issuer.unit"] == "VP" and form.values["place"] == "Hà Nội"


def test_a_profile_without_a_name_is_not_saved(qtbot, office) -> None:  # type: ignore[no-untyped-def]
    from drafter.ui.office.profiles_dialog import ProfilesDialog

    dialog = ProfilesDialog()
    qtbot.addWidget(dialog)
    assert dialog.save() is None and office["errors"]
    assert list_profiles(store()) == []


def test_signers_dialog_builds_a_chain_and_the_picker_gives_the_block(
    qtbot, office, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from drafter.ui.office import pick
    from drafter.ui.office.signers_dialog import SignersDialog

    dialog = SignersDialog()
    qtbot.addWidget(dialog)
    dialog.name.setText("Trần Văn Bình")
    dialog.title.setText("Phó Chủ tịch")
    for prefix, holder in (("TM.", "ủy ban nhân dân"), ("KT.", "chủ tịch")):
        dialog.prefix.setCurrentText(prefix)
        dialog.holder.setText(holder)
        dialog._add_authority_line()
    assert dialog.authority.lines() == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
    dialog.add_pattern()
    assert "PHÓ CHỦ TỊCH" in dialog.preview.text() and "Trần Văn Bình" in dialog.preview.text()
    dialog.authority.setPlainText("THAY MẶT ỦY BAN")  # not a signing prefix
    dialog.add_pattern()
    assert office["errors"] and len(dialog.patterns) == 1
    assert dialog.save() is not None
    (signer,) = list_signers(store())
    assert signer.patterns[0].authority == "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"

    answer_with(monkeypatch, lambda picker: picker.patterns.setCurrentRow(0))
    form = FakeForm()
    pick("signer:1", form)
    assert form.values == {
        "signatures[1].authority": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
        "signatures[1].title": "PHÓ CHỦ TỊCH",
        "signatures[1].name": "Trần Văn Bình",
    }


def test_contacts_search_as_you_type_and_groups(qtbot, office, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from drafter.ui.office.contacts_dialog import ContactsDialog

    csv = tmp_path / "c.csv"
    csv.write_text(
        "Tên đầy đủ,Tên ngắn\nSở Tài chính thành phố,Sở Tài chính\n"
        "Sở Tư pháp thành phố,Sở Tư pháp\n,lỗi\n",
        encoding="utf-8",
    )
    dialog = ContactsDialog()
    qtbot.addWidget(dialog)
    dialog.import_file(csv)
    assert "2" in office["infos"][-1] and "row 4" in office["infos"][-1]
    dialog.search.query.setText("so tai chinh")  # typed without diacritics
    texts = [dialog.search.results.item(i).text() for i in range(dialog.search.results.count())]
    assert texts == ["Sở Tài chính thành phố  —  Sở Tài chính"]
    dialog.search.query.setText("")
    assert dialog.search.results.count() == 2

    dialog.new_group()
    dialog.group_name.setText("Các sở")
    dialog.group_search.refresh()
    dialog.group_search.results.selectAll()
    dialog.add_members()
    dialog.members.setCurrentRow(1)
    dialog.move_member(-1)
    group = dialog.save_group()
    assert group is not None
    assert [m.contact.short_name for m in group.members] == ["Sở Tư pháp", "Sở Tài chính"]


def test_recipient_picker_gives_short_names_for_noi_nhan(qtbot, office, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from drafter.ui.office import pick

    a = save_contact(store(), Contact(full_name="Sở Tài chính thành phố", short_name="STC"))
    b = save_contact(store(), Contact(full_name="Sở Tư pháp thành phố", short_name="STP"))
    save_group(store(), "Các sở", [b.id, a.id])

    def choose(picker) -> None:  # type: ignore[no-untyped-def]
        picker.groups.setCurrentRow(0)
        picker.add_group_members()
        picker.add_group_members()  # a line is never added twice

    answer_with(monkeypatch, choose)
    form = FakeForm({"noi_nhan": ["Như trên"]})
    pick("noi_nhan", form)
    assert form.values["noi_nhan"] == ["Như trên", "STP", "STC"]

    def by_search(picker) -> None:  # type: ignore[no-untyped-def]
        picker.search.query.setText("tu phap")
        picker.search.results.selectAll()
        picker.add_contacts()
        picker.groups.setCurrentRow(0)
        picker.add_group_name()

    answer_with(monkeypatch, by_search)
    form = FakeForm()
    pick("recipients", form)
    assert form.values["kinh_gui"] == ["Sở Tư pháp thành phố", "Các sở"]


def test_issue_letter_numbers_records_and_refuses_bad_letters(qtbot, office) -> None:  # type: ignore[no-untyped-def]
    from drafter.ui.office import issue_letter

    numbered = issue_letter(None, cong_van(number=None))
    assert numbered is not None and numbered.number == 1
    assert office["questions"] and "01/SGDĐT-VP" in office["infos"][-1]
    assert issue_letter(None, numbered) is None  # already numbered
    assert issue_letter(None, cong_van(number=None, kinh_gui=[])) is None  # invalid
    assert len(office["errors"]) == 2
    assert [e.number for e in search(store())] == [1]


def test_register_dialog_filters_cancels_and_exports(qtbot, office, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from drafter.ui.office.register_dialog import RegisterDialog

    register.issue(store(), cong_van(number=None, subject="kế hoạch tuyển sinh"))
    register.issue(store(), cong_van(number=None, subject="phòng chống dịch"))
    dialog = RegisterDialog()
    qtbot.addWidget(dialog)
    dialog.year.setCurrentIndex(dialog.year.findData(2026))
    assert dialog.table.rowCount() == 2
    dialog.text.setText("tuyen sinh")
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "01/SGDĐT-VP"
    dialog.table.selectRow(0)
    dialog.cancel("Ban hành nhầm")
    dialog.text.setText("")
    dialog.status.setCurrentIndex(dialog.status.findData(register.CANCELLED))
    assert dialog.table.rowCount() == 1 and "Ban hành nhầm" in dialog.table.item(0, 9).text()
    dialog.status.setCurrentIndex(0)
    entry = dialog.reserve("Quyết định chờ ký")
    assert entry is not None and entry.number == 3
    out = tmp_path / "so.xlsx"
    dialog.export(out)
    assert out.exists() and "3 entries" in office["infos"][-1]
    dialog.table.selectRow(dialog.entries.index(next(e for e in dialog.entries if e.number == 2)))
    again = tmp_path / "02.docx"
    dialog.save_letter(again)
    assert again.exists()


def test_mail_merge_dialog_writes_one_file_per_member(qtbot, office, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from drafter.ui.office.mailmerge_dialog import MailMergeDialog

    a = save_contact(store(), Contact(full_name="Sở Tài chính"))
    b = save_contact(store(), Contact(full_name="Sở Tư pháp"))
    save_group(store(), "Các sở", [a.id, b.id])
    dialog = MailMergeDialog(cong_van(number=None))
    qtbot.addWidget(dialog)
    dialog.output.setText(str(tmp_path / "out"))
    dialog.run()
    assert [p.name for p in dialog.written] == [
        "cong_van-01-so-tai-chinh.docx",
        "cong_van-02-so-tu-phap.docx",
    ]


def test_menu_actions_name_every_entry(qtbot, office) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from drafter.ui.office import menu_actions

    window = QWidget()
    qtbot.addWidget(window)
    names = [a.objectName() for a in menu_actions(window)]
    assert names == [
        "office.profiles",
        "office.signers",
        "office.contacts",
        "office.register",
        "office.issue",
        "office.mailmerge",
    ]


def test_profile_and_signer_fixtures_are_usable_together(office) -> None:  # type: ignore[no-untyped-def]
    profile = save_profile(
        store(), Profile(label="A", name="X", units=[Unit(name="Văn phòng", abbreviation="VP")])
    )
    signer = save_signer(
        store(),
        Signer(
            name="B",
            title="GIÁM ĐỐC",
            profile_id=profile.id,
            patterns=[new_pattern(["KT. GIÁM ĐỐC"])],
        ),
    )
    assert [s.id for s in list_signers(store(), profile.id)] == [signer.id]


def test_sequences_dialog_adds_a_per_type_sequence(qtbot, office) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QTableWidgetItem

    from drafter.store.sequences import list_sequences
    from drafter.ui.office.sequences_dialog import SequencesDialog

    dialog = SequencesDialog()
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2  # the shared and the secret sequence
    dialog._add_row(dialog.sequences()[0].__class__(key="", label="", type_ids="", secret=False))
    dialog.table.setItem(2, 0, QTableWidgetItem("cv"))
    dialog.table.setItem(2, 2, QTableWidgetItem("cong_van"))
    assert dialog.save()
    keys = {s.key: s.type_ids for s in list_sequences(store())}
    assert keys == {"chung": "", "mat": "", "cv": "cong_van"}
    # The new sequence now numbers công văn on its own.
    register.reserve(store(), "chung", 2026)
    assert register.issue(store(), cong_van(number=None)).letter.number == 1


def test_the_issue_menu_entry_numbers_the_open_letter(qtbot, office, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    import drafter.ui.office as office_ui

    class Editor:
        path = None

        def __init__(self) -> None:
            self.loaded = None

        def letter(self):  # type: ignore[no-untyped-def]
            return cong_van(number=None)

        def load_letter(self, letter, path, *, dirty: bool = False) -> None:  # type: ignore[no-untyped-def]
            self.loaded = (letter, dirty)

    class Window(QWidget):
        editor = Editor()

        def current_editor(self):  # type: ignore[no-untyped-def]
            return self.editor

    window = Window()
    qtbot.addWidget(window)
    actions = {a.objectName(): a for a in office_ui.menu_actions(window)}
    actions["office.issue"].trigger()
    letter, dirty = window.editor.loaded
    assert letter.number == 1 and dirty

    opened = []
    monkeypatch.setattr(
        office_ui, "run_dialog", lambda dialog: opened.append(dialog.objectName()) or False
    )
    for name in ("profiles", "signers", "contacts", "register"):
        actions[f"office.{name}"].trigger()
    assert opened == ["office.profiles", "office.signers", "office.contacts", "office.register"]
