"""The errors every service raises, in words a housing officer understands.

They live below the layers so that the data layer can raise them too (a wrong passphrase is
``PermissionDenied``); services and windows import them as ``housing_desk.services.errors``.
"""


class DomainError(Exception):
    """Base of every refusal from a service."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(DomainError):
    """Bad input or a broken rule. ``field`` names the field, or is None for the whole record."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class ConflictError(DomainError):
    """Dates clash with another record's, or someone else saved a newer version first."""


class PermissionDenied(DomainError):
    """The user may not do this, or could not be signed in."""


class NotFound(DomainError):
    """The record asked for does not exist."""


class OverlapError(ValidationError, ConflictError):
    """Dates that clash with another record's: a ConflictError that also names the field."""


class Busy(DomainError):
    """Another program or PC held the database's write lock for longer than a write waits."""

    def __init__(
        self, message: str = "Someone else is saving just now; try again in a moment."
    ) -> None:
        super().__init__(message)


class Cancelled(DomainError):
    """Long work (a backup, a restore, a copy) stopped when asked, leaving nothing half-done."""
