"""People's records: names kept exactly, the rules on each field, duplicates spotted."""

from datetime import date, timedelta

import pytest

from housing_desk import clock
from housing_desk.data.models import AuditEvent, Person
from housing_desk.services import audit, people
from housing_desk.services.errors import ConflictError, PermissionDenied, ValidationError
from tests import factories

NAMES = [
    ("Agnieszka", "Wójcik-Brzęczyszczykiewicz"),  # Polish
    ("Ștefania", "Țăranu"),  # Romanian (comma-below letters)
    ("Erzsébet", "Szőke-Kővári"),  # Hungarian (double acute)
    ("Ayşe Gül", "Yılmaz Çağlar"),  # Turkish (dotless i, cedillas)
    ("Siobhán", "Ní Bhriain"),  # Irish
    ("Gráinne", "O'Sullivan"),
    ("Kateřina", "Dvořáková"),  # Czech
]


@pytest.mark.parametrize("given, family", NAMES)
def test_names_in_every_european_language_round_trip_exactly(admin, given, family):
    person = factories.person(
        admin, given_name=given, family_name=family, preferred_name=given.split()[0]
    )
    stored = Person.get_by_id(person.id)
    assert (stored.given_name, stored.family_name) == (given, family)
    assert stored.display_name == f"{given.split()[0]} {family}"


def test_every_field_is_stored(admin):
    officer = factories.user(admin, "officer")
    person = factories.person(
        admin,
        preferred_name="Ioni",
        date_of_birth=date(1994, 5, 17),
        ni_number="ab 12 34 56 c",
        phone="07700 900123",
        safe_contact="Text only, never call",
        message_ok=False,
        do_not_disclose=True,
        needs_step_free=True,
        areas_to_avoid="nn1 nn3,NN1",
        notes="  <b>Likes</b> & 'dislikes'\n\n",
        keyworker=officer,
    )
    stored = Person.get_by_id(person.id)
    assert stored.ni_number == "AB123456C"
    assert stored.areas_to_avoid == "NN1, NN3"
    assert stored.areas_to_avoid_list == ["NN1", "NN3"]
    assert stored.notes == "  <b>Likes</b> & 'dislikes'\n\n"
    assert stored.keyworker_id == officer.id
    assert stored.do_not_disclose and stored.needs_step_free and not stored.message_ok
    event = audit.events("person", person.id)[0]
    assert event.action == "create" and "notes" not in event.changes


@pytest.mark.parametrize(
    "field, value",
    [
        ("given_name", ""),
        ("given_name", "   "),
        ("family_name", ""),
        ("given_name", "A" * 101),
        ("family_name", "Smith2"),
        ("preferred_name", "<script>"),
        ("date_of_birth", clock.today() + timedelta(days=1)),
        ("date_of_birth", clock.today() - timedelta(days=365 * 15)),
        ("ni_number", "AB123"),
        ("ni_number", "DA123456A"),
        ("ni_number", "AB123456E"),
        ("areas_to_avoid", "NN1, Northampton"),
        ("phone", "call me"),
        ("do_not_disclose", "yes"),
        ("keyworker", 999),
    ],
)
def test_each_bad_field_is_named_and_nothing_is_saved(admin, field, value):
    details = {"given_name": "Ioana", "family_name": "Popescu", field: value}
    with pytest.raises(ValidationError) as error:
        people.create_person(admin, **details)
    assert error.value.field == field
    assert Person.select().count() == 0
    assert not AuditEvent.select().where(AuditEvent.entity == "person").exists()


def test_sixteen_today_is_old_enough(admin):
    today = clock.today()
    born = (
        today.replace(year=today.year - 16)
        if not (today.month == 2 and today.day == 29)
        else date(today.year - 16, 2, 28)
    )
    assert factories.person(admin, date_of_birth=born).date_of_birth == born


def test_a_viewer_cannot_be_a_keyworker(admin):
    viewer = factories.user(admin, "viewer")
    with pytest.raises(ValidationError) as error:
        factories.person(admin, keyworker=viewer)
    assert error.value.field == "keyworker"


def test_update_person_checks_the_version(admin):
    person = factories.person(admin)
    people.update_person(admin, person, phone="07700 900001")
    with pytest.raises(ConflictError):
        people.update_person(admin, person, phone="07700 900002")
    assert Person.get_by_id(person.id).phone == "07700 900001"


def test_update_keeps_the_search_name_current(admin):
    person = factories.person(admin, given_name="Ioana", family_name="Popescu")
    people.update_person(admin, person, family_name="Ionescu")
    assert people.possible_duplicates(admin, "IOANA", "ionescu")[0].id == person.id
    notes_event = people.update_person(
        admin, people.get_person(admin, person.id), notes="private words"
    )
    assert audit.events("person", person.id)[-1].changes == {"notes": "changed"}
    assert notes_event.notes == "private words"


@pytest.mark.parametrize(
    "given, family, born",
    [
        ("IOANA", "POPESCU", date(1994, 5, 17)),
        ("Ioána", "Pópescu", date(1994, 5, 17)),
        ("ioana", "popescu", None),
    ],
)
def test_possible_duplicates_ignore_accents_and_case(admin, given, family, born):
    existing = factories.person(admin, date_of_birth=date(1994, 5, 17))
    assert [p.id for p in people.possible_duplicates(admin, given, family, born)] == [existing.id]


