"""Ending a licence: notice, the move-out, and a manager's correction of an ended licence."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

    from housing_desk.data.models import User
    from housing_desk.services.validation import DateGiven

from housing_desk import clock
from housing_desk.data.database import write_transaction
from housing_desk.data.models import Licence, LicenceKey
from housing_desk.services import (
    accounts,
    audit,
    lifecycle,
    occupancy_rules,
    permissions,
    tenure,
    validation,
)
from housing_desk.services.errors import ValidationError
from housing_desk.services.flats import CHARGES
from housing_desk.services.occupancy import (
    check_dates_free as _check_dates_free,
    lock_licence as _lock,
)
from housing_desk.services.signup import stored_keys
from housing_desk.services.tenure import SERVED_HOW

NOTICE_BY = {"licensee": "She gave notice", "licensor": "We gave notice"}
# who gave it, as the words after "notice given by" (the audit log's "notice given by us")
NOTICE_GIVEN_BY = {"licensee": "her", "licensor": "us"}
END_REASONS = {
    "planned_move_on": "Planned move-on",
    "evicted": "Evicted",
    "abandoned": "Abandoned",
    "custody": "Custody",
    "hospital": "Hospital",
    "died": "Died",
    "left_unplanned": "Left unplanned",
    "transfer": "Transfer",
    "safety_move": "Safety move",
}
DESTINATIONS = (
    "Council tenancy",
    "Housing association tenancy",
    "Private rented",
    "Family or friends",
    "Other supported housing",
    "Refuge",
    "Hospital",
    "Custody",
    "Not known",
)


def give_notice(
    actor: User,
    licence: Licence | int,
    *,
    served_on: DateGiven,
    end_date: DateGiven,
    by: str,
    reason: str = "",
    served_how: str = "",
) -> Licence:
    """Record notice to end the licence on ``end_date`` (the move-out day).

    Notice from us follows the agreement type's rule (``services.tenure``): on a licence at
    least 28 days (or the longer setting), ending on the licence's period day, served in a way
    that is recorded; on an assured tenancy it is refused, since it has no effect. Her own
    notice is recorded as she gives it.
    """
    permissions.require(actor, "allocate")
    validation.record_id(licence, Licence, "licence")
    served_on = validation.a_date(served_on, "served_on", label="Date served")
    end_date = validation.a_date(end_date, "end_date", label="End date")
    by = validation.choice(by, "by", label="Notice given by", choices=tuple(NOTICE_BY))
    reason = validation.text(
        reason, "reason", label="Reason", column=Licence.notice_reason, max_length=4000
    )
    served_how = validation.text(served_how, "served_how", label="How it was served", max_length=20)
    if served_how or by == "licensor":
        served_how = validation.choice(
            served_how, "served_how", label="How notice was served", choices=tuple(SERVED_HOW)
        )
    if end_date <= served_on:
        raise ValidationError("The end date must be after the day notice was served.", "end_date")
    with write_transaction():
        current = _lock(licence)
        if not lifecycle.licence_allows(current.status, "notice"):
            raise ValidationError("Notice can only be given on an active licence.", None)
        if served_on < current.start_date:
            raise ValidationError(
                "Notice cannot be served before the licence started.", "served_on"
            )
        if by == "licensor":
            tenure.check_our_notice(current.agreement_type, current.start_date, served_on, end_date)
        _check_dates_free(
            current.flat_id, current.start_date, end_date, "end_date", exclude_id=current.id
        )
        Licence.update(
            status="notice",
            notice_served_on=served_on,
            notice_by=by,
            notice_reason=reason,
            notice_served_how=served_how,
            end_date=end_date,
            version=Licence.version + 1,
        ).where(Licence.id == current.id).execute()
        accounts.settle(current, actor=actor)  # a last period cut short is charged by the night
        audit.record(
            actor,
            "update",
            "licence",
            current.id,
            {
                "status": ["active", "notice"],
                "served_on": served_on,
                "end_date": end_date,
                "by": by,
                "served_how": served_how,
            },
        )
    return Licence.get_by_id(current.id)


def end_licence(
    actor: User,
    licence: Licence | int,
    *,
    end_date: DateGiven,
    reason: str,
    destination: str = "",
    notes: str = "",
    returned_keys: Iterable[LicenceKey | int] = (),
    possession_order_on: DateGiven = None,
) -> Licence:
    """Record a move-out that has happened. ``returned_keys`` (key ids) came back that day;
    keys still not returned need a note saying why.

    'evicted' needs what the agreement type's rule asks: our notice on record and, where a
    court order is needed, the date of the possession order; 'abandoned' needs notice on record
    (her belongings are stored and the locks are not changed before then)."""
    permissions.require(actor, "allocate")
    validation.record_id(licence, Licence, "licence")
    end_date = validation.a_date(end_date, "end_date", label="Move-out date")
    if end_date > clock.today():
        raise ValidationError(
            "A move-out is recorded once it has happened: the date cannot be in the future. "
            "Give notice to plan an end date.",
            "end_date",
        )
    reason = validation.choice(reason, "reason", label="Reason", choices=tuple(END_REASONS))
    destination = validation.text(
        destination, "destination", label="Destination", column=Licence.destination
    )
    notes = validation.text(
        notes, "notes", label="Notes", column=Licence.move_out_notes, max_length=4000
    )
    if not isinstance(returned_keys, (list, tuple, set, frozenset)):
        raise ValidationError("Tick the keys she gave back.", "returned_keys")
    returned = {
        validation.record_id(k, LicenceKey, "returned_keys", label="the keys she gave back")
        for k in returned_keys
    }
    possession_order_on = validation.a_date(
        possession_order_on, "possession_order_on", label="Possession order date", required=False
    )
    with occupancy_rules.refusals(), write_transaction():
        current = _lock(licence)
        if not lifecycle.licence_allows(current.status, "move_out"):
            raise ValidationError("Only an active licence, or one under notice, can end.", None)
        if end_date <= current.start_date:
            raise ValidationError("The move-out date must be after the start date.", "end_date")
        _check_grounds(current, reason, possession_order_on, end_date)
        unreturned = [
            k.label for k in stored_keys(current) if k.returned_on is None and k.id not in returned
        ]
        if unreturned and not notes:
            raise ValidationError(
                f"Keys not returned ({', '.join(unreturned)}): add a note saying why.", "notes"
            )
        _check_dates_free(
            current.flat_id, current.start_date, end_date, "end_date", exclude_id=current.id
        )
        if returned:
            LicenceKey.update(returned_on=end_date).where(
                (LicenceKey.licence == current.id)
                & LicenceKey.id.in_(list(returned))
                & LicenceKey.returned_on.is_null()
            ).execute()
        Licence.update(
            status="ended",
            end_date=end_date,
            end_reason=reason,
            destination=destination,
            move_out_notes=notes,
            possession_order_on=possession_order_on if reason == "evicted" else None,
            version=Licence.version + 1,
        ).where(Licence.id == current.id).execute()
        accounts.settle(current, actor=actor)  # her account closes on the move-out day
        audit.record(
            actor,
            "update",
            "licence",
            current.id,
            {
                "status": [current.status, "ended"],
                "end_date": end_date,
                "reason": reason,
            },
        )
    return Licence.get_by_id(current.id)


def _check_grounds(
    current: Licence, reason: str, order_on: date | None, end_date: date | None
) -> None:
    each = tenure.rule(current.agreement_type)
    ours = current.notice_by == "licensor" and current.notice_served_on is not None
    if reason == "evicted":
        if each.eviction_needs_our_notice and not ours:
            raise ValidationError(
                "An eviction can be recorded only after we have given notice, and there is no "
                "notice from us on record. If she has left on her own, choose another reason.",
                "reason",
            )
        if each.court_order and order_on is None:
            raise ValidationError(
                "Enter the date of the court's possession order. Without a court order she "
                "cannot be evicted: doing so is a criminal offence.",
                "possession_order_on",
            )
        if order_on is not None and end_date is not None and order_on > end_date:
            raise ValidationError(
                "The possession order must be dated on or before the move-out.",
                "possession_order_on",
            )
    if reason == "abandoned" and current.notice_served_on is None:
        raise ValidationError(
            "A flat can be recorded as abandoned only once notice is on record: make the "
            "checks, leave a notice at the flat, give notice to quit and store her belongings. "
            "Never change the locks before then.",
            "reason",
        )


def correct_licence(
    actor: User, licence: Licence | int, *, reason: str, **changes: object
) -> Licence:
    """A manager corrects a mistake on an ended licence; the correction and its reason are audited."""
    permissions.require(actor, "correct_records")
    validation.record_id(licence, Licence, "licence")
    reason = validation.text(
        reason, "reason", label="Reason for the correction", required=True, max_length=2000
    )
    allowed = {
        "end_date",
        "end_reason",
        "destination",
        "move_out_notes",
        "start_date",
        "possession_order_on",
        *CHARGES,
    }
    unknown = sorted(set(changes) - allowed)
    if unknown:
        raise ValidationError(f"'{unknown[0]}' cannot be corrected here.", unknown[0])
    values: dict[str, Any] = {}
    for key, value in changes.items():
        if key in CHARGES:
            values[key] = validation.money(value, key, label=CHARGES[key])
        elif key in ("end_date", "start_date"):
            values[key] = validation.a_date(value, key, label=key.replace("_", " ").capitalize())
        elif key == "possession_order_on":
            values[key] = validation.a_date(
                value, key, label="Possession order date", required=False
            )
        elif key == "end_reason":
            values[key] = validation.choice(value, key, label="Reason", choices=tuple(END_REASONS))
        else:
            values[key] = validation.text(
                value,
                key,
                label=key.replace("_", " ").capitalize(),
                column=getattr(Licence, key),
                max_length=4000,
            )
    with occupancy_rules.refusals(), write_transaction():
        current = _lock(licence)
        if current.status != "ended":
            raise ValidationError("Only an ended licence is corrected this way.", None)
        start = values.get("start_date", current.start_date)
        end = values.get("end_date", current.end_date)
        if end <= start:
            raise ValidationError("The move-out date must be after the start date.", "end_date")
        _check_dates_free(current.flat_id, start, end, "end_date", exclude_id=current.id)
        if "end_reason" in values or "possession_order_on" in values:
            # A correction cannot make an eviction or abandonment the move-out could not be.
            try:
                _check_grounds(
                    current,
                    values.get("end_reason", current.end_reason),
                    values.get("possession_order_on", current.possession_order_on),
                    end,
                )
            except ValidationError as error:
                field = "end_reason" if error.field == "reason" else error.field
                raise ValidationError(error.message, field) from None
        before = {key: getattr(current, key) for key in values}
        Licence.update(**values, version=Licence.version + 1).where(
            Licence.id == current.id
        ).execute()
        accounts.settle(current, actor=actor)
        audit.record(
            actor,
            "update",
            "licence",
            current.id,
            {**audit.diff(before, values), "correction": reason},
        )
    return Licence.get_by_id(current.id)
