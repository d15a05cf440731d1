"""What a killed backup or restore leaves beside its target is cleaned up by the next backup,
restore or start: only files of our own names, and never one that a process still holds."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from housing_desk.data import partial_files
from housing_desk.data.database import bound_to, open_database
from housing_desk.services import transfer
from tests.services import transfer_helpers as helpers

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(partial_files.fcntl is None, reason="needs flock (POSIX)")

# A backup or restore at work: a partial file open in SQLite, with a -wal beside it, held until
# the process is killed.
HOLDER = """
import sys, time
from pathlib import Path
from housing_desk.data.partial_files import partial_file
from peewee import SqliteDatabase
with partial_file(Path(sys.argv[1]), sys.argv[2]) as partial:
    db = SqliteDatabase(str(partial), pragmas={"journal_mode": "wal"})
    db.execute_sql("CREATE TABLE t (x)")
    db.execute_sql("INSERT INTO t VALUES (1)")
    print(partial, flush=True)
    time.sleep(120)
"""


def hold(beside: Path, label: str):
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(beside), label],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    name = Path(child.stdout.readline().strip())
    assert name.exists(), "the child did not make its partial file"
    return child, name


def kill(child) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    child.stdout.close()


def left_behind(beside: Path, label: str) -> Path:
    """The files a backup or restore killed mid-way leaves: the partial and its -wal and -shm."""
    child, name = hold(beside, label)
    kill(child)
    assert name.exists() and Path(f"{name}-wal").exists()
    return name


def ours(folder: Path) -> list[str]:
    return sorted(
        p.name for p in folder.iterdir() if ".incomplete" in p.name or ".restoring" in p.name
    )


def test_a_held_partial_file_is_left_and_removed_once_its_process_is_killed(tmp_path):
    child, name = hold(tmp_path / "backup.housingdesk", "incomplete")
    try:
        assert partial_files.remove_stale(tmp_path) == []
        assert name.exists() and Path(f"{name}-wal").exists()
    finally:
        kill(child)
    assert partial_files.remove_stale(tmp_path) == [name.name]
    assert ours(tmp_path) == []


def test_one_this_process_is_working_on_is_left(tmp_path):
    with partial_files.partial_file(tmp_path / "records.db", "restoring") as partial:
        db = open_database(f"sqlite:///{partial}", bind=False)
        assert partial_files.remove_stale(tmp_path) == []
        assert partial.exists()
        db.execute_sql("SELECT count(*) FROM flat")  # SQLite's own locks on it are intact
        db.close()
    assert ours(tmp_path) == []


def test_only_our_own_names_are_touched(tmp_path):
    stale = left_behind(tmp_path / "backup.housingdesk", "incomplete")
    others = [
        "notes.incomplete",  # no random part
        "backup.housingdesk.ABCDEFGH.incomplete",  # not how our names are made
        "backup.housingdesk.abcdefgh.incomplete.txt",
        "backup.housingdesk.abcdefgh.restored",
        "backup.housingdesk",
    ]
    for other in others:
        (tmp_path / other).write_text("someone else's")
    (tmp_path / "folder.abcdefgh.incomplete").mkdir()
    (tmp_path / "link.abcdefgh.restoring").symlink_to(tmp_path / "notes.incomplete")
    assert partial_files.remove_stale(tmp_path) == [stale.name]
    for other in others:
        assert (tmp_path / other).read_text() == "someone else's"
    assert (tmp_path / "folder.abcdefgh.incomplete").is_dir()
    assert (tmp_path / "link.abcdefgh.restoring").is_symlink()


def test_the_next_backup_cleans_up_after_a_killed_one(db, tmp_path):
    source = helpers.sqlite_source(tmp_path)
    stale = left_behind(tmp_path / "first.housingdesk", "incomplete")
    transfer.backup(source, tmp_path / "second.housingdesk")
    source.close()
    assert not stale.exists() and ours(tmp_path) == []
    assert transfer.verify_backup(tmp_path / "second.housingdesk").rows > 0


def test_the_next_restore_cleans_up_beside_the_database_and_the_backup(tmp_path):
    path = helpers.backup_of_records(tmp_path / "backups")
    target = tmp_path / "records.db"
    db = open_database(f"sqlite:///{target}", bind=False)
    restoring = left_behind(target, "restoring")
    incomplete = left_behind(path, "incomplete")
    transfer.restore(db, path)
    db.close()
    assert not restoring.exists() and not incomplete.exists()
    assert ours(tmp_path) == [] and ours(path.parent) == []


def test_opening_the_database_at_start_cleans_up_beside_it(db, tmp_path):
    target = tmp_path / "records.db"
    stale = left_behind(target, "restoring")
    orphan = tmp_path / "records.db.zz99zz99.restoring-shm"  # its own file already gone
    orphan.write_bytes(b"")
    with bound_to(db):
        opened = open_database(f"sqlite:///{target}")  # as the app opens it at start
        opened.close()
    assert not stale.exists() and not orphan.exists() and ours(tmp_path) == []
    assert os.path.exists(target)
