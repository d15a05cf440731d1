"""PostgreSQL's driver is loaded only when a PostgreSQL database is opened.

peewee imports psycopg2 (and psycopg 3) at its own import whenever they are
installed: about 30 ms of every start-up, spent for nothing on the embedded
SQLite database. ``import_peewee()`` imports peewee with the drivers hidden;
``enable_psycopg2()`` hands psycopg2 to peewee the first time a PostgreSQL URL
is opened. The PostgreSQL test run exercises this path on every test.
"""

from __future__ import annotations

import sys

_DRIVERS = ("psycopg2", "psycopg")


def import_peewee():
    """Import peewee without letting it load the PostgreSQL drivers (if it is not loaded yet)."""
    if "peewee" in sys.modules:
        return sys.modules["peewee"]
    hidden = {name: sys.modules.get(name, _ABSENT) for name in _DRIVERS}
    for name in _DRIVERS:
        sys.modules[name] = None  # an import of it now raises ImportError
    try:
        import peewee
    finally:
        for name, module in hidden.items():
            if module is _ABSENT:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
    return peewee


def enable_psycopg2() -> None:
    """Give peewee the psycopg2 driver, exactly as its own import would have."""
    import peewee

    if peewee.psycopg2 is not None:
        return
    import psycopg2
    from psycopg2 import extensions
    from psycopg2.extras import Json, register_uuid

    register_uuid()
    peewee.psycopg2 = psycopg2
    peewee.pg_extensions = extensions
    peewee.pg_register_uuid = register_uuid
    peewee.Json_pg2 = Json
    adapter = peewee.Psycopg2Adapter
    adapter.txn_idle = extensions.TRANSACTION_STATUS_IDLE
    adapter.txn_inerror = extensions.TRANSACTION_STATUS_INERROR
    adapter.txn_unknown = extensions.TRANSACTION_STATUS_UNKNOWN


class _Absent:
    pass


_ABSENT = _Absent()
