"""PostgreSQL's driver is loaded only when a PostgreSQL database is opened.

peewee imports psycopg2 (and psycopg 3) at its own import whenever they are
installed: about 30 ms of every start-up, spent for nothing on the embedded
SQLite database. ``import_peewee()`` imports peewee with the drivers hidden, and
``PostgresqlDatabase`` below uses peewee's own extension point (the database
class's ``psycopg2_adapter``) to give it an adapter that imports psycopg2 the
first time a PostgreSQL database is opened. The PostgreSQL test run exercises this
path on every test.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

_DRIVERS = ("psycopg2", "psycopg")


def import_peewee() -> ModuleType:
    """Import peewee without letting it load the PostgreSQL drivers (if it is not loaded yet)."""
    if "peewee" in sys.modules:
        return sys.modules["peewee"]
    hidden = {name: sys.modules.pop(name, None) for name in _DRIVERS}
    blocked = dict.fromkeys(_DRIVERS)
    sys.modules.update(blocked)  # type: ignore[arg-type]  # None: an import of it raises ImportError
    try:
        import peewee
    finally:
        for name, module in hidden.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
    return peewee


import_peewee()

import peewee  # noqa: E402


class LazyPsycopg2Adapter(peewee.Psycopg2Adapter):
    """peewee's psycopg2 adapter, with the driver imported when the first database is made."""

    def __init__(self) -> None:
        import psycopg2
        from psycopg2 import extensions
        from psycopg2.extras import Json, register_uuid

        register_uuid()  # as peewee's own import of psycopg2 does
        self._psycopg2: Any = psycopg2
        self._extensions: Any = extensions
        self.txn_idle = extensions.TRANSACTION_STATUS_IDLE
        self.txn_inerror = extensions.TRANSACTION_STATUS_INERROR
        self.txn_unknown = extensions.TRANSACTION_STATUS_UNKNOWN
        super().__init__()
        self.json_type = Json
        self.jsonb_type = Json

    def check_driver(self) -> None:
        return None  # imported in __init__, or the database could not have been made

    def get_binary_type(self) -> Any:
        return self._psycopg2.Binary

    def connect(self, db: Any, **params: Any) -> Any:
        # Python 3's psycopg2 returns text as str already: nothing to register per connection.
        if db.database.startswith("postgresql://"):
            params.setdefault("dsn", db.database)
        else:
            params.setdefault("dbname", db.database)
        return self._psycopg2.connect(**params)


class PostgresqlDatabase(peewee.PostgresqlDatabase):
    """peewee's PostgreSQL database on psycopg2, loaded on first use."""

    psycopg2_adapter = LazyPsycopg2Adapter
