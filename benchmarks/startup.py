"""Start-up as she meets it: the two waits she has, and the whole process for reference.

    python benchmarks/startup.py [--runs 9] [--large] [--large-database URL]

1. Launch to the sign-in dialog painted and ready for typing (``sign_in_vs_bare``, target
   1.5 x): ``housing-desk --quit-after-startup`` prints "Shown: <title>" once its first window
   is painted (the turn of the event loop after its first paint event); the time from starting
   the process to reading that line is compared with a bare PySide6 script that shows one empty
   window and prints the same line at the same moment, measured the same way. The two alternate;
   figures are medians with their range. Also timed: the whole ``--quit-after-startup``
   process, which goes on to open the database and check its migrations after the paint.

2. With ``--large``: Enter on the sign-in dialog to the board painted with its rows, on the
   large benchmark database (200 flats, twenty years, 21,500 women; built first if missing),
   target 150 ms after the password check. One process per run starts as the app does
   (``Startup.sign_in_first``), lets two seconds of typing pass, types the name and password
   and presses Enter; the wait runs from that key press to the turn after the board's table is
   first painted with rows. The argon2 password check (``users.authenticate``, unchanged) is
   timed on its own and reported beside the rest. Also reported: the longest the sign-in dialog
   could not answer a key while the app prepared, and the same Enter when another connection
   changed a flat after the board was read (so it must be read again).

Also timed, as before: the whole process to a signed-in board in one go (demo size and large).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
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

# The reference for the first wait: one empty window the size of the sign-in dialog, which says
# it is shown exactly as --quit-after-startup does (the turn after its first paint event).
BARE_PAINTED = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, shown)
        return False
def shown():
    print("Shown: bare window", flush=True)
    QTimer.singleShot(0, lambda: app.exit(0))
app = QApplication(sys.argv[:1])
window = QWidget()
window.resize(400, 180)
watch = Watch()
window.installEventFilter(watch)
window.show()
sys.exit(app.exec())
"""

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

# The second wait: the app started as `housing-desk` starts it, two seconds of typing, then Enter
# and the board. Prints the figures in milliseconds as one JSON line.
ENTER = """
import json, sys, time
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtTest import QTest
from housing_desk.app import Startup, create_application
from housing_desk.config import Config
from housing_desk.ui.first_paint import after_painting

url, username, password, change = sys.argv[1:5]
app = create_application()
startup = Startup(app, Config(url), "benchmark")
startup.sign_in_first(url)
dialog = startup.first_window
painted = []
after_painting(dialog, lambda: painted.append(time.perf_counter()))
while not painted:
    app.processEvents()
figures = {}
# Two seconds of typing. The longest single turn of the event loop is the longest a key she
# pressed meanwhile would have waited to be answered.
longest, typing_ends = 0.0, painted[0] + 2
while time.perf_counter() < typing_ends:
    began = time.perf_counter()
    app.processEvents()
    ended = time.perf_counter()
    longest = max(longest, ended - began)
    if "prepared_ms" not in figures and startup.preparation.window is not None:
        figures["prepared_ms"] = (ended - painted[0]) * 1000
    time.sleep(0.001)
figures["longest_unanswered_while_typing_ms"] = longest * 1000
if change == "change":  # another PC changes a flat after the board was read
    from housing_desk.data.database import bound_to, open_database
    from housing_desk.data.models import Flat, User
    from housing_desk.services import flats
    other = open_database(url, bind=False)
    with bound_to(other):
        flat = Flat.select().order_by(Flat.reference).first()
        flats.update_flat(User.get(User.username == username), flat, step_free=not flat.step_free)
    other.close()
QTest.keyClicks(dialog.ui.usernameEdit, username)
QTest.keyClicks(dialog.ui.passwordEdit, password)
app.processEvents()

from housing_desk.services import users
authenticate = users.authenticate
def timed(*args):
    began = time.perf_counter()
    try:
        return authenticate(*args)
    finally:
        figures["argon2_sign_in_ms"] = (time.perf_counter() - began) * 1000
users.authenticate = timed

class BoardPainted(QObject):
    # The first paint of the board's table with rows: the board shown with its data.
    def __init__(self):
        super().__init__()
        self.viewport, self.at, self.rows = None, None, 0
    def eventFilter(self, watched, event):
        if self.viewport is None and startup.window is not None:
            self.viewport = startup.window.board.ui.boardTable.viewport()
        if watched is self.viewport and event.type() == QEvent.Type.Paint and self.at is None:
            self.rows = startup.window.board.model.rowCount()
            if self.rows:
                QTimer.singleShot(0, self.done)
        return False
    def done(self):
        self.at = self.at or time.perf_counter()
watch = BoardPainted()
app.installEventFilter(watch)
began = time.perf_counter()
QTest.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)
while watch.at is None:
    app.processEvents()
app.removeEventFilter(watch)
figures["enter_to_board_ms"] = (watch.at - began) * 1000
figures["after_the_password_check_ms"] = figures["enter_to_board_ms"] - figures["argon2_sign_in_ms"]
figures["side_lists_filled"] = startup.window.board.ui.remindersList.count() > 0
print(json.dumps(figures))
"""


