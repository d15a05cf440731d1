"""Refused sign-ins: how long a wrong password takes for a name with an account, and for a name
without one (they should be alike, so the time does not tell who has an account). Medians of
repeated runs, on a throwaway database with the real argon2 parameters.

    python benchmarks/sign_in.py [--database URL] [--runs 15]
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import emit, median_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=None, help="an empty database (default: a new file)")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    url = args.database or f"sqlite:///{Path(tempfile.mkdtemp()) / 'sign-in.db'}"

    from housing_desk.data.database import open_database
    from housing_desk.data.models import User
    from housing_desk.services import users
    from housing_desk.services.errors import PermissionDenied

    open_database(url)
    if not users.any_users():
        users.create_user(
            None, username="bench", full_name="Bench Mark", role="admin", password="x" * 12
        )

    def refused(name: str):
        def attempt():
            with contextlib.suppress(PermissionDenied):
                users.authenticate(name, "not the password")
            # Keep the account open: the figure is a checked attempt, not a locked one.
            User.update(failed_attempts=0, locked_until=None).execute()

        return attempt

    known = median_ms(refused("bench"), args.runs)
    unknown = median_ms(refused("nobody"), args.runs)
    emit("sign_in.wrong_password_known_name", known, "ms")
    emit("sign_in.wrong_password_unknown_name", unknown, "ms", ratio=round(unknown / known, 3))


if __name__ == "__main__":
    main()
