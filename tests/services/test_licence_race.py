"""Two officers letting the same flat at the same moment, from two connections: one wins."""

import contextlib
import threading
from datetime import date

from housing_desk.data.models import Licence
from housing_desk.services import licences
from housing_desk.services.errors import ConflictError
from tests import factories


def test_two_connections_racing_for_one_flat(admin, partner, db, monkeypatch):
    home = factories.certified_flat(admin, partner)
    women = [
        factories.ready_woman(admin, given_name=name, family_name="Racer")
        for name in ("Ana", "Bea")
    ]
    # Each racer stops just after checking the dates are free and waits (briefly) for the other.
    # Without a lock both would pass the check and both would let the flat; with the flat's
    # row locked (PostgreSQL) or the write lock taken at BEGIN IMMEDIATE (SQLite), the second
    # cannot check until the first has committed, so the wait times out and she sees the clash.
    barrier = threading.Barrier(2)
    original_check = licences._check_dates_free

    def check_then_wait(*args, **kwargs):
        original_check(*args, **kwargs)
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait(timeout=1.5)

    monkeypatch.setattr(licences, "_check_dates_free", check_then_wait)
    results = {}

    def allocate(woman):
        try:
            results[woman.given_name] = licences.create_licence(
                admin, woman, home, start_date=date(2026, 1, 5)
            )
        except ConflictError as error:
            results[woman.given_name] = error
        finally:
            db.close()  # this thread's own connection

    threads = [threading.Thread(target=allocate, args=(w,)) for w in women]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(results) == 2
    winners = [r for r in results.values() if isinstance(r, Licence)]
    losers = [r for r in results.values() if isinstance(r, ConflictError)]
    assert len(winners) == 1 and len(losers) == 1
    assert Licence.select().where(Licence.flat == home.id).count() == 1
