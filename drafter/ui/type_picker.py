"""Choosing a document type: every type by its Vietnamese name, searchable without
diacritics, the recently used ones first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafter.core.doctypes import DocType
from drafter.core.vietnamese import fold, sort_key
from drafter.i18n import _, current_language


def ordered_types(types: list[DocType], recent: list[str]) -> list[DocType]:
    """Recent types first (most recent first), then the rest in Vietnamese order."""
    by_id = {t.id: t for t in types}
    first = [by_id[i] for i in recent if i in by_id]
    rest = sorted((t for t in types if t.id not in recent), key=lambda t: sort_key(t.name))
    return first + rest


def match_rank(doctype: DocType, query: str) -> int | None:
    """How well *doctype* answers *query* (lower is better), or None when it does not:
    the name first, then the abbreviation, English name or id, then the description."""
    words = fold(query).split()
    name = fold(doctype.name)
    if name.startswith(" ".join(words)):
        return 0
    fields = (
        name,
        fold(" ".join((doctype.abbreviation, doctype.name_en, doctype.id))),
        fold(doctype.description),
    )
    for rank, _field in enumerate(fields, start=1):
        haystack = " ".join(fields[:rank])
        if all(word in haystack for word in words):
            return rank
    return None


def matches(doctype: DocType, query: str) -> bool:
    return match_rank(doctype, query) is not None


class TypePicker(QDialog):
    def __init__(
        self, types: list[DocType], recent: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New document"))
        self.setObjectName("type_picker")
        self.types = ordered_types(types, recent)
        self.recent = set(recent)
        self.search = QLineEdit(self)
        self.search.setObjectName("type_search")
        self.search.setPlaceholderText(_("Search a type (e.g. quyet dinh, công văn)"))
        self.search.setAccessibleName(_("Search document types"))
        self.list = QListWidget(self)
        self.list.setObjectName("type_list")
        self.list.setAccessibleName(_("Document types"))
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Create"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Which document do you want to draft?"), self))
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.description)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.filter)
        self.list.currentItemChanged.connect(self._describe)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.search.returnPressed.connect(self.accept)
        self.resize(460, 520)
        self.filter("")

    def filter(self, query: str) -> None:
        self.list.clear()
        ranked = [(match_rank(t, query), i, t) for i, t in enumerate(self.types)]
        for _rank, _index, doctype in sorted(r for r in ranked if r[0] is not None):
            label = doctype.name
            if current_language() == "en" and doctype.name_en:
                label += f" — {doctype.name_en}"
            if doctype.id in self.recent and not query:
                label += "  ·  " + _("recent")
            item = QListWidgetItem(label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, doctype.id)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _describe(self, item: QListWidgetItem | None) -> None:
        doctype = self.chosen_type()
        self.description.setText(doctype.description if doctype and item else "")

    def chosen_type(self) -> DocType | None:
        item = self.list.currentItem()
        if item is None:
            return None
        type_id = item.data(Qt.ItemDataRole.UserRole)
        return next((t for t in self.types if t.id == type_id), None)
