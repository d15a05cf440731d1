"""Shared fixtures: a fresh database for every test, SQLite or PostgreSQL."""

import os
import tempfile

# Qt must run without a screen, and know it before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Settings, the default database and logs go to a throwaway home, never the tester's own.
_HOME = tempfile.mkdtemp(prefix="housing-desk-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")
os.environ.pop("HOUSING_DESK_DATABASE_URL", None)

import pytest  # noqa: E402

from housing_desk import clock  # noqa: E402
from housing_desk.services import users  # noqa: E402
from tests import factories  # noqa: E402
from tests.databases import fresh_database, on_postgresql  # noqa: E402


def pytest_collection_modifyitems(config, items):
    """Leave out the tests of the other engine's own behaviour (see the markers in pyproject)."""
    other = "sqlite_only" if on_postgresql() else "postgresql_only"
    left_out = [item for item in items if item.get_closest_marker(other)]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if not item.get_closest_marker(other)]


@pytest.fixture
def db(tmp_path):
    """A migrated, empty database bound to the models, closed afterwards."""
    with fresh_database(tmp_path) as database:
        yield database


@pytest.fixture
def admin(db):
    return factories.admin()


@pytest.fixture
def partner(admin):
    return factories.partner(admin)


@pytest.fixture
def flat(admin, partner):
    return factories.flat(admin, partner)


# Accounts are made by the thousand in tests: hash their passwords cheaply. The application's
# own setting (users.PASSWORD_HASHING) is tested as it ships in tests/services/test_users.py.
users.use_password_hashing(time_cost=1, memory_cost=8, parallelism=1)
# One today for the whole run, even one that crosses midnight (tests compute dates from it).
clock.hold(clock.today())
