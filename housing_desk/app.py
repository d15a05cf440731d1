"""The one place that wires things: arguments -> config -> database -> QApplication -> windows."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

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
    """Shows the first window: the demo's main window, the first-run dialog or sign-in.

    Signing in, the dialog is shown before anything else is loaded; once it is painted, and
    while she types, the database is opened and the main window is built and its board read
    (``ui.preparation``), so that Enter waits only for the password check."""

    def __init__(self, app, config: Config, location: str):
        self.app, self.config, self.location = app, config, location
        self.window = None
        self.first_window = None
        self.guide = None
        self.preparation = None

    def sign_in_first(self, url: str) -> None:
        """Show the sign-in dialog at once, then open ``url`` and prepare while she types."""
        from housing_desk.ui.account_dialogs import SignInDialog
        from housing_desk.ui.preparation import Preparation

        self.preparation = Preparation(
            url, opened=self._opened, failed=self._failed, open_only=self.config.quit_after_startup
        )
        dialog = SignInDialog(location=self.location, ready=self.preparation.ready_to_sign_in)
        self._ask(dialog)
        self.preparation.start_after_painting(dialog)

    def start(self, demo_user=None) -> None:
        """With the database open: the demo's window, the first run, or sign-in."""
        from housing_desk.services import users

        if demo_user is not None:
            self.open_main_window(demo_user)
        elif not users.any_users():
            self._first_run()
        else:
            from housing_desk.ui.account_dialogs import SignInDialog
            from housing_desk.ui.preparation import Preparation

            dialog = SignInDialog(location=self.location)
            self.preparation = Preparation(None, open_only=self.config.quit_after_startup)
            self._ask(dialog)
            self.preparation.start_after_painting(dialog)

    def _opened(self, has_users: bool) -> None:
        """The database is open: a new one has no accounts yet, so she makes the first."""
        if not has_users:
            self.preparation.stop()
            signing_in, self.first_window = self.first_window, None
            signing_in.rejected.disconnect()
            signing_in.accepted.disconnect()
            signing_in.done(0)
            signing_in.deleteLater()
            self._first_run()
        if self.config.quit_after_startup:
            _quit_once_settled(self.app)

    def _failed(self, error: Exception) -> None:
        self.first_window.hide()
        _fail(self.config, f"Housing Desk could not open its database ({self.location}):\n{error}")
        self.app.exit(1)

    def _first_run(self) -> None:
        from housing_desk.ui.account_dialogs import FirstRunDialog

        self._ask(FirstRunDialog(), then=self.open_setup_guide)

    def _ask(self, dialog, then=None) -> None:
        self.first_window = dialog
        then = then or self.open_main_window
        dialog.accepted.connect(lambda: then(dialog.result_value))
        dialog.rejected.connect(self.app.quit)
        dialog.open()
        if self.config.quit_after_startup:
            _report_when_painted(dialog)

    def open_setup_guide(self, user) -> None:
        """After the first administrator: the organisation, the first partner, the first flat and
        its certificates; the main window follows however the guide ends."""
        from housing_desk.ui.setup_guide import SetupGuide

        self.guide = SetupGuide(user)
        self.guide.finished.connect(lambda _result: self.open_main_window(user))
        self.guide.open()

    def open_main_window(self, user) -> None:
        from housing_desk.services import settings

        # The demo's password is random and shown nowhere: a lock would lock it for good.
        idle = None if self.config.demo else settings.idle_lock_minutes()
        prepared = self.preparation.take_window() if self.preparation is not None else None
        if prepared is not None:
            prepared.sign_in(user, location=self.location, idle_minutes=idle)
            self.window = prepared
        else:
            from housing_desk.ui.main_window import MainWindow

            self.window = MainWindow(user, location=self.location, idle_minutes=idle)
        self.window.show()
        if self.config.quit_after_startup and self.first_window is None:
            _report_when_painted(self.window)
        from housing_desk.ui.first_paint import after_painting

        after_painting(self.window, lambda: post_due_charges(user))  # the board first
        self.first_window = self.first_window or self.window
        self.app.setQuitOnLastWindowClosed(True)


def _report_when_painted(window) -> None:
    """For ``--quit-after-startup``: say which window was shown, once it is painted."""
    from housing_desk.ui.first_paint import after_painting

    after_painting(window, lambda: print(f"Shown: {window.windowTitle()}", flush=True))


def post_due_charges(user) -> None:
    """Charges that fell due since Housing Desk last ran, posted once the window is up."""

    from housing_desk import clock
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
    from housing_desk.private_files import ensure_private, tighten

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
    """The QApplication with Housing Desk's names, style and stylesheet: all it needs before
    the sign-in dialog is shown. The window icon is set once that dialog is painted."""
    from PySide6.QtWidgets import QApplication

    from housing_desk.ui.stylesheet import APPLICATION_STYLE

    app = QApplication.instance()
    if app is None:
        QApplication.setStyle("Fusion")  # before the application, which then makes no other
        app = QApplication(sys.argv[:1])
    else:
        app.setStyle("Fusion")
    app.setApplicationName("Housing Desk")
    app.setOrganizationName("housing-desk")
    app.setApplicationDisplayName("Housing Desk")
    app.setStyleSheet(APPLICATION_STYLE)
    app.setQuitOnLastWindowClosed(False)  # until the main window is up
    sys.excepthook = unexpected_error
    return app


def set_window_icon(app) -> None:
    from PySide6.QtGui import QIcon

    from housing_desk import paths

    app.setWindowIcon(QIcon(str(paths.resource("icons", "housing-desk.svg"))))


def run(config: Config) -> int:
    """Start the window. Returns the process exit code."""
    demo_folder = None
    configure_logging()
    try:
        url = config.database_url
        if config.demo:
            import tempfile

            demo_folder = Path(tempfile.mkdtemp(prefix="housing-desk-demo-"))
            url = f"sqlite:///{demo_folder / 'demo.db'}"
        app = create_application()
        location = "Demo database (deleted on exit)" if config.demo else describe_location(url)
        startup = Startup(app, config, location)
        opened = []
        if url.startswith("sqlcipher:"):
            from housing_desk.data.database import open_database
            from housing_desk.ui.account_dialogs import PassphraseDialog

            # The passphrase is asked for first, and held only as long as it takes to open the file.
            dialog = PassphraseDialog(
                lambda passphrase: opened.append(open_database(url, passphrase)) or opened[-1],
                location=location,
            )
            startup.first_window = dialog
            dialog.accepted.connect(lambda: startup.start())
            dialog.rejected.connect(app.quit)
            dialog.open()
            if config.quit_after_startup:
                _report_when_painted(dialog)
                _quit_once_settled(app)
        elif config.demo:
            from housing_desk.data.database import open_database
            from housing_desk.services import demo

            opened.append(open_database(url))
            startup.start(demo.build().user)
            if config.quit_after_startup:
                _quit_once_settled(app)
        else:
            # The sign-in dialog first; --quit-after-startup leaves once the database is open.
            startup.sign_in_first(url)
        code = app.exec()
        for db in opened:
            db.close()
        if startup.preparation is not None:
            startup.preparation.close_database()
        return code
    finally:
        if demo_folder is not None:
            import shutil

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
