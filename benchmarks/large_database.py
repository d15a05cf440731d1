"""A large database for the benchmarks: 200 flats and twenty years of lettings, built once.

    python benchmarks/large_database.py [--database URL]

Prints how long the build took. Other benchmarks call ``ensure(url)``, which builds the
database only when it is empty.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import emit

DEFAULT_URL = "sqlite:////tmp/housing-desk-benchmark-large.db"
USERNAME, PASSWORD = "bench", "benchmark password 1"


def ensure(url: str = DEFAULT_URL):
    """Open ``url``, building the large database there first if it is empty."""
    from housing_desk.data.database import open_database
    from housing_desk.services import demo_large, users

    db = open_database(url)
    if not users.any_users():
        admin = users.create_user(
            None,
            username=USERNAME,
            full_name="Benchmark Administrator",
            role="admin",
            password=PASSWORD,
        )
        started = time.perf_counter()
        counts = demo_large.build(admin)
        emit("large_database.build", time.perf_counter() - started, "s", **counts)
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=DEFAULT_URL)
    args = parser.parse_args()
    ensure(args.database).close()


if __name__ == "__main__":
    main()
