"""Every paper that goes to her, binds the team or goes to partners and funders names the
organisation: each is refused while the organisation's name or address is missing, saying where
to set them, and nothing is recorded as printed."""

from datetime import timedelta

import pytest

from housing_desk import clock
from housing_desk.data.models import Document
from housing_desk.services import (
    accounts,
    licences,
    paperwork,
    report_export,
    settings,
    subject_access,
    support_plans,
    tenancy_warnings,
)
from housing_desk.services.errors import ValidationError
from tests import factories

PAPERS = {
    "licence agreement": lambda a, w: paperwork.licence_agreement(a, w["licence"]),
    "sign-up pack": lambda a, w: paperwork.signup_pack(a, w["licence"]),
    "support plan": lambda a, w: paperwork.support_plan(a, w["plan"]),
    "notice to quit": lambda a, w: paperwork.notice_to_quit(a, w["licence"]),
    "warning letter": lambda a, w: paperwork.warning_letter(a, w["warning"]),
    "account statement": lambda a, w: paperwork.statement(a, w["licence"]),
    "arrears letter": lambda a, w: paperwork.arrears_letter(a, w["licence"]),
    "move-out letter": lambda a, w: paperwork.move_out_letter(a, w["ended"]),
    "her records": lambda a, w: subject_access.export(a, w["woman"]),
    # Papers that leave the team: the partners and funders must know whose they are.
    "availability report": lambda a, w: paperwork.availability_report(a),
    "availability report, team's copy": lambda a, w: paperwork.availability_report(
        a, include_names=True
    ),
    "housing report": lambda a, w: report_export.report_pdf(
        a, clock.today() - timedelta(days=90), clock.today() + timedelta(days=1)
    ),
}


@pytest.fixture
def world(admin, partner):
    today = clock.today()
    woman = factories.ready_woman(admin, given_name="Ana", family_name="Lopes")
    start = today - timedelta(days=70)
    licence = licences.create_licence(
        admin, woman, factories.certified_flat(admin, partner), start_date=start
    )
    factories.sign_up(admin, licence)
    accounts.post_charges(admin, up_to=today)
    plan = support_plans.create_plan(admin, licence)
    warning = tenancy_warnings.issue_warning(
        admin, licence, stage="written", issued_on=today, reason="Visitors after midnight"
    )
    weeks = 5  # the move-out day on her period day, at least four weeks away
    end = start + timedelta(days=7 * ((today - start).days // 7 + weeks))
    licences.give_notice(
        admin, licence, served_on=today, end_date=end, by="licensor", served_how="in_person"
    )
    other = factories.ready_woman(admin, given_name="Bea", family_name="Nowak")
    ended = licences.create_licence(
        admin,
        other,
        factories.certified_flat(admin, partner, reference="NHT-02"),
        start_date=today - timedelta(days=30),
    )
    factories.sign_up(admin, ended)
    licences.end_licence(admin, ended, end_date=today, reason="planned_move_on")
    return {"woman": woman, "licence": licence, "plan": plan, "warning": warning, "ended": ended}


@pytest.mark.parametrize("paper", list(PAPERS))
def test_a_paper_is_refused_until_the_organisation_has_a_name_and_address(admin, world, paper):
    make = PAPERS[paper]
    printed = Document.select().count()
    with pytest.raises(ValidationError) as refused:
        make(admin, world)
    assert refused.value.field == "organisation"
    assert "name and address" in refused.value.message and "Settings" in refused.value.message
    settings.save_organisation(admin, name="Nene Outreach Housing")  # a name alone is not enough
    with pytest.raises(ValidationError) as refused:
        make(admin, world)
    assert "address" in refused.value.message and "name" not in refused.value.message
    assert Document.select().count() == printed
    factories.organisation(admin)
    assert make(admin, world).startswith(b"%PDF")
    assert Document.select().count() == printed + 1
