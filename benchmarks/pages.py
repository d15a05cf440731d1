"""Every list page opening, and filtering as you type, on the large database (200 flats, twenty
years of lettings, about 21,000 women). Also the 20-year occupancy report, and the process's peak
resident memory once the main window has shown every page twice. Medians.

    python benchmarks/pages.py [--database URL] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.common import emit, median_ms, show_and_close
from benchmarks.large_database import DEFAULT_URL, PASSWORD, USERNAME, ensure


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=DEFAULT_URL)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ensure(args.database)
    from PySide6.QtTest import QTest

    from housing_desk.app import create_application
    from housing_desk.services import reports, users
    from housing_desk.ui.main_window import ALL_PAGES, MainWindow

    app = create_application()
    user = users.authenticate(USERNAME, PASSWORD)
    factories = {
        key: factory for key, _label, _shortcut, factory, _permission in ALL_PAGES if factory
    }
    for key in (
        "people",
        "referrals",
        "licences",
        "flats",
        "partners",
        "audit",
        "reports",
        "retention",
    ):

        def open_page(factory=factories[key]):
            show_and_close(
                app, factory(type("Window", (), {"user": user, "show_person": lambda *_: None})())
            )

        emit(f"pages.open.{key}", median_ms(open_page, args.runs), "ms", target=300)

    people_page = factories["people"](type("Window", (), {"user": user})())
    people_page.show()
    app.processEvents()
    typed = []
    for letter in "kowal":
        started = time.perf_counter()
        QTest.keyClicks(people_page.ui.filterEdit, letter)
        app.processEvents()
        typed.append(time.perf_counter() - started)
    emit(
        "pages.filter_as_you_type.people",
        statistics.median(typed) * 1000,
        "ms",
        target=50,
        keystrokes=5,
    )
    emit(
        "reports.occupancy_20_years",
        median_ms(lambda: reports.occupancy(date(2006, 1, 1), date(2026, 1, 1)), args.runs),
        "ms",
        target=500,
    )
    # Memory as a person's day leaves it: the main window with every page opened and reopened.
    window = MainWindow(user)
    window.show()
    for _visit in range(2):
        for key in factories:
            window.show_page(key)
            app.processEvents()
    emit(
        "memory.resident_peak",
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "MB",
        target=300,
    )


if __name__ == "__main__":
    main()
