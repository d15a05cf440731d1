"""A subject access export gathers everything held about her into one PDF."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from housing_desk.services import audit, licences, subject_access, support_plans
from housing_desk.services.errors import PermissionDenied
from tests import factories


def test_everything_about_her_and_nobody_else(admin, partner):
    factories.organisation(admin)  # her papers are refused until it is named
    home = factories.certified_flat(admin, partner)
    woman = factories.person(
        admin,
        given_name="Erzsébet",
        family_name="Kovács",
        notes="Likes <tea> & toast",
        date_of_birth=date(1988, 2, 3),
    )
    factories.accepted(admin, woman, received_on=date(2025, 1, 1))
    licence = licences.create_licence(admin, woman, home, start_date=date(2025, 3, 1))
    licences.add_key(admin, licence, label="Front door key 7", issued_on=date(2025, 3, 1))
    plan = support_plans.create_plan(admin, licence)
    support_plans.add_goal(
        admin,
        plan,
        domain="health",
        need="Register with a GP",
        action="Go with her",
        owner="Grace",
        target_date=None,
    )
    factories.person(admin, given_name="Other", family_name="Woman")
    pdf = subject_access.export(admin, woman)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    for expected in (
        "Erzsébet",
        "Kovács",
        "03/02/1988",
        "Likes <tea> & toast",
        "Street outreach team",
        "Front door key 7",
        "Register with a GP",
        "Substance use and treatment",
        "Who looked at or changed your record",
    ):
        assert expected in text, expected
    assert "Other Woman" not in text
    assert audit.events("person", woman.id)[-1].action == "export"


def test_only_managers_export(admin):
    woman = factories.person(admin)
    with pytest.raises(PermissionDenied):
        subject_access.export(factories.user(admin, "officer"), woman)


def test_the_export_holds_something_from_every_table_of_hers(admin, partner):
    from housing_desk.data.models import Person
    from housing_desk.services import her_records, people, privacy
    from tests import her_record

    privacy.save_privacy(admin, officer="Jo Bright, privacy officer, 01604 000111")
    hers = her_record.build(admin, partner, closed=True)
    people.update_person(admin, hers.person, phone="07700 900999")
    subject_access.record_request(admin, hers.person, received_on=date(2026, 1, 31))
    other = factories.person(admin, given_name="Other", family_name="Woman", notes="Not hers")
    people.get_person(admin, other.id)
    pdf = subject_access.export(admin, Person.get_by_id(hers.person.id))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    # every text an officer wrote about her, in every table that holds one
    words = {word.strip("();,.") for word in text.split()}
    for written in her_record.WRITTEN.values():  # (a cell's lines may come out between others)
        assert {word.strip("();,.") for word in written.split()} <= words, written
    for expected in (
        "Zsófia",
        "19/07/1984",
        "JT482913B",
        "Ring her aunt at 22 Kettering Road",
        "Flats offered to you",
        "Keys",
        "Sign-up checklist",
        "Notice and moving out",
        "Your account for ZK-01",
        "£45.00",
        "Your Housing Benefit claim",
        "Your requests for your records",
        "28/02/2026",
        "Documents printed for you",
        "Licence agreement",
        # the trail in words, by staff name
        "— Amara Okafor — changed her phone number",
        "— Amara Okafor — created her record",
        # Article 15
        "Why we hold it",
        "Who receives it",
        "How long we keep it",
        "6 years",
        "Information Commissioner",
        "Where it came from",
        "Another agency",
        "Jo Bright, privacy officer",
    ):
        assert expected in text, expected
    assert "Other Woman" not in text and "Not hers" not in text
    assert "{" not in text  # no JSON
    # every table of hers today has a section worded for her
    from housing_desk.services import access_other

    assert {model._meta.table_name for model in her_records.tables()} <= access_other.WORDED


def test_a_table_added_later_is_in_her_copy_and_cleared_when_she_is_anonymised(
    db, admin, monkeypatch
):
    """A real table of hers that no section knows (as a later feature would add)."""
    factories.organisation(admin)  # her papers are refused until it is named
    from peewee import CharField, DateField, ForeignKeyField, TextField

    from housing_desk.data.models import MODELS, BaseModel, Person
    from housing_desk.services import access_other, her_records

    class WellbeingCheck(BaseModel):
        person = ForeignKeyField(Person, on_delete="CASCADE")
        checked_on = DateField()
        kind = CharField(max_length=20)
        words = TextField(default="")

        class Meta:
            table_name = "wellbeing_check"

    db.create_tables([WellbeingCheck])
    monkeypatch.setattr(her_records, "MODELS", [*MODELS, WellbeingCheck])
    woman = factories.person(admin, given_name="Ana", family_name="Lopes")
    WellbeingCheck.create(
        person=woman.id, checked_on=date(2026, 3, 12), kind="phone", words="Sounded well"
    )
    (section,) = access_other.other_sections(woman.id)
    assert section.title == "Wellbeing check"
    assert section.rows == (("12/03/2026", "phone", "Sounded well"),)
    pdf = subject_access.export(admin, woman)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Wellbeing check" in text and "Sounded well" in text
    her_records.clear(woman.id)
    assert WellbeingCheck.get().words == "" and WellbeingCheck.get().kind == ""
