"""The first five minutes: a short guided setup, then straight to a new công văn.

When no organisation profile exists yet, :func:`offer` opens :class:`FirstRunWizard`
over the main window.  Three pages ask for the issuing body (ô 2), the first signer
(ô 7) and the default place (ô 4), with an option to load sample recipients; on
*Finish* the answers are stored and a new công văn opens with all of them filled in.

The answers go to the office database (``drafter.store``, loaded only when the wizard
saves); answers the database cannot take (locked, damaged, read-only) wait in
``first-run.toml`` in the user's config folder, and the new letter is filled from them
all the same.  Cancelling is remembered: the wizard does not come back, and the Data
menu holds the same settings.
"""

from __future__ import annotations

import contextlib
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli_w
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from drafter import settings as preferences_store
from drafter.core.atomic import WriteError, write_text_atomic
from drafter.core.letter import Issuer, Letter, Signature
from drafter.core.vietnamese import clean_line, upper
from drafter.i18n import _
from drafter.paths import resources_dir, user_config_dir

if TYPE_CHECKING:  # the office store loads only when the wizard saves
    from drafter.store.engine import Store

STATE_FILE = "first-run.toml"
FIRST_TYPE = "cong_van"


def sample_recipients_path() -> Path:
    return resources_dir() / "samples" / "recipients.csv"


@dataclass
class Answers:
    """What the wizard asks; lines are as typed, cleaned when stored."""

    parent: list[str] = field(default_factory=list)
    name: list[str] = field(default_factory=list)
    abbreviation: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    signer_name: str = ""
    signer_title: str = ""
    authority: list[str] = field(default_factory=list)
    place: str = ""
    load_samples: bool = False

    def issuer(self) -> Issuer:
        return Issuer(
            name=[upper(line) for line in self.name],
            parent=[upper(line) for line in self.parent],
            abbreviation=upper(clean_line(self.abbreviation)),
            address=clean_line(self.address),
            phone=clean_line(self.phone),
            email=clean_line(self.email),
        )

    def signature(self) -> Signature:
        return Signature(
            title=upper(clean_line(self.signer_title)),
            name=clean_line(self.signer_name),
            authority=[upper(line) for line in self.authority],
        )


@dataclass
class Outcome:
    """What finishing the wizard did; ``problems`` are shown, never raised."""

    issuer: Issuer
    signature: Signature
    place: str
    recipients_loaded: int = 0
    problems: list[str] = field(default_factory=list)


# --- where the answers are kept -----------------------------------------------------------


def _state_path() -> Path:
    return user_config_dir() / STATE_FILE


def _read_state() -> dict[str, Any]:
    try:
        return tomllib.loads(_state_path().read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}


def _write_state(state: dict[str, Any]) -> None:
    path = _state_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(path, tomli_w.dumps(state))


def needs_first_run() -> bool:
    """True while no organisation profile exists and the wizard was neither finished
    nor cancelled."""
    state = _read_state()
    if state.get("done") or state.get("skipped"):
        return False
    from drafter.store.engine import StoreError, open_store
    from drafter.store.profiles import list_profiles

    try:
        with open_store() as store:
            return not list_profiles(store)
    except StoreError:
        # The main window reports a broken database; a wizard could not fix it.
        return False


def skip() -> None:
    with contextlib.suppress(WriteError, OSError):
        _write_state({"skipped": True})


def saved_answers() -> Answers | None:
    """The answers kept in the config file when there was no database to take them."""
    data = _read_state().get("answers")
    if not isinstance(data, dict):
        return None
    known = {key: value for key, value in data.items() if key in Answers.__dataclass_fields__}
    try:
        return Answers(**known)
    except TypeError:
        return None


def save(answers: Answers) -> Outcome:
    """Store *answers*: profile, signer and sample recipients in the database, the default
    place in the preferences; every failure becomes a problem line, and answers the
    database could not take wait in the user's config file."""
    outcome = Outcome(answers.issuer(), answers.signature(), clean_line(answers.place))
    state: dict[str, Any] = {"done": True}
    from sqlalchemy.exc import SQLAlchemyError

    from drafter.store.engine import StoreError

    try:
        _save_to_store(answers, outcome)
    except (StoreError, SQLAlchemyError, ValueError, OSError) as error:
        # Nothing typed is lost: the answers wait in the config file, and the letter
        # below is still filled from them.
        outcome.problems.append(str(error))
        state["answers"] = asdict(answers)
    preferences = preferences_store.load()
    if outcome.place:
        preferences.default_place = outcome.place
    try:
        preferences_store.save(preferences)
        _write_state(state)
    except (WriteError, OSError) as error:
        outcome.problems.append(str(error))
    return outcome


