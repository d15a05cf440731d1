"""Storage: peewee models, ``open_database`` and the numbered migrations."""

from housing_desk.data.drivers import import_peewee

import_peewee()  # before any module below imports peewee itself
