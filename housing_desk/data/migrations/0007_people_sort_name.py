"""The People list's order kept beside each name, so a list of any length is read a page at a time.

The key is family name then first name, lower case, without accents or punctuation. Its rule is
frozen here as it was written; the application computes the same key for every later write.
"""

import unicodedata

from peewee import CharField, Database
from playhouse.migrate import SchemaMigrator

_FOLD = str.maketrans(
    {
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ı": "i",
        "ħ": "h",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "þ": "th",
        "ð": "d",
    }
)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() else " " for c in bare.casefold()).split())


def up(migrator: SchemaMigrator, db: Database) -> None:
    migrator.migrate(
        migrator.add_column("person", "sort_name", CharField(max_length=210, default="")),
        migrator.add_index("person", ("sort_name",), False),
    )
    people = db.execute_sql(
        "SELECT id, given_name, family_name, preferred_name FROM person"
    ).fetchall()
    keys = [
        (f"{_fold(family)} {_fold(preferred or given)}".strip(), pid)
        for pid, given, family, preferred in people
    ]
    if keys:
        db.cursor().executemany(
            f"UPDATE person SET sort_name = {db.param} WHERE id = {db.param}", keys
        )


def down(migrator: SchemaMigrator, db: Database) -> None:
    migrator.migrate(
        migrator.drop_index("person", "person_sort_name"),
        migrator.drop_column("person", "sort_name"),
    )
