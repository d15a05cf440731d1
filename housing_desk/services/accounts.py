"""Her rent account: charges posted as they fall due, payments, refunds and corrections.

Charges are posted, never edited: when what is due for a period changes after it was posted (a
move-out part-way through a week, a change of charges, a Housing Benefit decision backdated), the
difference is posted as another row for the same period. So posting is idempotent: run it twice,
or from two PCs at once, and the second run finds nothing left to post.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from peewee import ModelSelect

    from housing_desk.data.models import User
    from housing_desk.services.validation import DateGiven, MoneyGiven

from collections import defaultdict
from datetime import date
from decimal import Decimal

from peewee import fn

from housing_desk.data.database import engine, write_transaction
from housing_desk.data.fields import from_pence
from housing_desk.data.models import (
    Charge,
    ChargeChange,
    HousingBenefitDecision,
    Licence,
    Payment,
    Setting,
)
from housing_desk.data.rows import tuples
from housing_desk.services import (
    audit,
    charging,
    permissions,
    rent_funding,
    settings,
    validation,
)
from housing_desk.services.errors import ValidationError
from housing_desk.services.flats import CHARGES
from housing_desk.services.occupancy import lock_licence

# Payments live in their own module; their names stay here, where callers find them.
from housing_desk.services.payments import (
    SOURCES as SOURCES,
    payment as payment,
    record_payment as record_payment,
    reverse_payment as reverse_payment,
)

POSTED_KEY = "accounts.posted_up_to"
_COLUMNS = (*charging.KINDS, "housing_benefit")
# A PostgreSQL advisory lock taken for the length of a posting transaction: two PCs posting at
# once take turns, and the second finds everything already posted.
_POSTING_LOCK = 7_202_611


def _licence_id(licence: Licence | int) -> int:
    return validation.record_id(licence, Licence, "licence")


def rates(licence: Licence) -> list[charging.Rates]:
    """The licence's weekly charges over time: those copied at sign-up, then each change."""
    first = charging.Rates(licence.start_date, *(getattr(licence, kind) for kind in CHARGES))
    changes = [
        charging.Rates(c.effective_from, *(getattr(c, kind) for kind in CHARGES))
        for c in ChargeChange.select()
        .where(ChargeChange.licence == licence.id)
        .order_by(ChargeChange.effective_from)
    ]
    return [first, *changes]


def awards(licence: Licence) -> list[charging.Award]:
    """What Housing Benefit is expected to pay a week, from each decision on her claim."""
    decisions = (
        HousingBenefitDecision.select()
        .where(HousingBenefitDecision.licence == licence.id)
        .order_by(HousingBenefitDecision.award_from, HousingBenefitDecision.id)
    )
    return [
        charging.Award(d.award_from, d.weekly_award if d.decision == "confirmed" else charging.ZERO)
        for d in decisions
    ]


def expected(licence: Licence, up_to: date) -> list[charging.PeriodDue]:
    """Every period of ``licence`` due by ``up_to`` with what it should have cost."""
    return charging.schedule(
        licence.start_date,
        licence.end_date,
        up_to,
        rates(licence),
        awards(licence),
        support_paid_by_her=settings.support_charge_payer() == "resident",
    )


def _posted(licence_id: int) -> dict[date, tuple[int, dict[str, Decimal]]]:
    # For each period posted so far: the next sequence number and the sums posted.
    found: dict[date, tuple[int, dict[str, Decimal]]] = {}
    sums = [fn.SUM(getattr(Charge, column)) for column in _COLUMNS]
    query = (
        Charge.select(Charge.due_on, fn.MAX(Charge.sequence), *sums)
        .where(Charge.licence == licence_id)
        .group_by(Charge.due_on)
    )
    for due_on, sequence, *values in tuples(query):
        due_on = date.fromisoformat(due_on) if isinstance(due_on, str) else due_on
        found[due_on] = (
            sequence + 1,
            {c: from_pence(v) for c, v in zip(_COLUMNS, values, strict=True)},
        )
    return found


