"""Storage: peewee models, ``open_database`` and the numbered migrations."""
