"""A large fictional database for trying Housing Desk at scale: 200 flats and twenty years of
referrals, assessments and licences for 20,000 women, loaded through the bulk path."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from housing_desk import clock
from housing_desk.data.fields import utc_now
from housing_desk.data.models import (
    Assessment,
    AssessmentScore,
    Certificate,
    Flat,
    Licence,
    Partner,
    Person,
    Referral,
    SignupItem,
    Unavailability,
)
from housing_desk.services import (
    accounts,
    assessments,
    bulk,
    demo_accounts,
    demo_large_life,
    demo_repairs,
    licences,
    names,
)
from housing_desk.services.compliance import add_years
from housing_desk.services.demo_large_names import FAMILY, GIVEN, STREETS

if TYPE_CHECKING:
    from collections.abc import Callable

    from housing_desk.data.models import User

DISTRICTS = ("NN1", "NN2", "NN3", "NN4", "NN5")
# How stays end, roughly as a service like ours sees it: most women move on as planned.
END_WEIGHTS = {
    "planned_move_on": 55,
    "left_unplanned": 12,
    "abandoned": 8,
    "transfer": 6,
    "safety_move": 5,
    "custody": 5,
    "hospital": 4,
    "evicted": 4,
    "died": 1,
}
DESTINATION_WEIGHTS = (22, 26, 14, 10, 10, 6, 3, 3, 6)  # in the order of licences.DESTINATIONS
YEARS = 20
SLIPPED_REVIEW = 0.03  # the share of a waiting woman's reassessments not done when due


def build(
    admin: User,
    today: date | None = None,
    *,
    flats: int = 200,
    waiting: int = 500,
    progress: Callable[[int, int], object] | None = None,
) -> dict:
    """Fill a database with ``flats`` flats, twenty years of lettings (about a hundred a flat, each
    to a different woman) and ``waiting`` women on the waiting list now."""
    maker = _Maker(admin.id, today or clock.today(), demo_large_life.keyworkers(admin))
    maker.partners()
    for n in range(flats):
        maker.flat(n)
    for _ in range(waiting):
        maker.waiting()
    counts = bulk.load(admin, maker.batch, progress=progress)
    accounts.mark_posted(maker.today)  # every account is posted up to today
    return counts


class _Maker:
    """Makes the rows; the administrator loading them is recorded as assessor and decision maker."""

    def __init__(self, actor_id: int, today: date, keyworkers: list[int]) -> None:
        self.actor, self.today, self.keyworkers = actor_id, today, keyworkers
        self.rng = random.Random(20061125)
        self.batch = bulk.Batch()
        self.now = utc_now()
        self.begin = date(today.year - YEARS, 1, 2)
        self.partner_ids: list[int] = []

    def partners(self) -> None:
        for name, kind in (
            ("Nene Valley Housing Trust", "housing_charity"),
            ("Kingsley Borough Council", "council"),
            ("St Crispin Housing Association", "housing_association"),
            ("Riverside Women's Homes", "housing_charity"),
            ("Becket Street Lettings", "private"),
            ("Northgate Housing Co-operative", "other"),
        ):
            self.partner_ids.append(
                self.batch.add(Partner, name=f"{name} (large demo)", kind=kind, created_at=self.now)
            )

    def flat(self, n: int) -> None:
        rng, letters = self.rng, "ABDEFGHJLNPQRSTUWXYZ"
        has_gas = rng.random() < 0.8
        flat_id = self.batch.add(
            Flat,
            reference=f"LD-{n + 1:03d}",
            address_line1=f"Flat {n % 9 + 1}, {n + 2} {STREETS[n % len(STREETS)]}",
            town="Northampton",
            postcode=f"{DISTRICTS[n % 5]} {n % 9 + 1}{letters[n % 20]}{letters[(n // 20) % 20]}",
            partner=self.partner_ids[n % len(self.partner_ids)],
            bedrooms=1 + (n % 7 == 0),
            floor=n % 4,
            step_free=n % 4 == 0,
            has_gas=has_gas,
            weekly_rent=90 + n % 25,
            eligible_service_charge=21,
            ineligible_service_charge=11,
            support_charge=45,
            created_at=self.now,
            updated_at=self.now,
        )
        self.certificates(flat_id, has_gas)
        demo_repairs.add_repairs(
            self.batch, rng, flat_id, self.begin, today=self.today, actor=self.actor, now=self.now
        )
        cursor = self.begin + timedelta(days=rng.randint(0, 60))
        while cursor < self.today:
            end = cursor + timedelta(days=rng.randint(20, 110))
            current = end >= self.today
            self.letting(
                flat_id, cursor, None if current else end, self.keyworkers[n % len(self.keyworkers)]
            )
            if current:
                break
            cursor = end + timedelta(days=rng.randint(1, 12))
            if rng.random() < 0.08:  # void works between lets
                back = cursor + timedelta(days=rng.randint(5, 25))
                if back < self.today:
                    self.batch.add(
                        Unavailability,
                        flat=flat_id,
                        start=cursor,
                        end=back,
                        reason="void_works",
                        created_at=self.now,
                    )
                    cursor = back

    def certificates(self, flat_id: int, has_gas: bool) -> None:
        kinds = [("eicr", 5), ("epc", 10)] + ([("gas_safety", 1)] if has_gas else [])
        for kind, years in kinds:
            issued = self.begin - timedelta(days=30)
            while issued <= self.today:
                self.batch.add(
                    Certificate,
                    flat=flat_id,
                    kind=kind,
                    issued_on=issued,
                    expires_on=add_years(issued, years),
                    reference="",
                    created_at=self.now,
                )
                issued = add_years(issued, years) - timedelta(days=14)

    def weighted(self, weights: dict[str, int]) -> str:
        return self.rng.choices(tuple(weights), tuple(weights.values()))[0]

    def woman(self) -> int:
        rng = self.rng
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        return self.batch.add(
            Person,
            given_name=given,
            family_name=family,
            **names.stored_keys(given, family),
            date_of_birth=date(rng.randint(1960, 2004), rng.randint(1, 12), rng.randint(1, 28)),
            do_not_disclose=rng.random() < 0.05,
            needs_step_free=rng.random() < 0.05,
            keyworker=None,
            created_at=self.now,
            updated_at=self.now,
        )

    def assess(self, person_id: int, referral_id: int, on: date, outcome: str) -> dict[str, int]:
        rng = self.rng
        assessment_id = self.batch.add(
            Assessment,
            person=person_id,
            referral=referral_id,
            assessed_on=on,
            assessor=self.actor,
            outcome=outcome,
            next_review_on=assessments.add_months(on, 3),
            risk_to_self=rng.choice(("low", "medium", "high")),
            created_at=self.now,
        )
        level = 4 if outcome in assessments.READY else 2
        scores = {}
        for key, _label in assessments.DOMAINS:
            scores[key] = max(1, min(5, level + rng.randint(-1, 1)))
            self.batch.add(
                AssessmentScore,
                assessment=assessment_id,
                domain=key,
                score=scores[key],
                evidence="",
            )
        return scores

    def letting(self, flat_id: int, start: date, end: date | None, keyworker: int) -> None:
        rng = self.rng
        person_id = self.woman()
        received = start - timedelta(days=rng.randint(30, 150))
        referral_id = self.batch.add(
            Referral,
            person=person_id,
            received_on=received,
            source="street_outreach",
            status="housed",
            decided_on=received + timedelta(days=14),
            decided_by=self.actor,
            closed_on=start,
            created_at=self.now,
        )
        scores = self.assess(
            person_id, referral_id, start - timedelta(days=rng.randint(10, 25)), "ready"
        )
        licence_id = self.batch.add(
            Licence,
            person=person_id,
            flat=flat_id,
            referral=referral_id,
            start_date=start,
            end_date=end,
            weekly_rent=95,
            eligible_service_charge=21,
            ineligible_service_charge=11,
            support_charge=45,
            hb_reference=f"HB{person_id:06d}",
            hb_status="confirmed",
            status="active" if end is None else "ended",
            activated_on=start,
            **(
                demo_large_life.NOT_ENDED
                if end is None
                else demo_large_life.ending(rng, start, end, self.weighted(END_WEIGHTS))
            ),
            created_by=self.actor,
            created_at=self.now,
            destination=""
            if end is None
            else rng.choices(licences.DESTINATIONS, DESTINATION_WEIGHTS)[0],
        )
        row = self.batch.rows[Licence][-1]
        demo_accounts.add_account(
            self.batch, self.rng, row, today=self.today, actor=self.actor, now=self.now
        )
        demo_large_life.add_tenancy_life(
            self.batch,
            rng,
            row,
            today=self.today,
            actor=self.actor,
            keyworker=keyworker,
            now=self.now,
            scores=scores,
        )
        if end is None:  # she is living there now: her keyworker is on her record
            self.batch.rows[Person][-1]["keyworker"] = keyworker
        if end is None:
            for key, _label in licences.SIGNUP_CHECKLIST:
                self.batch.add(
                    SignupItem,
                    licence=licence_id,
                    key=key,
                    done=True,
                    done_on=start,
                    done_by=self.actor,
                )

    def waiting(self) -> None:
        rng = self.rng
        person_id = self.woman()
        received = self.today - timedelta(
            days=rng.randint(15, 400)
        )  # decided ten days later, before today
        referral_id = self.batch.add(
            Referral,
            person=person_id,
            received_on=received,
            source="self",
            status="accepted",
            decided_on=received + timedelta(days=10),
            decided_by=self.actor,
            priority=rng.choice((1, 2, 3)),
            created_at=self.now,
        )
        outcome = rng.choice(("ready", "ready_with_support", "not_ready"))
        on = received + timedelta(days=5)
        # Reassessed every three months while she waits, within a week before it falls due; now
        # and then a review slips, and that one is on today's reminders.
        while True:
            self.assess(person_id, referral_id, on, outcome)
            due = assessments.add_months(on, 3)
            if due >= self.today or rng.random() < SLIPPED_REVIEW:
                return
            on = due - timedelta(days=rng.randint(0, 7))
