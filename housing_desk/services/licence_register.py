"""The licence register: current and past licences with their occupants, in one query."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from peewee import JOIN, fn

from housing_desk import clock
from housing_desk.data.models import Flat, Licence, LicenceKey, Person, User
from housing_desk.data.rows import first, objects
from housing_desk.services import names, viewing
from housing_desk.services.licences import END_REASONS, NOT_ENDED, STATUSES

VIEWS = {"current": "Current", "past": "Ended", "all": "All"}


@dataclass(frozen=True)
class LicenceRow:
    licence_id: int
    person_id: int
    name: str
    do_not_disclose: bool
    flat_id: int
    reference: str
    start_date: date
    end_date: date | None
    status: str
    weekly_total: Decimal
    hb_status: str
    end_reason: str
    destination: str
    keys_out: int

    @property
    def status_label(self) -> str:
        return STATUSES[self.status]

    @property
    def end_reason_label(self) -> str:
        return END_REASONS.get(self.end_reason, "")

    @property
    def nights(self) -> int | None:
        return (self.end_date - self.start_date).days if self.end_date else None


def list_licences(actor: User, view: str = "current") -> list[LicenceRow]:
    """Licences newest first: ``current`` (not ended), ``past`` (ended) or ``all``; where each
    woman went after is for the roles that read notes only."""
    viewing.require(actor)
    where_to = viewing.reads_notes(actor)
    keys_out = (
        LicenceKey.select(LicenceKey.licence, fn.COUNT(LicenceKey.id).alias("out"))
        .where(LicenceKey.returned_on.is_null())
        .group_by(LicenceKey.licence)
        .alias("keys_out")
    )
    query = (
        Licence.select(
            Licence,
            Person.given_name,
            Person.family_name,
            Person.preferred_name,
            Person.do_not_disclose,
            Flat.reference,
            keys_out.c.out,
        )
        .join(Person)
        .switch(Licence)
        .join(Flat)
        .switch(Licence)
        .join(keys_out, JOIN.LEFT_OUTER, on=(keys_out.c.licence_id == Licence.id))
        .order_by(Licence.start_date.desc(), Licence.id.desc())
    )
    if view == "current":
        query = query.where(Licence.status.in_(NOT_ENDED))
    elif view == "past":
        query = query.where(Licence.status == "ended")
    rows = []
    for licence in objects(query):
        rows.append(
            LicenceRow(
                licence_id=licence.id,
                person_id=licence.person_id,
                name=names.display_name(
                    licence.given_name, licence.family_name, licence.preferred_name
                ),
                do_not_disclose=licence.do_not_disclose,
                flat_id=licence.flat_id,
                reference=licence.reference,
                start_date=licence.start_date,
                end_date=licence.end_date,
                status=licence.status,
                weekly_total=licence.weekly_total,
                hb_status=licence.hb_status,
                end_reason=licence.end_reason,
                destination=licence.destination if where_to else "",
                keys_out=licence.out or 0,
            )
        )
    return rows


def current_licence_of_flat(actor: User, flat_id: int, on: date | None = None) -> Licence | None:
    """The licence whose dates cover ``on`` (today when None), or that is awaiting sign-up, as
    ``actor`` may see it."""
    viewing.require(actor)
    on = on or clock.today()
    return viewing.as_seen_by(
        actor,
        first(
            Licence.select().where(
                (Licence.flat == flat_id)
                & (Licence.start_date <= on)
                & (Licence.end_date.is_null() | (Licence.end_date > on))
            )
        ),
    )


def licence_to_act_on(actor: User, flat_id: int, on: date | None = None) -> Licence | None:
    """The licence the board acts on for a flat: the one whose dates cover ``on``, else one not yet
    recorded as ended whose move-out day has come (on the day she leaves the flat is free by its
    dates, and her move-out is still to record); as ``actor`` may see it."""
    on = on or clock.today()
    covering = current_licence_of_flat(actor, flat_id, on)
    if covering is not None:
        return covering
    return viewing.as_seen_by(
        actor,
        first(
            Licence.select()
            .where(
                (Licence.flat == flat_id)
                & Licence.status.in_(("active", "notice"))
                & Licence.end_date.is_null(False)
                & (Licence.end_date <= on)
            )
            .order_by(Licence.end_date.desc())
        ),
    )


def home_of(actor: User, person_id: int) -> Licence | None:
    """Her licence that is not ended (the flat she lives in, or is signing up for), with its
    flat, as ``actor`` may see it."""
    viewing.require(actor)
    return viewing.as_seen_by(
        actor,
        first(
            Licence.select(Licence, Flat)
            .join(Flat)
            .where((Licence.person == person_id) & (Licence.status != "ended"))
            .order_by(Licence.start_date.desc())
        ),
    )
