"""Compliance of a flat on a day, from its certificates (no database needed)."""

from datetime import date

import pytest

from housing_desk.services.compliance import CertificateDates as C, add_years, assess

D = date(2026, 11, 25)


def current(has_gas=True, issued=date(2026, 6, 1)):
    kinds = ["eicr", "epc"] + (["gas_safety"] if has_gas else [])
    return [C(k, issued, add_years(issued, 1 if k == "gas_safety" else 5)) for k in kinds]


def test_all_current_is_ok():
    assert assess(current(), True, D) == ("ok", "All certificates are current.")


def test_missing_required_kind_is_expired_and_named():
    state, notes = assess([c for c in current() if c.kind != "eicr"], True, D)
    assert state == "expired"
    assert "No EICR on file." in notes


def test_gas_is_required_only_when_the_flat_has_gas():
    assert assess(current(has_gas=False), False, D)[0] == "ok"
    assert assess(current(has_gas=False), True, D) == ("expired", "No gas safety record on file.")


def test_certificate_covers_up_to_but_not_including_its_expiry_day():
    certs = [*current(), C("gas_safety", date(2025, 11, 26), date(2026, 11, 26))]
    certs = [c for c in certs if not (c.kind == "gas_safety" and c.issued_on == date(2026, 6, 1))]
    assert assess(certs, True, D)[0] == "due_soon"  # expires tomorrow: still covers today
    assert assess(certs, True, date(2026, 11, 26))[0] == "expired"


@pytest.mark.parametrize("days_left, state", [(60, "due_soon"), (61, "ok"), (1, "due_soon")])
def test_due_soon_is_sixty_days_or_fewer(days_left, state):
    expiry = date.fromordinal(D.toordinal() + days_left)
    certs = [c for c in current() if c.kind != "epc"] + [C("epc", date(2017, 1, 1), expiry)]
    assert assess(certs, True, D)[0] == state


def test_only_certificates_issued_by_the_day_count():
    certs = [c for c in current() if c.kind != "eicr"] + [
        C("eicr", date(2026, 12, 1), date(2031, 12, 1))
    ]
    assert assess(certs, True, D)[0] == "expired"
    assert assess(certs, True, date(2026, 12, 1))[0] == "ok"


def test_latest_certificate_of_a_kind_decides():
    old = C("gas_safety", date(2024, 1, 10), date(2025, 1, 10))
    certs = [c for c in current() if c.kind != "gas_safety"] + [old]
    assert assess(certs, True, D)[0] == "expired"
    renewed = [*certs, C("gas_safety", date(2026, 1, 5), date(2027, 1, 5))]
    state, notes = assess(renewed, True, D)
    assert state == "due_soon"
    assert notes == "Gas safety record expires on 05/01/2027 (in 41 days)."


def test_a_lapsed_optional_kind_makes_it_due_soon_not_expired():
    certs = [*current(), C("pat", date(2025, 1, 1), date(2026, 1, 1))]
    assert assess(certs, True, D) == ("due_soon", "PAT expired on 01/01/2026.")


def test_add_years_handles_leap_days():
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)