def time_to_shown(args: list[str], env: dict) -> tuple[float, float]:
    """Seconds from starting the process to its "Shown:" line, and to its exit (it must exit 0)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        args, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    shown = None
    for line in process.stdout:
        if shown is None and line.startswith("Shown:"):
            shown = time.perf_counter() - started
    _out, errors = process.communicate()
    whole = time.perf_counter() - started
    if process.returncode != 0 or shown is None:
        raise SystemExit(f"{' '.join(args)} failed:\n{errors}")
    return shown, whole


def first_wait(url: str, env: dict, runs: int) -> dict[str, list[float]]:
    """The bare window and the sign-in dialog on ``url``, alternating, after one warm-up each."""
    commands = {
        "bare": [PYTHON, "-c", BARE_PAINTED],
        "sign_in": [PYTHON, "-m", "housing_desk", "--database", url, "--quit-after-startup"],
    }
    found: dict[str, list[float]] = {"bare": [], "sign_in": [], "sign_in_whole": []}
    for args in commands.values():
        time_to_shown(args, env)
    for _ in range(runs):
        found["bare"].append(time_to_shown(commands["bare"], env)[0])
        shown, whole = time_to_shown(commands["sign_in"], env)
        found["sign_in"].append(shown)
        found["sign_in_whole"].append(whole)
    return found


def enter_to_board(url: str, username: str, password: str, env: dict, runs: int, change: bool):
    """ENTER's figures over ``runs`` processes (after one warm-up): name -> list of values."""
    found: dict[str, list] = {}
    for run in range(runs + 1):
        result = subprocess.run(
            [PYTHON, "-c", ENTER, url, username, password, "change" if change else "same"],
            env=env,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise SystemExit(f"The Enter benchmark failed:\n{result.stderr}")
        if run == 0:
            continue  # the first start may still post charges or migrate
        for key, value in json.loads(result.stdout.strip().splitlines()[-1]).items():
            found.setdefault(key, []).append(value)
    return found


def build_database(url: str) -> None:
    """The demo's data and a benchmark officer."""
    from housing_desk.data.database import open_database
    from housing_desk.services import demo, users

    db = open_database(url)
    admin = demo.build().user
    users.create_user(
        admin, username=USERNAME, full_name="Benchmark Officer", role="officer", password=PASSWORD
    )
    db.close()


def spread(values: list[float], scale: float = 1) -> dict:
    """The median and the range of ``values``, for the JSON line."""
    return {
        "runs": len(values),
        "min": round(min(values) * scale, 4),
        "max": round(max(values) * scale, 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument(
        "--large", action="store_true", help="also start on the large benchmark database"
    )
    parser.add_argument(
        "--large-database", metavar="URL", help="where the large database is (built if empty)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'startup.db'}"
        build_database(url)
        env = environment(XDG_CONFIG_HOME=folder, XDG_DATA_HOME=folder)
        commands = {
            "bare": [PYTHON, "-c", BARE],
            "board": [PYTHON, "-c", HOUSING_DESK, url, USERNAME, PASSWORD],
        }
        large_url = url
        if args.large:
            from benchmarks import large_database

            large_url = args.large_database or large_database.DEFAULT_URL
            large_database.ensure(large_url).close()
            commands["board_large"] = [
                PYTHON,
                "-c",
                HOUSING_DESK,
                large_url,
                large_database.USERNAME,
                large_database.PASSWORD,
            ]
        medians = alternate(commands, env, args.runs)
        waits = first_wait(large_url, env, args.runs)
        entered = {}
        if args.large:
            from benchmarks import large_database

            for change in (False, True):
                entered[change] = enter_to_board(
                    large_url,
                    large_database.USERNAME,
                    large_database.PASSWORD,
                    dict(env, PYTHONPATH=str(ROOT)),
                    args.runs,
                    change,
                )
    emit("startup.bare_pyside6_window", medians["bare"], "s", runs=args.runs)
    emit("startup.board_with_data", medians["board"], "s", runs=args.runs)
    emit("startup.board_vs_bare", medians["board"] / medians["bare"], "ratio", target=1.5)
    database = "large" if args.large else "demo size"
    bare, sign_in = statistics.median(waits["bare"]), statistics.median(waits["sign_in"])
    emit("startup.bare_window_painted", bare, "s", **spread(waits["bare"]))
    emit("startup.sign_in_painted", sign_in, "s", database=database, **spread(waits["sign_in"]))
    ratios = [s / b for s, b in zip(waits["sign_in"], waits["bare"], strict=True)]
    emit("startup.sign_in_vs_bare", sign_in / bare, "ratio", target=1.5, **spread(ratios))
    emit(
        "startup.quit_after_startup_whole_process",
        statistics.median(waits["sign_in_whole"]),
        "s",
        database=database,
        **spread(waits["sign_in_whole"]),
    )
    if args.large:
        emit("startup.board_large_database", medians["board_large"], "s", runs=args.runs)
        emit(
            "startup.board_large_vs_bare",
            medians["board_large"] / medians["bare"],
            "ratio",
            target=2,
        )
        for change, name in ((False, ""), (True, "_after_a_change_elsewhere")):
            found = entered[change]
            after = found.pop("after_the_password_check_ms")
            filled = found.pop("side_lists_filled")
            emit(
                f"startup.enter_to_board_large_database{name}",
                statistics.median(after),
                "ms",
                target=150,
                measured="after the argon2 check",
                **spread(after),
                side_lists_filled=all(filled),
                **{
                    key: [round(min(values)), round(statistics.median(values)), round(max(values))]
                    for key, values in found.items()
                },
            )


if __name__ == "__main__":
    main()
