"""The "Ký số" step: sign an exported PDF as its signer or as the agency, or verify one.

The same code as ``drafter sign`` and ``drafter verify`` does the work
(:mod:`drafter.signing`); this dialog only gathers the choices.  The signature or seal
image and the key are filled in from the office data when the PDF or the role is
chosen: the signer named under the signature block to sign, or the profile that issued
the document (:mod:`drafter.signing.stored`); the user may change them.  The password or PIN
is typed in a masked field for each signature and never kept: the field is emptied
as soon as the key has been used.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from drafter.i18n import _
from drafter.ui.buttons import button_row
from drafter.ui.qt_translations import file_dialog_options

if TYPE_CHECKING:
    from drafter.signing.sign import Request, Result


def _python_date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def _path_row(parent: QWidget, edit: QLineEdit, choose: object) -> QWidget:
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit)
    button = QPushButton(_("Choose…"), row)
    button.clicked.connect(choose)
    layout.addWidget(button)
    return row


class SignDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, pdf: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sign.dialog")
        self.setWindowTitle(_("Digital signature"))
        form = QFormLayout()
        self.pdf = QLineEdit(str(pdf) if pdf else "", self)
        self.pdf.editingFinished.connect(self.prefill)
        form.addRow(_("PDF made by Drafter:"), _path_row(self, self.pdf, self._choose_pdf))
        self.role = QComboBox(self)
        self.role.addItem(_("Signer (ô 7c): the handwritten signature"), "signer")
        self.role.addItem(_("Agency (ô 8): the seal, at issuance"), "agency")
        self.role.addItem(_("Agency: attachment in a separate file or electronic copy"), "separate")
        self.role.currentIndexChanged.connect(self._role_changed)
        form.addRow(_("Sign as:"), self.role)
        self.block = QSpinBox(self)
        self.block.setRange(0, 20)
        self.block.setSpecialValueText(_("the next one to sign"))
        self.block.valueChanged.connect(self.prefill)
        form.addRow(_("Signature block:"), self.block)
        self.key_kind = QComboBox(self)
        self.key_kind.addItem(_("PKCS#12 file (.p12, .pfx)"), "p12")
        self.key_kind.addItem(_("USB token (PKCS#11)"), "pkcs11")
        self.key_kind.currentIndexChanged.connect(self._key_changed)
        form.addRow(_("Key:"), self.key_kind)
        self.key_path = QLineEdit(self)
        form.addRow(
            _("Key file or token library:"), _path_row(self, self.key_path, self._choose_key)
        )
        self.token = QLineEdit(self)
        form.addRow(_("Token label:"), self.token)
        self.secret = QLineEdit(self)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(_("Password or PIN:"), self.secret)
        self.image = QLineEdit(self)
        form.addRow(_("Signature or seal image:"), _path_row(self, self.image, self._choose_image))
        self.number = QSpinBox(self)
        self.number.setRange(0, 999_999)
        self.number.setSpecialValueText(_("(already numbered)"))
        form.addRow(_("Number:"), self.number)
        self.dated = QCheckBox(_("fill in the date"), self)
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        date_row = QWidget(self)
        date_layout = QHBoxLayout(date_row)
        date_layout.setContentsMargins(0, 0, 0, 0)
        date_layout.addWidget(self.dated)
        date_layout.addWidget(self.date)
        form.addRow(_("Date:"), date_row)
        self.separate = QLineEdit(self)
        self.separate.setPlaceholderText(_("the main document's number/symbol, or 'SAO Y'…"))
        form.addRow(_("Attachment of / copy form:"), self.separate)
        self.output = QLineEdit(self)
        form.addRow(_("Signed PDF:"), _path_row(self, self.output, self._choose_output))

        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        buttons = button_row(
            self,
            (_("Sign"), "sign.sign", self.sign),
            (_("Verify the signatures"), "sign.verify", self.verify),
            (_("Close"), "sign.close", self.accept),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.report)
        self.resize(720, 640)
        # What prefill() wrote, so that it replaces its own guesses but never the user's.
        self._filled: dict[str, str] = {}
        self._role_changed()
        self._key_changed()

    # --- choices ---------------------------------------------------------------------

    def _role_changed(self) -> None:
        role = self.role.currentData()
        for widget in (self.number, self.dated, self.date):
            widget.setEnabled(role == "agency")
        self.separate.setEnabled(role == "separate")
        self.image.setEnabled(role != "separate")
        self.block.setEnabled(role != "separate")
        if hasattr(self, "_filled"):
            self.prefill()

    def _untouched(self, edit: QLineEdit, key: str) -> bool:
        return not edit.text() or edit.text() == self._filled.get(key)

    def prefill(self) -> None:
        """Fill the image and the key from the office data, where the user left them
        empty (or as this filled them): the block's signer's, or the issuing profile's."""
        from drafter.signing import stored
        from drafter.signing.errors import SigningError
        from drafter.signing.sign import Role, block_to_sign

        role = self.role.currentData()
        try:
            data = Path(self.pdf.text()).read_bytes() if self.pdf.text() else b""
        except OSError:
            return
        if not data:
            return
        try:
            name = symbol = ""
            if role != "separate":
                chosen = self.block.value() or None
                block, layout = block_to_sign(
                    data, Role.SIGNER if role == "signer" else Role.AGENCY, chosen
                )
                name, symbol = layout.signatures[block - 1].name, layout.symbol
            else:
                symbol = self.separate.text().partition("/")[2]
            choice = stored.load(
                None, "signer" if role == "signer" else "agency", symbol=symbol, name=name
            )
        except SigningError:
            return  # nothing stored, or not a PDF to sign: the user chooses
        if role != "separate" and choice.image is not None and self._untouched(self.image, "image"):
            self.image.setText(str(choice.image))
            self._filled["image"] = str(choice.image)
        key = choice.key
        if key is not None and self._untouched(self.key_path, "key"):
            library = key.p12 if key.p12 is not None else key.pkcs11_library
            self.key_kind.setCurrentIndex(
                self.key_kind.findData("p12" if key.p12 is not None else "pkcs11")
            )
            self.key_path.setText(str(library))
            self.token.setText(key.token)
            self._filled["key"] = str(library)

    def _key_changed(self) -> None:
        self.token.setEnabled(self.key_kind.currentData() == "pkcs11")

    def _choose_pdf(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _("Choose a PDF"), "", _("PDF files (*.pdf)"), options=file_dialog_options()
        )
        if chosen:
            self.pdf.setText(chosen)
            if not self.output.text():
                path = Path(chosen)
                self.output.setText(str(path.with_name(f"{path.stem}-ky-so.pdf")))
            self.prefill()

    def _choose_key(self) -> None:
        pattern = (
            _("Key files (*.p12 *.pfx)")
            if self.key_kind.currentData() == "p12"
            else _("PKCS#11 libraries (*.so *.dll *.dylib)")
        )
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _("Choose the key"), "", pattern, options=file_dialog_options()
        )
        if chosen:
            self.key_path.setText(chosen)

    def _choose_image(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _("Choose an image"), "", _("PNG images (*.png)"), options=file_dialog_options()
        )
        if chosen:
            self.image.setText(chosen)

    def _choose_output(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            _("Save the signed PDF"),
            self.output.text(),
            _("PDF files (*.pdf)"),
            options=file_dialog_options(),
        )
        if chosen:
            self.output.setText(chosen)

    # --- actions ---------------------------------------------------------------------

    def request(self) -> Request:
        from drafter.signing import config
        from drafter.signing.sign import Request, Role

        role = self.role.currentData()
        separate = self.separate.text().strip()
        copy_form = separate if role == "separate" and "/" not in separate else ""
        return Request(
            Role.SIGNER if role == "signer" else Role.AGENCY,
            image=Path(self.image.text()) if self.image.text() and role != "separate" else None,
            number=self.number.value() or None if role == "agency" else None,
            date=_python_date(self.date.date())
            if role == "agency" and self.dated.isChecked()
            else None,
            attachment_of=separate if role == "separate" and not copy_form else "",
            copy_form=copy_form,
            tsa_url=config.load().tsa_url,
            block=self.block.value() or None if role != "separate" else None,
        )

    def sign(self) -> bool:
        from drafter.signing import output
        from drafter.signing.cli import sign_with
        from drafter.signing.errors import SigningError
        from drafter.signing.keys import KeySource

        secret, pdf, target = self.secret.text(), Path(self.pdf.text()), Path(self.output.text())
        self.secret.clear()  # used once, never kept
        key = Path(self.key_path.text()) if self.key_path.text() else None
        source = (
            KeySource(p12=key)
            if self.key_kind.currentData() == "p12"
            else KeySource(pkcs11_library=key, token=self.token.text().strip())
        )
        try:
            if not self.output.text() or target.resolve() == pdf.resolve():
                raise SigningError(
                    _("write the signed PDF to another file (-o): the input stays as it is")
                )
            data = pdf.read_bytes()
            request = self.request()
            result = sign_with(data, request, source, secret)
            # Written beside its place first, recorded, then moved into place: the register
            # never names a file that could not be written (see drafter.signing.output).
            with output.staged(target, result.data):
                if result.filled:
                    self._record(request, result)
        except (SigningError, OSError) as error:
            return self._failed(error, pdf)
        self.report.setPlainText(
            _("signed by {name}: {path}").format(name=result.signer_name, path=target)
        )
        return True

    def _failed(self, error: Exception, path: Path) -> bool:
        """Show why signing or verifying *path* failed: a signing problem as it says, a
        file that could not be read with the system's reason.  ``False``, to return."""
        if isinstance(error, OSError):
            self.report.setPlainText(
                _("cannot read {path}: {reason}").format(path=path, reason=error.strerror or error)
            )
        else:
            self.report.setPlainText(str(error))
        return False

    def _record(self, request: Request, result: Result) -> None:
        from drafter.signing.appearance import signing_time
        from drafter.signing.cli import leading_number
        from drafter.signing.errors import SigningError
        from drafter.store.engine import open_store
        from drafter.store.errors import NumberingError, StoreError
        from drafter.store.register import current_actor
        from drafter.store.signed_issue import record_signed_issue

        number = request.number
        if number is None:
            number = leading_number(result.number_symbol)
        if number is None:
            return
        try:
            with open_store() as store:
                record_signed_issue(
                    store,
                    number=number,
                    number_symbol=result.number_symbol,
                    # A document without a date line is issued on the day it is signed.
                    date=request.date or signing_time().date(),
                    type_name=result.title,
                    signer=result.signer_name,
                    actor=current_actor(),
                )
        except (NumberingError, StoreError) as error:
            raise SigningError(str(error)) from None

    def verify(self) -> bool:
        from drafter.signing import config
        from drafter.signing.errors import SigningError
        from drafter.signing.verify import describe, verify_bytes

        path = Path(self.output.text() or self.pdf.text())
        try:
            report = verify_bytes(path.read_bytes(), config.load().trust_path())
        except (SigningError, OSError) as error:
            return self._failed(error, path)
        lines = []
        for index, signature in enumerate(report.signatures, start=1):
            lines.append(
                _("Signature {index} ({field}):").format(index=index, field=signature.field)
            )
            lines += [f"    {line}" for line in describe(signature)]
        lines.append(report.verdict())
        self.report.setPlainText("\n".join(lines))
        return report.passes
