"""Reminders from the tenancy's life: keywork overdue, and a first support plan within 48 hours
of moving in. Part of ``reminders.due``."""

from __future__ import annotations

from datetime import date, timedelta

from peewee import fn

from housing_desk.data.models import KeyworkSession, Licence, Person, SupportPlan
from housing_desk.data.rows import plain_rows, to_date
from housing_desk.services import keywork, settings
from housing_desk.services.reminders import _WHO, Reminder, _name
from housing_desk.services.validation import uk_date

FIRST_PLAN_DAYS = 2  # 48 hours from moving in


def due(on: date) -> list[Reminder]:
    return _keywork_overdue(on) + _first_plans(on)


def _keywork_overdue(on: date) -> list[Reminder]:
    days = settings.keywork_overdue_days()
    last = {
        licence_id: to_date(held_on)
        for licence_id, held_on in plain_rows(
            KeyworkSession.select(KeyworkSession.licence, fn.MAX(KeyworkSession.held_on))
            .where(KeyworkSession.kind.in_(keywork.ATTENDED) & (KeyworkSession.held_on <= on))
            .group_by(KeyworkSession.licence)
        )
    }
    found = []
    query = (
        Licence.select(Licence.id, Licence.start_date, *_WHO)
        .join(Person)
        .where(Licence.status.in_(("active", "notice")) & (Licence.start_date <= on))
    )
    for licence_id, start, *who in plain_rows(query):
        start, last_held = to_date(start), last.get(licence_id)
        since = last_held or start
        if since >= on - timedelta(days=days):
            continue
        said = (
            f"last session {uk_date(last_held)}"
            if last_held
            else f"no session since she moved in on {uk_date(start)}"
        )
        found.append(
            Reminder(
                "keywork",
                f"Keywork overdue for {_name(*who)}: {said}",
                since + timedelta(days=days),
                True,
                "licence",
                licence_id,
            )
        )
    return found


def _first_plans(on: date) -> list[Reminder]:
    has_plan = SupportPlan.select(SupportPlan.licence)
    query = (
        Licence.select(Licence.id, Licence.start_date, *_WHO)
        .join(Person)
        .where(
            (Licence.status != "ended") & (Licence.start_date <= on) & Licence.id.not_in(has_plan)
        )
    )
    found = []
    for licence_id, start, *who in plain_rows(query):
        due_on = to_date(start) + timedelta(days=FIRST_PLAN_DAYS)
        found.append(
            Reminder(
                "first_plan",
                f"First support plan with {_name(*who)} due by {uk_date(due_on)} "
                "(within 48 hours of moving in)",
                due_on,
                due_on < on,
                "licence",
                licence_id,
            )
        )
    return found