def _save_to_store(answers: Answers, outcome: Outcome) -> None:
    from drafter.store.engine import open_store
    from drafter.store.models import Profile, Signer
    from drafter.store.profiles import issuer_of, save_profile
    from drafter.store.signers import compose_signature, new_pattern, save_signer

    issuer = outcome.issuer
    with open_store() as store:
        profile = save_profile(
            store,
            Profile(
                label="",
                parent="\n".join(issuer.parent),
                name="\n".join(issuer.name),
                abbreviation=issuer.abbreviation,
                place=outcome.place,
                address=issuer.address,
                phone=issuer.phone,
                email=issuer.email,
                units=[],
            ),
        )
        outcome.issuer = issuer_of(profile)
        signature = outcome.signature
        if signature.name:
            patterns = [new_pattern(signature.authority)] if signature.authority else []
            signer = save_signer(
                store,
                Signer(
                    profile_id=profile.id,
                    name=signature.name,
                    title=signature.title,
                    patterns=patterns,
                ),
            )
            outcome.signature = compose_signature(
                signer, signer.patterns[0] if signer.patterns else None
            )
        if answers.load_samples:
            outcome.recipients_loaded = _load_samples(store, outcome)


def _load_samples(store: Store, outcome: Outcome) -> int:
    from drafter.store.contacts_io import ImportFileError, import_contacts

    try:
        report = import_contacts(store, sample_recipients_path())
    except ImportFileError as error:
        outcome.problems.append(str(error))
        return 0
    outcome.problems.extend(str(problem) for problem in report.problems)
    return report.imported


def fill(letter: Letter, outcome: Outcome) -> Letter:
    """Put the stored issuer, place and first signature into *letter*."""
    letter.issuer = outcome.issuer
    if outcome.place:
        letter.place = outcome.place
    if outcome.signature.name:
        if letter.signatures:
            letter.signatures[0] = outcome.signature
        else:
            letter.signatures = [outcome.signature]
    return letter


# --- the wizard --------------------------------------------------------------------------


def _lines(editor: QPlainTextEdit) -> list[str]:
    return [
        line for line in (clean_line(text) for text in editor.toPlainText().splitlines()) if line
    ]


