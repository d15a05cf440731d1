"""What the wheel must carry: the forms, the resources and the migrations."""

from housing_desk import paths
from housing_desk.data.database import MIGRATIONS


def test_forms_and_resources_are_found():
    assert paths.form("main_window").is_file()
    assert paths.resource("icons", "housing-desk.svg").is_file()


def test_migrations_are_numbered_scripts():
    names = sorted(p.name for p in MIGRATIONS.glob("[0-9]*.py"))
    assert names and names[0].startswith("0001_")
