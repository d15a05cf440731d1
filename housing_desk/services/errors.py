"""The errors every service raises (defined in ``housing_desk.errors``, below the layers)."""

from housing_desk.errors import (
    Busy,
    Cancelled,
    ConflictError,
    DomainError,
    NotFound,
    OverlapError,
    PermissionDenied,
    ValidationError,
)

__all__ = [
    "Busy",
    "Cancelled",
    "ConflictError",
    "DomainError",
    "NotFound",
    "OverlapError",
    "PermissionDenied",
    "ValidationError",
]
