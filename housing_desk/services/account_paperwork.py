"""Her account's paperwork: the statement, and the letters about arrears."""

from __future__ import annotations

from datetime import date

from housing_desk import clock
from housing_desk.data.models import Licence, User
from housing_desk.documents import account_statement, letter
from housing_desk.documents.account_data import LetterData, StatementData, StatementRow
from housing_desk.documents.template import TemplateError
from housing_desk.services import (
    accounts,
    arrears,
    licences,
    permissions,
    settings,
    validation,
)
from housing_desk.services.account_wording import account_wording
from housing_desk.services.errors import ValidationError

LETTERS = {
    "first": ("arrears_first_letter.txt", "First letter about arrears"),
    "plan": ("arrears_plan_letter.txt", "Let's agree a plan"),
}
MOVE_OUT_LETTER = "move_out_letter.txt"
MOVE_OUT_PLACEHOLDERS = {
    "agreement_word",
    "flat_address",
    "end_date",
    "final_balance",
    "balance_sentence",
    "benefit_ending",
    "organisation_phone",
}
LETTER_PLACEHOLDERS = {
    "flat_address",
    "her_balance",
    "dated",
    "age",
    "weekly_charge",
    "hb_status",
    "keyworker",
    "organisation_phone",
    "plan_sentence",
    "agreement_word",
    "benefit_sentence",
}


def _licence(licence: Licence | int) -> Licence:
    return licences.stored_licence(validation.record_id(licence, Licence, "licence"))


def _name(licence: Licence) -> str:
    person = licence.person
    return f"{person.given_name} {person.family_name}"


def statement(actor: User, licence: Licence | int, *, start: date | None = None) -> bytes:
    """Her account statement as PDF bytes (her own document); recorded as printed."""
    from housing_desk.services import paperwork  # which offers this function as its own

    permissions.require(actor, "print")
    licence = _licence(licence)
    start = validation.a_date(start, "start", label="From", required=False)
    account = arrears.statement(licence, start=start)
    wording = account_wording(licence)
    data = StatementData(
        organisation=settings.organisation_for_documents(),
        reference=f"{paperwork.licence_reference(licence)}-ST",
        resident_name=_name(licence),
        flat_address=licence.flat.address,
        printed_on=clock.today(),
        start=start,
        opening_balance=account.opening_balance,
        rows=tuple(
            StatementRow(line.on, line.description, line.charge, line.payment, line.balance)
            for line in account.lines
        ),
        balance=account.balance,
        her_balance=account.her_balance,
        hb_balance=account.hb_balance,
        rent_label=wording.rent_label,
        rent_line=wording.rent_line,
        rent_note=wording.rent_note,
        no_recourse_to_public_funds=wording.no_recourse_to_public_funds,
    )
    pdf = account_statement.build(data)
    paperwork.record_document(
        actor, "account_statement", "licence", licence.id, account_statement.VERSION, pdf
    )
    return pdf


def arrears_letter(actor: User, licence: Licence | int, *, stage: str = "first") -> bytes:
    """A letter to her about arrears: the first letter, or 'let's agree a plan'."""
    from housing_desk.services import paperwork

    permissions.require(actor, "print")
    stage = validation.choice(stage, "stage", label="Letter", choices=tuple(LETTERS))
    licence = _licence(licence)
    try:
        wording = letter.load(LETTERS[stage][0], LETTER_PLACEHOLDERS)
    except TemplateError as error:
        raise ValidationError(str(error), "stage") from None
    today = clock.today()
    row = next((r for r in arrears.arrears(today) if r.licence_id == licence.id), None)
    if row is None or row.her_balance <= 0:
        raise ValidationError("Her own share of the account is not in arrears.", None)
    person = licence.person
    keyworker = User.get_or_none(User.id == person.keyworker_id) if person.keyworker_id else None
    plan = arrears.plan_in_force(licence, today)
    organisation = settings.organisation_for_documents()
    cover = account_wording(licence)
    values = {
        "flat_address": licence.flat.address,
        "her_balance": f"£{row.her_balance:,.2f}",
        "dated": validation.uk_date(today),
        "age": row.age.replace("+", " or more").replace("–", " to "),
        "weekly_charge": f"£{accounts.weekly_charge(licence):,.2f}",
        "hb_status": cover.hb_status,
        "benefit_sentence": cover.benefit_sentence,
        "keyworker": f"your keyworker, {keyworker.full_name}," if keyworker else "your keyworker",
        "organisation_phone": organisation.phone or "the number above",
        "plan_sentence": (
            f"We have noted £{plan.weekly_amount:,.2f} a week from "
            f"{validation.uk_date(plan.start_on)}; tell us if that has become too much."
            if plan
            else "We will work the amount out with you."
        ),
        "agreement_word": "tenancy" if licence.agreement_type == "assured_periodic" else "licence",
    }
    data = LetterData(
        organisation=organisation,
        reference=f"{paperwork.licence_reference(licence)}-AR{1 if stage == 'first' else 2}",
        resident_name=_name(licence),
        first_name=person.preferred_name or person.given_name,
        flat_address=licence.flat.address,
        dated=today,
        officer_name=actor.full_name,
        values=values,
    )
    pdf = letter.build(data, wording)
    paperwork.record_document(actor, "arrears_letter", "licence", licence.id, wording.version, pdf)
    return pdf


def move_out_letter(actor: User, licence: Licence | int) -> bytes:
    """The letter that closes her account after she has moved out: its final balance."""
    from housing_desk.services import paperwork

    permissions.require(actor, "print")
    licence = _licence(licence)
    if licence.status != "ended":
        raise ValidationError("This letter is for a licence that has ended.", None)
    try:
        wording = letter.load(MOVE_OUT_LETTER, MOVE_OUT_PLACEHOLDERS)
    except TemplateError as error:
        raise ValidationError(str(error), None) from None
    balance = arrears.statement(licence).balance
    organisation = settings.organisation_for_documents()
    cover = account_wording(licence)
    if balance > 0:
        sentence = (
            f"You still owe £{balance:,.2f}. We would like to agree with you a way to pay it that "
            "you can manage, a small amount at a time if that is easier: please get in touch."
        )
    elif balance < 0:
        sentence = (
            f"You are £{-balance:,.2f} in credit. Tell us how you would like it paid back to you"
            f"{cover.credit_words}."
        )
    else:
        sentence = "There is nothing to pay, and nothing owed to you: your account is closed."
    person = licence.person
    values = {
        "agreement_word": "tenancy" if licence.agreement_type == "assured_periodic" else "licence",
        "flat_address": licence.flat.address,
        "end_date": validation.uk_date(licence.end_date),
        "final_balance": arrears.owed_words(balance),
        "balance_sentence": sentence,
        "benefit_ending": cover.ending,
        "organisation_phone": organisation.phone or "the number above",
    }
    data = LetterData(
        organisation=organisation,
        reference=f"{paperwork.licence_reference(licence)}-MO",
        resident_name=_name(licence),
        first_name=person.preferred_name or person.given_name,
        flat_address="",  # she has left the flat: the letter goes by hand or where she said
        dated=clock.today(),
        officer_name=actor.full_name,
        values=values,
    )
    pdf = letter.build(data, wording)
    paperwork.record_document(actor, "move_out_letter", "licence", licence.id, wording.version, pdf)
    return pdf
