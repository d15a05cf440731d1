"""The files kept with a record (and the records that belong to it): attach, open, save a copy."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from housing_desk.services import attachments, permissions
from housing_desk.ui import dates, forms, messages, viewers
from housing_desk.ui.operations import Operation
from housing_desk.ui.table_model import Column, FilterProxy, RowTableModel, prepare_table
from housing_desk.ui.upkeep_dialogs import AttachDialog, ImageViewerDialog


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:,.0f} KB"
    return f"{size / 1024 / 1024:,.1f} MB"


FILE_COLUMNS = (
    Column("Added", lambda r: dates.uk(r[1].added_on), sort_key=lambda r: r[1].added_on),
    Column("For", lambda r: r[0]),
    Column("Kind", lambda r: attachments.KINDS.get(r[1].kind, r[1].kind)),
    Column("File", lambda r: r[1].filename or viewers.HIDDEN),
    Column("Size", lambda r: _size(r[1].size), sort_key=lambda r: r[1].size, align_right=True),
    Column("Runs out", lambda r: dates.uk(r[1].expires_on)),
    Column("Added by", lambda r: r[1].added_by),
)

# (label, entity, entity_id) of every record whose files the panel shows, the first the main one.
Targets = Callable[[], list[tuple[str, str, int]]]


class AttachmentsPanel(QWidget):
    def __init__(self, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.targets: Targets = list
        self.ui = forms.install("attachments_panel", self)
        self.model = RowTableModel(FILE_COLUMNS, self)
        self.proxy = FilterProxy(self.model, self)
        prepare_table(self.ui.filesTable, self.proxy)
        self.ui.attachButton.clicked.connect(self.attach)
        self.ui.openButton.clicked.connect(self.open_selected)
        self.ui.saveButton.clicked.connect(self.save_selected)
        self.ui.filesTable.doubleClicked.connect(lambda _index: self.open_selected())
        self.ui.filesTable.selectionModel().selectionChanged.connect(lambda *_: self._buttons())
        if not permissions.allowed(actor, "view_sensitive"):
            self.ui.summaryLabel.setText("Files kept with this record (viewers cannot open them).")
        self.show_for(list)

    def show_for(self, targets: Targets) -> None:
        """Show the files of the records ``targets()`` names."""
        self.targets = targets
        rows = []
        for label, entity, entity_id in targets():
            rows += [
                (label, item) for item in attachments.attachments_for(self.actor, entity, entity_id)
            ]
        self.model.set_rows(rows)
        self.ui.filesTable.resizeColumnsToContents()
        self._buttons()

    def _selected(self):
        indexes = self.ui.filesTable.selectionModel().selectedRows()
        return self.proxy.source_row(indexes[0])[1] if indexes else None

    def _buttons(self) -> None:
        chosen = self._selected() is not None and permissions.allowed(self.actor, "view_sensitive")
        self.ui.openButton.setEnabled(chosen)
        self.ui.saveButton.setEnabled(chosen)
        self.ui.attachButton.setEnabled(
            bool(self.targets()) and permissions.allowed(self.actor, "allocate")
        )

    def attach(self) -> None:
        name = messages.open_file_name(
            self,
            "Attach a file",
            "Documents and pictures (*.pdf *.png *.jpg *.jpeg);;All files (*)",
        )
        if not name:
            return
        Operation(self, lambda: attachments.read_file(name), title="Attach a file").success(
            lambda data: self._attach(Path(name).name, data)
        ).run()

    def _attach(self, filename: str, data: bytes) -> None:
        if AttachDialog.ask(self, self.actor, filename, data, self.targets()) is not None:
            self.show_for(self.targets)

    def open_selected(self) -> None:
        item = self._selected()
        if item is None:
            return

        def show(data: bytes) -> None:
            if item.is_pdf:
                from housing_desk.ui.pdf_preview import PdfPreviewDialog

                PdfPreviewDialog.show_pdf(self, data, item.filename, item.filename)
            elif item.is_image:
                ImageViewerDialog.show_image(self, data, item.filename)
            else:
                self._write(item.filename, data)

        Operation(
            self, lambda: attachments.open(self.actor, item.attachment_id), title="Open"
        ).success(show).run()

    def save_selected(self) -> None:
        item = self._selected()
        if item is not None:
            Operation(
                self, lambda: attachments.open(self.actor, item.attachment_id), title="Save a copy"
            ).success(lambda data: self._write(item.filename, data)).run()

    def _write(self, filename: str, data: bytes) -> None:
        name = messages.save_file_name(self, "Save a copy", filename, "All files (*)")
        if name:
            Path(name).write_bytes(data)