def test_a_different_birthday_is_a_different_woman(admin):
    factories.person(admin, date_of_birth=date(1994, 5, 17))
    assert people.possible_duplicates(admin, "Ioana", "Popescu", date(1990, 1, 2)) == []
    assert people.possible_duplicates(admin, "Maria", "Popescu", date(1994, 5, 17)) == []


def test_preferred_name_counts_for_duplicates(admin):
    existing = factories.person(
        admin, given_name="Ștefania", family_name="Țăranu", preferred_name="Ștefi"
    )
    assert people.possible_duplicates(admin, "Stefi", "Taranu")[0].id == existing.id


def test_turkish_and_polish_letters_fold(admin):
    existing = factories.person(admin, given_name="Ayşe", family_name="Yılmaz")
    factories.person(admin, given_name="Łucja", family_name="Żak")
    assert people.possible_duplicates(admin, "Ayse", "Yilmaz")[0].id == existing.id
    assert len(people.possible_duplicates(admin, "Lucja", "Zak")) == 1


def test_list_people_shows_status_and_keyworker(admin):
    officer = factories.user(admin, "officer")
    first = factories.person(admin, keyworker=officer)
    factories.person(admin, given_name="Hodan", family_name="Warsame", do_not_disclose=True)
    factories.person(admin, given_name="Archived", family_name="Person", archived=True)
    factories.accepted(admin, first)
    rows = {r.name: r for r in people.list_people(admin)}
    assert set(rows) == {"Ioana Popescu", "Hodan Warsame"}
    assert rows["Ioana Popescu"].status_label == "On the waiting list"
    assert rows["Ioana Popescu"].keyworker == "A officer"
    assert (
        rows["Hodan Warsame"].status_label == "Not referred"
        and rows["Hodan Warsame"].do_not_disclose
    )
    assert len(people.list_people(admin, include_archived=True)) == 3


def test_viewers_cannot_write_people(admin):
    viewer = factories.user(admin, "viewer")
    with pytest.raises(PermissionDenied):
        factories.person(viewer)


def test_the_people_list_is_ordered_and_filtered_by_the_database(admin):
    officer = factories.user(admin, "officer")
    smith = factories.person(
        admin, given_name="Zoe", family_name="Smith", date_of_birth=date(1990, 5, 1)
    )
    factories.person(admin, given_name="Ann", family_name="Smithers", keyworker=officer)
    factories.person(
        admin, given_name="Siobhán", family_name="Ní Bhriain", date_of_birth=date(1985, 1, 2)
    )
    factories.person(admin, given_name="Łucja", family_name="Żak", preferred_name="Lucy")
    factories.accepted(admin, smith)
    names_of = lambda rows: [r.name for r in rows]  # noqa: E731
    # Family name then first name, word by word, accents and case ignored, on either engine.
    assert names_of(people.people_page(admin)) == [
        "Siobhán Ní Bhriain",
        "Zoe Smith",
        "Ann Smithers",
        "Lucy Żak",
    ]
    assert names_of(people.people_page(admin, descending=True)) == [
        "Lucy Żak",
        "Ann Smithers",
        "Zoe Smith",
        "Siobhán Ní Bhriain",
    ]
    # Blanks last, whichever way.
    assert names_of(people.people_page(admin, order="date_of_birth"))[:2] == [
        "Siobhán Ní Bhriain",
        "Zoe Smith",
    ]
    assert names_of(people.people_page(admin, order="date_of_birth", descending=True))[:2] == [
        "Zoe Smith",
        "Siobhán Ní Bhriain",
    ]
    assert names_of(people.people_page(admin, order="keyworker")) == [
        "Ann Smithers",
        "Siobhán Ní Bhriain",
        "Zoe Smith",
        "Lucy Żak",
    ]
    # By what the status column shows: "Not referred" before "On the waiting list".
    assert names_of(people.people_page(admin, order="status"))[-1] == "Zoe Smith"
    # A page at a time.
    assert names_of(people.people_page(admin, offset=1, limit=2)) == ["Zoe Smith", "Ann Smithers"]
    assert names_of(people.people_page(admin, offset=4)) == []
    # Filters, accents and case ignored in the name.
    assert names_of(people.people_page(admin, people.PeopleFilter(text="ZAK"))) == ["Lucy Żak"]
    assert names_of(people.people_page(admin, people.PeopleFilter(text="smith"))) == [
        "Zoe Smith",
        "Ann Smithers",
    ]
    assert names_of(people.people_page(admin, people.PeopleFilter(status="accepted"))) == [
        "Zoe Smith"
    ]
    assert len(people.people_page(admin, people.PeopleFilter(status=""))) == 3
    assert names_of(people.people_page(admin, people.PeopleFilter(keyworker_id=officer.id))) == [
        "Ann Smithers"
    ]
    with pytest.raises(ValueError):
        people.people_page(admin, order="notes")


def test_the_order_follows_a_changed_name(admin):
    woman = factories.person(admin, given_name="Amina", family_name="Yusuf")
    factories.person(admin, given_name="Beth", family_name="Morgan")
    people.update_person(admin, woman, family_name="Abara")
    assert [r.name for r in people.people_page(admin)] == ["Amina Abara", "Beth Morgan"]
