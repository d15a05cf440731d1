"""ui/operations.py: one way to run an action, on the window's thread or in the background."""

import sys
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from housing_desk.services import flats, partners
from housing_desk.services.errors import ConflictError, DomainError, ValidationError
from housing_desk.ui.field_errors import FieldErrors
from housing_desk.ui.operations import Operation


@pytest.fixture
def form(qtbot):
    """A form with one named field and a general error label."""
    widget = QWidget()
    layout = QFormLayout(widget)
    name = QLineEdit()
    layout.addRow("Name", name)
    general = QLabel()
    layout.addRow(general)
    qtbot.addWidget(widget)
    return widget, FieldErrors({"name": name}, general)


def test_the_result_goes_to_the_callback(qtbot, admin, shown_messages):
    got = []
    ran = Operation(None, lambda: partners.create_partner(admin, name="Hope Housing"))
    assert ran.success(got.append).run()
    assert [p.name for p in got] == ["Hope Housing"] and not shown_messages.shown


def test_a_refusal_goes_beside_its_field_and_nothing_is_saved(qtbot, form, admin, shown_messages):
    widget, errors = form
    failed = []
    ran = (
        Operation(widget, lambda: partners.create_partner(admin, name=""))
        .errors(errors)
        .failure(failed.append)
        .run()
    )
    assert not ran and isinstance(failed[0], ValidationError)
    assert errors.message_for("name") and not shown_messages.shown
    assert partners.list_partners() == []


def test_without_field_errors_a_refusal_is_a_warning(qtbot, admin, shown_messages):
    assert not Operation(
        None, lambda: partners.create_partner(admin, name=""), title="Partner"
    ).run()
    kind, title, _text = shown_messages.shown[-1]
    assert (kind, title) == ("warning", "Partner")


def test_a_stale_edit_offers_the_newer_version(qtbot, form, shown_messages):
    widget, errors = form
    reloaded = []

    def stale():
        raise ConflictError("Amara changed this flat at 10:02.")

    shown_messages.confirm_answer = True
    Operation(widget, stale).errors(errors).reload(lambda: reloaded.append(True)).run()
    assert reloaded == [True]
    assert shown_messages.shown[-1][0] == "confirm"
    assert errors.general.text() == ""  # cleared once their version is loaded


def test_a_stale_edit_kept_keeps_what_she_typed(qtbot, form, shown_messages):
    widget, errors = form
    reloaded = []

    def stale():
        raise ConflictError("Amara changed this flat at 10:02.")

    shown_messages.confirm_answer = False
    Operation(widget, stale).errors(errors).reload(lambda: reloaded.append(True)).run()
    assert reloaded == [] and "Amara changed" in errors.general.text()


def test_background_work_runs_on_its_own_thread_and_connection(qtbot, admin, partner):
    from housing_desk.data.models import database

    window_connection = database.obj.connection()
    seen = {}

    def work(job):
        seen["thread"] = threading.get_ident()
        seen["connection"] = database.obj.connection()
        job.progress(1, 2)
        flat = flats.create_flat(
            admin,
            reference="BG-01",
            address_line1="1 Test Street",
            town="Northampton",
            postcode="NN1 1AA",
            partner=partner,
            weekly_rent=100,
        )
        return flat.id

    got = []
    operation = Operation(None, work, title="Flats").success(got.append)
    operation.run_in_background("Working…")
    qtbot.waitUntil(lambda: operation.done, timeout=10_000)
    assert seen["thread"] != threading.get_ident()
    assert seen["connection"] is not window_connection
    # Committed on its own connection, and seen from the window's.
    assert [s.reference for s in flats.availability() if s.flat_id == got[0]] == ["BG-01"]


def test_the_window_keeps_painting_while_the_work_runs(qtbot, db):
    # The work waits for a timer of the window's thread: it can only finish if events flow.
    ticked = threading.Event()
    QTimer.singleShot(50, ticked.set)

    def work(job):
        if not ticked.wait(5):
            raise DomainError("The window's events stopped while the work ran.")
        return "done"

    got = []
    operation = Operation(None, work).success(got.append)
    operation.run_in_background("Working…")
    qtbot.waitUntil(lambda: operation.done, timeout=10_000)
    assert got == ["done"]


def test_cancel_stops_the_work_at_its_next_step(qtbot, db, shown_messages):
    started = threading.Event()

    def work(job):
        started.set()
        for step in range(1000):
            if job.cancelled():
                raise DomainError("Stopped: nothing was changed.")
            job.progress(step, 1000)
            threading.Event().wait(0.01)
        return "finished"

    got, failed = [], []
    operation = Operation(None, work, title="Back up").success(got.append).failure(failed.append)
    operation.run_in_background("Backing up…")
    assert started.wait(5)
    operation.progress_dialog.canceled.emit()  # what the Cancel button sends
    qtbot.waitUntil(lambda: operation.done, timeout=10_000)
    assert got == [] and failed and failed[0].message.startswith("Stopped")
    assert shown_messages.shown[-1] == ("information", "Back up", "Stopped: nothing was changed.")


def test_an_unexpected_error_in_the_background_reaches_the_excepthook(qtbot, db, monkeypatch):
    hooked = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, trace: hooked.append(kind))

    def work(job):
        raise KeyError("unexpected")

    operation = Operation(None, work)
    operation.run_in_background("Working…")
    qtbot.waitUntil(lambda: operation.done, timeout=10_000)
    assert hooked == [KeyError]
