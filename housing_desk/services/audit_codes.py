"""The words for the codes an audit row keeps (a status, a kind, a reason), as the rest of the
program shows them: each is read from the table of the service that owns the code, never copied.

A write service that audits a new coded field names it here, by the kind of record and the field,
with the service's own table; a test walks every coded field the write services audit and fails
on one that would read as its raw code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

Table = Mapping[Any, str]


def _tables() -> dict[tuple[str, str], Callable[[], Table]]:
    # Imported here: these services import the audit module, which reads this one.
    from housing_desk.services import (
        access_requests,
        accounts,
        allocations,
        assessments,
        attachments,
        compliance,
        endings,
        flats,
        housing_benefit,
        incidents,
        keywork,
        licences,
        paperwork,
        partners,
        payer_settings,
        referrals,
        repairs,
        signup,
        support_plans,
        tenancy_warnings,
        tenure,
        users,
    )

    def certificate_kinds() -> Table:
        return {key: label for key, (label, _years) in compliance.CERTIFICATE_KINDS.items()}

    def referral_reasons() -> Table:
        return {k: v for reasons in referrals.REASONS.values() for k, v in reasons.items()}

    def documents() -> Table:
        return paperwork.KINDS

    def excluded() -> Table:
        return tenure.EXCLUDED_SHORT

    return {
        ("absence", "reason"): lambda: housing_benefit.ABSENCE_REASONS,
        ("assessment", "outcome"): lambda: assessments.OUTCOMES,
        ("attachment", "kind"): lambda: attachments.KINDS,
        ("certificate", "kind"): certificate_kinds,
        ("flat", "excluded_category"): excluded,
        ("goal", "domain"): lambda: assessments.DOMAIN_LABELS,
        ("goal", "status"): lambda: support_plans.GOAL_STATUSES,
        ("hb_decision", "decision"): lambda: housing_benefit.DECISIONS,
        ("incident", "kind"): lambda: incidents.KINDS,
        ("incident", "severity"): lambda: incidents.SEVERITIES,
        ("keywork_session", "kind"): lambda: keywork.KINDS,
        ("licence", "agreement_type"): lambda: tenure.AGREEMENT_TYPES,
        ("setting", payer_settings.SUPPORT_PAYER_KEY): lambda: payer_settings.SUPPORT_PAYERS,
        ("setting", payer_settings.NRPF_RENT_KEY): lambda: payer_settings.NRPF_RENT_PAYERS,
        ("licence", "by"): lambda: endings.NOTICE_GIVEN_BY,
        ("licence", "end_reason"): lambda: endings.END_REASONS,
        ("licence", "excluded_category"): excluded,
        ("licence", "hb_status"): lambda: licences.HB_STATUSES,
        ("licence", "notice_by"): lambda: endings.NOTICE_GIVEN_BY,
        ("licence", "reason"): lambda: endings.END_REASONS,
        ("licence", "served_how"): lambda: tenure.SERVED_HOW,
        ("licence", "status"): lambda: licences.STATUSES,
        ("offer", "reason"): lambda: allocations.REFUSAL_REASONS,
        ("offer", "status"): lambda: allocations.OFFER_STATUSES,
        ("partner", "kind"): lambda: partners.PARTNER_KINDS,
        ("payment", "source"): lambda: accounts.SOURCES,
        ("referral", "decision_reason"): referral_reasons,
        ("referral", "priority"): lambda: referrals.PRIORITIES,
        ("referral", "reason"): referral_reasons,
        ("referral", "source"): lambda: referrals.SOURCES,
        ("referral", "status"): lambda: referrals.STATUS_LABELS,
        ("repair", "priority"): lambda: repairs.PRIORITIES,
        ("signup_item", "key"): lambda: signup.CHECKLIST_LABELS,
        ("subject_access_request", "status"): lambda: access_requests.STATUSES,
        ("support_plan", "status"): lambda: support_plans.STATUSES,
        ("tenancy_warning", "stage"): lambda: tenancy_warnings.STAGES,
        ("unavailability", "reason"): lambda: flats.UNAVAILABILITY_REASONS,
        ("user", "role"): lambda: users.ROLE_LABELS,
        # what was printed: the same names as the record of printed documents
        **{(entity, "document"): documents for entity in _PRINTED_ON},
    }


# The kinds of record a printed document is filed under.
_PRINTED_ON = ("licence", "support_plan", "board", "person", "report", "tenancy_warning")


@cache
def coded_fields() -> dict[tuple[str, str], Table]:
    """``{(entity, field): {code: label}}`` for every coded field the audit shows in words."""
    return {key: table() for key, table in _tables().items()}


def label(entity: str, field: str, value: object) -> str | None:
    """The label the program shows for ``value`` of ``entity``'s ``field``; None when the field
    holds no code of a known table (or ``value`` is not one of its codes)."""
    table = coded_fields().get((entity, field))
    if table is None or isinstance(value, (bool, list, dict)) or value is None:
        return None
    found = table.get(value)
    return found if isinstance(found, str) else None
