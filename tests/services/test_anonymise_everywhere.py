"""After anonymising, nothing in any column of any table holds one of her details."""

from datetime import date

from housing_desk.data.models import MODELS
from housing_desk.services import her_records, retention
from tests import her_record


def test_no_column_of_any_table_holds_her_details_afterwards(db, admin, partner):
    hers = her_record.build(admin, partner)
    retention.anonymise(admin, hers.person)
    found = []
    for table in db.get_tables():
        cursor = db.execute_sql(f'SELECT * FROM "{table}"')
        columns = [c[0] for c in cursor.description]
        for row in cursor.fetchall():
            for column, value in zip(columns, row, strict=True):
                text = str(value).casefold()
                for detail in her_record.searched_for():
                    if detail.casefold() in text:
                        found.append((table, column, detail))
    assert found == []
    # the statistics stay: dates, codes, scores
    licence = hers.licence.__class__.get_by_id(hers.licence.id)
    assert (licence.start_date, licence.end_date, licence.end_reason) == (
        date(2017, 4, 3),
        date(2018, 5, 7),
        "planned_move_on",
    )


def test_every_text_column_of_her_tables_is_cleared_or_a_declared_code():
    """A table added later is covered without being named: its free text is cleared. Codes must be
    declared, and only columns that exist can be."""
    tables = {model._meta.table_name for model in her_records.tables()}
    assert {"referral", "licence", "signup_item", "goal", "payment", "offer"} <= tables
    by_name = {model._meta.table_name: model for model in MODELS}
    for table, codes in her_records.CODES.items():
        assert codes <= set(her_records.text_columns(by_name[table])), table
    assert "note" in her_records.free_text(by_name["signup_item"])
    assert "decision_notes" in her_records.free_text(by_name["referral"])
