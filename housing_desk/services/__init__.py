"""Business rules: plain functions, no Qt. Every write in Housing Desk goes through here."""

from types import ModuleType


def __getattr__(name: str) -> ModuleType:
    # ``from housing_desk.services import warnings`` reaches the warnings procedure; the module
    # itself is tenancy_warnings, so that it never hides Python's own ``warnings`` module.
    if name == "warnings":
        from housing_desk.services import tenancy_warnings

        return tenancy_warnings
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
