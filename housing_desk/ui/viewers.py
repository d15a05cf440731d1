"""What a viewer reads where a field is kept from her: "Hidden from viewers", never a blank that
looks as if nothing was recorded."""

from __future__ import annotations

HIDDEN = "Hidden from viewers"


def or_hidden(text: str, sensitive: bool, empty: str = "") -> str:
    """``text``; when blank, ``empty`` for staff who may see the field and ``HIDDEN`` for a viewer
    (the services blank what she may not see)."""
    return text or (empty if sensitive else HIDDEN)
