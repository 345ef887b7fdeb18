"""Lưu thành nhóm…: a letter's Kính gửi or Nơi nhận lines saved as a named group.

The button sits beside the list in the letter form (:func:`group_button`); the form
only asks its office hook for ``"save_group:<picker>"``, and the work is done here,
with the database loaded only when the button is used.

Each line becomes a member: the contact with that very name when there is one; a
contact whose name matches it without regard to diacritics and case is offered
("Sở Tai chinh" finds "Sở Tài chính"), and the user chooses it or a new contact; a
line nobody matches becomes a new contact.  "Như trên" is a reference to the Kính
gửi, not a recipient, and is left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QInputDialog, QLineEdit, QPushButton, QWidget

from drafter.i18n import _

if TYPE_CHECKING:
    from drafter.store.contacts import Place
    from drafter.store.engine import Store
    from drafter.store.models import Contact, ContactGroup

# The form's picker names, and the letter's list each one fills.
PLACES: dict[str, Place] = {
    "recipients": "kinh_gui",
    "kinh_gui": "kinh_gui",
    "noi_nhan": "noi_nhan",
}
NOT_A_RECIPIENT = ("nhu tren",)  # folded


def group_button(form: Any, picker: str) -> QPushButton | None:
    """The "Save as group…" button beside the list a *picker* fills; ``None`` for the
    other pickers (issuer, signer)."""
    if picker not in PLACES:
        return None
    button = QPushButton(_("Save as group…"), form)
    button.setObjectName(f"save_group:{picker}")
    button.setToolTip(_("Save these lines as a group of recipients, for the next letters"))
    hook = getattr(form, "office_hook", None)
    button.setEnabled(hook is not None)
    button.clicked.connect(lambda: hook and hook(f"save_group:{picker}", form))
    return button


def ask_group_name(parent: QWidget | None, suggestion: str) -> str | None:
    """The group's name, ``None`` for Cancel; tests replace this."""
    name, accepted = QInputDialog.getText(
        parent, _("Save as group"), _("Group name:"), QLineEdit.EchoMode.Normal, suggestion
    )
    return name if accepted else None


def save_form_lines(form: Any, picker: str, parent: QWidget | None = None) -> ContactGroup | None:
    """Save the lines of the form's list for *picker* as a group; the saved group."""
    place = PLACES.get(picker, "kinh_gui")
    value = form.value(place)
    lines = [str(line) for line in value] if isinstance(value, list) else []
    return save_lines_as_group(parent, lines, place)


def recipient_lines(lines: list[str]) -> list[str]:
    """The recipients among a list's lines: without dashes and end punctuation, without
    "Như trên", each once."""
    from drafter.core.vietnamese import fold
    from drafter.layout.build.common import strip_item

    out: list[str] = []
    for line in lines:
        text = strip_item(line)
        if text and fold(text) not in NOT_A_RECIPIENT and text not in out:
            out.append(text)
    return out


def save_lines_as_group(
    parent: QWidget | None, lines: list[str], place: Place
) -> ContactGroup | None:
    """Ask a name, match or create a contact per line, save the group; ``None`` when the
    user cancelled or nothing could be saved (the reason is shown)."""
    from drafter.store.contacts import group_by_name, save_group
    from drafter.ui.office import common

    store = common.store_or_none(parent)
    if store is None:
        return None
    recipients = recipient_lines(lines)
    if not recipients:
        common.show_error(parent, _("There are no recipients to save: write one per line first."))
        return None
    name = ask_group_name(parent, "")
    if name is None or not name.strip():
        return None
    existing = common.guarded(parent, lambda: group_by_name(store, name))
    if existing is not None and not common.confirm(
        parent,
        _("A group named '{name}' already exists. Replace its members with these lines?").format(
            name=existing.name
        ),
    ):
        return None
    contacts: list[Contact] = []
    created = 0
    for line in recipients:
        contact = _contact_for(parent, store, line, place)
        if contact is None:
            return None  # cancelled; the contacts made so far are kept, as in the book
        created += contact.id is None
        if contact.id is None:
            saved = common.guarded(parent, lambda c=contact: _save(store, c))
            if saved is None:
                return None
            contact = saved
        contacts.append(contact)
    group_id = existing.id if existing is not None else None
    group = common.guarded(
        parent,
        lambda: save_group(
            store, name, [c.id for c in contacts if c.id is not None], group_id=group_id
        ),
    )
    if group is not None:
        common.show_info(
            parent,
            _(
                "The group '{name}' was saved with {count} recipient(s), "
                "{new} of them new in the book."
            ).format(name=group.name, count=len(group.members), new=created),
        )
    return group


def _save(store: Store, contact: Contact) -> Contact:
    from drafter.store.contacts import save_contact

    return save_contact(store, contact)


def _contact_for(parent: QWidget | None, store: Store, line: str, place: Place) -> Contact | None:
    """The contact standing for *line*: a stored one (the same name, or one the user
    accepts among the same name written differently) or a new, unsaved one; ``None``
    when the user cancelled."""
    from drafter.store.contacts import recipient_line, search_contacts
    from drafter.store.models import Contact
    from drafter.store.text import search_text
    from drafter.ui.office import common

    found = common.guarded(parent, lambda: search_contacts(store, line, limit=50)) or []
    names = (
        (lambda c: [c.full_name])
        if place == "kinh_gui"
        else (lambda c: [c.short_name or c.full_name, c.full_name])
    )
    same = [c for c in found if line in names(c)]
    if same:
        return same[0]
    folded = search_text(line)
    alike = [c for c in found if any(search_text(n) == folded for n in names(c))]
    new = Contact(full_name=line, short_name=line if place == "noi_nhan" else "")
    if not alike:
        return new
    existing = alike[0]
    answer = common.choose(
        parent,
        _(
            "'{line}' looks like the recipient '{existing}' of the book. Use that one, or add "
            "'{line}' as a new recipient?"
        ).format(line=line, existing=recipient_line(existing, place)),
        [
            _("Use '{existing}'").format(existing=recipient_line(existing, place)),
            _("Add a new recipient"),
        ],
    )
    if answer is None:
        return None
    return existing if answer == 0 else new
