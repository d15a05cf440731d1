"""The set-up guide's steps: done when the records say so; finished once, for good."""

from datetime import timedelta

import pytest

from housing_desk import clock
from housing_desk.data.models import Setting
from housing_desk.services import audit, flats, settings, setup_guide
from housing_desk.services.errors import PermissionDenied, ValidationError
from tests import factories


def _done():
    return {step.key: step.done for step in setup_guide.steps()}


def test_each_step_is_done_when_the_records_say_so(admin):
    assert _done() == dict.fromkeys(setup_guide.STEPS, False)
    assert setup_guide.offered_to(admin)
    settings.save_organisation(admin, name="Nene Outreach Housing")  # a name is not enough
    assert not _done()["organisation"]
    factories.organisation(admin)
    partner = factories.partner(admin)
    assert _done() == {"organisation": True, "partner": True, "flat": False, "certificates": False}
    flat = factories.flat(admin, partner, has_gas=False)
    assert setup_guide.uncovered_kinds(flat) == ["eicr", "epc"]
    flats.record_certificate(admin, flat, kind="eicr", issued_on=clock.today())
    assert setup_guide.uncovered_kinds(flat) == ["epc"]
    assert not setup_guide.finished()
    flats.record_certificate(admin, flat, kind="epc", issued_on=clock.today())
    assert all(_done().values())
    assert setup_guide.finished() and not setup_guide.offered_to(admin)


def test_an_unsatisfactory_or_lapsed_certificate_leaves_the_step_to_do(admin, partner):
    flat = factories.flat(admin, partner)
    flats.record_certificate(
        admin, flat, kind="gas_safety", issued_on=clock.today(), satisfactory=False
    )
    old = clock.today() - timedelta(days=800)
    flats.record_certificate(admin, flat, kind="eicr", issued_on=old, expires_on=old + timedelta(1))
    assert setup_guide.uncovered_kinds(flat) == ["gas_safety", "eicr", "epc"]


def test_finishing_is_refused_while_a_step_is_left_and_then_lasts(admin, partner):
    with pytest.raises(ValidationError) as refused:
        setup_guide.finish(admin)
    assert refused.value.field == "organisation"
    factories.organisation(admin)
    flat = factories.certified_flat(admin, partner, since=clock.today() - timedelta(days=30))
    setup_guide.finish(admin)
    assert Setting.get(Setting.key == setup_guide.FINISHED_KEY).value == "finished"
    assert audit.events("setting")[-1].changes == {"setup_guide": "finished"}
    setup_guide.finish(admin)  # once is enough: no second row, no second audit event
    assert [e.changes for e in audit.events("setting")].count({"setup_guide": "finished"}) == 1
    flats.update_flat(admin, flat, retired=True)  # the step would be undone; the guide is not
    assert not _done()["flat"]
    assert setup_guide.finished()


def test_only_an_administrator_is_offered_the_guide_or_may_save_its_steps(admin):
    officer = factories.user(admin, "officer")
    assert not setup_guide.offered_to(officer) and not setup_guide.offered_to(None)
    with pytest.raises(PermissionDenied):
        setup_guide.save_organisation(officer, name="Us", address="")
    with pytest.raises(PermissionDenied):
        setup_guide.finish(officer)


def test_the_guide_asks_for_the_address_the_licence_needs(admin):
    with pytest.raises(ValidationError) as refused:
        setup_guide.save_organisation(admin, name="Nene Outreach Housing", address="  ")
    assert refused.value.field == "address"
    assert not Setting.select().where(Setting.key == "organisation.name").exists()
    setup_guide.save_organisation(
        admin, name="Nene Outreach Housing", address="12 Sheep Street\nNorthampton NN1 2LU"
    )
    assert settings.organisation_for_documents().address.startswith("12 Sheep Street")
