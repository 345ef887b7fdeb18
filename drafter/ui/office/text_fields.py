"""The one-line text fields of the office records and the labels their forms give them.

One table for every form: a field two records have (address, phone, e-mail) reads the
same in both, and a form names only the fields it shows, in its order.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from drafter.i18n import N_, _

FIELD_LABELS = {
    # a recipient (drafter.store.contacts.TEXT_FIELDS)
    "full_name": N_("Full name (Kính gửi):"),
    "short_name": N_("Short name (Nơi nhận):"),
    "title": N_("Position:"),
    "organisation": N_("Organisation:"),
    "note": N_("Note:"),
    # an organisation profile
    "label": N_("Shown as:"),
    "prose_name": N_("Name in sentences:"),
    "abbreviation": N_("Abbreviation:"),
    "place": N_("Place:"),
    "fax": N_("Fax:"),
    "website": N_("Website:"),
    "certificate": N_("Certificate:"),  # the agency's, for signed PDFs
    # both
    "address": N_("Address:"),
    "phone": N_("Phone:"),
    "email": N_("E-mail:"),
}


def add_line_edits(
    form: QFormLayout, parent: QWidget, record: str, keys: Iterable[str]
) -> dict[str, QLineEdit]:
    """A labelled line edit for each field in *keys*, named ``{record}.{key}``, added to
    *form* in that order; the edits by field."""
    edits = {}
    for key in keys:
        edit = QLineEdit(parent)
        edit.setObjectName(f"{record}.{key}")
        edits[key] = edit
        form.addRow(_(FIELD_LABELS[key]), edit)
    return edits
