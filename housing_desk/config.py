"""Where the database and the log live. Everything here is computed, nothing is global."""

import os
from collections import namedtuple
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "housing-desk"
DATABASE_URL_VARIABLE = "HOUSING_DESK_DATABASE_URL"


def data_folder() -> Path:
    """The user's own data folder for Housing Desk (created on first use)."""
    from platformdirs import user_data_path

    folder = user_data_path(APP_NAME, appauthor=False)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_database_url(environ: Mapping[str, str] = os.environ) -> str:
    """The URL in ``HOUSING_DESK_DATABASE_URL``, else the embedded SQLite database."""
    url = environ.get(DATABASE_URL_VARIABLE, "").strip()
    if url:
        return url
    return f"sqlite:///{data_folder() / 'housing-desk.db'}"


class Config(
    namedtuple("Config", ("database_url", "demo", "quit_after_startup"), defaults=(False, False))
):
    """What the command line asked for: ``database_url`` (str), ``demo`` and
    ``quit_after_startup`` (bool, False unless given). A named tuple, so immutable, and with
    nothing to import on the way to the sign-in dialog (a dataclass brings ``inspect``)."""

    __slots__ = ()
