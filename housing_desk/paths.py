"""Where the Qt forms and the resources live, installed or in a source checkout."""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    # Inside an installed wheel the folders sit in the package; in a checkout, beside it.
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"Housing Desk cannot find its {name} folder next to {_PACKAGE}")


def forms_dir() -> Path:
    return _find("forms")


def resources_dir() -> Path:
    return _find("resources")


def form(name: str) -> Path:
    """The path of ``forms/<name>.ui``."""
    return forms_dir() / f"{name}.ui"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
