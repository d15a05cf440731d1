"""Accounts: the first administrator, argon2 hashes, signing in."""

import pytest

from housing_desk.data.models import User
from housing_desk.services import audit, users
from housing_desk.services.errors import PermissionDenied, ValidationError
from tests import factories


def test_first_admin_needs_no_actor_and_password_is_hashed(db):
    user = factories.admin()
    stored = User.get_by_id(user.id)
    assert stored.role == "admin"
    assert stored.password_hash.startswith("$argon2id$")
    assert factories.PASSWORD not in stored.password_hash


def test_only_the_first_account_may_be_created_without_an_actor(admin):
    with pytest.raises(PermissionDenied):
        users.create_user(None, username="second", full_name="S", role="admin", password="x" * 12)
    assert User.select().count() == 1


def test_first_account_must_be_an_administrator(db):
    with pytest.raises(ValidationError) as error:
        users.create_user(None, username="first", full_name="F", role="officer", password="x" * 12)
    assert error.value.field == "role"


def test_admin_creates_accounts_others_cannot(admin):
    officer = factories.user(admin, "officer")
    with pytest.raises(PermissionDenied):
        users.create_user(officer, username="x", full_name="X", role="viewer", password="x" * 12)


@pytest.mark.parametrize(
    "field, value",
    [
        ("username", ""),
        ("username", "two words"),
        ("full_name", " "),
        ("role", "superuser"),
        ("password", "short"),
    ],
)
def test_account_fields_are_checked(admin, field, value):
    values = {
        "username": "bea",
        "full_name": "Bea Novak",
        "role": "officer",
        "password": "long enough pass",
    }
    values[field] = value
    with pytest.raises(ValidationError) as error:
        users.create_user(admin, **values)
    assert error.value.field == field


def test_usernames_are_unique_ignoring_case(admin):
    with pytest.raises(ValidationError) as error:
        users.create_user(admin, username="AMARA", full_name="A", role="viewer", password="x" * 12)
    assert error.value.field == "username"


def test_authenticate_signs_in_and_records_it(admin):
    user = users.authenticate(" Amara ", factories.PASSWORD)
    assert user.id == admin.id
    assert user.last_login_at is not None
    assert audit.events("user", admin.id)[-1].changes == {"result": "signed in"}


@pytest.mark.parametrize(
    "username, password",
    [("amara", "wrong password"), ("nobody", factories.PASSWORD), ("amara", "")],
)
def test_wrong_name_or_password_is_refused_the_same_way(admin, username, password):
    with pytest.raises(PermissionDenied) as error:
        users.authenticate(username, password)
    assert "do not match" in error.value.message


def test_failed_sign_in_is_audited(admin):
    with pytest.raises(PermissionDenied):
        users.authenticate("amara", "wrong password")
    assert audit.events("user", admin.id)[-1].changes == {"result": "failed"}


def test_inactive_account_cannot_sign_in(admin):
    User.update(active=False).where(User.id == admin.id).execute()
    with pytest.raises(PermissionDenied):
        users.authenticate("amara", factories.PASSWORD)


def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes(admin):
    from datetime import timedelta

    from housing_desk.data.fields import utc_now

    for _ in range(5):
        with pytest.raises(PermissionDenied):
            users.authenticate("amara", "wrong password")
    with pytest.raises(PermissionDenied) as error:
        users.authenticate("amara", factories.PASSWORD)  # the right password, but locked
    assert "locked" in error.value.message
    assert audit.events("user", admin.id)[-1].changes == {"result": "locked"}
    User.update(locked_until=utc_now() - timedelta(seconds=1)).where(User.id == admin.id).execute()
    assert users.authenticate("amara", factories.PASSWORD).id == admin.id
    assert User.get_by_id(admin.id).failed_attempts == 0


def test_a_right_password_clears_the_count(admin):
    for _ in range(4):
        with pytest.raises(PermissionDenied):
            users.authenticate("amara", "wrong password")
    users.authenticate("amara", factories.PASSWORD)
    with pytest.raises(PermissionDenied) as error:
        users.authenticate("amara", "wrong password")
    assert "locked" not in error.value.message


def test_change_reset_and_deactivate(admin):
    officer = factories.user(admin, "officer")
    with pytest.raises(ValidationError) as error:
        users.change_password(officer, current_password="nope", new_password="a new long password")
    assert error.value.field == "current_password"
    users.change_password(
        officer, current_password=factories.PASSWORD, new_password="a new long password"
    )
    assert users.authenticate("officer1", "a new long password").id == officer.id
    with pytest.raises(PermissionDenied):
        users.reset_password(officer, admin, new_password="x" * 12)
    users.reset_password(admin, officer, new_password="reset by the admin")
    assert users.authenticate("officer1", "reset by the admin").id == officer.id
    users.set_active(admin, officer, active=False)
    with pytest.raises(PermissionDenied):
        users.authenticate("officer1", "reset by the admin")
    assert User.get_by_id(officer.id).username == "officer1"  # kept, never deleted
    with pytest.raises(ValidationError):
        users.set_active(admin, admin, active=False)


@pytest.fixture
def shipped_hashing():
    """The argon2 parameters Housing Desk ships with (the suite hashes cheaply otherwise)."""
    cheap = dict(users.PASSWORD_HASHING)
    users.use_password_hashing(time_cost=2, memory_cost=19_456, parallelism=1)
    yield
    users.use_password_hashing(**cheap)


def test_a_password_made_with_other_settings_is_upgraded_at_sign_in(admin, shipped_hashing):
    assert "m=8,t=1,p=1" in User.get_by_id(admin.id).password_hash  # made by the cheap setting
    users.authenticate(admin.username, factories.PASSWORD)
    assert "$argon2id$v=19$m=19456,t=2,p=1$" in User.get_by_id(admin.id).password_hash


def test_unlocking_names_a_wrong_password_on_its_field_and_counts_it(admin):
    with pytest.raises(ValidationError) as refused:
        users.unlock(admin, "wrong password")
    assert refused.value.field == "password"
    assert "not your password" in refused.value.message
    assert User.get_by_id(admin.id).failed_attempts == 1
    assert users.unlock(admin, factories.PASSWORD).id == admin.id
