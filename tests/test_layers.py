"""The layers point one way (data <- services <- ui); the core never imports Qt; documents never
import peewee."""

import ast
from pathlib import Path

import housing_desk

PACKAGE = Path(housing_desk.__file__).parent


def imported_modules(folder: Path):
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield path, alias.name
            elif isinstance(node, ast.ImportFrom) and node.module:
                yield path, node.module
                for alias in node.names:  # from housing_desk import services
                    yield path, f"{node.module}.{alias.name}"


def test_core_layers_never_import_qt():
    for layer in ("data", "services", "documents"):
        offenders = [
            f"{path.relative_to(PACKAGE)} imports {name}"
            for path, name in imported_modules(PACKAGE / layer)
            if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt6", "PyQt5")
        ]
        assert not offenders, offenders


def test_documents_never_import_peewee_or_the_data_layer():
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path, name in imported_modules(PACKAGE / "documents")
        if name.split(".")[0] in ("peewee", "playhouse") or name.startswith("housing_desk.data")
    ]
    assert not offenders, offenders


def test_the_ui_never_touches_peewee_directly():
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path, name in imported_modules(PACKAGE / "ui")
        if name.split(".")[0] in ("peewee", "playhouse")
    ]
    assert not offenders, offenders


def test_each_layer_imports_only_the_layers_below_it():
    above = {
        "data": ("housing_desk.services", "housing_desk.ui", "housing_desk.documents"),
        "documents": ("housing_desk.services", "housing_desk.ui"),
        "services": ("housing_desk.ui",),
    }
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for layer, forbidden in above.items()
        for path, name in imported_modules(PACKAGE / layer)
        if name.startswith(forbidden)
    ]
    assert not offenders, offenders


def test_today_is_read_only_through_the_clock():
    # date.today() read anywhere else would ignore a held day (a test run across midnight).
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "clock.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "today"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in ("date", "datetime")
            ):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not offenders, offenders
