"""The agreement type decides the paperwork and the rules: one table, each rule with its source.

England. The law is summarised here so the rules can be read beside it; the shipped wording is
a model that the team's own solicitor checks, and so is the choice of agreement for each flat.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from housing_desk.data.models import Licence
from housing_desk.services import settings, validation
from housing_desk.services.errors import ValidationError

if TYPE_CHECKING:
    from housing_desk.data.models import Flat, Person

# Protection from Eviction Act 1977 s.3A: the kinds of excluded licence that can fit a partner
# flat. None fits a self-contained flat.
EXCLUDED_CATEGORIES = {
    # s.3A(2)-(3): she shares a kitchen, bathroom or living room with the licensor (or the
    # licensor's family) who lives there as their only or principal home.
    "shared_with_licensor": "She shares a kitchen, bathroom or living room with the licensor, "
    "who lives there",
    # s.3A(8): a hostel (accommodation not separate and self-contained, with board or shared
    # cooking facilities: Housing Act 1985 s.622) provided by a council or a registered provider.
    "public_sector_hostel": "A hostel (not self-contained) provided by a council or a "
    "registered provider of social housing",
    # R (ZH and CN) v Newham and Lewisham [2014] UKSC 62: interim accommodation given under the
    # council's homelessness duties (Housing Act 1996 s.188) needs no court order to end.
    "interim_homelessness_accommodation": "Interim accommodation the council provides while it "
    "decides a homelessness application",
}

# The same categories in a few words, for lists.
EXCLUDED_SHORT = {
    "shared_with_licensor": "Shared with a resident licensor",
    "public_sector_hostel": "Public sector hostel",
    "interim_homelessness_accommodation": "Interim homelessness accommodation",
}

SERVED_HOW = {
    "in_person": "Handed to her in person",
    "left_at_flat": "Left at the flat (through the door)",
    "first_class_post": "Sent by first-class post",
    "email": "By email (she has agreed to notices by email)",
}


@dataclass(frozen=True)
class Rule:
    """What an agreement type means for its paperwork and for ending it."""

    label: str
    template: str  # the shipped model wording, in resources/templates/
    is_tenancy: bool
    court_order: bool  # possession needs a court order
    our_notice: str  # 'notice_to_quit', 'no_effect' or 'reasonable'
    least_notice_days: int  # from us, whatever the setting (0: no statutory minimum)
    ends_on_period_day: bool  # our notice must end on the licence's period day
    her_notice: str  # what the law asks of her, in plain words (her notice is recorded)
    self_contained_allowed: bool
    eviction_needs_our_notice: bool  # 'evicted' needs our notice on record


RULES = {
    # Protection from Eviction Act 1977 s.5(1A): a periodic licence of a dwelling (not excluded)
    # ends only by written notice given at least four weeks before it takes effect, with the
    # information prescribed by the Notices to Quit etc. (Prescribed Information) Regulations
    # 1988 (SI 1988/2201); a notice to quit a periodic letting ends at the end of a period
    # (Shelter Legal England, "Notices to quit: landlords"), and a saving clause rescues a
    # miscounted date. s.3(2B): she cannot be evicted without a court order (s.1: a crime).
    # Her own notice: s.5(1A) asks four weeks of her too; we record it and may agree less.
    "licence": Rule(
        label="Licence to occupy",
        template="licence_agreement.txt",
        is_tenancy=False,
        court_order=True,
        our_notice="notice_to_quit",
        least_notice_days=28,
        ends_on_period_day=True,
        her_notice="four weeks in writing, or less if we agree",
        self_contained_allowed=True,
        eviction_needs_our_notice=True,
    ),
    # Housing Act 1988 s.5(1), as amended by the Renters' Rights Act 2025 (in force for these
    # tenancies from 1 May 2026): a landlord cannot end an assured tenancy except by a court
    # order on a ground in Schedule 2, after a notice seeking possession (s.8); a notice to quit
    # from the landlord has no effect. Protection from Eviction Act 1977 s.5(1ZA), inserted by
    # the Renters' Rights Act 2025 s.20: her notice to quit needs at most two months (less if
    # we agree in writing), and s.5A: any means of writing will do.
    "assured_periodic": Rule(
        label="Assured periodic tenancy",
        template="assured_periodic_tenancy.txt",
        is_tenancy=True,
        court_order=True,
        our_notice="no_effect",
        least_notice_days=0,
        ends_on_period_day=False,
        her_notice="two months in writing, or less if we agree in writing",
        self_contained_allowed=True,
        eviction_needs_our_notice=False,
    ),
    # Protection from Eviction Act 1977 s.3A (the categories above) and s.5(1B): the four-week
    # rule does not apply to an excluded licence, and s.3(2B) does not either, so no court order
    # is needed; at common law the licensor gives reasonable notice (Shelter Legal England,
    # "Excluded occupiers").
    "excluded_licence": Rule(
        label="Excluded licence",
        template="excluded_licence.txt",
        is_tenancy=False,
        court_order=False,
        our_notice="reasonable",
        least_notice_days=0,
        ends_on_period_day=False,
        her_notice="reasonable notice, usually a week",
        self_contained_allowed=False,
        eviction_needs_our_notice=True,
    ),
}
AGREEMENT_TYPES = {key: rule.label for key, rule in RULES.items()}


def rule(agreement_type: str) -> Rule:
    return RULES[agreement_type]


def allowed_types(flat: Flat) -> list[str]:
    """The agreement types this flat can be let on (an excluded licence only where it fits)."""
    return [
        key
        for key, each in RULES.items()
        if each.self_contained_allowed or (not flat.self_contained and flat.excluded_category)
    ]


def clean_category(value: object, field: str = "excluded_category") -> str:
    value = validation.text(value, field, label="Excluded category", max_length=40)
    if value and value not in EXCLUDED_CATEGORIES:
        raise ValidationError(
            "The excluded category must be one of: " + ", ".join(EXCLUDED_CATEGORIES) + ".", field
        )
    return value


def check_agreement(agreement_type: str, flat: Flat, excluded_category: str) -> str:
    """The excluded category the licence records ('' unless excluded); refused (field
    'agreement_type') where an excluded licence does not fit the flat."""
    if RULES[agreement_type].self_contained_allowed:
        if excluded_category:
            raise ValidationError(
                "An excluded category is recorded only for an excluded licence.", "agreement_type"
            )
        return ""
    if flat.self_contained:
        raise ValidationError(
            f"Flat {flat.reference} is self-contained, and no kind of excluded licence fits a "
            "self-contained flat: let it on a licence or a tenancy (ending either needs a court "
            "order). Evicting without one where it is needed is a criminal offence.",
            "agreement_type",
        )
    category = excluded_category or flat.excluded_category
    if category not in EXCLUDED_CATEGORIES:
        raise ValidationError(
            f"An excluded licence needs one of the categories the law allows recorded for flat "
            f"{flat.reference} (sharing with the licensor, a public sector hostel, or interim "
            "homelessness accommodation). Ask your solicitor which agreement fits.",
            "agreement_type",
        )
    return category


def check_flat_still_fits(flat: Flat, self_contained: bool, category: str) -> None:
    """Refuse a change that would make ``flat`` (locked by the caller) stop fitting the excluded
    licence she holds there now: made self-contained (field 'self_contained') or left with no
    excluded category (field 'excluded_category'). Her licence stays excluded on paper, so the
    flat must go on saying why until it has ended."""
    if self_contained == flat.self_contained and (category or not flat.excluded_category):
        return
    live = (
        Licence.select(Licence.id)
        .where(
            (Licence.flat == flat.id)
            & (Licence.agreement_type == "excluded_licence")
            & (Licence.status != "ended")
        )
        .exists()
    )
    if not live:
        return
    if self_contained and not flat.self_contained:
        raise ValidationError(
            f"Flat {flat.reference} is let on an excluded licence, which cannot fit a "
            "self-contained flat. It can be marked self-contained once that licence has ended.",
            "self_contained",
        )
    if not category:
        raise ValidationError(
            f"Flat {flat.reference} is let on an excluded licence, which needs its category on "
            "record. The category can be cleared once that licence has ended.",
            "excluded_category",
        )


def least_notice_days(agreement_type: str) -> int:
    """The fewest days' notice we may give: the law's floor or the team's setting, if longer."""
    floor = RULES[agreement_type].least_notice_days
    return max(floor, settings.notice_days()) if floor else floor


