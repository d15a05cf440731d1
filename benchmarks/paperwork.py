"""Paperwork speed through the services (building the data, the PDF, and recording it as printed):
one licence agreement, one sign-up pack, and 100 licence agreements in a row. Medians.

    python benchmarks/paperwork.py [--runs 15]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import emit, median_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    from housing_desk.data.database import open_database
    from housing_desk.data.models import Licence
    from housing_desk.services import demo, paperwork

    with tempfile.TemporaryDirectory() as folder:
        open_database(f"sqlite:///{Path(folder) / 'paperwork.db'}")
        admin = demo.build().user
        licence = Licence.select().where(Licence.status == "active").first()
        emit(
            "paperwork.licence_agreement",
            median_ms(lambda: paperwork.licence_agreement(admin, licence), args.runs),
            "ms",
            target=50,
        )
        emit(
            "paperwork.signup_pack",
            median_ms(lambda: paperwork.signup_pack(admin, licence), args.runs),
            "ms",
            target=150,
        )
        started = time.perf_counter()
        for _ in range(100):
            paperwork.licence_agreement(admin, licence)
        emit("paperwork.hundred_licence_agreements", time.perf_counter() - started, "s", target=5)


if __name__ == "__main__":
    main()
