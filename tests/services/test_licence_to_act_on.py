"""The board's licence of a flat: on her move-out day the flat is free by its dates, yet her
move-out is still to record, so the board must still act on her licence."""

from datetime import date

from housing_desk.services import licence_register, licences
from tests import factories

START = date(2025, 6, 2)  # a Monday


def test_her_licence_is_acted_on_until_her_move_out_is_recorded(admin, partner):
    home = factories.certified_flat(admin, partner)
    woman = factories.ready_woman(admin)
    licence = factories.sign_up(
        admin, licences.create_licence(admin, woman, home, start_date=START)
    )
    noticed = licences.give_notice(
        admin,
        licence,
        served_on=date(2025, 8, 1),
        end_date=date(2025, 9, 1),
        by="licensee",
    )
    during = licence_register.licence_to_act_on(admin, home.id, date(2025, 8, 31))
    assert during.id == licence.id
    # The dates alone no longer cover the move-out day or the days after it...
    assert licence_register.current_licence_of_flat(admin, home.id, noticed.end_date) is None
    # ...but her move-out is not recorded yet: the board still offers it.
    for day in (noticed.end_date, date(2025, 9, 10)):
        assert licence_register.licence_to_act_on(admin, home.id, day).id == licence.id
    licences.end_licence(admin, noticed, end_date=noticed.end_date, reason="planned_move_on")
    assert licence_register.licence_to_act_on(admin, home.id, date(2025, 9, 10)) is None


def test_a_flat_never_let_has_no_licence_to_act_on(admin, partner):
    home = factories.certified_flat(admin, partner)
    assert licence_register.licence_to_act_on(admin, home.id, date(2025, 9, 1)) is None


def test_a_key_recorded_during_sign_up_ticks_keys_issued(admin, partner):
    from housing_desk.data.models import AuditEvent

    home = factories.certified_flat(admin, partner)
    woman = factories.ready_woman(admin)
    licence = licences.create_licence(admin, woman, home, start_date=START)
    done = {i.key: i.done for i in licences.checklist(admin, licence)}
    assert done["keys_issued"] is False
    licences.add_key(admin, licence, label="Front door key 1")
    licences.add_key(admin, licence, label="Entry fob 4401")
    item = {i.key: i for i in licences.checklist(admin, licence)}["keys_issued"]
    assert item.done and item.done_by_id == admin.id
    ticks = AuditEvent.select().where(
        (AuditEvent.entity == "signup_item") & (AuditEvent.entity_id == licence.id)
    )
    assert ticks.count() == 1  # the second key changes nothing on the checklist
    others = [i.key for i in licences.checklist(admin, licence) if i.done]
    assert others == ["keys_issued"]
