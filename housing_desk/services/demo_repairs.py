"""Repairs for the large demo: about three a flat a year, most done on time, some late, a few
damp and mould, the latest still open."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from housing_desk.data.models import Repair
from housing_desk.services import bulk, repairs, settings

if TYPE_CHECKING:
    from datetime import datetime

JOBS = (
    ("routine", "Dripping kitchen tap"),
    ("routine", "Bathroom extractor fan not working"),
    ("routine", "Wardrobe door off its hinge"),
    ("urgent", "No hot water"),
    ("urgent", "Window will not close"),
    ("urgent", "Boiler losing pressure"),
    ("emergency", "Front door will not lock"),
    ("emergency", "Water coming through the ceiling"),
)


def add_repairs(
    batch: bulk.Batch,
    rng: random.Random,
    flat_id: int,
    begin: date,
    *,
    today: date,
    actor: int,
    now: datetime,
) -> None:
    days = settings.REPAIR_KEYS
    reported = begin + timedelta(days=rng.randint(0, 120))
    while reported < today:
        hazard = rng.random() < 0.08
        priority, description = (
            ("urgent", "Damp and mould in the bedroom") if hazard else rng.choice(JOBS)
        )
        if hazard:
            target_on = repairs.add_working_days(reported, repairs.HAZARD_INVESTIGATE_DAYS)
        else:
            target_on = reported + timedelta(days=days[priority])
        allowed = (target_on - reported).days
        took = rng.randint(0, allowed) if rng.random() < 0.85 else rng.randint(allowed, allowed * 3)
        done = reported + timedelta(days=took)
        batch.add(
            Repair,
            flat=flat_id,
            reported_on=reported,
            reported_by="Resident" if rng.random() < 0.7 else "Keyworker",
            description=description,
            priority=priority,
            hazard=hazard,
            target_on=target_on,
            investigated_on=reported + timedelta(days=min(took, 5))
            if hazard and done <= today
            else None,
            passed_to="The partner's repairs team",
            passed_on=reported,
            completed_on=done if done <= today else None,
            created_by=actor,
            created_at=now,
        )
        reported += timedelta(days=rng.randint(60, 180))
