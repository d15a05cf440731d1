"""Repairs against their targets, damp and mould on its own clock, and files kept in the database."""

import hashlib
from datetime import date, timedelta

import pytest

from housing_desk import clock
from housing_desk.data.models import Attachment, AuditEvent, Unavailability
from housing_desk.services import attachments, flats, licences, reminders, repairs, settings
from housing_desk.services.errors import DomainError, PermissionDenied, ValidationError
from tests import factories

MONDAY = date(2026, 11, 2)


def test_targets_by_priority_and_from_settings(admin, flat):
    urgent = repairs.report_repair(
        admin, flat, reported_on=MONDAY, description="Boiler not firing", priority="urgent"
    )
    assert urgent.target_on == MONDAY + timedelta(days=7)
    emergency = repairs.report_repair(
        admin,
        flat,
        reported_on=MONDAY,
        description="Front door will not lock",
        priority="emergency",
    )
    assert emergency.target_on == MONDAY + timedelta(days=1)
    settings.set_repair_target_days(admin, routine=21)
    routine = repairs.report_repair(
        admin, flat, reported_on=MONDAY, description="Dripping tap", priority="routine"
    )
    assert routine.target_on == MONDAY + timedelta(days=21)
    with pytest.raises(ValidationError) as error:
        repairs.report_repair(admin, flat, reported_on=MONDAY, description="", priority="routine")
    assert error.value.field == "description"
    with pytest.raises(ValidationError) as error:
        repairs.report_repair(admin, flat, reported_on=MONDAY, description="x", priority="soon")
    assert error.value.field == "priority"


def test_damp_and_mould_runs_on_working_days(admin, flat):
    # Reported on a Monday: investigate within 10 working days (two weeks, to Monday the 16th),
    # then make it safe within 5 working days of the investigation.
    mould = repairs.report_repair(
        admin,
        flat,
        reported_on=MONDAY,
        description="Black mould in the bedroom",
        priority="urgent",
        hazard=True,
    )
    assert mould.target_on == date(2026, 11, 16)
    looked = repairs.record_investigation(admin, mould, investigated_on=date(2026, 11, 6))  # Friday
    assert looked.target_on == date(2026, 11, 13)
    assert repairs.add_working_days(date(2026, 11, 6), 1) == date(2026, 11, 9)


def test_open_and_overdue_repairs_and_their_reminders(admin, flat):
    late = repairs.report_repair(
        admin, flat, reported_on=MONDAY, description="Window will not close", priority="urgent"
    )
    repairs.pass_on(admin, late, passed_to="Northampton Housing Trust repairs", passed_on=MONDAY)
    rows = repairs.open_repairs(on=MONDAY + timedelta(days=8))
    assert [(r.reference, r.overdue, r.passed_to) for r in rows] == [
        ("NHT-01", True, "Northampton Housing Trust repairs")
    ]
    texts = [r.text for r in reminders.due(on=MONDAY + timedelta(days=8)) if r.kind == "repair"]
    assert texts == ["Flat NHT-01: urgent repair reported 02/11/2026 is due by 09/11/2026"]
    repairs.complete_repair(admin, late, completed_on=MONDAY + timedelta(days=9), notes="Hinge")
    assert repairs.open_repairs(on=MONDAY + timedelta(days=10)) == []
    assert repairs.figures(MONDAY, MONDAY + timedelta(days=30))[0].average_days == 9
    with pytest.raises(ValidationError):
        repairs.complete_repair(admin, late, completed_on=MONDAY + timedelta(days=9))


def test_a_repair_can_take_the_flat_out_of_use_until_it_is_done(admin, flat):
    leak = repairs.report_repair(
        admin,
        flat,
        reported_on=MONDAY,
        description="Leak through the ceiling",
        priority="emergency",
        out_of_use=True,
    )
    period = Unavailability.get_by_id(leak.unavailability_id)
    assert period.start == MONDAY and period.end is None and period.reason == "repairs"
    assert flats.availability(MONDAY + timedelta(days=1))[0].state == "unavailable"
    repairs.complete_repair(admin, leak, completed_on=MONDAY + timedelta(days=3))
    assert Unavailability.get_by_id(period.id).end == MONDAY + timedelta(days=3)
    officer = factories.user(admin, "officer")
    with pytest.raises(PermissionDenied):  # taking a flat out of use is a manager's decision
        repairs.report_repair(
            officer, flat, reported_on=MONDAY, description="x", priority="routine", out_of_use=True
        )


