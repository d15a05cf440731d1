"""Files that hold records are readable by their owner only (0600): the database, its -wal and
-shm, the log and every backup. SQLite gives the -wal and -shm files the database file's own
mode, so creating the database file 0600 before SQLite opens it covers all three.

Outside ``data/`` so that the log is made private before peewee is loaded."""

from __future__ import annotations

import os
import stat
from pathlib import Path

PRIVATE = 0o600
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def tighten(path: str | Path) -> None:
    """Take away group and other access from an existing file of ours (no-op where not ours)."""
    try:
        mode = os.stat(path).st_mode
        if stat.S_IMODE(mode) & 0o077:
            os.chmod(path, stat.S_IMODE(mode) & 0o700 | stat.S_IRUSR | stat.S_IWUSR)
    except (FileNotFoundError, PermissionError):
        pass


def ensure_private(path: str | Path) -> None:
    """Create ``path`` empty with mode 0600 if it does not exist; tighten it if it does."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE)
    except FileExistsError:
        tighten(path)
    else:
        os.close(descriptor)


def ensure_private_database(path: str | Path) -> None:
    """The SQLite file and whatever -wal, -shm or -journal file lies beside it."""
    ensure_private(path)
    for suffix in SQLITE_COMPANIONS:
        tighten(f"{path}{suffix}")
