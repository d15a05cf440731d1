"""People's names: what a name may contain, and a key for spotting the same name twice."""

from __future__ import annotations

import unicodedata

from housing_desk.services import validation
from housing_desk.services.errors import ValidationError

_PUNCTUATION = set(" -'’‘.")
# Letters that do not decompose into a base letter and an accent.
_FOLD = str.maketrans(
    {
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ı": "i",
        "ħ": "h",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "þ": "th",
        "ð": "d",
    }
)


def person_name(value: object, field: str, *, label: str, required: bool = True) -> str:
    """A name in any alphabet, kept exactly as typed (surrounding spaces aside)."""
    from housing_desk.data.models import Person

    column = getattr(Person, field)
    name = validation.text(value, field, label=label, required=required, column=column)
    for character in name:
        if character in _PUNCTUATION:
            continue
        if unicodedata.category(character)[0] not in "LM":
            raise ValidationError(
                f"{label} can contain letters, spaces, hyphens and apostrophes only ('{character}' is not allowed).",
                field,
            )
    return name


def fold(text: str) -> str:
    """Lower case, without accents or punctuation: 'Siobhán Ní Bhriain' -> 'siobhan ni bhriain'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = "".join(c if c.isalnum() else " " for c in bare.casefold())
    return " ".join(bare.split())


def search_key(given: str, family: str, preferred: str = "") -> str:
    """What the duplicate check and the name filter compare: '|given family|preferred family|'."""
    keys = [fold(f"{given} {family}")]
    if preferred:
        keys.append(fold(f"{preferred} {family}"))
    return "|" + "|".join(keys) + "|"


def display_name(given: str, family: str, preferred: str = "") -> str:
    """Her name as lists and letters show it: the first name she uses, then her family name."""
    return f"{preferred or given} {family}"


CONFIDENTIAL_NAME = "a resident (confidential)"


def board_name(given: str, family: str, preferred: str, hidden: bool) -> str:
    """Her name as the board and its side lists show it (the board may be on a shared screen):
    never the name of a woman whose details are not to be disclosed."""
    return CONFIDENTIAL_NAME if hidden else display_name(given, family, preferred)


def sort_key(given: str, family: str, preferred: str = "") -> str:
    """Where she comes in a list: family name, then the first name she uses, folded."""
    return f"{fold(family)} {fold(preferred or given)}".strip()


def stored_keys(given: str, family: str, preferred: str = "") -> dict[str, str]:
    """The two keys stored beside her name, for every write that sets or changes it."""
    return {
        "search_name": search_key(given, family, preferred),
        "sort_name": sort_key(given, family, preferred),
    }
