"""Every window and command reads her details through a service, naming who is asking.

The source of the UI and the command line is walked (not run): each call of a read in the
inventory (``tests/services/her_reads.py``) must pass the signed-in user, first or as
``actor=``, as that read's contract says; the reads meant for other services only are never
called from here.
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

from tests.services import her_reads

PACKAGE = Path(__file__).resolve().parents[2] / "housing_desk"
SOURCES = [
    *sorted((PACKAGE / "ui").glob("*.py")),
    PACKAGE / "cli.py",
    PACKAGE / "cli_spreadsheets.py",
    PACKAGE / "app.py",
]
# How the windows hold the signed-in user: actor, self.actor, panel.actor, self.wizard_.actor,
# self.user.
_THE_USER = re.compile(r"(^|\.)(actor|user)$")


def _service_names(tree: ast.AST) -> dict[str, tuple[str, str | None]]:
    """Local name -> (services module, function or None for the module itself)."""
    found: dict[str, tuple[str, str | None]] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or not node.module:
            continue
        if node.module == "housing_desk.services":
            for alias in node.names:
                found[alias.asname or alias.name] = (alias.name, None)
        elif node.module.startswith("housing_desk.services."):
            module = node.module.rsplit(".", 1)[1]
            for alias in node.names:
                found[alias.asname or alias.name] = (module, alias.name)
    return found


def _defined_as(module: str, name: str) -> str:
    """``module.name`` as the function is defined (``licences.checklist`` is
    ``signup.checklist``)."""
    found = getattr(importlib.import_module(f"housing_desk.services.{module}"), name, None)
    defined_in = getattr(found, "__module__", "") or ""
    if callable(found) and defined_in.startswith("housing_desk.services."):
        return f"{defined_in.rsplit('.', 1)[1]}.{found.__name__}"
    return f"{module}.{name}"


def reads_called(source: str) -> list[tuple[int, str, ast.Call]]:
    """(line, read, call) for every call of a service function in ``source``."""
    tree = ast.parse(source)
    local = _service_names(tree)
    calls = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            module, function = local.get(func.value.id, (None, None))
            if module is not None and function is None:
                calls.append((node.lineno, _defined_as(module, func.attr), node))
        elif isinstance(func, ast.Name) and func.id in local:
            module, function = local[func.id]
            if function is not None:
                calls.append((node.lineno, _defined_as(module, function), node))
    return calls


def _names_the_user(node: ast.expr | None) -> bool:
    return node is not None and bool(_THE_USER.search(ast.unparse(node)))


def problems_in(source: str, where: str) -> list[str]:
    problems = []
    for line, read, call in reads_called(source):
        if read in her_reads.SERVICE_ONLY:
            problems.append(f"{where}:{line}: {read} is for services only")
        if read not in her_reads.READS:
            continue
        if her_reads.READS[read].keyword:
            given = next((k.value for k in call.keywords if k.arg == "actor"), None)
        else:
            given = call.args[0] if call.args else None
        if not _names_the_user(given):
            problems.append(f"{where}:{line}: {read} is called without the signed-in user")
    return problems


def test_every_read_in_the_windows_and_commands_names_the_signed_in_user():
    problems = []
    for path in SOURCES:
        problems += problems_in(path.read_text(encoding="utf-8"), path.name)
    assert problems == []


def test_the_walk_finds_the_windows_reads():
    """Not a walk that sees nothing: the board, the lists and her page read through it."""
    seen = {
        read
        for path in SOURCES
        for _line, read, _call in reads_called(path.read_text(encoding="utf-8"))
        if read in her_reads.READS
    }
    assert {
        "people.get_person",
        "people_list.people_page",
        "allocations.candidates",
        "offer_list.offers",
        "licences.get_licence",
        "licence_register.list_licences",
        "signup.checklist",
        "support_plans.current_plan",
        "reminders.due",
        "availability.availability",
        "arrears.statement",
        "waiting_list.waiting_list",
    } <= seen


def test_a_read_without_the_user_is_caught():
    source = """
from housing_desk.services import allocations, licences, reminders
from housing_desk.services.people import get_person

def show(self, flat, licence_id, person_id):
    allocations.candidates(flat)
    licences.get_licence(licence_id)
    licences.stored_licence(licence_id)
    reminders.due(actor=None)
    get_person(person_id, self.actor)
    licences.checklist(self.actor, licence_id)
"""
    assert [p.split(": ", 1)[1] for p in problems_in(source, "x.py")] == [
        "allocations.candidates is called without the signed-in user",
        "licences.get_licence is called without the signed-in user",
        "licences.stored_licence is for services only",
        "reminders.due is called without the signed-in user",
        "people.get_person is called without the signed-in user",
    ]