def _line_edit(page: QWidget, name: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit(page)
    edit.setObjectName(f"firstrun.{name}")
    edit.setPlaceholderText(placeholder)
    return edit


def _lines_edit(page: QWidget, name: str, placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(page)
    edit.setObjectName(f"firstrun.{name}")
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 16)
    return edit


def _intro(page: QWizardPage, text: str) -> None:
    label = QLabel(text, page)
    label.setWordWrap(True)
    layout = QVBoxLayout(page)
    layout.addWidget(label)


class OrganisationPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(_("Your organisation"))
        self.setSubTitle(
            _(
                "The issuing body printed at the top left of every document "
                "(ô 2). Type it as it should print; capitals are made for you."
            )
        )
        self.parent_lines = _lines_edit(self, "parent", _("e.g. ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH"))
        self.name_lines = _lines_edit(self, "name", _("e.g. SỞ NỘI VỤ"))
        self.abbreviation = _line_edit(self, "abbreviation", _("e.g. SNV"))
        self.address = _line_edit(self, "address", _("optional"))
        self.phone = _line_edit(self, "phone", _("optional"))
        self.email = _line_edit(self, "email", _("optional"))
        form = QFormLayout(self)
        form.addRow(_("Governing body (if any):"), self.parent_lines)
        form.addRow(_("Name of your organisation:"), self.name_lines)
        form.addRow(_("Abbreviation (for the symbol):"), self.abbreviation)
        form.addRow(_("Address:"), self.address)
        form.addRow(_("Phone:"), self.phone)
        form.addRow(_("Email:"), self.email)
        for edit in (self.name_lines, self.abbreviation):
            edit.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(_lines(self.name_lines)) and bool(clean_line(self.abbreviation.text()))


class SignerPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(_("The first signer"))
        self.setSubTitle(
            _(
                "Who signs most documents (ô 7). You can add more signers later "
                "in the Data menu, or leave this empty."
            )
        )
        self.signer_name = _line_edit(self, "signer_name", _("e.g. Nguyễn Văn An"))
        self.signer_title = _line_edit(self, "signer_title", _("e.g. GIÁM ĐỐC"))
        self.authority = _lines_edit(
            self, "authority", _("e.g. KT. GIÁM ĐỐC (empty when the head signs)")
        )
        form = QFormLayout(self)
        form.addRow(_("Full name:"), self.signer_name)
        form.addRow(_("Position:"), self.signer_title)
        form.addRow(_("Signs on behalf of:"), self.authority)
        self.problem = QLabel(self)
        self.problem.setObjectName("firstrun.signer_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        form.addRow(self.problem)
        for edit in (self.signer_name, self.signer_title, self.authority):
            edit.textChanged.connect(self._check)

    def problems(self) -> list[str]:
        problems = []
        name, title = clean_line(self.signer_name.text()), clean_line(self.signer_title.text())
        if (title or _lines(self.authority)) and not name:
            problems.append(_("type the signer's full name, or leave the page empty"))
        if _lines(self.authority):
            from drafter.store.signers import authority_problems

            problems.extend(authority_problems([upper(line) for line in _lines(self.authority)]))
        return problems

    def _check(self) -> None:
        self.problem.setText("\n".join(self.problems()))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.problems()


class PlacePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(_("Place and recipients"))
        self.setSubTitle(
            _("The place printed before the date (ô 4), and a few recipients to start with.")
        )
        self.place = _line_edit(self, "place", _("e.g. Bắc Ninh"))
        self.load_samples = QCheckBox(
            _(
                "Load sample recipients (ministries, provincial "
                "departments) to try Kính gửi and Nơi nhận"
            ),
            self,
        )
        self.load_samples.setObjectName("firstrun.load_samples")
        form = QFormLayout(self)
        form.addRow(_("Place:"), self.place)
        form.addRow(self.load_samples)
        self.place.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(clean_line(self.place.text()))


class FirstRunWizard(QWizard):
    """Three pages; :meth:`answers` reads them, :func:`offer` acts on them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstrun")
        self.setWindowTitle(_("Welcome to Drafter"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        # Qt has no Vietnamese catalog for its own buttons: name them here.
        for button, text in (
            (QWizard.WizardButton.NextButton, _("&Next >")),
            (QWizard.WizardButton.BackButton, _("< &Back")),
            (QWizard.WizardButton.CancelButton, _("Cancel")),
            (QWizard.WizardButton.FinishButton, _("Start a công văn")),
        ):
            self.setButtonText(button, text)
        self.organisation = OrganisationPage(self)
        self.signer = SignerPage(self)
        self.place_page = PlacePage(self)
        for page in (self.organisation, self.signer, self.place_page):
            self.addPage(page)
        self.resize(640, 480)
        self.outcome: Outcome | None = None

    def prefill_place(self, place: str) -> None:
        self.place_page.place.setText(place)

    def answers(self) -> Answers:
        org, signer, place = self.organisation, self.signer, self.place_page
        return Answers(
            parent=_lines(org.parent_lines),
            name=_lines(org.name_lines),
            abbreviation=org.abbreviation.text(),
            address=org.address.text(),
            phone=org.phone.text(),
            email=org.email.text(),
            signer_name=signer.signer_name.text(),
            signer_title=signer.signer_title.text(),
            authority=_lines(signer.authority),
            place=place.place.text(),
            load_samples=place.load_samples.isChecked() and place.load_samples.isEnabled(),
        )


def offer(window: Any) -> FirstRunWizard | None:
    """Open the wizard over *window* (a ``MainWindow``) when it is needed.

    The wizard is window-modal but does not block, so the caller returns to Qt's event
    loop.  On *Finish* the answers are stored and a new công văn opens, filled in.
    """
    if not needs_first_run():
        return None
    wizard = FirstRunWizard(window)
    preferences = getattr(window, "preferences", None)
    if preferences is not None and preferences.default_place:
        wizard.prefill_place(preferences.default_place)
    wizard.setWindowModality(Qt.WindowModality.WindowModal)

    def finished(result: int) -> None:
        if result != QWizard.DialogCode.Accepted:
            skip()
            return
        wizard.outcome = save(wizard.answers())
        start_first_letter(window, wizard.outcome)

    wizard.finished.connect(finished)
    wizard.open()
    return wizard


def start_first_letter(window: Any, outcome: Outcome) -> Any:
    """Open a new công văn in *window* with the profile, signer and place applied."""
    if outcome.place and getattr(window, "preferences", None) is not None:
        window.preferences.default_place = outcome.place
    editor = window.new_draft(FIRST_TYPE)
    if editor is None:
        return None
    editor.load_letter(fill(editor.letter(), outcome), None)
    if outcome.problems and hasattr(window, "show_warning"):
        window.show_warning(_("Setup"), "\n".join(outcome.problems))
    return editor
