"""A flat's repairs and files in the window: report a repair, complete it, attach and open a file."""

from datetime import date

import pytest

from housing_desk.data.models import Attachment, Repair
from housing_desk.services import attachments, repairs
from housing_desk.ui import messages, upkeep_dialogs
from housing_desk.ui.flats_page import FlatsPage
from tests import factories


@pytest.fixture
def page(qtbot, admin, flat):
    widget = FlatsPage(admin)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    widget.select_flat(flat.id)
    return widget


def test_report_a_repair_and_see_it_overdue(qtbot, page, admin, flat, monkeypatch):
    def report(parent, actor, chosen):
        dialog = upkeep_dialogs.RepairDialog(actor, chosen, parent=parent)
        dialog.accept()  # nothing typed: refused beside the field
        assert "required" in dialog.errors.message_for("description")
        dialog.ui.descriptionEdit.setPlainText("Black mould on the bedroom wall")
        dialog.ui.hazardCheck.setChecked(True)
        dialog.ui.priorityCombo.setCurrentIndex(dialog.ui.priorityCombo.findData("urgent"))
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.grab().save("/tmp/m/repair-dialog.png")
        dialog.accept()
        return dialog.result_value

    monkeypatch.setattr(upkeep_dialogs.RepairDialog, "ask", classmethod(lambda cls, *a: report(*a)))
    panel = page.repairs_panel
    panel.report()
    assert Repair.select().count() == 1 and Repair.get().hazard
    old = repairs.report_repair(
        admin, flat, reported_on=date(2026, 1, 5), description="Loose stair rail", priority="urgent"
    )
    panel.show_flat(flat)
    assert "2 open, 1 overdue" in panel.ui.summaryLabel.text()
    page.ui.detailTabs.setCurrentWidget(panel)
    page.grab().save("/tmp/m/repairs-tab.png")
    row = next(
        r
        for r in range(panel.proxy.rowCount())
        if panel.proxy.source_row(panel.proxy.index(r, 0)).repair_id == old.id
    )
    panel.ui.repairsTable.selectRow(row)
    assert panel.ui.completeButton.isEnabled() and not panel.ui.investigateButton.isEnabled()


def test_attach_and_open_a_flats_photo(qtbot, page, admin, flat, tmp_path, monkeypatch):
    photo = tmp_path / "hall.png"
    from PySide6.QtGui import QColor, QImage

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#3070b0"))
    image.save(str(photo))
    monkeypatch.setattr(messages, "open_file_name", lambda *a: str(photo))

    def attach(parent, actor, filename, data, targets):
        dialog = upkeep_dialogs.AttachDialog(actor, filename, data, targets, parent=parent)
        dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData("photo"))
        dialog.accept()
        return dialog.result_value

    monkeypatch.setattr(upkeep_dialogs.AttachDialog, "ask", classmethod(lambda cls, *a: attach(*a)))
    shown = []
    monkeypatch.setattr(
        upkeep_dialogs.ImageViewerDialog,
        "show_image",
        classmethod(lambda cls, p, data, t: shown.append(data)),
    )
    panel = page.files_panel
    panel.attach()
    assert Attachment.get().filename == "hall.png" and Attachment.get().entity == "flat"
    panel.ui.filesTable.selectRow(0)
    panel.open_selected()
    assert shown == [photo.read_bytes()]
    page.ui.detailTabs.setCurrentWidget(panel)
    page.grab().save("/tmp/m/files-tab.png")


def test_a_file_that_cannot_be_read_is_said_so_and_nothing_is_attached(
    qtbot, page, tmp_path, monkeypatch
):
    monkeypatch.setattr(messages, "open_file_name", lambda *a: str(tmp_path / "gone.pdf"))
    asked = []
    monkeypatch.setattr(
        upkeep_dialogs.AttachDialog, "ask", classmethod(lambda cls, *a: asked.append(a))
    )
    warned = []
    monkeypatch.setattr(messages, "warning", lambda parent, title, text: warned.append(text))
    page.files_panel.attach()
    assert warned and warned[0].startswith("That file cannot be read: ")
    assert asked == [] and Attachment.select().count() == 0


def test_a_viewer_sees_the_list_but_cannot_open(qtbot, admin, flat):
    attachments.attach(admin, "flat", flat.id, filename="hall.jpg", data=b"jpg", kind="photo")
    viewer = factories.user(admin, "viewer")
    page = FlatsPage(viewer)
    qtbot.addWidget(page)
    page.select_flat(flat.id)
    page.files_panel.ui.filesTable.selectRow(0)
    assert page.files_panel.model.rowCount() == 1
    assert not page.files_panel.ui.openButton.isEnabled()
    assert not page.repairs_panel.ui.reportButton.isEnabled()


def test_her_page_lists_her_files(qtbot, admin):
    from housing_desk.ui.person_panel import PersonPanel

    woman = factories.person(admin)
    attachments.attach(
        admin,
        "person",
        woman.id,
        filename="benefit-letter.pdf",
        data=b"%PDF",
        kind="benefit_letter",
    )
    panel = PersonPanel(admin)
    qtbot.addWidget(panel)
    panel.show_person(woman.id)
    assert panel.files_panel.model.rowCount() == 1
    assert panel.ui.detailTabs.indexOf(panel.files_panel) >= 0


def test_the_repair_targets_are_set_in_settings(qtbot, admin, monkeypatch):
    from housing_desk.services import settings
    from housing_desk.ui.settings_page import SettingsPage

    page = SettingsPage(admin)
    qtbot.addWidget(page)
    assert page.repairs.ui.routineSpin.value() == 28
    page.repairs.ui.routineSpin.setValue(21)
    monkeypatch.setattr(messages, "information", lambda *a: None)
    page.repairs.save()
    assert settings.repair_target_days()["routine"] == 21
