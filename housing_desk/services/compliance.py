"""Safety certificates: their kinds and validity, and whether a flat is compliant on a date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from housing_desk.services.validation import uk_date

if TYPE_CHECKING:
    from collections.abc import Iterable

# kind: (plain name, default validity in calendar years)
CERTIFICATE_KINDS = {
    "gas_safety": ("Gas safety record", 1),
    "eicr": ("Electrical installation condition report (EICR)", 5),
    "epc": ("Energy performance certificate (EPC)", 10),
    "fire_risk": ("Fire risk assessment", 1),
    "alarms": ("Smoke and CO alarm check", 1),
    "legionella": ("Legionella risk assessment", 2),
    "pat": ("Portable appliance test (PAT)", 1),
}
SHORT_NAMES = {
    "gas_safety": "Gas safety record",
    "eicr": "EICR",
    "epc": "EPC",
    "fire_risk": "Fire risk assessment",
    "alarms": "Alarm check",
    "legionella": "Legionella assessment",
    "pat": "PAT",
}


def noun(kind: str) -> str:
    # Mid-sentence: 'No gas safety record on file', but 'No EICR on file'.
    name = SHORT_NAMES[kind]
    return name if name[:2].isupper() else name[0].lower() + name[1:]


DUE_SOON_DAYS = 60
STATES = ("ok", "due_soon", "expired")


@dataclass(frozen=True)
class CertificateDates:
    kind: str
    issued_on: date
    expires_on: date
    satisfactory: bool = True  # an unsatisfactory gas safety record or EICR covers nothing


def add_years(day: date, years: int) -> date:
    """The same day ``years`` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def required_kinds(has_gas: bool) -> tuple[str, ...]:
    return ("gas_safety", "eicr", "epc") if has_gas else ("eicr", "epc")


def latest_by_kind(
    certificates: Iterable[CertificateDates], on: date
) -> dict[str, CertificateDates]:
    """The latest certificate of each kind issued on or before ``on``."""
    latest: dict[str, CertificateDates] = {}
    for cert in certificates:
        if cert.issued_on > on:
            continue
        held = latest.get(cert.kind)
        # On one day a pass (after the remedial work) comes after the failed check.
        if held is None or _order(cert) > _order(held):
            latest[cert.kind] = cert
    return latest


def missing(certificates: Iterable[CertificateDates], has_gas: bool, on: date) -> str:
    """Why a flat cannot be let on ``on``, in a few words ('gas safety expired, no EPC on file');
    empty when every required certificate covers the day."""
    latest = latest_by_kind(certificates, on)
    reasons = []
    for kind in required_kinds(has_gas):
        cert = latest.get(kind)
        if cert is None:
            reasons.append(f"no {noun(kind)} on file")
        elif not cert.satisfactory:
            reasons.append(f"{noun(kind).removesuffix(' record')} unsatisfactory")
        elif cert.expires_on <= on:
            reasons.append(f"{noun(kind).removesuffix(' record')} expired")  # 'gas safety expired'

    return ", ".join(reasons)


def _order(cert: CertificateDates) -> tuple:
    return (cert.issued_on, cert.satisfactory, cert.expires_on)


def _lapsed(cert: CertificateDates, on: date) -> str:
    """Why ``cert`` does not cover ``on`` ('' when it does)."""
    if not cert.satisfactory:
        return f"{SHORT_NAMES[cert.kind]} of {uk_date(cert.issued_on)} was unsatisfactory."
    if cert.expires_on <= on:
        return f"{SHORT_NAMES[cert.kind]} expired on {uk_date(cert.expires_on)}."
    return ""


def assess(certificates: Iterable[CertificateDates], has_gas: bool, on: date) -> tuple[str, str]:
    """``(state, notes)`` for a flat on ``on`` from its certificates.

    ``expired`` when a required kind has no certificate covering the day (an unsatisfactory
    one covers nothing until a satisfactory one is recorded); else
    ``due_soon`` when any recorded kind has lapsed or lapses within 60 days; else ``ok``.
    """
    latest = latest_by_kind(certificates, on)
    problems: list[str] = []
    warnings: list[str] = []
    for kind in required_kinds(has_gas):
        cert = latest.get(kind)
        if cert is None:
            problems.append(f"No {noun(kind)} on file.")
        elif _lapsed(cert, on):
            problems.append(_lapsed(cert, on))
    for kind, cert in sorted(latest.items(), key=lambda item: item[1].expires_on):
        days = (cert.expires_on - on).days
        if _lapsed(cert, on):
            if kind not in required_kinds(has_gas):
                warnings.append(_lapsed(cert, on))
        elif days <= DUE_SOON_DAYS:
            when = "tomorrow" if days == 1 else f"in {days} days"
            warnings.append(f"{SHORT_NAMES[kind]} expires on {uk_date(cert.expires_on)} ({when}).")
    if problems:
        return "expired", " ".join(problems + warnings)
    if warnings:
        return "due_soon", " ".join(warnings)
    return "ok", "All certificates are current."
