"""The model base class and the proxy every model is bound through."""

from peewee import DatabaseProxy, Model

# open_database() points this at the real database once it is connected and migrated.
database = DatabaseProxy()


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False
