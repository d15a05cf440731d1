"""Start-up time: whole process, from launch to the main window showing the board with its data.

Compared with a bare PySide6 script that shows one empty window; the two alternate and each
figure is a median. The Housing Desk run signs in through the services (users.authenticate),
exactly as the sign-in dialog does, on a database of the demo's size. Also timed:
``housing-desk --quit-after-startup`` as far as the sign-in dialog.

    python benchmarks/startup.py [--runs 9] [--large]

Also timed, as a reference: the floor any start pays beyond the bare window (the Qt namespace,
peewee's import and the argon2 password check), without Housing Desk's own code.

``--large`` also starts on the large benchmark database (200 flats, twenty years, 21,500 women;
built first if missing) and compares that with the bare window: the 2 × target.

The two waits she meets: launch to the sign-in dialog ready for typing (``sign_in_vs_bare``,
target 1.5 × the bare window), and, with ``--large``, Enter on the sign-in dialog to the board
shown with its data (``enter_to_board_large_database``, target 150 ms), with its parts: the argon2
check, building the main window, and the paint with the side lists that follows.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import PYTHON, ROOT, alternate, emit, environment

USERNAME, PASSWORD = "bench", "benchmark password 1"

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
window = QWidget()
window.resize(1180, 760)
window.show()
QTimer.singleShot(0, lambda: QTimer.singleShot(0, lambda: app.exit(0)))
sys.exit(app.exec())
"""

# What any start of Housing Desk must pay beyond the bare window, with none of its own code: the
# Qt namespace (every real window uses it; PySide6 builds ~90 Python enums for it), peewee's
# import, and checking the password against the stored argon2 hash (the hash carries the app's
# parameters). The rest of the start-up budget is what is left between this and the target.
FLOOR = (
    """
import sys
from PySide6.QtCore import Qt
import peewee
from argon2 import PasswordHasher
PasswordHasher().verify(sys.argv[1], sys.argv[2])
"""
    + BARE
)

HOUSING_DESK = """
import sys
from PySide6.QtCore import QTimer
from housing_desk.app import create_application
from housing_desk.data.database import open_database
from housing_desk.services import users
from housing_desk.ui.main_window import MainWindow
open_database(sys.argv[1])
user = users.authenticate(sys.argv[2], sys.argv[3])
app = create_application()
window = MainWindow(user)
window.show()
assert window.board.model.rowCount() > 0
QTimer.singleShot(0, lambda: QTimer.singleShot(0, lambda: app.exit(0)))
sys.exit(app.exec())
"""


# The second wait she has: from Enter on the sign-in dialog (name and password typed, after two
# seconds of typing in which the app may prepare) to the main window shown with the board's rows,
# then painted with the side lists the board fills just after. One process; prints the whole
# wait and its parts in milliseconds.
ENTER = """
import json, sys, time
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from housing_desk.app import Startup, create_application
from housing_desk.config import Config
from housing_desk.data.database import open_database
from housing_desk.services import users

open_database(sys.argv[1])
app = create_application()
startup = Startup(app, Config(sys.argv[1]), "benchmark")
startup.start()
dialog = startup.first_window
dialog.show()
typing = time.perf_counter() + 2  # the seconds she spends typing: the app may prepare meanwhile
while time.perf_counter() < typing:
    app.processEvents()
    time.sleep(0.005)
QTest.keyClicks(dialog.ui.usernameEdit, sys.argv[2])
QTest.keyClicks(dialog.ui.passwordEdit, sys.argv[3])
app.processEvents()
parts = {}
authenticate = users.authenticate
def timed(*args):
    began = time.perf_counter()
    try:
        return authenticate(*args)
    finally:
        parts["argon2_sign_in_ms"] = (time.perf_counter() - began) * 1000
users.authenticate = timed
began = time.perf_counter()
QTest.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)
while startup.window is None or not startup.window.isVisible():
    app.processEvents()
assert startup.window.board.model.rowCount() > 0
shown = time.perf_counter()
startup.window.repaint()
app.processEvents()
done = time.perf_counter()
parts["enter_to_board_ms"] = (shown - began) * 1000
parts["after_the_password_check_ms"] = parts["enter_to_board_ms"] - parts["argon2_sign_in_ms"]
parts["then_painted_with_side_lists_ms"] = (done - shown) * 1000
print(json.dumps(parts))
"""


