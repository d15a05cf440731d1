"""The board on years of history: ``flats.availability()`` and the board page opening, on 200
flats with twenty years of lettings (20,000+ licences). Medians of repeated runs.

    python benchmarks/availability.py [--database URL] [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.common import emit, median_ms, show_and_close
from benchmarks.large_database import DEFAULT_URL, ensure


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=DEFAULT_URL)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    ensure(args.database)
    from housing_desk.data.models import Licence
    from housing_desk.services import flats, users

    licences = Licence.select().count()
    emit(
        "availability.flats_availability",
        median_ms(flats.availability, args.runs),
        "ms",
        target=50,
        licences=licences,
    )

    from housing_desk.app import create_application
    from housing_desk.ui.board_page import BoardPage

    app = create_application()
    user = users.authenticate("bench", "benchmark password 1")

    board_open = median_ms(lambda: show_and_close(app, BoardPage(user)), args.runs)
    emit("availability.board_page_open", board_open, "ms", target=300, licences=licences)


if __name__ == "__main__":
    main()
