"""The settings table itself: every stored setting read at once, and one kept."""

from __future__ import annotations

from housing_desk.data.models import Setting


def values() -> dict[str, str]:
    return {row.key: row.value for row in Setting.select()}


def put(key: str, value: str) -> None:
    """Keep ``value`` under ``key``, inside the caller's transaction."""
    updated = Setting.update(value=value).where(Setting.key == key).execute()
    if not updated:
        Setting.create(key=key, value=value)
