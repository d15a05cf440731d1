"""Property: whatever officers do, and in whatever order, a flat is never let twice on one night."""

from datetime import date, timedelta
from itertools import count

from hypothesis import HealthCheck, given, settings, strategies as st

from housing_desk.data.models import Licence, Unavailability
from housing_desk.services import flats, licences
from housing_desk.services.errors import DomainError
from housing_desk.services.intervals import overlaps
from tests import factories

BASE = date(2024, 1, 1)
days = st.integers(min_value=0, max_value=600)
operation = st.one_of(
    st.tuples(st.just("let"), st.integers(0, 1), st.integers(0, 2), days),
    st.tuples(st.just("activate"), st.integers(0, 5)),
    st.tuples(st.just("notice"), st.integers(0, 5), days, st.integers(1, 90)),
    st.tuples(st.just("end"), st.integers(0, 5), days),
    st.tuples(
        st.just("out_of_use"), st.integers(0, 1), days, st.one_of(st.none(), st.integers(1, 60))
    ),
)
_run = count()


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(operations=st.lists(operation, min_size=1, max_size=12))
def test_no_two_occupancies_of_a_flat_ever_overlap(admin, partner, operations):
    run = next(_run)
    homes = [
        factories.certified_flat(admin, partner, reference=f"P{run}-{n}", since=BASE)
        for n in range(2)
    ]
    women = [
        factories.ready_woman(
            admin,
            given_name=f"W{chr(97 + n)}",
            family_name=f"Run{chr(97 + run % 26)}",
            assessed_on=BASE,
        )
        for n in range(3)
    ]
    made: list = []
    for op in operations:
        try:
            if op[0] == "let":
                _, flat_index, woman_index, offset = op
                made.append(
                    licences.create_licence(
                        admin,
                        women[woman_index],
                        homes[flat_index],
                        start_date=BASE + timedelta(days=offset),
                    )
                )
            elif op[0] == "out_of_use":
                _, flat_index, offset, length = op
                start = BASE + timedelta(days=offset)
                flats.mark_unavailable(
                    admin,
                    homes[flat_index],
                    start=start,
                    reason="repairs",
                    end=start + timedelta(days=length) if length else None,
                )
            elif made:
                licence = made[op[1] % len(made)]
                if op[0] == "activate":
                    factories.sign_up(admin, licence)
                elif op[0] == "notice":
                    served = BASE + timedelta(days=op[2])
                    licences.give_notice(
                        admin,
                        licence,
                        served_on=served,
                        end_date=served + timedelta(days=op[3]),
                        by="licensee",
                    )
                elif op[0] == "end":
                    licences.end_licence(
                        admin,
                        licence,
                        end_date=BASE + timedelta(days=op[2]),
                        reason="planned_move_on",
                        notes="keys",
                    )
        except DomainError:
            pass  # a refusal is fine; what matters is what was saved
        _assert_no_overlaps(homes)


def _assert_no_overlaps(homes):
    for home in homes:
        periods = [
            (lic.start_date, lic.end_date, "licence")
            for lic in Licence.select().where(Licence.flat == home.id)
        ]
        periods += [
            (u.start, u.end, "out of use")
            for u in Unavailability.select().where(Unavailability.flat == home.id)
        ]
        for i, (start, end, kind) in enumerate(periods):
            assert end is None or end > start
            for other_start, other_end, other_kind in periods[i + 1 :]:
                assert not overlaps(start, end, other_start, other_end), (
                    kind,
                    start,
                    end,
                    other_kind,
                    other_start,
                    other_end,
                )
