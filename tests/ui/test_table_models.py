"""Every table model passes Qt's model tester with real rows, and sorts and filters as expected."""

from datetime import date

from PySide6.QtCore import Qt

from housing_desk.services import flats
from housing_desk.ui.board_page import BOARD_COLUMNS
from housing_desk.ui.flats_page import CERTIFICATE_COLUMNS, FLAT_COLUMNS, UNAVAILABLE_COLUMNS
from housing_desk.ui.partners_page import PARTNER_COLUMNS
from housing_desk.ui.table_model import FilterProxy, PagedTableModel, RowTableModel


def check(qtmodeltester, columns, rows):
    model = RowTableModel(columns)
    qtmodeltester.check(model, force_py=True)
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)
    proxy = FilterProxy(model)
    qtmodeltester.check(proxy, force_py=True)
    return model, proxy


def test_board_model(qtmodeltester, three_flats):
    model, proxy = check(qtmodeltester, BOARD_COLUMNS, flats.availability())
    assert model.rowCount() == 3
    assert model.data(model.index(0, 0)) == "CNC-07"
    assert model.data(model.index(0, 5), Qt.ItemDataRole.ToolTipRole).startswith("No EICR")
    proxy.setFilterFixedString("out of use")
    assert proxy.rowCount() == 1
    assert proxy.source_row(proxy.index(0, 0)).reference == "NHT-02"


def test_flat_models(qtmodeltester, three_flats):
    first, second, _ = three_flats
    model, proxy = check(qtmodeltester, FLAT_COLUMNS, flats.list_flats())
    assert model.data(model.index(0, 8)) == "£175.45"
    proxy.sort(8, Qt.SortOrder.DescendingOrder)
    check(qtmodeltester, CERTIFICATE_COLUMNS, flats.certificates(first))
    check(qtmodeltester, UNAVAILABLE_COLUMNS, flats.unavailabilities(second))


def test_partner_model(qtmodeltester, partner):
    model, _ = check(qtmodeltester, PARTNER_COLUMNS, flats.list_partners())
    assert model.data(model.index(0, 1)) == "Housing charity"


def test_dates_sort_as_dates_not_text(qtmodeltester, admin, flat):
    flats.mark_unavailable(
        admin, flat, start=date(2026, 2, 10), end=date(2026, 3, 1), reason="repairs"
    )
    flats.mark_unavailable(
        admin, flat, start=date(2025, 12, 31), end=date(2026, 1, 5), reason="repairs"
    )
    _, proxy = check(qtmodeltester, UNAVAILABLE_COLUMNS, flats.unavailabilities(flat))
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert [proxy.data(proxy.index(r, 0)) for r in range(2)] == ["31/12/2025", "10/02/2026"]


def test_people_and_referral_models(qapp, qtmodeltester, admin):
    from housing_desk.services import assessments, people, referral_list, referrals, waiting_list
    from housing_desk.ui.people_page import PEOPLE_COLUMNS
    from housing_desk.ui.person_panel import ASSESSMENT_COLUMNS, REFERRAL_COLUMNS
    from housing_desk.ui.referrals_page import (
        REFERRAL_COLUMNS as ALL_REFERRAL_COLUMNS,
        WAITING_COLUMNS,
    )
    from tests import factories

    woman = factories.person(admin, do_not_disclose=True)
    factories.accepted(admin, woman)
    model = PagedTableModel(
        PEOPLE_COLUMNS,
        lambda offset, limit, order, descending: people.people_page(
            admin, offset=offset, limit=limit, order=order, descending=descending
        ),
    )
    model.reload()
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) is not None  # the lock
    check(qtmodeltester, REFERRAL_COLUMNS, referrals.for_person(admin, woman))
    check(qtmodeltester, ASSESSMENT_COLUMNS, assessments.history(admin, woman))
    check(qtmodeltester, WAITING_COLUMNS, waiting_list.waiting_list(admin))
    check(qtmodeltester, ALL_REFERRAL_COLUMNS, referral_list.list_referrals(admin))


def test_tenancy_models(qtmodeltester, admin, partner):
    from datetime import date as day

    from housing_desk.services import allocations, licence_register, licences
    from housing_desk.ui.licences_page import LICENCE_COLUMNS
    from housing_desk.ui.match_dialog import CANDIDATE_COLUMNS
    from tests import factories

    home = factories.certified_flat(admin, partner)
    woman = factories.person(admin)
    factories.accepted(admin, woman)
    check(qtmodeltester, CANDIDATE_COLUMNS, allocations.candidates(home))
    other = factories.ready_woman(admin, given_name="Bea", family_name="Nowak")
    licences.create_licence(admin, other, home, start_date=day(2025, 1, 1))
    model, _ = check(qtmodeltester, LICENCE_COLUMNS, licence_register.list_licences(admin, "all"))
    assert model.data(model.index(0, 5)) == "£175.45"


def test_a_paged_model_reads_on_as_it_scrolls_and_orders_in_the_database(
    qapp, qtmodeltester, admin
):
    from housing_desk.services import people
    from housing_desk.ui.people_page import PEOPLE_COLUMNS
    from tests import factories

    for given, born in (
        ("Ada", date(1990, 1, 1)),
        ("Bea", date(1980, 1, 1)),
        ("Cat", None),
        ("Dee", date(1970, 1, 1)),
        ("Eve", date(1960, 1, 1)),
    ):
        factories.person(admin, given_name=given, family_name="Kowalska", date_of_birth=born)
    reads = []

    def fetch(offset, limit, order, descending):
        reads.append((offset, limit, order, descending))
        return people.people_page(
            admin, offset=offset, limit=limit, order=order, descending=descending
        )

    model = PagedTableModel(PEOPLE_COLUMNS, fetch)
    model.page_size = 2
    model.reload()
    assert model.rowCount() == 2 and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert [r.name.split()[0] for r in model.rows()] == ["Ada", "Bea", "Cat", "Dee", "Eve"]
    assert not model.canFetchMore()
    assert reads == [(0, 2, "name", False), (2, 2, "name", False), (4, 2, "name", False)]
    model.sort(1, Qt.SortOrder.DescendingOrder)  # date of birth, newest first, blanks last
    model.fetch_all()
    assert [r.name.split()[0] for r in model.rows()] == ["Ada", "Bea", "Dee", "Eve", "Cat"]
    reads.clear()
    model.sort(1, Qt.SortOrder.DescendingOrder)  # the same order again reads nothing
    assert reads == []
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == 2
    assert model.find_row(lambda r: r.name.startswith("Eve")) == 4  # read on to find her
    assert model.rowCount() == 5 and model.find_row(lambda r: r.name == "Nobody") is None
    model.reload()
    qtmodeltester.check(model, force_py=True)  # the tester reads on itself
