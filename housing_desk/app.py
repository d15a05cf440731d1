"""The one place that wires things: arguments -> config -> database -> QApplication -> windows."""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from pathlib import Path

from housing_desk import clock
from housing_desk.config import Config

log = logging.getLogger("housing_desk")


def describe_location(url: str) -> str:
    """Where the database is, without any password: for the status bar and the sign-in dialog."""
    from urllib.parse import urlsplit

    if url.startswith(("postgresql:", "postgres:")):
        parts = urlsplit(url)
        host = parts.hostname or "local server"
        return f"PostgreSQL {parts.path.lstrip('/')} on {host}"
    if url.startswith("sqlcipher:"):
        return f"Encrypted file {url.split(':///', 1)[-1]}"
    return f"File {url.split(':///', 1)[-1]}"


class Startup:
    """Shows the first window: the demo's main window, the first-run dialog or sign-in."""

    def __init__(self, app, config: Config, location: str):
        self.app, self.config, self.location = app, config, location
        self.window = None
        self.first_window = None
        self.guide = None

    def start(self, demo_user=None) -> None:
        from housing_desk.services import users

        if demo_user is not None:
            self.open_main_window(demo_user)
        elif not users.any_users():
            from housing_desk.ui.account_dialogs import FirstRunDialog

            self._ask(FirstRunDialog(), then=self.open_setup_guide)
        else:
            from housing_desk.ui.account_dialogs import SignInDialog

            self._ask(SignInDialog(location=self.location))

    def _ask(self, dialog, then=None) -> None:
        self.first_window = dialog
        then = then or self.open_main_window
        dialog.accepted.connect(lambda: then(dialog.result_value))
        dialog.rejected.connect(self.app.quit)
        dialog.open()
        from PySide6.QtCore import QTimer

        # Once the dialog is painted and while she types: load the main window's code, so that
        # Enter waits only for the password check and the board.
        QTimer.singleShot(PREPARE_AFTER_MS, _prepare_main_window)

    def open_setup_guide(self, user) -> None:
        """After the first administrator: the organisation, the first partner, the first flat and
        its certificates; the main window follows however the guide ends."""
        from housing_desk.ui.setup_guide import SetupGuide

        self.guide = SetupGuide(user)
        self.guide.finished.connect(lambda _result: self.open_main_window(user))
        self.guide.open()

    def open_main_window(self, user) -> None:
        from housing_desk.services import settings
        from housing_desk.ui.main_window import MainWindow

        # The demo's password is random and shown nowhere: a lock would lock it for good.
        idle = None if self.config.demo else settings.idle_lock_minutes()
        self.window = MainWindow(user, location=self.location, idle_minutes=idle)
        self.window.show()
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: post_due_charges(user))
        self.first_window = self.first_window or self.window
        self.app.setQuitOnLastWindowClosed(True)


PREPARE_AFTER_MS = 300  # after the first window's paint; nobody types her name faster


def _prepare_main_window() -> None:
    import housing_desk.ui.main_window  # noqa: F401


def post_due_charges(user) -> None:
    """Charges that fell due since Housing Desk last ran, posted once the window is up."""

    from housing_desk.services import accounts, permissions
    from housing_desk.services.errors import DomainError

    if permissions.allowed(user, "allocate"):
        try:
            accounts.post_charges(user, up_to=clock.today())
        except DomainError:  # another PC is posting, or the database is busy: next start posts
            log.info("charges not posted at start-up; left for the next start")


def configure_logging() -> Path:
    """Log to a file in the user's data folder. Messages name records by id, never by person."""
    from housing_desk.config import data_folder
    from housing_desk.data.private_files import ensure_private, tighten

    path = data_folder() / "housing-desk.log"
    if path.exists() and path.stat().st_size > 1_000_000:
        path.replace(path.with_suffix(".log.1"))  # keep one previous log, not a growing one
    tighten(path.with_suffix(".log.1"))
    ensure_private(path)  # readable by its owner only, before the handler opens it
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.getLogger("peewee").setLevel(logging.WARNING)  # its debug lines carry query values
    return path


