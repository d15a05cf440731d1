"""Where the database and the log live. Everything here is computed, nothing is global."""

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "housing-desk"
DATABASE_URL_VARIABLE = "HOUSING_DESK_DATABASE_URL"


def data_folder() -> Path:
    """The user's own data folder for Housing Desk (created on first use)."""
    folder = user_data_path(APP_NAME, appauthor=False)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_database_url(environ=os.environ) -> str:
    """The URL in ``HOUSING_DESK_DATABASE_URL``, else the embedded SQLite database."""
    url = environ.get(DATABASE_URL_VARIABLE, "").strip()
    if url:
        return url
    return f"sqlite:///{data_folder() / 'housing-desk.db'}"


@dataclass(frozen=True)
class Config:
    database_url: str
    demo: bool = False
    quit_after_startup: bool = False
