"""The live preview: the A4 pages drawn by the Qt painter, with zoom and page navigation.

Pages are laid out at 1440 dpi by :mod:`drafter.render.qt_painter`, the same pages
the PDF export prints; only the visible ones are painted, scaled to the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPaintEvent, QShortcut, QWheelEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from drafter.i18n import _
from drafter.layout.model import Document
from drafter.render.qt_painter import DPI, Page, paginate

GAP = 16  # pixels between pages
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
PX_PER_MM_AT_100 = 96 / 25.4


class PagesView(QWidget):
    """All pages one under the other; paints only what is exposed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages: list[Page] = []
        self.zoom = 0.75
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def page_size_px(self, page: Page) -> tuple[float, float]:
        scale = self.zoom * PX_PER_MM_AT_100 * 25.4 / DPI
        return page.width * scale, page.height * scale

    def page_top(self, index: int) -> int:
        top = GAP
        for page in self.pages[:index]:
            top += round(self.page_size_px(page)[1]) + GAP
        return top

    def update_size(self) -> None:
        width = max((self.page_size_px(p)[0] for p in self.pages), default=200) + 2 * GAP
        height = self.page_top(len(self.pages))
        self.setFixedSize(round(width), max(round(height), 100))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(128, 128, 128))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        exposed = QRectF(event.rect())
        top = GAP
        for page in self.pages:
            w, h = self.page_size_px(page)
            left = (self.width() - w) / 2
            box = QRectF(left, top, w, h)
            if box.intersects(exposed):
                painter.save()
                painter.translate(left, top)
                painter.scale(w / page.width, h / page.height)
                page.paint(painter)
                painter.restore()
            top += round(h) + GAP
        painter.end()


class Preview(QWidget):
    """The preview pane: a toolbar (pages, zoom) over the scrolling pages."""

    page_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.view = PagesView()
        self.pages_scroll = QScrollArea(self)
        self.pages_scroll.setWidget(self.view)
        self.pages_scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages_scroll.setAccessibleName(_("Preview"))
        self.page_box = QSpinBox(self)
        self.page_box.setObjectName("preview.page")
        self.page_box.setAccessibleName(_("Page"))
        self.page_box.setRange(1, 1)
        self.page_box.valueChanged.connect(self.go_to_page)
        self.count_label = QLabel(self)
        self.zoom_out = QToolButton(self)
        self.zoom_out.setText("−")
        self.zoom_out.setToolTip(_("Zoom out"))
        self.zoom_out.setAccessibleName(_("Zoom out"))
        self.zoom_out.clicked.connect(lambda: self.step_zoom(-1))
        self.zoom_in = QToolButton(self)
        self.zoom_in.setText("+")
        self.zoom_in.setToolTip(_("Zoom in"))
        self.zoom_in.setAccessibleName(_("Zoom in"))
        self.zoom_in.clicked.connect(lambda: self.step_zoom(1))
        self.zoom_label = QLabel(self)
        self.message = QLabel(self)
        self.message.setObjectName("preview.message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8a5a00;")
        self.message.hide()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(_("Page"), self))
        bar.addWidget(self.page_box)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        bar.addWidget(self.zoom_out)
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom_in)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.pages_scroll, 1)
        self.document: Document | None = None
        self.pages_scroll.verticalScrollBar().valueChanged.connect(self._follow_scroll)
        self.pages_scroll.viewport().installEventFilter(self)
        for keys, step in (
            (QKeySequence.StandardKey.ZoomIn, 1),
            (QKeySequence.StandardKey.ZoomOut, -1),
        ):
            shortcut = QShortcut(keys, self, context=Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda s=step: self.step_zoom(s))
        self._show_zoom()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl + wheel over the pages zooms, as in word processors."""
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(event, QWheelEvent)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.step_zoom(1 if event.angleDelta().y() > 0 else -1)
            return True
        return super().eventFilter(watched, event)

    def _follow_scroll(self, value: int) -> None:
        """Keep the page number in step with the page under the top of the view."""
        middle = value + self.pages_scroll.viewport().height() // 3
        number = 1
        for index in range(len(self.view.pages)):
            if self.view.page_top(index) <= middle:
                number = index + 1
        self.page_box.blockSignals(True)
        self.page_box.setValue(number)
        self.page_box.blockSignals(False)

    @property
    def pages(self) -> list[Page]:
        return self.view.pages

    def show_document(self, document: Document) -> None:
        self.document = document
        self.view.pages = paginate(document)
        self.page_box.setRange(1, max(1, len(self.view.pages)))
        self.count_label.setText(_("of {count}").format(count=len(self.view.pages)))
        self.view.update_size()

    def show_message(self, text: str) -> None:
        """Say why the preview is not current (it keeps the last good pages)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def go_to_page(self, number: int) -> None:
        self.pages_scroll.verticalScrollBar().setValue(self.view.page_top(number - 1) - GAP // 2)
        self.page_changed.emit(number)

    def set_zoom(self, zoom: float) -> None:
        self.view.zoom = zoom
        self.view.update_size()
        self._show_zoom()

    def step_zoom(self, direction: int) -> None:
        current = min(range(len(ZOOMS)), key=lambda i: abs(ZOOMS[i] - self.view.zoom))
        self.set_zoom(ZOOMS[max(0, min(len(ZOOMS) - 1, current + direction))])

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{round(self.view.zoom * 100)} %")
