"""The plain, frozen data each document is built from. Services fill these; documents only read them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Organisation:
    name: str = "Housing Desk"
    charity_number: str = ""
    address: str = ""
    phone: str = ""
    out_of_hours_phone: str = ""
    logo_path: str = ""


@dataclass(frozen=True)
class Charge:
    label: str
    weekly: Decimal
    paid_by: str  # who pays it, in plain words
    by_benefit: bool = False  # covered by Housing Benefit if her claim is awarded
    by_her: bool = False  # she pays it herself


@dataclass(frozen=True)
class LicenceAgreementData:
    organisation: Organisation
    reference: str
    agreement_type: str  # plain words: "Licence to occupy"
    resident_name: str
    resident_date_of_birth: date | None
    flat_address: str
    furnished: bool
    inventory_reference: str
    start_date: date
    payment_day: str
    charges: tuple[Charge, ...]
    weekly_total: Decimal
    housing_benefit_weekly: Decimal
    resident_weekly: Decimal
    officer_name: str
    keyworker_name: str = ""
    notice_days: int = 28
    partner_name: str = ""  # the flat's owner
    head_lease_end: date | None = None
    housing_benefit_status: str = ""  # a sentence: the claim's real status
    support_charge_payer: str = ""  # a phrase: who pays the support charge
    excluded_category: str = ""  # plain words, for an excluded licence
    rent_cover: str = ""  # sentences: who meets the rent and the service charges
    if_not_covered: str = ""  # sentences: what happens if that help is refused or stops
    absence_cover: str = ""  # sentences: what being away means for it
    no_recourse_to_public_funds: bool = False  # she cannot claim Housing Benefit


@dataclass(frozen=True)
class NoticeToQuitData:
    organisation: Organisation
    reference: str
    resident_name: str
    flat_address: str
    agreement_start: date
    served_on: date
    served_how: str  # plain words
    last_day: date  # the last day of the period the notice ends on
    move_out_day: date  # the day after: the licence is over
    officer_name: str
    period_weekday: str  # the weekday each weekly period of the licence begins


@dataclass(frozen=True)
class GoalLine:
    area: str
    need: str
    action: str
    who: str
    target_date: date | None
    status: str
    outcome: str = ""
    her_words: str = ""
    strengths: str = ""
    measure: str = ""
    achieved_on: date | None = None


@dataclass(frozen=True)
class SupportPlanData:
    organisation: Organisation
    reference: str
    resident_name: str
    keyworker_name: str
    flat_address: str
    start_date: date
    review_due: date | None
    status: str
    agreed_on: date | None
    goals: tuple[GoalLine, ...]
    risks: tuple[tuple[str, str], ...]  # (kind of risk, how it is managed)
    crisis_triggers: str = ""
    crisis_actions: str = ""
    crisis_contacts: str = ""
    share_with: tuple[str, ...] = ()  # agencies she agreed we may share with, as she named them
    reviews: tuple[tuple[date, str, str], ...] = ()  # (date, who came, what changed)


@dataclass(frozen=True)
class ChecklistLine:
    label: str
    done: bool
    done_on: date | None
    note: str = ""


@dataclass(frozen=True)
class KeyLine:
    label: str
    issued_on: date


@dataclass(frozen=True)
class SignupPackData:
    agreement: LicenceAgreementData
    checklist: tuple[ChecklistLine, ...]
    keys: tuple[KeyLine, ...]
    support_plan: SupportPlanData | None = None
    inventory_rooms: tuple[str, ...] = ("Hall", "Living room", "Kitchen", "Bedroom", "Bathroom")


@dataclass(frozen=True)
class BoardLine:
    reference: str
    address: str
    partner: str
    state: str
    since: date | None
    until: date | None
    occupant: str  # '' unless the team's own copy; never a confidential woman's name
    compliance: str


@dataclass(frozen=True)
class AvailabilityReportData:
    organisation: Organisation
    on: date
    lines: tuple[BoardLine, ...] = field(default_factory=tuple)
    reference: str = ""
    with_names: bool = False  # the team's own copy, never the partners' one


@dataclass(frozen=True)
class RecordSection:
    """A titled table of what is held: header cells, then rows of text."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()  # in millimetres; even when empty


@dataclass(frozen=True)
class SubjectAccessData:
    organisation: Organisation
    reference: str
    name: str
    generated_on: date
    sections: tuple[RecordSection, ...]
    information: tuple[
        tuple[str, str], ...
    ] = ()  # (heading, text): what the law says comes with it


@dataclass(frozen=True)
class WarningLetterData:
    """A written or final warning, written to her (her own document)."""

    organisation: Organisation
    reference: str
    stage: str  # written | final
    stage_name: str  # "written warning"
    resident_name: str
    flat_address: str
    issued_on: date
    reason: str
    lapses_on: date
    officer_name: str
    keyworker_name: str
