"""Files made under a temporary name beside their destination, and the clean-up of the ones a
killed process left behind.

A backup is written as ``<its name>.<8 random characters>.incomplete`` and a SQLite restore is
built as ``<the database's name>.<8 random characters>.restoring`` (each with SQLite's -wal, -shm
or -journal beside it while open). The process making one holds it open with an exclusive
``flock`` for as long as it works on it. A process killed meanwhile (power cut, Task Manager)
leaves the file behind, and its lock goes with the process: the next backup, restore or start
removes such a file, and only such a file. Only names of this exact shape are looked at, and one
that someone holds, in this process or another, is left alone.

Where there is no ``flock`` (Windows), a file another process holds open cannot be deleted there,
and a file changed within the last hour is left too.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

from housing_desk.private_files import SQLITE_COMPANIONS

fcntl: ModuleType | None
try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

LABELS = ("incomplete", "restoring")
_NAME = re.compile(
    r"^.+\.[a-z0-9_]{8}\.(?:incomplete|restoring)(?P<companion>-wal|-shm|-journal)?$"
)
UNLOCKED_GRACE_SECONDS = 3600  # only where there is no flock

_IN_USE: set[str] = set()  # partial files this process is working on
_GUARD = threading.Lock()


def _lock(descriptor: int) -> bool:
    if fcntl is None:
        return True
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _same_file(descriptor: int, name: str) -> bool:
    """Whether ``name`` still names the file open as ``descriptor`` (not removed, not replaced)."""
    try:
        here, there = os.fstat(descriptor), os.stat(name, follow_symlinks=False)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _remove_with_companions(name: str) -> None:
    for suffix in ("", *SQLITE_COMPANIONS):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{name}{suffix}")


@contextlib.contextmanager
def partial_file(beside: Path, label: str) -> Iterator[Path]:
    """A new, empty file (0600) beside ``beside``, held (locked) while in use, and removed with
    its -wal/-shm/-journal afterwards unless it was moved away."""
    if label not in LABELS:
        raise ValueError(f"unknown partial file label {label!r}")
    folder = Path(beside).absolute().parent
    while True:
        made, name = tempfile.mkstemp(
            dir=folder, prefix=f"{Path(beside).name}.", suffix=f".{label}"
        )
        if fcntl is None:  # nothing to hold it by: SQLite's own open handle protects it
            os.close(made)
            descriptor: int | None = None
            break
        if _lock(made) and _same_file(made, name):
            descriptor = made
            break
        os.close(made)  # a clean-up elsewhere took it between creation and lock: anew
    with _GUARD:
        _IN_USE.add(name)
    try:
        yield Path(name)
    finally:
        try:
            _remove_with_companions(name)
        finally:
            with _GUARD:
                _IN_USE.discard(name)
            if descriptor is not None:
                os.close(descriptor)  # after SQLite closed it: a close would drop SQLite's locks


def remove_stale(folder: str | Path) -> list[str]:
    """Remove the partial files in ``folder`` that a killed backup or restore left behind: only
    names of ours, only files nobody holds. Returns the names removed."""
    folder = Path(folder).absolute()
    try:
        entries = [entry for entry in os.scandir(folder) if _NAME.match(entry.name)]
    except OSError:
        return []
    removed = []
    for entry in sorted(entries, key=lambda e: e.name):
        if not entry.is_file(follow_symlinks=False):
            continue
        name = os.path.join(folder, entry.name)
        match = _NAME.match(entry.name)
        companion = match.group("companion") if match else None
        if companion:
            # A -wal or -shm whose own file is gone: nothing can be using it any longer.
            owner = name.removesuffix(companion)
            if not os.path.lexists(owner) and _not_in_use(owner):
                with contextlib.suppress(FileNotFoundError):
                    os.remove(name)
                    removed.append(entry.name)
            continue
        if _not_in_use(name) and _remove_if_unheld(name):
            removed.append(entry.name)
    return removed


def _not_in_use(name: str) -> bool:
    with _GUARD:
        return name not in _IN_USE


def _remove_if_unheld(name: str) -> bool:
    if fcntl is None:
        try:
            if time.time() - os.stat(name).st_mtime < UNLOCKED_GRACE_SECONDS:
                return False
            os.remove(name)  # refused while another process has it open
        except OSError:
            return False
        _remove_with_companions(name)
        return True
    try:
        descriptor = os.open(name, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        if not _lock(descriptor) or not _same_file(descriptor, name):
            return False  # held by a backup or restore still at work
        _remove_with_companions(name)
        return True
    finally:
        os.close(descriptor)