def period_days_from(start_date: date, earliest: date) -> date:
    """The first day on or after ``earliest`` that falls on the licence's period day."""
    return earliest + timedelta(days=(start_date.weekday() - earliest.weekday()) % 7)


def check_our_notice(
    agreement_type: str, start_date: date, served_on: date, end_date: date
) -> None:
    """Refuse notice from us that the agreement type does not allow (fields 'by', 'end_date')."""
    each = RULES[agreement_type]
    if each.our_notice == "no_effect":
        raise ValidationError(
            "A notice to quit from us has no effect on an assured tenancy. Possession needs a "
            "ground in the Housing Act 1988 and a court order: take advice from your solicitor.",
            "by",
        )
    if each.our_notice != "notice_to_quit":
        return
    shortest = least_notice_days(agreement_type)
    earliest = period_days_from(start_date, served_on + timedelta(days=shortest))
    if (end_date - served_on).days < shortest:
        raise ValidationError(
            f"Notice from us must give at least {shortest} days and end on a period day "
            f"({weekday(start_date)}, the weekday the licence began); this gives "
            f"{(end_date - served_on).days}. The earliest lawful end date is {_uk(earliest)}.",
            "end_date",
        )
    if each.ends_on_period_day and end_date.weekday() != start_date.weekday():
        before = end_date - timedelta(days=(end_date.weekday() - start_date.weekday()) % 7)
        after = before + timedelta(days=7)
        nearest = [day for day in (before, after) if day >= earliest]
        raise ValidationError(
            f"Notice must end on a {weekday(start_date)}, the weekday the licence began (the "
            f"end of one of its weekly periods). The nearest lawful end dates are "
            + " or ".join(_uk(day) for day in nearest)
            + ".",
            "end_date",
        )


