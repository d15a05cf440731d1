"""The one place that says which actions a licence allows agrees with what the services do."""

from datetime import date

import pytest

from housing_desk.services import licences
from housing_desk.services.errors import ValidationError
from tests import factories

START = date(2025, 3, 3)

ATTEMPTS = {
    "sign_up": lambda admin, licence: licences.complete_signup_item(
        admin, licence, "licence_signed"
    ),
    "notice": lambda admin, licence: licences.give_notice(
        admin, licence, served_on=date(2025, 8, 1), end_date=date(2025, 8, 29), by="licensee"
    ),
    "move_out": lambda admin, licence: licences.end_licence(
        admin, licence, end_date=date(2025, 9, 1), reason="planned_move_on"
    ),
}


def _licence_in(admin, partner, status):
    home = factories.certified_flat(admin, partner)
    licence = licences.create_licence(admin, factories.ready_woman(admin), home, start_date=START)
    if status != "pending_signup":
        licence = factories.sign_up(admin, licence)
    if status in ("notice", "ended"):
        licence = licences.give_notice(
            admin, licence, served_on=date(2025, 6, 2), end_date=date(2025, 7, 7), by="licensee"
        )
    if status == "ended":
        licence = licences.end_licence(
            admin, licence, end_date=date(2025, 7, 7), reason="planned_move_on"
        )
    return licences.get_licence(admin, licence.id)


@pytest.mark.parametrize("status", ["pending_signup", "active", "notice", "ended"])
def test_allowed_actions_say_what_the_services_accept(admin, partner, status):
    licence = _licence_in(admin, partner, status)
    assert licence.status == status
    allowed = licences.allowed_actions(licence, admin)
    assert set(allowed) == set(licences.LICENCE_ACTIONS) == set(ATTEMPTS)
    for action, attempt in ATTEMPTS.items():
        with factories.rolled_back():
            try:
                attempt(admin, licences.get_licence(admin, licence.id))
                accepted = True
            except ValidationError as refused:
                assert refused.field is None, refused.message  # refused for its status
                accepted = False
        assert accepted == allowed[action], (status, action)


def test_a_viewer_is_offered_nothing(admin, partner):
    viewer = factories.user(admin, "viewer")
    licence = _licence_in(admin, partner, "active")
    assert not any(licences.allowed_actions(licence, viewer).values())
    assert licences.allowed_actions(licence)["notice"]  # the rule alone, without a role
