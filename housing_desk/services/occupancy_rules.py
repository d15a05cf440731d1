"""The rules about who may live where that span rows: what holds a flat, and what the database
itself refuses.

The services check each rule first, with the rows involved locked; the database backs the two
hardest (migration 0008). Should two writers ever slip past the checks, the database's refusal
reaches the officer as the same plain error the check gives, never as a raw database error.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from peewee import IntegrityError

from housing_desk.data.models import Licence, Offer, Referral
from housing_desk.services.errors import OverlapError, ValidationError

if TYPE_CHECKING:
    from collections.abc import Iterator

    from peewee import ModelSelect

# The names migration 0008 gives the rules (SQLite names a unique index by its column).
ONE_PER_WOMAN = ("licence_one_not_ended_per_person", "licence.person_id")
NO_OVERLAP = ("licence_no_overlap",)


@contextlib.contextmanager
def refusals() -> Iterator[None]:
    """Turn the database's refusal of a licence into ValidationError or OverlapError.

    Put it outside ``write_transaction()``, so the transaction has been rolled back first.
    """
    try:
        yield
    except IntegrityError as error:
        text = str(error)
        if any(name in text for name in ONE_PER_WOMAN):
            raise ValidationError(
                "She already holds a licence that has not ended.", "person"
            ) from None
        if any(name in text for name in NO_OVERLAP):
            raise OverlapError(
                "The flat is let on those dates: another licence was saved for them a moment "
                "ago. Look at the flat's licences again.",
                "start_date",
            ) from None
        raise


def licensed_offers() -> ModelSelect[Licence]:
    """The ids of offers that became a licence."""
    return Licence.select(Licence.offer).where(Licence.offer.is_null(False))


def offers_holding(flat_id: int, *, except_person: int | None = None) -> ModelSelect[Offer]:
    """The offers that hold a flat: pending, or accepted and not yet turned into a licence
    (those made to ``except_person`` left out)."""
    query = Offer.select().where(
        (Offer.flat == flat_id)
        & (
            (Offer.status == "pending")
            | ((Offer.status == "accepted") & ~Offer.id.in_(licensed_offers()))
        )
    )
    if except_person is not None:
        hers = Referral.select(Referral.id).where(Referral.person == except_person)
        query = query.where(~Offer.referral.in_(hers))
    return query.order_by(Offer.offered_on, Offer.id)