def test_attachments_are_checked_audited_and_kept_from_viewers(admin, flat):
    woman = factories.person(admin)
    scan = b"%PDF-1.4 her passport scan"
    kept = attachments.attach(
        admin,
        "person",
        woman.id,
        filename="C:\\scans\\passport.pdf",
        data=scan,
        kind="id",
        expires_on=clock.today() + timedelta(days=10),
    )
    assert kept.filename == "passport.pdf" and kept.sha256 == hashlib.sha256(scan).hexdigest()
    assert attachments.open(admin, kept) == scan
    assert (
        AuditEvent.select()
        .where((AuditEvent.entity == "attachment") & (AuditEvent.action == "view"))
        .count()
        == 1
    )
    viewer = factories.user(admin, "viewer")
    with pytest.raises(PermissionDenied):
        attachments.open(viewer, kept)
    # a viewer reads that her file is kept, not its name; a flat's files are the building's
    listed = attachments.attachments_for(viewer, "person", woman.id)
    assert [(a.kind, a.filename) for a in listed] == [("id", "")]
    assert [a.filename for a in attachments.attachments_for(admin, "person", woman.id)] == [
        "passport.pdf"
    ]
    attachments.attach(admin, "flat", flat.id, filename="gas.pdf", data=b"%PDF-1.4", kind="other")
    assert [a.filename for a in attachments.attachments_for(viewer, "flat", flat.id)] == ["gas.pdf"]
    assert any(r.kind == "attachment" for r in reminders.due())
    Attachment.update(data=b"%PDF-1.4 altered").where(Attachment.id == kept.id).execute()
    with pytest.raises(DomainError):
        attachments.open(admin, kept)
    with pytest.raises(ValidationError) as error:
        attachments.attach(
            admin,
            "flat",
            flat.id,
            filename="big.jpg",
            data=b"x" * (20 * 1024 * 1024 + 1),
            kind="photo",
        )
    assert error.value.field == "data"
    with pytest.raises(ValidationError) as error:
        attachments.attach(admin, "flat", flat.id, filename="a.jpg", data=b"x", kind="selfie")
    assert error.value.field == "kind"
    assert Attachment.select().count() == 2  # her ID and the flat's file; nothing refused was kept


def test_anonymising_deletes_her_files(admin, partner):
    from housing_desk.services import retention

    home = factories.certified_flat(admin, partner, since=date(2017, 1, 1))
    woman = factories.ready_woman(admin, assessed_on=date(2017, 6, 1))
    licence = factories.sign_up(
        admin, licences.create_licence(admin, woman, home, start_date=date(2018, 1, 1))
    )
    attachments.attach(
        admin, "licence", licence.id, filename="signed.pdf", data=b"%PDF", kind="signed_licence"
    )
    attachments.attach(admin, "flat", home.id, filename="hall.jpg", data=b"jpg", kind="photo")
    licences.end_licence(admin, licence, end_date=date(2019, 6, 3), reason="planned_move_on")
    retention.anonymise(admin, woman)
    assert [a.filename for a in Attachment.select()] == ["hall.jpg"]


def test_the_reports_count_repairs_per_flat_and_their_average_days(admin, partner):
    from housing_desk.services import reports

    first = factories.flat(admin, partner, reference="NHT-01")
    second = factories.flat(admin, partner, reference="NHT-02")
    for home, reported, done in (
        (first, MONDAY, MONDAY + timedelta(days=3)),
        (first, MONDAY, MONDAY + timedelta(days=6)),
        (second, MONDAY, None),
        (second, MONDAY - timedelta(days=60), MONDAY),  # reported before the range: not counted
    ):
        repair = repairs.report_repair(
            admin, home, reported_on=reported, description="Tap", priority="routine"
        )
        if done:
            repairs.complete_repair(admin, repair, completed_on=done)
    figures = reports.summary(admin, MONDAY, MONDAY + timedelta(days=28))
    assert reports.tables(figures)["Repairs"][1] == [
        ("NHT-01", "2", "2", "4.5"),
        ("NHT-02", "1", "0", ""),
        ("All flats", "3", "2", "4.5"),
    ]


def test_a_file_to_attach_is_read_or_refused_by_name(tmp_path):
    chosen = tmp_path / "letter.pdf"
    chosen.write_bytes(b"%PDF-1.4 her letter")
    assert attachments.read_file(str(chosen)) == b"%PDF-1.4 her letter"
    with pytest.raises(ValidationError) as refused:
        attachments.read_file(str(tmp_path / "gone.pdf"))
    assert refused.value.field == "file"
    assert refused.value.message.startswith("That file cannot be read: ")
