"""Property: bad input of any kind, given to any write service, is a ValidationError naming the
argument, and nothing is written.

Runs on whichever engine the suite runs on (SQLite, or PostgreSQL with
HOUSING_DESK_TEST_DATABASE_URL). HOUSING_DESK_FUZZ_EXAMPLES sets how many random bad inputs
the property test tries (a few hundred by default, to keep the suite quick); run with ``-s`` to
see how many were tried and refused.
"""

from __future__ import annotations

import os
import string
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from housing_desk.services.errors import ValidationError
from tests.databases import on_postgresql
from tests.services.write_calls import ARGUMENTS, CALLS, build_world, row_counts

FUZZ_EXAMPLES = int(os.environ.get("HOUSING_DESK_FUZZ_EXAMPLES", "300"))


@pytest.fixture
def world(db):
    return build_world()


def _try(call, world, argument, bad, expected: str | None = None) -> str | None:
    """Call with one argument bad; what went wrong, or None when it was refused as it should,
    naming ``expected`` (the argument's field unless given)."""
    values = call.good(world)
    values[argument] = bad
    before = row_counts()
    try:
        call(world, values)
    except ValidationError as error:
        expected = expected or call.field_for(argument)
        if error.field != expected:
            return f"refused, but naming {error.field!r} instead of {expected!r}: {error.message}"
    except Exception as error:  # any other exception is the failure looked for
        return f"raised {type(error).__name__}: {error}"
    else:
        return "accepted"
    after = row_counts()
    if after != before:
        changed = {t: (before[t], after[t]) for t in before if before[t] != after[t]}
        return f"refused, but rows changed: {changed}"
    return None


def _describe(value) -> str:
    text = repr(value)
    return text if len(text) <= 80 else f"{text[:60]}… ({len(text)} characters)"


def test_every_argument_refuses_each_kind_of_bad_value(world):
    failures = []
    tried = 0
    for call, argument in ARGUMENTS:
        for bad in call.kinds[argument].examples(world):
            tried += 1
            problem = _try(call, world, argument, bad)
            if problem:
                failures.append(f"{call.name}({argument}={_describe(bad)}): {problem}")
    engine = "PostgreSQL" if on_postgresql() else "SQLite"
    print(f"\n{engine}: {tried - len(failures)} of {tried} listed bad inputs refused")
    assert not failures, f"{len(failures)} of {tried} bad values got through:\n" + "\n".join(
        failures
    )


_NAMES = st.text(alphabet=string.ascii_lowercase + "_", min_size=1, max_size=12)


def test_unknown_keyword_arguments_are_refused_by_name(world):
    failures = []
    for call in (c for c in CALLS if c.open):
        values = call.good(world)
        values["colour"] = "red"
        before = row_counts()
        try:
            call(world, values)
        except ValidationError as error:
            if error.field != "colour" or row_counts() != before:
                failures.append(f"{call.name}: field {error.field!r}")
        except Exception as error:
            failures.append(f"{call.name}: raised {type(error).__name__}: {error}")
        else:
            failures.append(f"{call.name}: accepted")
    assert not failures, "\n".join(failures)


def test_random_bad_input_to_any_write_service_is_refused_and_changes_nothing(world):
    tally = Counter()

    @settings(
        max_examples=FUZZ_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=st.data())
    def attempt(data):
        call, argument = data.draw(st.sampled_from(ARGUMENTS), label="argument")
        if call.open and data.draw(st.integers(0, 9), label="unknown keyword") == 0:
            name = data.draw(_NAMES.filter(lambda n: n not in call.kinds), label="name")
            argument, bad = name, data.draw(st.text(max_size=5))
            problem = _try(call, world, name, bad, expected=name)
        else:
            bad = data.draw(call.kinds[argument].strategy(world), label="bad value")
            problem = _try(call, world, argument, bad)
        tally["tried"] += 1
        if problem is None:
            tally["refused"] += 1
        assert problem is None, f"{call.name}({argument}={_describe(bad)}): {problem}"

    attempt()
    engine = "PostgreSQL" if on_postgresql() else "SQLite"
    print(f"\n{engine}: {tally['refused']} of {tally['tried']} random bad inputs refused")
    assert tally["tried"] == tally["refused"] > 0
