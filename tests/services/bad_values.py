"""Kinds of argument and the bad values of each: fixed examples, and hypothesis strategies.

Text limits come from the model columns, as the services' do: a validator whose limit drifts
above its column lets through a value the database refuses (PostgreSQL) or silently keeps
(SQLite), and these values find it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from hypothesis import strategies as st

from housing_desk.services import validation

LETTERS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzÀÉÎõüłŻăğș", max_size=6)
_WRONG_TYPES = [
    12,
    1.5,
    True,
    [],
    ["a"],
    {},
    {"a": 1},
    b"bytes",
    date(2026, 1, 1),
    object(),
]
wrong_types = st.one_of(
    st.integers(),
    st.floats(),
    st.booleans(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=1),
    st.binary(max_size=4),
    st.sampled_from(_WRONG_TYPES),
)


def _nul(text: str) -> str:
    return text[: len(text) // 2] + "\x00" + text[len(text) // 2 :]


def _surrogate(text: str, code: int = 0xD800) -> str:
    return text[: len(text) // 2] + chr(code) + text[len(text) // 2 :]


@dataclass(frozen=True)
class Text:
    """Text kept in ``column``; ``fill`` builds an otherwise acceptable value of n characters."""

    column: object
    required: bool = False
    fill: object = "a"
    good: str = "Abc"
    length: int | None = None  # for a value kept where there is no column of its own

    @property
    def limit(self) -> int:
        return self.length or validation.column_length(self.column)

    def long(self, extra: int = 1) -> str:
        n = self.limit + extra
        return self.fill(n) if callable(self.fill) else self.fill * n

    def examples(self, world) -> list:
        found = [_nul(self.good), _surrogate(self.good), _surrogate(self.good, 0xDFFF)]
        found += [self.long(), self.long(25), *_WRONG_TYPES]
        if self.required:
            found += [None, "", "   "]
        return found

    def strategy(self, world):
        options = [
            LETTERS.map(lambda t: _nul(self.good + t)),
            st.tuples(LETTERS, st.integers(0xD800, 0xDFFF)).map(
                lambda p: _surrogate(self.good + p[0], p[1])
            ),
            st.integers(1, 40).map(self.long),
            wrong_types,
        ]
        if self.required:
            options.append(st.sampled_from([None, "", " ", "\n\t "]))
        return st.one_of(*options)


@dataclass(frozen=True)
class Choice:
    choices: tuple
    required: bool = True

    def examples(self, world) -> list:
        found = ["no such thing", "\x00", _surrogate("x"), " ", 1, True, [], {}, ["a"]]
        found += [str(c) for c in self.choices if not isinstance(c, str)][:1]
        found = [v for v in found if not _among(_stripped(v), self.choices)]
        return found + ([None] if self.required else [])

    def strategy(self, world):
        # Spaces around a choice typed as text are taken away, as from any text.
        unknown = st.text(max_size=8).filter(lambda t: t.strip() not in self.choices)
        options = [unknown, wrong_types.filter(lambda v: not _among(v, self.choices))]
        if self.required:
            options.append(st.none())
        return st.one_of(*options)


def _stripped(value):
    return value.strip() if isinstance(value, str) else value


def _among(value, choices) -> bool:
    return any(type(value) is type(c) and value == c for c in choices)


_BAD_DATES = [
    datetime(2026, 1, 1, 9, 30),
    datetime(2026, 1, 1, tzinfo=UTC),
    date(9999, 12, 31),
    date(1, 1, 1),
    date(1899, 12, 31),
    date(2200, 1, 1),
    "9999-12-31",
    "2026-02-30",
    "2026-13-01",
    "25/11/2026",
    "2026-11-25T10:00",
    "2026-11-25\x00",
    "today",
    "",
    math.inf,
    -math.inf,
    math.nan,
    1e400,
    20261125,
    True,
    [],
    {},
]


@dataclass(frozen=True)
class Date:
    required: bool = True

    def examples(self, world) -> list:
        return _BAD_DATES + ([None] if self.required else [])

    def strategy(self, world):
        options = [
            st.datetimes(timezones=st.none() | st.just(UTC)),
            st.dates(max_value=date(1899, 12, 31)),
            st.dates(min_value=date(2200, 1, 1)),
            st.text(max_size=6),
            st.floats(),
            st.integers(),
            st.sampled_from(_BAD_DATES),
        ]
        if self.required:
            options.append(st.none())
        return st.one_of(*options)


_BAD_MONEY = [
    "12,34",
    "1,2",
    "1,23,456.00",
    "12.345",
    "1e400",
    "1e3",
    "inf",
    "-inf",
    "Infinity",
    "NaN",
    "£",
    "abc",
    "",
    " ",
    "-1",
    "-£5.00",
    "£-5.00",
    "5.00\x00",
    "١٢",
    math.inf,
    -math.inf,
    math.nan,
    1e400,
    -0.01,
    1.234,
    Decimal("1e400"),
    Decimal("-1e400"),
    Decimal("Infinity"),
    Decimal("NaN"),
    Decimal("sNaN"),
    Decimal("0.001"),
    Decimal("-1"),
    10**30,
    "1000000",
    True,
    False,
    None,
    [],
    {},
    date(2026, 1, 1),
]


@dataclass(frozen=True)
class Money:
    def examples(self, world) -> list:
        return _BAD_MONEY

    def strategy(self, world):
        return st.one_of(
            st.sampled_from(_BAD_MONEY),
            st.tuples(st.integers(0, 999), st.integers(0, 99)).map(lambda t: f"{t[0]},{t[1]}"),
            st.floats().filter(lambda f: not math.isfinite(f) or f < 0 or f >= 1e6),
            st.integers(max_value=-1),
            st.integers(min_value=10**6),
            st.decimals(places=3, min_value=0, max_value=100).filter(
                lambda d: d != d.quantize(Decimal("0.01"))
            ),
            st.decimals(allow_nan=True, allow_infinity=True).filter(lambda d: not d.is_finite()),
        )


@dataclass(frozen=True)
class Whole:
    minimum: int
    maximum: int

    def examples(self, world) -> list:
        return [
            self.minimum - 1,
            self.maximum + 1,
            2**70,
            -(2**70),
            1.5,
            math.inf,
            -math.inf,
            math.nan,
            Decimal("1.5"),
            Decimal("Infinity"),
            Decimal("NaN"),
            "1.5",
            "two",
            "",
            "1\x00",
            True,
            False,
            None,
            [],
            {},
        ]

    def strategy(self, world):
        return st.one_of(
            st.integers(max_value=self.minimum - 1),
            st.integers(min_value=self.maximum + 1),
            st.floats().filter(lambda f: not math.isfinite(f) or not f.is_integer()),
            st.text(max_size=4).filter(lambda t: not t.strip().lstrip("+-").isdigit()),
            st.sampled_from(self.examples(world)),
        )


_BAD_FLAGS = ["yes", "no", "", "true", 1, 0, 1.0, None, [], {}, "\x00"]


@dataclass(frozen=True)
class Flag:
    def examples(self, world) -> list:
        return _BAD_FLAGS

    def strategy(self, world):
        return st.one_of(
            st.sampled_from(_BAD_FLAGS), st.text(), st.integers(), st.floats(), st.none()
        )


@dataclass(frozen=True)
class Record:
    """A record passed as itself or its id: anything else is refused (not a NotFound)."""

    required: bool = True

    def examples(self, world) -> list:
        found = ["1", "abc", "\x00", 1.0, 1.5, True, False, 0, -1, 2**63, 2**70, [], {}, object()]
        return found + [world.wrong_record] + ([None] if self.required else [])

    def strategy(self, world):
        options = [
            st.text(max_size=4),
            st.floats(),
            st.booleans(),
            st.integers(max_value=0),
            st.integers(min_value=2**63),
            st.sampled_from(self.examples(world)),
        ]
        return st.one_of(*options)


@dataclass(frozen=True)
class Password:
    def examples(self, world) -> list:
        return ["short", _nul("long enough pass"), _surrogate("long enough pass"), "x" * 1001]

    def strategy(self, world):
        return st.one_of(
            st.text(max_size=9),
            LETTERS.map(lambda t: _nul("long enough pass" + t)),
            LETTERS.map(lambda t: _surrogate("long enough pass" + t)),
            wrong_types,
            st.none(),
        )


@dataclass(frozen=True)
class Fixed:
    """An argument whose bad values are listed by hand (the assessment's scores, for example)."""

    values: tuple

    def examples(self, world) -> list:
        return list(self.values)

    def strategy(self, world):
        return st.sampled_from(self.values)
