"""A field to choose a signature or seal image: a path, a "Choose…" button, a thumbnail.

The chosen PNG is copied into the user's data folder (``signing-images/``) and the copy's
path is what the store keeps, so the image survives the original being moved or deleted.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from drafter.i18n import _
from drafter.ui.qt_translations import file_dialog_options

THUMBNAIL_HEIGHT = 48


class ImagePicker(QWidget):
    def __init__(self, parent: QWidget | None, kind: str) -> None:
        super().__init__(parent)
        self.kind = kind  # "signature" or "seal": the stem of the copied file
        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(_("PNG with a transparent background"))
        self.thumbnail = QLabel(self)
        self.thumbnail.setFixedHeight(THUMBNAIL_HEIGHT)
        choose = QPushButton(_("Choose…"), self)
        choose.clicked.connect(self.choose)
        clear = QPushButton(_("Remove"), self)
        clear.clicked.connect(lambda: self.set_path(""))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.path_edit, self.thumbnail, choose, clear):
            row.addWidget(widget)

    def path(self) -> str:
        return self.path_edit.text()

    def set_path(self, path: str) -> None:
        self.path_edit.setText(path)
        pixmap = QPixmap(path) if path else QPixmap()
        self.thumbnail.setPixmap(
            pixmap.scaledToHeight(THUMBNAIL_HEIGHT, Qt.TransformationMode.SmoothTransformation)
            if not pixmap.isNull()
            else QPixmap()
        )

    def choose(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _("Choose an image"), "", _("PNG images (*.png)"), options=file_dialog_options()
        )
        if chosen:
            self.take(Path(chosen))

    def take(self, source: Path) -> None:
        from drafter.signing.config import keep_image

        try:
            kept = keep_image(source, f"{self.kind}-{uuid.uuid4().hex[:12]}")
        except OSError as error:
            QMessageBox.warning(
                self,
                _("Image"),
                _("cannot copy the image: {reason}").format(reason=error.strerror or error),
            )
            return
        self.set_path(str(kept))