def _rows_to_post(licence: Licence, up_to: date, actor_id: int) -> tuple[list[dict], list[dict]]:
    # The charge rows, and the credits from our funding (see rent_funding), still to post.
    posted = _posted(licence.id)
    funding = rent_funding.posted(licence.id)
    funded_now = rent_funding.funded_now(licence)
    rows, credits = [], []
    due = {period.due_on: period for period in expected(licence, up_to)}
    for due_on in sorted(set(due) | set(posted)):
        if due_on > up_to:
            continue
        sequence, sums = posted.get(due_on, (0, dict.fromkeys(_COLUMNS, charging.ZERO)))
        # A period keeps the rule it was first posted under.
        funded = bool(funding.get(due_on)) if due_on in posted else funded_now
        period = due.get(due_on)
        if period is not None and funded:
            period = rent_funding.funded_part(period)
        wanted = period.values() if period else dict.fromkeys(_COLUMNS, charging.ZERO)
        difference = {c: wanted[c] - sums[c] for c in _COLUMNS}
        if any(difference.values()):
            period_end = period.period_end if period else due_on
            rows.append(
                {
                    "licence": licence.id,
                    "due_on": due_on,
                    "period_end": period_end,
                    "sequence": sequence,
                    **difference,
                }
            )
        credit = (wanted["housing_benefit"] if funded else charging.ZERO) - funding.get(
            due_on, charging.ZERO
        )
        if credit:
            credits.append(rent_funding.credit_row(licence, due_on, credit, actor_id))
    return rows, credits


def _insert(rows: list[dict], credits: list[dict]) -> int:
    if rows:
        Charge.insert_many(rows).execute()
    if credits:
        Payment.insert_many(credits).execute()
    return len(rows)


def _lock_posting() -> None:
    if engine() == "postgresql":
        Charge._meta.database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (_POSTING_LOCK,))


def _posted_up_to() -> date | None:
    row = Setting.get_or_none(Setting.key == POSTED_KEY)
    return date.fromisoformat(row.value) if row and row.value else None


def settle(licence: Licence | int, *, up_to: date | None = None, actor: User | None = None) -> int:
    """Bring one licence's posted charges into line with what is now due, up to the day charges
    have been posted to (or its last posted period): a move-out part-way through a week, a change
    of charges or a backdated Housing Benefit decision is corrected at once. Posting new periods
    as they fall due is ``post_charges``' work.

    Call it inside the transaction of the change. ``up_to`` posts to that day at least;
    ``actor`` (who made the change) is recorded on any credit from our funding it posts.
    """
    licence = Licence.get_by_id(_licence_id(licence))
    last = Charge.select(fn.MAX(Charge.due_on)).where(Charge.licence == licence.id).scalar()
    last = date.fromisoformat(last) if isinstance(last, str) else last
    horizon = max(filter(None, (last, _posted_up_to(), up_to)), default=None)
    if horizon is None:
        return 0
    actor_id = actor.id if actor is not None else licence.created_by_id
    return _insert(*_rows_to_post(licence, horizon, actor_id))


def weekly_charge(licence: Licence) -> Decimal:
    """What a full week costs her now (the support charge only when she pays it; not the rent
    of a woman with no recourse to public funds met from our funding)."""
    in_force = rates(licence)[-1]
    kinds: tuple[str, ...] = charging.KINDS
    if settings.support_charge_payer() != "resident":
        kinds = charging.KINDS[:3]
    if rent_funding.funded_now(licence):
        kinds = tuple(kind for kind in kinds if kind not in charging.ELIGIBLE)
    return sum((getattr(in_force, kind) for kind in kinds), charging.ZERO)


def post_charges(actor: User, *, up_to: DateGiven) -> int:
    """Post every charge that has fallen due by ``up_to`` and is not posted yet; return how many
    rows were posted. Safe to run twice, and from two PCs at once. Run at start-up for the days
    since it last ran; a licence let, ended or changed in between is settled by that change."""
    permissions.require(actor, "allocate")
    up_to = validation.a_date(up_to, "up_to", label="Post charges up to")
    already = _posted_up_to()
    if already is not None and already >= up_to:
        return 0  # posted by then already (by this PC or another): a read, not a write
    with write_transaction():
        _lock_posting()
        since = _posted_up_to()
        query = Licence.select().where(Licence.start_date <= up_to)
        if since is not None:
            # Ended licences were settled when they ended; only those open since then change.
            query = query.where(
                (Licence.status != "ended")
                | (Licence.end_date.is_null())
                | (Licence.end_date > since)
            )
        count = 0
        for licence in query:
            count += _insert(*_rows_to_post(licence, up_to, actor.id))
        if since is None or up_to > since:
            settings.put(POSTED_KEY, up_to.isoformat())
        if count:
            audit.record(actor, "create", "charge", None, {"posted": count, "up_to": up_to})
    return count


