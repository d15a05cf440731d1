"""Accounts under concurrency: the last administrators, and guesses at a password arriving at
once. A third session holds the account's row while the writers queue behind it."""

import pytest

from housing_desk.data.models import User
from housing_desk.services import users
from housing_desk.services.errors import DomainError, PermissionDenied
from tests import factories, races

pytestmark = pytest.mark.parametrize("round_", range(races.ROUNDS))


def _two_admins(admin):
    other = users.create_user(
        admin, username="bola", full_name="Bola Ade", role="admin", password=factories.PASSWORD
    )
    return admin, other


def _active_admins():
    return User.select().where((User.role == "admin") & User.active).count()


@pytest.mark.parametrize(
    "change",
    [
        ("deactivate", lambda actor, user: users.set_active(actor, user, active=False)),
        ("demote", lambda actor, user: users.set_role(actor, user, role="manager")),
    ],
    ids=lambda change: change[0],
)
def test_the_last_two_administrators_cannot_remove_each_other_at_once(admin, db, change, round_):
    first, second = _two_admins(admin)
    _name, act = change
    results = races.race(
        db,
        [lambda: act(first, second), lambda: act(second, first)],
        table="app_user",
        row_id=first.id,
    )
    winners, losers = races.outcome(results, User, DomainError)
    assert len(winners) == 1 and len(losers) == 1
    assert _active_admins() == 1


def test_one_deactivates_the_other_while_the_other_demotes_the_first(admin, db, round_):
    first, second = _two_admins(admin)
    results = races.race(
        db,
        [
            lambda: users.set_active(first, second, active=False),
            lambda: users.set_role(second, first, role="officer"),
        ],
        table="app_user",
        row_id=first.id,
    )
    winners, losers = races.outcome(results, User, DomainError)
    assert len(winners) == 1 and len(losers) == 1
    assert _active_admins() == 1


ATTEMPTS = 8


def test_guesses_arriving_together_check_five_passwords_at_most(admin, db, round_):
    def guess():
        return users.authenticate("amara", "not the password")

    results = races.race(db, [guess] * ATTEMPTS, table="app_user", row_id=admin.id)
    assert all(isinstance(r, PermissionDenied) for r in results), results
    checked = [r for r in results if r.message == users.WRONG_PASSWORD]
    locked = [r for r in results if "locked" in r.message]
    assert len(checked) == users.MAX_FAILED_ATTEMPTS
    assert len(locked) == ATTEMPTS - users.MAX_FAILED_ATTEMPTS
    with pytest.raises(PermissionDenied) as error:
        users.authenticate("amara", factories.PASSWORD)  # the right password, but locked
    assert "locked" in error.value.message
