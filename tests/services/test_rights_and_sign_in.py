"""Rights follow the account as it is stored now; failed sign-ins are audited and cost the same
work whether or not the name has an account."""

from datetime import date

import pytest

from housing_desk.data.models import AuditEvent, Person, Referral, User
from housing_desk.services import audit, people, permissions, referrals, users
from housing_desk.services.errors import PermissionDenied, ValidationError
from tests import factories


def test_a_deactivated_account_loses_its_rights_at_once(admin):
    officer = factories.user(admin, "officer")  # signed in: this object is her session's
    people.create_person(officer, given_name="Ana", family_name="Lopes")
    users.set_active(admin, User.get_by_id(officer.id), active=False)
    with pytest.raises(PermissionDenied):
        people.create_person(officer, given_name="Bea", family_name="Lopes")
    assert Person.select().count() == 1
    assert not permissions.allowed(officer, "view")


def test_a_demoted_account_loses_its_rights_at_once(admin):
    manager = factories.user(admin, "manager")
    woman = factories.person(admin)
    referral = referrals.create_referral(admin, woman, received_on=date(2026, 1, 5), source="self")
    users.set_role(admin, User.get_by_id(manager.id), role="officer")
    with pytest.raises(PermissionDenied):
        referrals.decide(manager, referral, decision="accepted")
    assert manager.role == "officer"  # her session now shows what she may do
    assert Referral.get_by_id(referral.id).status == "received"


def test_a_promoted_account_gains_its_rights_at_once(admin):
    officer = factories.user(admin, "officer")
    assert not permissions.allowed(officer, "manage_flats")
    users.set_role(admin, User.get_by_id(officer.id), role="manager")
    assert permissions.allowed(officer, "manage_flats")


def test_an_administrator_removed_cannot_remove_the_last_one(admin):
    """The rule is checked on the stored account, not the copy the caller holds."""
    other = users.create_user(
        admin, username="bola", full_name="Bola Ade", role="admin", password=factories.PASSWORD
    )
    stale_copy = User.get_by_id(admin.id)
    users.set_role(other, User.get_by_id(admin.id), role="manager")
    with pytest.raises(PermissionDenied):
        users.set_active(stale_copy, other, active=False)
    with pytest.raises(ValidationError) as error:
        users.set_role(other, other, role="manager")
    assert error.value.field == "role"
    assert User.select().where((User.role == "admin") & User.active).count() == 1


def _logins():
    return [e for e in audit.events("user") if e.action == "login"]


def test_a_sign_in_with_an_unknown_name_is_audited_without_the_name(admin):
    with pytest.raises(PermissionDenied) as error:
        users.authenticate("zofia.typed-name", "some password or other")
    assert error.value.message == users.WRONG_PASSWORD
    last = _logins()[-1]
    assert (last.actor, last.entity_id, last.changes) == ("", None, {"result": "unknown name"})
    stored = [row.changes for row in AuditEvent.select()]
    assert not any("zofia" in changes for changes in stored)


def test_a_sign_in_to_a_deactivated_account_is_audited(admin):
    officer = factories.user(admin, "officer")
    users.set_active(admin, officer, active=False)
    with pytest.raises(PermissionDenied) as error:
        users.authenticate("officer1", factories.PASSWORD)
    assert error.value.message == users.WRONG_PASSWORD
    last = _logins()[-1]
    assert (last.entity_id, last.changes) == (officer.id, {"result": "deactivated"})


def test_unknown_and_known_names_cost_the_same_password_check(admin, monkeypatch):
    """Timing must not tell whether a name has an account: both check one argon2 hash made
    with the same parameters."""
    checked = []
    original = users._matches

    def spy(hasher, password_hash, password):
        checked.append(hasher.check_needs_rehash(password_hash))
        return original(hasher, password_hash, password)

    monkeypatch.setattr(users, "_matches", spy)
    for name in ("amara", "nobody-here"):
        with pytest.raises(PermissionDenied):
            users.authenticate(name, "not the password")
    assert checked == [False, False]


def test_the_count_goes_on_from_where_it_is_stored(admin):
    """An attempt is counted before its password is checked: five already counted, the next
    attempt locks the account without checking it."""
    User.update(failed_attempts=users.MAX_FAILED_ATTEMPTS).where(User.id == admin.id).execute()
    with pytest.raises(PermissionDenied) as error:
        users.authenticate("amara", factories.PASSWORD)
    assert "locked" in error.value.message
    assert User.get_by_id(admin.id).locked_until is not None
