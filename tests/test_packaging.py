"""What the wheel must carry: the forms, the resources and the migrations."""

from housing_desk import paths
from housing_desk.data.database import MIGRATIONS


def test_forms_and_resources_are_found():
    assert paths.form("main_window").is_file()
    assert paths.resource("icons", "housing-desk.svg").is_file()


def test_migrations_are_numbered_scripts():
    names = sorted(p.name for p in MIGRATIONS.glob("[0-9]*.py"))
    assert names and names[0].startswith("0001_")


def test_the_one_folder_build_carries_what_the_program_reads_from_files():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    spec = (root / "packaging" / "housing-desk.spec").read_text(encoding="utf-8")
    for carried in ('"forms"', '"resources"', '"migrations"', '"housing_desk/forms"'):
        assert carried in spec
    entry = (root / "packaging" / "housing-desk.desktop").read_text(encoding="utf-8")
    assert "Exec=" in entry and "Icon=housing-desk" in entry
