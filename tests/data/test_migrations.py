"""Migrating an empty database yields exactly the models, on every engine."""

from playhouse.schema_diff import diff_models

from housing_desk.data.database import migrate
from housing_desk.data.models import MODELS


def test_migrated_schema_matches_the_models_exactly(db):
    diff = diff_models(db, MODELS)
    assert not diff, f"the migrations and the models disagree:\n{diff}"


def test_every_model_has_its_table(db):
    tables = set(db.get_tables())
    for model in MODELS:
        assert model._meta.table_name in tables


def test_migrating_again_applies_nothing(db):
    assert migrate(db) == []
