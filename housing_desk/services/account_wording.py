"""What her account's paperwork (the statement, the arrears letters, the move-out letter) says
about how her rent is met.

A woman with no recourse to public funds (NRPF) cannot claim Housing Benefit, so her account's
papers never mention it: they say how her rent is met instead, as her agreement does (the
setting ``nrpf_rent_payer``: our own funding, or her). For every other woman the wording is
what it always was.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from housing_desk.services import licences, settings
from housing_desk.services.agreement_wording import no_recourse

if TYPE_CHECKING:
    from housing_desk.data.models import Licence

# How the rent and eligible service charge of an NRPF woman are met, by the setting's value.
_RENT_MET = {
    "service": "Your rent and eligible service charge are met from our own funding, so you do "
    "not pay them.",
    "resident": "Your rent and eligible service charge are yours to pay, as we went through with "
    "you when you signed.",
}
_RENT_MET_SHORT = {
    "service": "Met from our own funding",
    "resident": "Paid by you",
}
_BENEFIT_SENTENCE = (
    "Housing Benefit is {hb_status}. If your claim has been stopped, reduced or refused, tell us "
    "straight away: we can help you ask the council to look at it again, and we can help with a "
    "claim for a Discretionary Housing Payment."
)
_NRPF_SENTENCE = (
    "{rent_met} If something has changed for you, such as your immigration status, work or "
    "health, tell us straight away: we can help you get free advice and any support you can get."
)
_BENEFIT_ENDING = (
    "If Housing Benefit was paid for you, tell the council that you have moved, and the date, so "
    "that your claim ends on the right day. Any Housing Benefit paid for days after you left may "
    "be asked back from us, and we will tell you if it is."
)
_NRPF_ENDING = (
    "If your immigration status changes, or you need help to find your next home, you can still "
    "come to us for advice."
)


@dataclass(frozen=True)
class AccountWording:
    no_recourse_to_public_funds: bool
    rent_label: str  # the statement's summary cell: "Housing Benefit" or "Your rent"
    rent_line: str  # what that cell says (for a woman who can claim, the claim's status)
    rent_note: str  # the statement's note under the summary
    benefit_sentence: str  # the first arrears letter's sentence about her rent's cover
    hb_status: str  # the claim's status, lower case, for a team's letter that still uses it
    credit_words: str  # what the move-out letter adds about a credit
    ending: str  # the move-out letter's paragraph about her claim ending


def account_wording(licence: Licence) -> AccountWording:
    """How her account's papers word the cover of her rent."""
    status = licences.HB_STATUSES.get(licence.hb_status, licence.hb_status)
    if no_recourse(licence):
        payer = settings.nrpf_rent_payer()
        return AccountWording(
            no_recourse_to_public_funds=True,
            rent_label="Your rent",
            rent_line=_RENT_MET_SHORT[payer],
            rent_note="Charges fall due each week in advance. " + _RENT_MET[payer],
            benefit_sentence=_NRPF_SENTENCE.format(rent_met=_RENT_MET[payer]),
            hb_status="not claimed, because you have no recourse to public funds",
            credit_words="",
            ending=_NRPF_ENDING,
        )
    return AccountWording(
        no_recourse_to_public_funds=False,
        rent_label="Housing Benefit",
        rent_line=status,
        rent_note="Charges fall due each week in advance. Housing Benefit is usually paid to us "
        "every four weeks, after the weeks it covers, so part of the balance may be waiting for "
        "it. Your own share is what Housing Benefit does not cover.",
        benefit_sentence=_BENEFIT_SENTENCE.format(hb_status=status.lower()),
        hb_status=status.lower(),
        credit_words=" (or, if Housing Benefit overpaid, we will tell you what goes back to the "
        "council)",
        ending=_BENEFIT_ENDING,
    )