def mark_posted(up_to: date) -> None:
    """Record that every account is posted up to ``up_to`` (after a bulk load that posted them)."""
    with write_transaction():
        settings.put(POSTED_KEY, up_to.isoformat())


def change_charges(
    actor: User, licence: Licence | int, *, effective_from: DateGiven, **charges: MoneyGiven
) -> ChargeChange:
    """New weekly charges for her licence from ``effective_from`` (the first night they apply);
    periods already posted are corrected by the night."""
    permissions.require(actor, "correct_records")
    licence_id = _licence_id(licence)
    effective_from = validation.a_date(effective_from, "effective_from", label="New charges from")
    validation.no_unknown(charges, CHARGES, "Licences' charges")
    for kind, value in charges.items():
        validation.money(value, kind, label=CHARGES[kind])
    with write_transaction():
        current = lock_licence(licence_id)
        if effective_from <= current.start_date:
            raise ValidationError(
                "New charges start after the licence's first night; to correct the charges "
                "copied at sign-up, correct the licence.",
                "effective_from",
            )
        if current.end_date is not None and effective_from >= current.end_date:
            raise ValidationError("The licence has ended by then.", "effective_from")
        in_force = rates(current)[-1]
        values = {
            kind: validation.money(charges.get(kind, getattr(in_force, kind)), kind, label=label)
            for kind, label in CHARGES.items()
        }
        existing = ChargeChange.get_or_none(
            (ChargeChange.licence == current.id) & (ChargeChange.effective_from == effective_from)
        )
        if existing is not None:
            raise ValidationError(
                f"New charges from {validation.uk_date(effective_from)} are already recorded.",
                "effective_from",
            )
        change = ChargeChange.create(
            licence=current.id, effective_from=effective_from, created_by=actor.id, **values
        )
        settle(current, actor=actor)
        audit.record(
            actor,
            "create",
            "charge_change",
            change.id,
            {"effective_from": effective_from, **values},
        )
    return change


def balances(
    licence_ids: Iterable[int] | ModelSelect[Licence] | None = None, on: date | None = None
) -> dict[int, dict[str, Decimal]]:
    """Per licence: charged, expected from Housing Benefit (or our funding), paid by Housing
    Benefit (or met from our funding), paid by her or others, each summed up to ``on``."""
    found: dict[int, dict[str, Decimal]] = defaultdict(
        lambda: dict.fromkeys(("charged", "hb_expected", "hb_paid", "her_paid"), charging.ZERO)
    )
    charged = Charge.select(
        Charge.licence,
        fn.SUM(
            Charge.weekly_rent
            + Charge.eligible_service_charge
            + Charge.ineligible_service_charge
            + Charge.support_charge
        ),
        fn.SUM(Charge.housing_benefit),
    ).group_by(Charge.licence)
    paid = Payment.select(
        Payment.licence, Payment.source.in_(rent_funding.NOT_HERS), fn.SUM(Payment.amount)
    ).group_by(Payment.licence, Payment.source.in_(rent_funding.NOT_HERS))
    if on is not None:
        charged = charged.where(Charge.due_on <= on)
        paid = paid.where(Payment.received_on <= on)
    if licence_ids is not None:
        charged = charged.where(Charge.licence.in_(licence_ids))
        paid = paid.where(Payment.licence.in_(licence_ids))
    for licence_id, total, hb in tuples(charged):
        found[licence_id]["charged"] = from_pence(total)
        found[licence_id]["hb_expected"] = from_pence(hb)
    for licence_id, by_hb, total in tuples(paid):
        found[licence_id]["hb_paid" if by_hb else "her_paid"] += from_pence(total)
    return found
