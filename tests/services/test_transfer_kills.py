"""kill -9 in the middle of a restore, a copy or a backup, at random points, many times over:
the original is always intact, a target holds all or nothing, and a half-made backup is refused.

Each round starts the work in a child process with small chunks (a progress line every few
rows), kills it after a random number of lines plus a random pause, and looks at what is left.
"""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from housing_desk.data.database import bound_to, engine, open_database
from housing_desk.services import demo, transfer
from housing_desk.services.errors import DomainError
from tests.databases import database_url_for, on_postgresql, wipe

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 10
SEED = int(os.environ.get("HOUSING_DESK_KILL_SEED", "20261201"))
CHILD = """
import sys
from housing_desk.data.database import open_database
from housing_desk.services import table_checks, transfer
transfer.CHUNK = table_checks.CHUNK = 7
operation, first, second = sys.argv[1:4]
def progress(done, total):
    print("step", done, total, flush=True)
if operation == "restore":
    transfer.restore(open_database(first, bind=False), second, force=True, progress=progress)
elif operation == "copy":
    source, target = open_database(first, bind=False), open_database(second, bind=False)
    transfer.copy(source, target, progress=progress)
else:
    transfer.backup(open_database(first, bind=False), second, progress=progress)
print("finished", flush=True)
"""


@pytest.fixture(scope="module")
def demo_backup(tmp_path_factory):
    """A SQLite database of the small demo's records and a backup of it."""
    folder = tmp_path_factory.mktemp("kills")
    source = open_database(f"sqlite:///{folder / 'demo.db'}", bind=False)
    with bound_to(source):
        demo.build()
    path = folder / "demo.housingdesk"
    transfer.backup(source, path)
    expected = transfer.checks(source)
    source.close()
    return folder / "demo.db", path, expected


def run_and_kill(operation, first, second, rng, steps, round_):
    """Start the work, kill it after a random number of progress lines (the last two rounds: after
    the last line, while it commits or puts the file in place); True if it finished."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, operation, str(first), str(second)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    kill_after = rng.randint(1, steps) if round_ < ROUNDS - 2 else steps
    finished, seen = False, 0
    try:
        for line in child.stdout:
            if line.startswith("finished"):
                finished = True
                break
            seen += 1
            if seen >= kill_after:
                if rng.random() < 0.5 or round_ >= ROUNDS - 2:
                    time.sleep(rng.uniform(0, 0.005 if round_ >= ROUNDS - 2 else 0.05))
                break
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=60)
        child.stdout.close()
        error = child.stderr.read()
        child.stderr.close()
    assert child.returncode in (0, -signal.SIGKILL), error
    return finished or child.returncode == 0


def count_steps(operation, first, second):
    child = subprocess.run(
        [sys.executable, "-c", CHILD, operation, str(first), str(second)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert child.returncode == 0, child.stderr
    return child.stdout.count("step")


def assert_whole(db):
    db.close()
    db.connect()
    if engine(db) == "sqlite":
        assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"


def without_audit(found):
    return [check for check in found if check.table != "audit_event"]


def empty_target(url):
    """A migrated, empty database at ``url`` (a PostgreSQL database is wiped first)."""
    wipe(url)
    return open_database(url, bind=False)


def test_a_killed_restore_leaves_the_original(admin, db, tmp_path, demo_backup):
    _, path, expected = demo_backup
    rng = random.Random(SEED)
    url = database_url_for(tmp_path)
    steps = count_steps("restore", f"sqlite:///{tmp_path / 'measure.db'}", path)
    if on_postgresql():  # PostgreSQL restores only into an empty database: that is the original
        db.close()
        db = empty_target(url)
    original = transfer.checks(db)
    survived = restored = 0
    for round_ in range(ROUNDS):
        run_and_kill("restore", url, path, rng, steps, round_)
        assert_whole(db)
        now = transfer.checks(db)
        if now != original:
            # Only ever the whole backup and the restore's own audit row, never a mixture.
            assert without_audit(now) == without_audit(expected)
            audit_rows = {c.table: c.rows for c in expected}["audit_event"]
            assert {c.table: c.rows for c in now}["audit_event"] == audit_rows + 1
            restored += 1
            if on_postgresql():
                db.close()
                db = empty_target(url)
            original = transfer.checks(db)
        survived += 1
    for leftover in tmp_path.glob("*.restoring"):
        assert leftover.stat().st_mode & 0o077 == 0
    print(f"restore: {survived} kill rounds survived ({restored} had finished first)")
    assert survived == ROUNDS
    db.close()


def test_a_killed_copy_leaves_the_target_empty_or_whole(db, tmp_path, demo_backup):
    source, _, expected = demo_backup
    rng = random.Random(SEED + 1)
    source_url = f"sqlite:///{source}"
    steps = count_steps("copy", source_url, f"sqlite:///{tmp_path / 'measure.db'}")
    survived = finished = 0
    db.close()
    for round_ in range(ROUNDS):
        url = database_url_for(tmp_path / f"copy-{round_}") if not on_postgresql() else None
        if url is None:
            url = database_url_for(tmp_path)
        else:
            (tmp_path / f"copy-{round_}").mkdir()
        empty_target(url).close()
        run_and_kill("copy", source_url, url, rng, steps, round_)
        target = open_database(url, bind=False)
        assert_whole(target)
        if not transfer.is_empty(target):
            assert transfer.checks(target) == expected
            finished += 1
        target.close()
        survived += 1
    check_source = open_database(source_url, bind=False)
    assert transfer.checks(check_source) == expected
    check_source.close()
    print(f"copy: {survived} kill rounds survived ({finished} had finished first)")
    assert survived == ROUNDS


def test_a_killed_backup_leaves_no_backup_or_a_whole_one(db, tmp_path, demo_backup):
    _, path, _ = demo_backup
    transfer.restore(db, path, force=True)
    original = transfer.checks(db)
    url = database_url_for(tmp_path)
    rng = random.Random(SEED + 2)
    folder = tmp_path / "backups"
    folder.mkdir()
    steps = count_steps("backup", url, folder / "measured.housingdesk")
    survived = refused = 0
    for round_ in range(ROUNDS):
        target = folder / f"round-{round_}.housingdesk"
        run_and_kill("backup", url, target, rng, steps, round_)
        if target.exists():
            assert transfer.verify_backup(target).tables == tuple(original)
        for partial in folder.glob("*.incomplete"):
            assert partial.stat().st_mode & 0o077 == 0
            try:
                manifest = transfer.verify_backup(partial)
            except DomainError:
                refused += 1  # cut short: no manifest, so no restore will take it
            else:  # killed after its manifest, before it took its name: whole all the same
                assert manifest.tables == tuple(original)
            partial.unlink()
        assert_whole(db)
        assert transfer.checks(db) == original
        survived += 1
    print(f"backup: {survived} kill rounds survived, {refused} partial files refused")
    assert survived == ROUNDS
