"""Warnings under her licence: the list, giving one, and printing the letter for it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from housing_desk import clock
from housing_desk.services import (
    assessments,
    licences,
    paperwork,
    permissions,
    settings,
    tenancy_warnings as warnings_service,
)
from housing_desk.ui import dates, forms, viewers
from housing_desk.ui.form_dialog import FormDialog
from housing_desk.ui.operations import Operation
from housing_desk.ui.table_model import Column, FilterProxy, RowTableModel, prepare_table

WARNING_COLUMNS = (
    Column("Given", lambda w: dates.uk(w.issued_on), sort_key=lambda w: w.issued_on),
    Column("Stage", lambda w: w.stage_label),
    Column("In force", lambda w: "Yes" if w.in_force() else "Lapsed"),
    Column("Lapses", lambda w: dates.uk(w.lapses_on), sort_key=lambda w: w.lapses_on),
    Column("Given by", lambda w: w.issued_by),
)


def warning_columns(sensitive: bool) -> tuple[Column, ...]:
    """The warnings' columns; a viewer reads "Hidden from viewers" where the reason is kept from her."""
    return (
        *WARNING_COLUMNS,
        Column(
            "Reason",
            lambda w: viewers.or_hidden(w.reason.splitlines()[0] if w.reason else "", sensitive),
            tooltip=lambda w: w.reason,
        ),
    )


class WarningDialog(FormDialog):
    FORM = "warning_dialog"
    TITLE = "Warning"

    def __init__(self, actor, licence, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.licence = actor, licence
        ui = self.ui
        ui.introLabel.setText(
            f"A warning to {name} under the warnings procedure of her licence. "
            "Say plainly what needs to change; a written or final warning prints as a letter."
        )
        for key, label in warnings_service.STAGES.items():
            ui.stageCombo.addItem(label, key)
        dates.set_date(ui.issuedEdit, clock.today())
        ui.stageCombo.currentIndexChanged.connect(self._lapse)
        ui.issuedEdit.dateChanged.connect(self._lapse)
        self._lapse()
        self.resize(560, self.sizeHint().height())

    def _lapse(self, *_args) -> None:
        stage = self.ui.stageCombo.currentData()
        months = settings.warning_lapse_months(stage)
        lapses = assessments.add_months(dates.get_date(self.ui.issuedEdit), months)
        self.ui.lapseValue.setText(f"{dates.uk(lapses)} ({months} months, as set in Settings)")

    def field_widgets(self):
        ui = self.ui
        return {
            "stage": ui.stageCombo,
            "issued_on": ui.issuedEdit,
            "reason": ui.reasonEdit,
            "licence": ui.stageCombo,
        }

    def save(self):
        ui = self.ui
        return warnings_service.issue_warning(
            self.actor,
            self.licence,
            stage=ui.stageCombo.currentData(),
            issued_on=dates.get_date(ui.issuedEdit),
            reason=ui.reasonEdit.toPlainText(),
        )


class WarningsPanel(QWidget):
    """Warnings of one licence (the licence page) or all of hers (her page)."""

    changed = Signal()

    def __init__(self, actor, parent=None):
        super().__init__(parent)
        self.actor, self.licence, self.person, self.name = actor, None, None, ""
        self.ui = forms.install("warnings_panel", self)
        ui = self.ui
        self.model = RowTableModel(
            warning_columns(permissions.allowed(actor, "view_sensitive")), self
        )
        self.proxy = FilterProxy(self.model, self)
        prepare_table(ui.warningsTable, self.proxy)
        ui.warningsTable.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        ui.warningsTable.setAccessibleName("Warnings")
        ui.warningsTable.selectionModel().selectionChanged.connect(lambda *_: self._buttons())
        ui.warnButton.clicked.connect(self.warn)
        ui.letterButton.clicked.connect(lambda: self.print_letter())
        ui.warnButton.setVisible(permissions.allowed(actor, "issue_warnings"))
        ui.letterButton.setVisible(permissions.allowed(actor, "print"))
        self.show_for()

    def show_for(self, *, licence=None, person=None, name: str = "") -> None:
        self.person, self.name = person, name
        self.licence = licence or (licences.current_licence(self.actor, person) if person else None)
        if licence is not None:
            rows = warnings_service.warnings_for(self.actor, licence)
        elif person is not None:
            rows = warnings_service.warnings_for(self.actor, person=person)
        else:
            rows = []
        self.model.set_rows(rows)
        self.ui.warningsTable.resizeColumnsToContents()
        living = self.licence is not None and self.licence.status in ("active", "notice")
        self.ui.warnButton.setEnabled(living)
        in_force = [w for w in rows if w.in_force()]
        self.ui.hintLabel.setText(
            "In force: " + ", ".join(w.stage_label.lower() for w in in_force)
            if in_force
            else "No warning in force."
        )
        self._buttons()

    def selected(self):
        indexes = self.ui.warningsTable.selectionModel().selectedRows()
        return self.proxy.source_row(indexes[0]) if indexes else None

    def _buttons(self) -> None:
        chosen = self.selected()
        self.ui.letterButton.setEnabled(chosen is not None and chosen.has_letter)

    def warn(self) -> None:
        if self.licence is None:
            return
        saved = WarningDialog.ask(self, self.actor, self.licence, self.name or "her")
        if saved is not None:
            self.show_for(
                licence=None if self.person else self.licence, person=self.person, name=self.name
            )
            self.changed.emit()
            if saved.stage in warnings_service.LETTER_STAGES:
                self.print_letter(saved.id)

    def print_letter(self, warning_id: int | None = None) -> None:
        from housing_desk.ui.pdf_preview import PdfPreviewDialog

        if warning_id is None:
            chosen = self.selected()
            if chosen is None:
                return
            warning_id = chosen.warning_id

        def preview(pdf: bytes) -> None:
            PdfPreviewDialog.show_pdf(self, pdf, "Warning letter", f"warning-{warning_id}.pdf")
            self.changed.emit()

        Operation(
            self, lambda: paperwork.warning_letter(self.actor, warning_id), title="Warning letter"
        ).success(preview).run()
