"""Her requests for her records: due one calendar month after receipt, reminded until answered."""

from datetime import date, timedelta

import pytest

from housing_desk import clock
from housing_desk.data.models import SubjectAccessRequest
from housing_desk.services import audit, reminders, subject_access
from housing_desk.services.errors import PermissionDenied, ValidationError
from tests import factories


@pytest.mark.parametrize(
    ("received", "due"),
    (
        (date(2026, 1, 31), date(2026, 2, 28)),
        (date(2028, 1, 31), date(2028, 2, 29)),
        (date(2026, 3, 3), date(2026, 4, 3)),
        (date(2026, 12, 15), date(2027, 1, 15)),
        (date(2026, 8, 31), date(2026, 9, 30)),
    ),
)
def test_due_one_calendar_month_after_receipt(received, due):
    assert subject_access.due_date(received) == due


def test_a_request_is_in_the_reminders_until_it_is_answered(admin):
    officer = factories.user(admin, "officer")
    woman = factories.person(admin, given_name="Ana", family_name="Lopes")
    received = clock.today() - timedelta(days=40)
    request = subject_access.record_request(
        officer, woman, received_on=received, notes="Asked at the drop-in"
    )
    assert request.due_on == subject_access.due_date(received)
    assert [r.id for r in subject_access.requests("open")] == [request.id]
    (due,) = [r for r in reminders.due() if r.kind == "subject_access"]
    assert due.overdue and "Ana Lopes" in due.text and due.entity_id == woman.id
    with pytest.raises(PermissionDenied):
        subject_access.mark_answered(officer, request)
    with pytest.raises(ValidationError) as error:
        subject_access.mark_answered(admin, request, answered_on=received - timedelta(days=1))
    assert error.value.field == "answered_on"
    answered = subject_access.mark_answered(admin, request)
    assert (answered.status, answered.answered_on) == ("answered", clock.today())
    assert not [r for r in reminders.due() if r.kind == "subject_access"]
    assert subject_access.requests("open") == []
    assert [r.id for r in subject_access.requests("answered")] == [request.id]
    with pytest.raises(ValidationError):
        subject_access.mark_answered(admin, request)
    changes = [e.changes for e in audit.events("subject_access_request", request.id)]
    assert changes[0]["due_on"] == request.due_on.isoformat() and "notes" not in changes[0]


def test_a_confidential_womans_request_does_not_name_her_on_the_board(admin):
    woman = factories.person(admin, given_name="Hodan", family_name="Warsame", do_not_disclose=True)
    subject_access.record_request(admin, woman, received_on=clock.today())
    (due,) = [r for r in reminders.due() if r.kind == "subject_access"]
    assert "Hodan" not in due.text and "confidential" in due.text and not due.overdue


def test_a_bad_date_writes_nothing(admin):
    woman = factories.person(admin)
    for bad in (None, "soon", clock.today() + timedelta(days=1)):
        with pytest.raises(ValidationError) as error:
            subject_access.record_request(admin, woman, received_on=bad)
        assert error.value.field == "received_on"
    assert SubjectAccessRequest.select().count() == 0