def check_age(person: Person, on: date) -> None:
    """A girl under 18 is a child to protect, not a licence applicant (field 'person')."""
    born = person.date_of_birth
    if born is None:
        return
    try:
        eighteenth = born.replace(year=born.year + 18)
    except ValueError:  # born on 29 February: 18 on 1 March in a year without one
        eighteenth = date(born.year + 18, 3, 1)
    if on < eighteenth:
        raise ValidationError(
            f"She is under 18 on {_uk(on)}, so she cannot hold a licence: a licence granted to "
            "a child is held on trust and cannot protect her. A girl under 18 who sells sex is a "
            "child-protection matter: make a referral to children's services today, and "
            "follow your safeguarding procedure.",
            "person",
        )


def _uk(day: date) -> str:
    return validation.uk_date(day)


def weekday(day: date) -> str:
    return ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[
        day.weekday()
    ]


def notice_to_quit_due(licence: Licence) -> bool:
    """Whether this licence is under our notice to quit (so the notice can be printed)."""
    return (
        RULES[licence.agreement_type].our_notice == "notice_to_quit"
        and licence.status == "notice"
        and licence.notice_by == "licensor"
    )


def notice_guidance(agreement_type: str) -> str:
    """What our notice must be for this agreement type, in the words the notice dialog shows."""
    each = RULES[agreement_type]
    if each.our_notice == "no_effect":
        return (
            "This is a tenancy: a notice to quit from us has no effect on it. Only her own notice "
            f"can be recorded here ({each.her_notice}). To ask for possession we need a ground "
            "in the Housing Act 1988 and a court order: talk to your solicitor."
        )
    if each.our_notice == "reasonable":
        return (
            "An excluded licence ends with reasonable notice, and no court order is needed. "
            f"Her own notice: {each.her_notice}."
        )
    return (
        f"Notice from us must be in writing, give at least {least_notice_days(agreement_type)} "
        "days and end on the weekday her licence began, with the information the law requires: "
        "print the notice to quit and give it to her. She cannot be evicted without a court "
        f"order. Her own notice: {each.her_notice}."
    )


def move_out_guidance(agreement_type: str, reason: str) -> str:
    """What recording this reason for a move-out needs, in plain words (empty if nothing)."""
    each = RULES[agreement_type]
    if reason == "evicted":
        needs = []
        if each.eviction_needs_our_notice:
            needs.append("our notice to quit on record")
        if each.court_order:
            needs.append("the date of the court's possession order")
        return (
            "An eviction is recorded only with "
            + " and ".join(needs)
            + ". Evicting without a court order where one is needed is a criminal offence."
            if needs
            else ""
        )
    if reason == "abandoned":
        return (
            "Abandoned is recorded only once notice is on record: make the checks, leave a "
            "notice at the flat, give notice to quit and store her belongings. Never change the "
            "locks before then."
        )
    return ""
