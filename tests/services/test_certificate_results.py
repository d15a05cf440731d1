"""A certificate's result, and the copy of each check owed to the woman living in the flat."""

from datetime import date, timedelta

import pytest

from housing_desk import clock
from housing_desk.data.models import Certificate, Licence
from housing_desk.services import flats, licences, reminders
from housing_desk.services.errors import ValidationError
from tests import factories

START = date(2025, 3, 3)


def board_state(reference, on):
    return {s.reference: s for s in flats.availability(on)}[reference]


@pytest.mark.parametrize("kind", ["gas_safety", "eicr"])
def test_an_unsatisfactory_check_covers_nothing(admin, partner, kind):
    home = factories.certified_flat(admin, partner)
    flats.record_certificate(admin, home, kind=kind, issued_on=date(2025, 2, 1), satisfactory=False)
    status = board_state("NHT-01", date(2025, 3, 1))
    assert status.compliance == "expired" and "unsatisfactory" in status.compliance_notes
    woman = factories.ready_woman(admin)
    with pytest.raises(ValidationError) as error:
        licences.create_licence(admin, woman, home, start_date=START)
    assert error.value.field == "flat" and "unsatisfactory" in error.value.message
    assert Licence.select().count() == 0
    # The remedial work done, a satisfactory record the same day covers the flat again.
    flats.record_certificate(admin, home, kind=kind, issued_on=date(2025, 2, 1))
    assert board_state("NHT-01", date(2025, 3, 1)).compliance == "ok"
    assert licences.create_licence(admin, woman, home, start_date=START).id


def test_an_unsatisfactory_optional_check_is_flagged_but_does_not_stop_a_let(admin, partner):
    home = factories.certified_flat(admin, partner)
    flats.record_certificate(
        admin, home, kind="pat", issued_on=date(2025, 2, 1), satisfactory=False
    )
    status = board_state("NHT-01", date(2025, 3, 1))
    assert status.compliance == "due_soon" and "PAT of 01/02/2025 was unsatisfactory" in (
        status.compliance_notes
    )


def test_satisfactory_is_yes_or_no(admin, flat):
    with pytest.raises(ValidationError) as error:
        flats.record_certificate(
            admin, flat, kind="eicr", issued_on=date(2025, 2, 1), satisfactory="no"
        )
    assert error.value.field == "satisfactory"
    assert Certificate.select().count() == 0


def test_a_check_during_her_stay_owes_her_a_copy_within_28_days(admin, partner):
    home = factories.certified_flat(admin, partner)
    woman = factories.ready_woman(admin)
    factories.sign_up(admin, licences.create_licence(admin, woman, home, start_date=START))
    checked = clock.today() - timedelta(days=3)
    cert = flats.record_certificate(admin, home, kind="gas_safety", issued_on=checked)
    assert cert.copy_due_on == checked + timedelta(days=28)
    (copy,) = [r for r in reminders.due() if r.kind == "certificate_copy"]
    assert (copy.entity, copy.entity_id, copy.due_on, copy.overdue) == (
        "flat",
        home.id,
        checked + timedelta(days=28),
        False,
    )
    assert "gas safety record" in copy.text and woman.given_name not in copy.text
    assert "attach its PDF on the flat's Files tab" in copy.text
    from housing_desk.services import attachments

    attachments.attach(
        admin, "certificate", cert.id, filename="gsr.pdf", data=b"%PDF", kind="certificate"
    )
    (copy,) = [r for r in reminders.due() if r.kind == "certificate_copy"]
    assert "its PDF is on the flat's Files tab" in copy.text
    late = [r for r in reminders.due(checked + timedelta(days=29)) if r.kind == "certificate_copy"]
    assert late[0].overdue
    with pytest.raises(ValidationError) as error:
        flats.copy_given(admin, cert, given_on=checked - timedelta(days=1))
    assert error.value.field == "given_on"
    flats.copy_given(admin, cert, given_on=clock.today())
    assert Certificate.get_by_id(cert.id).copy_given_on == clock.today()
    assert not [r for r in reminders.due() if r.kind == "certificate_copy"]
    with pytest.raises(ValidationError):
        flats.copy_given(admin, cert)


def test_no_copy_is_owed_for_an_empty_flat_or_a_certificate_she_does_not_need(admin, partner):
    home = factories.certified_flat(admin, partner)
    cert = flats.record_certificate(admin, home, kind="eicr", issued_on=date(2025, 1, 6))
    assert cert.copy_due_on is None
    woman = factories.ready_woman(admin)
    factories.sign_up(admin, licences.create_licence(admin, woman, home, start_date=START))
    epc = flats.record_certificate(admin, home, kind="epc", issued_on=date(2025, 6, 2))
    assert epc.copy_due_on is None
    eicr = flats.record_certificate(admin, home, kind="eicr", issued_on=date(2025, 6, 2))
    assert eicr.copy_due_on == date(2025, 6, 30)
