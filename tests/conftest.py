"""Shared fixtures: a fresh database for every test, SQLite or PostgreSQL."""

import os

# Qt must run without a screen, and know it before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from tests import factories  # noqa: E402
from tests.databases import fresh_database  # noqa: E402


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
