"""Fictional women at every stage from referral to the waiting list, for the demo database.

Names reflect the many backgrounds of women met in UK outreach work; every person,
date and detail here is invented.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from housing_desk.services import assessments, people, referrals, users

if TYPE_CHECKING:
    from collections.abc import Callable

    from housing_desk.data.models import Person, User

STAFF = (
    ("grace", "Grace Adeyemi", "officer"),
    ("marta", "Marta Nowak", "officer"),
    ("leanne", "Leanne Price", "officer"),
    ("priya", "Priya Shah", "manager"),
)

# given, family, preferred, stage, confidential
WOMEN = (
    ("Agnieszka", "Wójcik", "Aga", "waiting", False),
    ("Ioana", "Popescu", "", "waiting", False),
    ("Erzsébet", "Kovács", "Erzsi", "assessing", False),
    ("Ayşe", "Yılmaz", "", "waiting", True),
    ("Siobhán", "Ní Bhriain", "", "received", False),
    ("Kateřina", "Dvořáková", "Katka", "declined", False),
    ("Rūta", "Kazlauskienė", "", "waiting", False),
    ("Hodan", "Warsame", "", "assessing", True),
    ("Chiamaka", "Eze", "Chi", "waiting", False),
    ("Abena", "Mensah", "", "withdrawn", False),
    ("Ayesha", "Iqbal", "", "waiting", True),
    ("Nguyễn Thị", "Lan", "Lan", "received", False),
    ("Ilze", "Bērziņa", "", "assessing", False),
    ("Radostina", "Petrova", "Rada", "waiting", False),
    ("Conceição", "Ferreira", "", "declined", False),
    ("Eilidh", "MacLeod", "", "waiting", False),
    ("Ffion", "Llywelyn", "", "not_referred", False),
    ("Shannon", "Kelly", "", "waiting", False),
    ("Jade", "Thompson", "", "assessing", False),
    ("Kayleigh", "Marsh", "Kay", "withdrawn", False),
    ("Chantelle", "Robinson", "", "waiting", False),
    ("Danielle", "Hughes", "Dani", "received", False),
    ("Stacey", "Cartwright", "", "closed", False),
    ("Gemma", "Wilkins", "", "waiting", False),
    ("Tanisha", "Campbell", "", "assessing", False),
    ("Roxana", "Lăcătuș", "", "waiting", True),
    ("Magdalena", "Zielińska", "Magda", "received", False),
    ("Gráinne", "O'Sullivan", "", "not_referred", False),
    ("Samira", "Haddad", "", "declined", False),
    ("Leanne", "Doherty", "", "archived", False),
)
DISTRICTS = ("NN1", "NN2", "NN3", "NN4", "NN5", "NN13", "MK40")
SOURCES = tuple(referrals.SOURCES)
REFERRERS = (
    ("Street outreach team", "Substance to Solution"),
    ("PC Dawn Hale", "Northamptonshire Police"),
    ("", ""),
    ("Maya Brooks", "Women's Aid"),
    ("Dr Ellis", "Drug and alcohol service"),
)


def build(admin: User, today: date, *, progress: Callable[[int, int], object] | None = None) -> int:
    """Create the team's staff and the fictional women; returns how many women."""
    rng = random.Random(20261125)
    staff = {
        username: users.create_user(
            admin,
            username=username,
            full_name=name,
            role=role,
            password=f"demo-{username}-{rng.randrange(10**9)}",
        )
        for username, name, role in STAFF
    }
    officers = [staff["grace"], staff["marta"], staff["leanne"]]
    for index, (given, family, preferred, stage, confidential) in enumerate(WOMEN):
        born = date(today.year - rng.randint(19, 52), rng.randint(1, 12), rng.randint(1, 28))
        person = people.create_person(
            admin,
            given_name=given,
            family_name=family,
            preferred_name=preferred,
            date_of_birth=born,
            phone=f"07700 900{index:03d}",
            safe_contact=rng.choice(
                (
                    "Text only",
                    "Call her keyworker first",
                    "Through the outreach hub",
                    "Phone; say it is the clinic",
                )
            ),
            message_ok=rng.random() < 0.4,
            do_not_disclose=confidential,
            needs_step_free=index % 9 == 4,
            areas_to_avoid=", ".join(rng.sample(DISTRICTS, rng.randint(0, 2))),
            keyworker=officers[index % 3],
            archived=stage == "archived",
            notes="Prefers appointments in the afternoon." if index % 4 == 0 else "",
        )
        _journey(officers[index % 3], staff["priya"], person, stage, today, rng, index)
        if progress:
            progress(index + 1, len(WOMEN))
    return len(WOMEN)


def _journey(
    officer: User,
    manager: User,
    person: Person,
    stage: str,
    today: date,
    rng: random.Random,
    index: int,
) -> None:
    if stage in ("not_referred", "archived"):
        return
    received = today - timedelta(days=rng.randint(20, 260))
    referrer, organisation = REFERRERS[index % len(REFERRERS)]
    referral = referrals.create_referral(
        officer,
        person,
        received_on=received,
        source=SOURCES[index % len(SOURCES)],
        referrer=referrer,
        referrer_organisation=organisation,
        priority=rng.choice((1, 2, 3, 3, 3)),
        notes="Met at the Thursday drop-in." if index % 3 == 0 else "",
    )
    if stage == "received":
        return
    visits = rng.randint(1, 3)
    day = received + timedelta(days=rng.randint(3, 10))
    level = rng.randint(1, 3)
    assessed = day
    for visit in range(visits):
        last = visit == visits - 1
        outcome = _outcome(stage, last, level)
        scores = {
            key: max(1, min(5, level + rng.randint(-1, 1))) for key, _label in assessments.DOMAINS
        }
        assessed = min(day, today)
        assessments.record_assessment(
            officer,
            person,
            assessed_on=assessed,
            scores=scores,
            outcome=outcome,
            evidence={"safety": "Safety plan discussed; knows who to call."},
            risks={
                "to_self": rng.choice(("low", "medium", "high")),
                "from_others": rng.choice(("low", "medium")),
                "to_others": "low",
                "to_tenancy": rng.choice(("low", "medium")),
            },
        )
        day += timedelta(days=rng.randint(25, 50))
        level = min(level + 1, 5)
    decided = min(assessed + timedelta(days=rng.randint(2, 12)), today)
    if stage in ("waiting", "closed"):
        referrals.decide(manager, referral, decision="accepted", decided_on=decided)
        if stage == "closed":
            referrals.close(manager, referral, reason="housed_elsewhere", closed_on=today)
    elif stage == "declined":
        referrals.decide(
            manager,
            referral,
            decision="declined",
            decided_on=decided,
            reason=rng.choice(tuple(referrals.REASONS["declined"])),
        )
    elif stage == "withdrawn":
        referrals.decide(
            manager,
            referral,
            decision="withdrawn",
            decided_on=decided,
            reason=rng.choice(tuple(referrals.REASONS["withdrawn"])),
        )


def _outcome(stage: str, last: bool, level: int) -> str:
    if not last or stage == "assessing":
        return "not_ready" if level <= 2 else "ready_with_support"
    return "ready" if level >= 4 else "ready_with_support"