def describe_error(error_type, error, trace) -> str:
    """What the log keeps of an unexpected error: its kind and where it happened, never its message,
    which may hold a woman's details."""
    import traceback

    frames = traceback.extract_tb(trace)
    lines = [f"{error_type.__module__}.{error_type.__qualname__} (message withheld)"]
    lines += [f"  {frame.filename}:{frame.lineno} in {frame.name}" for frame in frames]
    return "\n".join(lines)


def unexpected_error(error_type, error, trace) -> None:
    """A calm message for the officer; the details, without personal data, go to the log."""
    log.error("Unexpected error:\n%s", describe_error(error_type, error, trace))
    from housing_desk.config import data_folder
    from housing_desk.ui import messages

    messages.error(
        None,
        "Housing Desk",
        "Something went wrong and Housing Desk could not finish what it was doing. Nothing was "
        "half-saved: each change is saved whole or not at all.\n\nPlease tell whoever looks after "
        f"Housing Desk. The details are in the log file in {data_folder()}.",
    )


def create_application():
    from PySide6.QtWidgets import QApplication

    from housing_desk.ui.style import APPLICATION_STYLE

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Housing Desk")
    app.setOrganizationName("housing-desk")
    app.setApplicationDisplayName("Housing Desk")
    app.setStyle("Fusion")
    app.setStyleSheet(APPLICATION_STYLE)
    from PySide6.QtGui import QIcon

    from housing_desk import paths

    app.setWindowIcon(QIcon(str(paths.resource("icons", "housing-desk.svg"))))
    app.setQuitOnLastWindowClosed(False)  # until the main window is up
    sys.excepthook = unexpected_error
    return app


def run(config: Config) -> int:
    """Start the window. Returns the process exit code."""
    from housing_desk.data.database import open_database

    demo_folder = None
    configure_logging()
    try:
        url = config.database_url
        if config.demo:
            demo_folder = Path(tempfile.mkdtemp(prefix="housing-desk-demo-"))
            url = f"sqlite:///{demo_folder / 'demo.db'}"
        app = create_application()
        location = "Demo database (deleted on exit)" if config.demo else describe_location(url)
        startup = Startup(app, config, location)
        opened = []
        if url.startswith("sqlcipher:"):
            # The passphrase is asked for first, and held only as long as it takes to open the file.
            from housing_desk.ui.account_dialogs import PassphraseDialog

            dialog = PassphraseDialog(
                lambda passphrase: opened.append(open_database(url, passphrase)) or opened[-1],
                location=location,
            )
            startup.first_window = dialog
            dialog.accepted.connect(lambda: startup.start())
            dialog.rejected.connect(app.quit)
            dialog.open()
        else:
            try:
                opened.append(open_database(url))
            except Exception as error:  # the message is shown; the details go to the log
                log.error("Could not open the database: %s", type(error).__name__)
                return _fail(
                    config, f"Housing Desk could not open its database ({location}):\n{error}"
                )
            demo_user = None
            if config.demo:
                from housing_desk.services import demo

                demo_user = demo.build().user
            startup.start(demo_user)
        if config.quit_after_startup:
            _quit_once_settled(app)
        code = app.exec()
        for db in opened:
            db.close()
        return code
    finally:
        if demo_folder is not None:
            shutil.rmtree(demo_folder, ignore_errors=True)


def _quit_once_settled(app) -> None:
    from PySide6.QtCore import QTimer

    # Two turns of the event loop: the first window is shown and painted, then we leave.
    QTimer.singleShot(0, lambda: QTimer.singleShot(0, lambda: app.exit(0)))


def _fail(config: Config, message: str) -> int:
    print(message, file=sys.stderr)
    if not config.quit_after_startup:
        from housing_desk.ui import messages

        messages.error(None, "Housing Desk", message)
    return 1