def enter_to_board(url: str, username: str, password: str, env: dict, runs: int) -> dict:
    """Medians of ENTER's parts over ``runs`` processes (after one warm-up)."""
    import json
    import statistics
    import subprocess

    found: dict[str, list[float]] = {}
    for run in range(runs + 1):
        result = subprocess.run(
            [PYTHON, "-c", ENTER, url, username, password],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        if run == 0:
            continue  # the first start may still post charges or migrate
        for key, value in json.loads(result.stdout.strip().splitlines()[-1]).items():
            found.setdefault(key, []).append(value)
    return {key: statistics.median(values) for key, values in found.items()}


def build_database(url: str) -> str:
    """The demo's data and a benchmark officer; returns her stored password hash."""
    from housing_desk.data.database import open_database
    from housing_desk.services import demo, users

    db = open_database(url)
    admin = demo.build().user
    officer = users.create_user(
        admin, username=USERNAME, full_name="Benchmark Officer", role="officer", password=PASSWORD
    )
    db.close()
    return officer.password_hash


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument(
        "--large", action="store_true", help="also start on the large benchmark database"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'startup.db'}"
        stored_hash = build_database(url)
        env = environment(XDG_CONFIG_HOME=folder, XDG_DATA_HOME=folder)
        commands = {
            "bare": [PYTHON, "-c", BARE],
            "floor": [PYTHON, "-c", FLOOR, stored_hash, PASSWORD],
            "board": [PYTHON, "-c", HOUSING_DESK, url, USERNAME, PASSWORD],
            "sign_in": [PYTHON, "-m", "housing_desk", "--database", url, "--quit-after-startup"],
        }
        if args.large:
            from benchmarks import large_database

            large_database.ensure(large_database.DEFAULT_URL).close()
            commands["board_large"] = [
                PYTHON,
                "-c",
                HOUSING_DESK,
                large_database.DEFAULT_URL,
                large_database.USERNAME,
                large_database.PASSWORD,
            ]
        medians = alternate(commands, env, args.runs)
        if args.large:
            from benchmarks import large_database

            entered = enter_to_board(
                large_database.DEFAULT_URL,
                large_database.USERNAME,
                large_database.PASSWORD,
                dict(env, PYTHONPATH=str(ROOT)),
                args.runs,
            )
    emit("startup.bare_pyside6_window", medians["bare"], "s", runs=args.runs)
    emit("startup.unavoidable_floor", medians["floor"], "s", runs=args.runs)
    emit("startup.floor_vs_bare", medians["floor"] / medians["bare"], "ratio")
    emit("startup.board_with_data", medians["board"], "s", runs=args.runs)
    emit("startup.board_vs_bare", medians["board"] / medians["bare"], "ratio", target=1.5)
    emit("startup.quit_after_startup_to_sign_in", medians["sign_in"], "s", runs=args.runs)
    emit("startup.sign_in_vs_bare", medians["sign_in"] / medians["bare"], "ratio", target=1.5)
    if args.large:
        emit("startup.board_large_database", medians["board_large"], "s", runs=args.runs)
        emit(
            "startup.board_large_vs_bare",
            medians["board_large"] / medians["bare"],
            "ratio",
            target=2,
        )
        emit(
            "startup.enter_to_board_large_database",
            entered.pop("enter_to_board_ms"),
            "ms",
            target=150,
            runs=args.runs,
            **{key: round(value) for key, value in entered.items()},
        )


if __name__ == "__main__":
    main()
