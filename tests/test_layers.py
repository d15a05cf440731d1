"""The data, services and documents layers never import Qt; documents never import peewee."""

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
