"""Reminders about the flats' repairs and the files that run out (an ID, a benefit letter)."""

from __future__ import annotations

from datetime import date

from housing_desk.services import attachments, repairs
from housing_desk.services.validation import uk_date


def upkeep_reminders(on: date) -> list:
    from housing_desk.services.reminders import Reminder

    found = []
    for row in repairs.open_repairs(on):
        if row.overdue or row.hazard or row.priority == "emergency":
            what = (
                "Damp or mould" if row.hazard else repairs.PRIORITIES[row.priority].split(" (")[0]
            )
            found.append(
                Reminder(
                    "repair",
                    f"Flat {row.reference}: {what.lower()} repair reported {uk_date(row.reported_on)}"
                    f" is due by {uk_date(row.target_on)}",
                    row.target_on,
                    row.overdue,
                    "flat",
                    row.flat_id,
                )
            )
    for item in attachments.expiring(on):  # each has a date it runs out
        if item.entity in ("person", "licence") and item.expires_on is not None:
            found.append(
                Reminder(
                    "attachment",
                    f"{attachments.KINDS[item.kind]} on file runs out {uk_date(item.expires_on)}",
                    item.expires_on,
                    item.expires_on < on,
                    item.entity,
                    item.entity_id,
                )
            )
    return found
