"""File → Import… and File → Export lists…: the team's lists from and to spreadsheets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QWidget

from housing_desk.services import exporting, import_fields, importing, spreadsheets
from housing_desk.ui import forms, messages, window_fit
from housing_desk.ui.form_dialog import FormDialog
from housing_desk.ui.operations import Operation

SPREADSHEETS = "Spreadsheets (*.xlsx *.csv);;Excel workbooks (*.xlsx);;CSV files (*.csv)"
LEAVE_OUT = ""


def report_text(report: importing.ImportReport) -> str:
    """What a check or an import found, in plain lines."""
    lines = []
    if report.cancelled:
        lines.append("Stopped: nothing was imported.")
    for heading in report.unmatched:
        lines.append(f"Column '{heading}' is left out (choose what it is above to use it).")
    for problem in report.problems:
        where = f", column '{problem.column}'" if problem.column else ""
        lines.append(f"Row {problem.row}{where}: {problem.message}")
    for problem in report.duplicates:
        lines.append(f"Row {problem.row}: {problem.message}")
    if report.problems:
        lines.append(
            f"{len(report.problems)} problem{'s' if len(report.problems) != 1 else ''} in {report.rows} rows. Put them right in the file "
            "and check it again: nothing is imported while any row has a problem."
        )
    elif report.dry_run:
        lines.append(f"All {report.rows} rows are right: {report.imported} will be imported.")
    elif not report.cancelled:
        lines.append(f"Imported {report.imported} of {report.rows} rows.")
    return "\n".join(lines)


class ImportDialog(QDialog):
    def __init__(self, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.table = None
        self.path = ""
        self.imported = 0
        self.ui = forms.install("import_dialog", self)
        self.setWindowTitle("Import from a spreadsheet")
        ui = self.ui
        for key, label in import_fields.KINDS.items():
            ui.kindCombo.addItem(label, key)
        ui.kindCombo.currentIndexChanged.connect(lambda _i: self._show_columns())
        ui.chooseButton.clicked.connect(self.choose)
        ui.templateButton.clicked.connect(self.save_template)
        ui.checkButton.clicked.connect(lambda: self.run(dry_run=True))
        ui.importButton.clicked.connect(lambda: self.run(dry_run=False))
        ui.buttonBox.rejected.connect(self.reject)
        ui.checkButton.setDefault(True)
        self.combos: dict[str, QComboBox] = {}
        self._show_columns()
        window_fit.fit(self, 720, 640)

    @property
    def kind(self) -> str:
        return self.ui.kindCombo.currentData()

    def choose(self) -> None:
        name = messages.open_file_name(self, "Import from…", SPREADSHEETS)
        if name:
            self.open_file(name)

    def open_file(self, name: str) -> None:
        Operation(self, lambda: spreadsheets.read(name), title="Import").success(
            lambda table: self._opened(name, table)
        ).run()

    def _opened(self, name: str, table: spreadsheets.Table) -> None:
        self.table = table
        self.path = name
        self.ui.fileEdit.setText(Path(name).name)
        self._show_columns()

    def _show_columns(self) -> None:
        layout = self.ui.mappingLayout
        while layout.rowCount():
            layout.removeRow(0)
        self.combos = {}
        self.ui.reportEdit.clear()
        if self.table is None:
            layout.addRow(QLabel("Choose a file: its columns are listed here."))
            self._buttons()
            return
        matched = import_fields.match(self.kind, self.table.headings)
        for column, heading in enumerate(self.table.headings):
            if not heading:
                continue
            combo = QComboBox()
            combo.addItem("Leave this column out", LEAVE_OUT)
            for f in import_fields.FIELDS[self.kind]:
                combo.addItem(f.label + (" (needed)" if f.required else ""), f.key)
            combo.setCurrentIndex(max(0, combo.findData(matched.get(column, LEAVE_OUT))))
            combo.setAccessibleName(f"What column '{heading}' is")
            label = QLabel(heading)
            label.setBuddy(combo)
            layout.addRow(label, combo)
            self.combos[heading] = combo
        self._buttons()

    def _buttons(self) -> None:
        ready = self.table is not None
        self.ui.checkButton.setEnabled(ready)
        self.ui.importButton.setEnabled(ready)

    def mapping(self) -> dict[str, str]:
        return {heading: combo.currentData() for heading, combo in self.combos.items()}

    def run(self, *, dry_run: bool) -> None:
        if self.table is None:
            return
        kind, table, mapping = self.kind, self.table, self.mapping()

        def done(report: importing.ImportReport) -> None:
            self.ui.reportEdit.setPlainText(report_text(report))
            if not dry_run and report.ok:
                self.imported += report.imported
                messages.information(self, "Import", f"Imported {report.imported} rows.")

        Operation(
            self,
            lambda job: importing.import_table(
                self.actor,
                kind,
                table,
                dry_run=dry_run,
                mapping=mapping,
                progress=job.progress,
                cancelled=job.cancelled,
            ),
            title="Import",
        ).success(done).run_in_background("Checking the file…" if dry_run else "Importing…")

    def save_template(self) -> None:
        name = messages.save_file_name(
            self, "Save a template", f"housing-desk-{self.kind}.xlsx", SPREADSHEETS
        )
        if name:
            spreadsheets.write(name, importing.template(self.kind), [])

    @classmethod
    def ask(cls, parent, actor) -> int:
        """Show the dialog; how many rows were imported."""
        dialog = cls(actor, parent)
        dialog.exec()
        return dialog.imported


class ExportDialog(FormDialog):
    FORM = "export_dialog"
    TITLE = "Export a list"

    def __init__(self, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        for key, label in exporting.KINDS.items():
            self.ui.kindCombo.addItem(label, key)
        self.ui.confidentialCheck.setChecked(False)

    def field_widgets(self):
        return {"kind": self.ui.kindCombo}

    def save(self):
        kind = self.ui.kindCombo.currentData()
        name = messages.save_file_name(
            self, "Export to…", f"housing-desk-{kind}.xlsx", SPREADSHEETS
        )
        if not name:
            return self.KEEP_OPEN
        return exporting.export_list(
            self.actor, kind, name, include_confidential=self.ui.confidentialCheck.isChecked()
        )
