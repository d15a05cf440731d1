"""Every read of her details takes the acting user and applies the viewer rules in the service.

The reads are the inventory in ``her_reads``; each rule is checked against all of them on one
world (her whole record, and a confidential woman waiting), and a failure names every read that
breaks it.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
from datetime import date
from pathlib import Path

import peewee
import pytest

from housing_desk.data.models import AuditEvent
from housing_desk.services import people, users
from housing_desk.services.errors import PermissionDenied
from tests import factories
from tests.services import her_reads

SERVICES = Path(__file__).resolve().parents[2] / "housing_desk" / "services"


def texts_in(value, seen=None) -> list[str]:
    """Every piece of text in what a service returned: rows, dataclasses, lists, and the
    records a row carries with it."""
    seen = {} if seen is None else seen  # id -> the object, kept alive so no id is reused
    if id(value) in seen:
        return []
    seen[id(value)] = value
    if isinstance(value, str):
        return [value]
    if isinstance(value, bytes) or value is None:
        return []
    if isinstance(value, peewee.Model):
        found = texts_in(list(value.__data__.values()), seen)
        return found + texts_in(list(value.__rel__.values()), seen)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return texts_in([getattr(value, f.name) for f in dataclasses.fields(value)], seen)
    if isinstance(value, dict):
        return texts_in(list(value.keys()) + list(value.values()), seen)
    if isinstance(value, (list, tuple, set, frozenset)):
        return [text for item in value for text in texts_in(item, seen)]
    return []


def hidden_in(result) -> list[str]:
    joined = "\n".join(texts_in(result))
    return [text for text in her_reads.ALL_HIDDEN if text in joined]


@pytest.fixture
def world(admin, partner):
    return her_reads.build(admin, partner)


def test_a_viewer_reads_no_notes_risks_or_summaries_through_any_read(admin, world):
    viewer = factories.user(admin, "viewer")
    problems = []
    for name, read in her_reads.READS.items():
        if not read.viewer:
            try:
                read.call(viewer, world)
            except PermissionDenied:
                continue
            problems.append(f"{name}: a viewer was not refused")
            continue
        result = read.call(viewer, world)
        if result is None or result == []:
            problems.append(f"{name}: returned nothing to look at")
        leaked = hidden_in(result)
        if leaked:
            problems.append(f"{name}: a viewer read {leaked}")
    assert problems == []


def test_an_officer_still_reads_everything(admin, world):
    """The viewer test means something: the same reads give an officer the notes."""
    officer = factories.user(admin, "officer")
    readers = {
        name
        for name, read in her_reads.READS.items()
        if read.viewer and hidden_in(read.call(officer, world))
    }
    assert {
        "people.get_person",
        "referrals.open_referral",
        "referrals.for_person",
        "offer_list.get_offer",
        "offer_list.pending_offer_of_flat",
        "licences.get_licence",
        "signup.keys",
        "support_plans.get_plan",
        "support_plans.current_plan",
        "support_plans.plans_for",
        "support_plans.goals",
        "keywork.sessions",
        "keywork.get_session",
        "incidents.incidents",
        "incidents.get_incident",
        "tenancy_warnings.warnings_for",
        "tenancy_warnings.get_warning",
        "housing_benefit.decisions",
        "access_requests.requests",
        "access_requests.get_request",
    } <= readers


def test_no_one_signed_in_is_refused_or_reads_only_what_a_shared_screen_may_show(admin, world):
    problems = []
    for name, read in her_reads.READS.items():
        if not read.keyword:
            try:
                read.call(None, world)
            except PermissionDenied:
                continue
            problems.append(f"{name}: read without anyone signed in")
            continue
        result = read.call(None, world)
        joined = "\n".join(texts_in(result))
        if hidden_in(result):
            problems.append(f"{name}: notes without anyone signed in: {hidden_in(result)}")
        if her_reads.WAITING["family_name"] in joined:
            problems.append(f"{name}: named a confidential woman without anyone signed in")
    assert problems == []


def test_a_deactivated_account_reads_nothing(admin, world):
    officer = factories.user(admin, "officer")
    users.set_active(admin, officer, active=False)
    problems = []
    for name, read in her_reads.READS.items():
        try:
            read.call(officer, world)
        except PermissionDenied:
            continue
        problems.append(name)
    assert problems == []


def test_reading_a_confidential_record_in_full_is_audited_as_a_view(admin, world):
    people.update_person(admin, world.person, do_not_disclose=True)
    officer = factories.user(admin, "officer")
    problems = []
    for name, read in her_reads.READS.items():
        before = _views(world.person.id)
        try:
            read.call(officer, world)
        except PermissionDenied:  # a manager's read: none of them returns her whole record
            if read.full_record:
                problems.append(f"{name}: an officer was refused")
            continue
        audited = _views(world.person.id) - before
        if read.full_record and audited != 1:
            problems.append(f"{name}: {audited} views recorded, not 1")
        if not read.full_record and audited:
            problems.append(f"{name}: recorded {audited} views of a list or a part")
    assert problems == []


def _views(person_id: int) -> int:
    return (
        AuditEvent.select()
        .where(
            (AuditEvent.entity == "person")
            & (AuditEvent.entity_id == person_id)
            & (AuditEvent.action == "view")
        )
        .count()
    )


def test_the_confidential_waiting_woman_stays_off_a_shared_screen(admin, world):
    """The two lists the board shows, read as the board reads them."""
    from housing_desk.services import allocations, reminders

    (candidate,) = allocations.candidates(world.other_flat)
    assert candidate.name == "a resident (confidential)"
    assert allocations.candidates(world.other_flat, actor=admin)[0].name.startswith("Hodan")
    assert not any("Warsame" in r.text for r in reminders.due(date(2027, 6, 1), actor=admin))


def _public_functions():
    for path in sorted(SERVICES.glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                params = [a.arg for a in (*node.args.posonlyargs, *node.args.args)]
                keywords = [a.arg for a in node.args.kwonlyargs]
                yield path.stem, node.name, params, keywords


def test_every_public_service_function_is_in_the_inventory_or_says_why_not():
    """A read added later without the actor fails here until it takes one or is listed."""
    unlisted = [
        f"{module}.{name}"
        for module, name, params, keywords in _public_functions()
        if "actor" not in params + keywords
        and f"{module}.{name}" not in her_reads.READS
        and f"{module}.{name}" not in her_reads.SERVICE_ONLY
        and not her_reads.not_hers(module, name)
    ]
    assert unlisted == []


def test_each_read_takes_the_actor_where_its_contract_says():
    wrong = []
    for name, read in her_reads.READS.items():
        module, function = name.split(".")
        found = getattr(importlib.import_module(f"housing_desk.services.{module}"), function)
        parameters = inspect.signature(found).parameters
        if read.keyword:
            actor = parameters.get("actor")
            if actor is None or actor.kind is not inspect.Parameter.KEYWORD_ONLY:
                wrong.append(f"{name}: actor is not keyword-only")
            elif actor.default is not None:
                wrong.append(f"{name}: actor must be optional (a stable name)")
        elif next(iter(parameters)) != "actor":
            wrong.append(f"{name}: the acting user does not come first")
    assert wrong == []
