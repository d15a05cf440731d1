"""Killing Housing Desk in the middle of a long write leaves the database whole, with nothing half-written."""

import os
import signal
import subprocess
import sys
from pathlib import Path

from housing_desk.data.database import engine
from housing_desk.data.models import Licence, Person
from tests.databases import database_url_for

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import sys
from housing_desk.data.database import open_database
from housing_desk.services import demo_large, users
open_database(sys.argv[1])
admin = users.User.get(users.User.username == "amara")
def progress(done, total):
    print("written", done, flush=True)
demo_large.build(admin, flats=40, waiting=2000, progress=progress)
print("finished", flush=True)
"""


def test_killed_in_the_middle_of_a_bulk_load(admin, db, tmp_path):
    url = database_url_for(tmp_path)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, url],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=dict(os.environ),
    )
    try:
        for line in child.stdout:
            if line.startswith("written"):
                break  # well into the transaction: some thousands of rows sent, none committed
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=60)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    db.close()
    db.connect()
    if engine(db) == "sqlite":
        assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert Person.select().count() == 0 and Licence.select().count() == 0
