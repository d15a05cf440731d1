"""The model base class and the proxy every model is bound through."""

from peewee import AutoField, DatabaseProxy, Model

# open_database() points this at the real database once it is connected and migrated.
database = DatabaseProxy()


class BaseModel(Model):
    # Beside each foreign key ``x`` its ``x_id`` is declared (a bare annotation, so peewee's class
    # building is unchanged): peewee adds that attribute, the key's value read without loading the
    # row it points at, and type checkers need to be told of it.

    # Declared (peewee would add it anyway) so that type checkers know every model has one.
    id = AutoField()

    class Meta:
        database = database
        legacy_table_names = False
