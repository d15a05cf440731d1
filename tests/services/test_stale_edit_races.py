"""Two officers save the same record, both from the version they opened, while a third session
holds its row: one save is stored, the other is refused with ConflictError, and the database
holds exactly the first one's change (never "saved" for a change that is not there)."""

from datetime import date

import pytest

from housing_desk.data.models import Flat, Goal, Partner, Person, SupportPlan
from housing_desk.services import flats, licences, partners, people, support_plans
from housing_desk.services.errors import ConflictError
from tests import factories, races

pytestmark = pytest.mark.parametrize("round_", range(races.ROUNDS))


def _woman(admin, partner):
    return factories.person(admin, given_name="Ana", family_name="Lopes")


def _goal(admin, partner):
    home = factories.certified_flat(admin, partner)
    woman = factories.ready_woman(admin, given_name="Mirela", family_name="Stan")
    licence = licences.create_licence(admin, woman, home, start_date=date(2025, 2, 1))
    plan = support_plans.create_plan(admin, licence)
    return support_plans.add_goal(
        admin, plan, domain="", need="A bank account", action="Visit", owner="", target_date=None
    )


def _plan(admin, partner):
    return support_plans.plans_for(admin, _goal(admin, partner).plan)[0]


# record maker, model, table, the two edits (field, value), how a service saves one
CASES = {
    "person": (
        _woman,
        Person,
        "person",
        ("do_not_disclose", True),
        ("phone", "07700 900002"),
        lambda actor, record, field, value: people.update_person(actor, record, **{field: value}),
    ),
    "flat": (
        lambda admin, partner: factories.flat(admin, partner),
        Flat,
        "flat",
        ("bedrooms", 2),
        ("floor", 3),
        lambda actor, record, field, value: flats.update_flat(actor, record, **{field: value}),
    ),
    "partner": (
        lambda admin, partner: partner,
        Partner,
        "partner",
        ("phone", "01604 000001"),
        ("email", "lettings@example.org"),
        lambda actor, record, field, value: partners.update_partner(
            actor, record, **{field: value}
        ),
    ),
    "goal": (
        _goal,
        Goal,
        "goal",
        ("action", "Open a basic account with her"),
        ("owner", "Her keyworker"),
        lambda actor, record, field, value: support_plans.update_goal(
            actor, record, **{field: value}
        ),
    ),
    "support plan": (
        _plan,
        SupportPlan,
        "support_plan",
        ("risk_to_self", "Agreed with her: check in daily"),
        ("risk_from_others", "Police marker on the address"),
        lambda actor, record, field, value: support_plans.set_risks(
            actor, record, **{field: value}
        ),
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_two_saves_from_one_version_one_is_stored_one_refused(admin, partner, db, case, round_):
    make, model, table, first, second, save = CASES[case]
    manager = factories.user(admin, "manager")
    record = make(admin, partner)
    opened = model.get_by_id(record.id)  # both officers opened it at this version
    results = races.race(
        db,
        [
            lambda: save(admin, opened, *first),
            lambda: save(manager, opened, *second),
        ],
        table=table,
        row_id=record.id,
    )
    winners, losers = races.outcome(results, model, ConflictError)
    assert len(winners) == 1 and len(losers) == 1
    stored = model.get_by_id(record.id)
    assert stored.version == opened.version + 1
    won = first if results[0] is winners[0] else second
    lost = second if won is first else first
    assert getattr(stored, won[0]) == won[1]
    assert getattr(stored, lost[0]) == getattr(opened, lost[0])
    assert "since you opened it" in losers[0].message


@pytest.mark.parametrize("case", list(CASES))
def test_a_save_from_an_old_version_is_refused(admin, partner, case, round_):
    make, model, _table, first, second, save = CASES[case]
    record = make(admin, partner)
    opened = model.get_by_id(record.id)
    save(admin, opened, *first)
    with pytest.raises(ConflictError):
        save(admin, opened, *second)
    stored = model.get_by_id(record.id)
    assert getattr(stored, second[0]) == getattr(opened, second[0])
