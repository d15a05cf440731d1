"""What an agreement says about money: who pays each weekly charge, her Housing Benefit claim's
real status, what happens if the help with her rent stops, and what being away means for it.

A woman with no recourse to public funds (NRPF) cannot claim Housing Benefit, so her agreement
never says Housing Benefit covers her rent: it says how the rent is met instead, as the team's
setting says (our own funding, or she pays it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from housing_desk.data.models import Licence, Person
from housing_desk.documents.data import Charge
from housing_desk.services import settings
from housing_desk.services.errors import ValidationError
from housing_desk.services.flats import CHARGES

if TYPE_CHECKING:
    from housing_desk.documents.template import Template

_BENEFIT = "Housing Benefit, if your claim is awarded"
_HERS = "You (Housing Benefit does not cover it)"
_HERS_NRPF = "You"
_FUNDED_NRPF = "Met from our own funding: you do not pay it"
# Housing Benefit can cover rent and eligible service charges; never the ineligible service
# charge or the support charge (DESIGN "Tenure"; DOMAIN "Charges").
_HB_STATUS = {
    "not_claimed": "Your Housing Benefit claim has not been made yet. We will help you make it "
    "on the day you sign this agreement, because a late claim may not be backdated.",
    "claimed": "Your Housing Benefit claim{ref} has been made and the council has not decided it "
    "yet.",
    "confirmed": "The council has awarded your Housing Benefit claim{ref}.",
    "refused": "The council has refused your Housing Benefit claim{ref}. We will help you ask "
    "the council to look at the decision again, or to appeal.",
    "suspended": "The council has stopped paying your Housing Benefit for now{ref}. We will help "
    "you find out why and put it right.",
}
NRPF_STATUS = (
    "Because you have no recourse to public funds, no Housing Benefit claim will be made for you. "
    "If your immigration status changes, tell us straight away: we will help you claim anything "
    "you become entitled to."
)
_RENT_COVER = {
    "benefit": "The rent and the eligible service charge are covered by Housing Benefit if your "
    "claim is awarded; please keep your claim going and tell us and the council about any change "
    "in your circumstances straight away. The ineligible service charge is yours to pay, because "
    "Housing Benefit never covers it.",
    "service": "You have no recourse to public funds, so you cannot claim Housing Benefit. The "
    "rent and the eligible service charge are met from our own funding for women with no "
    "recourse to public funds, so you do not pay them. The ineligible service charge is yours to "
    "pay.",
    "resident": "You have no recourse to public funds, so you cannot claim Housing Benefit. The "
    "rent, the eligible service charge and the ineligible service charge are yours to pay; we "
    "have gone through them with you, and we will help you with budgeting and with any support "
    "you can get.",
}
_NOT_COVERED = {
    "benefit": "If your Housing Benefit claim is refused, reduced or stops, the charges it would "
    "have covered become yours to pay. We will help you ask the council to look at the decision "
    "again, appeal or claim again, and claim anything else you are entitled to. We will agree "
    "with you a plan you can afford for anything owed, and we will talk with you before we take "
    "any other step. If charges are not paid for another reason, we will also talk with you "
    "first about why.",
    "nrpf": "If the way your rent is met has to change, or you cannot pay what is yours to pay, "
    "we will talk with you first, as early as we can. We will help you get free advice about "
    "your immigration status and any support you can get, and we will agree with you a plan you "
    "can afford for anything owed before we take any other step.",
}
_AWAY = {
    "benefit": "Housing Benefit usually carries on for up to 13 weeks while you are away, if you "
    "mean to come back; or for up to 52 weeks if you are in hospital, on remand, or away because "
    "you fear violence. If you are away for longer, or do not mean to come back, it may stop.",
    "nrpf": "Tell us too if you will be away for longer than you planned, so that we can keep "
    "your home for you and agree what happens to the charges while you are away.",
}
# Wording that tells her Housing Benefit meets her rent: never for a woman who cannot claim it.
BENEFIT_RENT_WORDS = ("covered by Housing Benefit", "Housing Benefit, if your claim", "by Housing")


@dataclass(frozen=True)
class MoneyWording:
    charges: tuple[Charge, ...]
    housing_benefit_status: str
    support_charge_payer: str
    rent_cover: str
    if_not_covered: str
    absence_cover: str
    no_recourse_to_public_funds: bool


def no_recourse(licence: Licence) -> bool:
    """Whether the woman the licence is for has no recourse to public funds."""
    return bool(
        Person.select(Person.no_recourse_to_public_funds)
        .where(Person.id == licence.person_id)
        .scalar()
    )


def housing_benefit_status(licence: Licence) -> str:
    """The claim's real status, as the agreement prints it (or why there is no claim)."""
    if no_recourse(licence):
        return NRPF_STATUS
    ref = f" (reference {licence.hb_reference})" if licence.hb_reference else ""
    text = _HB_STATUS.get(
        licence.hb_status, "Your Housing Benefit claim{ref} is recorded as: " + licence.hb_status
    )
    return text.format(ref=ref)


def money_wording(licence: Licence) -> MoneyWording:
    nrpf = no_recourse(licence)
    she_pays_support = settings.support_charge_payer() == "resident"
    rent = settings.nrpf_rent_payer() if nrpf else "benefit"
    hers = (_HERS_NRPF if nrpf else _HERS, False, True)
    paid_by = {
        "benefit": (_BENEFIT, True, False),
        "service": (_FUNDED_NRPF, False, False),
        "resident": hers,
    }[rent]
    support = (
        hers
        if she_pays_support
        else ("Funded by our support contract: you do not pay it", False, False)
    )
    by_kind = {
        "weekly_rent": paid_by,
        "eligible_service_charge": paid_by,
        "ineligible_service_charge": hers,
        "support_charge": support,
    }
    if she_pays_support:
        support_phrase = "is paid by you" + ("" if nrpf else "; Housing Benefit does not cover it")
    else:
        support_phrase = "is funded by our support contract, so you do not pay it"
    which = "nrpf" if nrpf else "benefit"
    return MoneyWording(
        charges=tuple(
            Charge(label, getattr(licence, key), *by_kind[key]) for key, label in CHARGES.items()
        ),
        housing_benefit_status=housing_benefit_status(licence),
        support_charge_payer=support_phrase,
        rent_cover=_RENT_COVER[rent],
        if_not_covered=_NOT_COVERED[which],
        absence_cover=_AWAY[which],
        no_recourse_to_public_funds=nrpf,
    )


def check_wording(wording: Template, licence: Licence) -> None:
    """Refuse, before anything is printed, a team's wording that says Housing Benefit meets the
    rent of a woman with no recourse to public funds."""
    if not no_recourse(licence):
        return
    for section in wording.sections:
        for paragraph in section.paragraphs:
            if any(words.lower() in paragraph.lower() for words in BENEFIT_RENT_WORDS):
                raise ValidationError(
                    "She has no recourse to public funds, but the agreement wording in use says "
                    f"Housing Benefit covers the rent (section '{section.heading}'). Use "
                    "{rent_cover} there instead (Settings, Paperwork), so that it says how her "
                    "rent is met.",
                    settings.TEMPLATE_KEYS[licence.agreement_type],
                )
