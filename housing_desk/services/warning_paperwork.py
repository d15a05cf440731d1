"""The warning letter: a written or final warning, to her, from the team's template."""

from __future__ import annotations

from housing_desk.data.models import TenancyWarning, User
from housing_desk.documents import warning_letter as warning_document
from housing_desk.documents.data import WarningLetterData
from housing_desk.services import permissions, settings, tenancy_warnings, validation
from housing_desk.services.errors import ValidationError


def warning_letter(actor: User, warning: TenancyWarning | int) -> bytes:
    """The letter for a written or final warning, to her, from the team's template; recorded as
    printed."""
    from housing_desk.services import paperwork

    permissions.require(actor, "print")
    warning = tenancy_warnings.get_warning(
        actor, validation.record_id(warning, TenancyWarning, "warning", label="the warning")
    )
    if warning.stage not in tenancy_warnings.LETTER_STAGES:
        raise ValidationError(
            "A verbal warning has no letter; give a written one if needed.", "stage"
        )
    licence, person = warning.licence, warning.person
    keyworker = User.get_or_none(User.id == person.keyworker_id) if person.keyworker_id else None
    data = WarningLetterData(
        organisation=settings.organisation_for_documents(),
        reference=f"WL-{warning.id:06d}",
        stage=warning.stage,
        stage_name=tenancy_warnings.STAGES[warning.stage].lower(),
        resident_name=f"{person.preferred_name or person.given_name} {person.family_name}",
        flat_address=licence.flat.address,
        issued_on=warning.issued_on,
        reason=warning.reason,
        lapses_on=warning.lapses_on,
        officer_name=warning.issued_by.full_name,
        keyworker_name=keyworker.full_name if keyworker else "",
    )
    wording = warning_document.load()
    pdf = warning_document.build(data, wording)
    paperwork.record_document(actor, "warning_letter", "licence", licence.id, wording.version, pdf)
    return pdf
