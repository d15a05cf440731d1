"""What Housing Desk does while she types her name and password.

The sign-in dialog is shown before the database is even opened. Once it is painted, the rest of
the start runs in small steps from the event loop, so each keystroke is answered between them:
open the database (and apply any migration), set the window icon, import what the main window
needs, read what the board shows on a thread of its own, then build the main window hidden with
that board, and lay it out where no screen is. Nothing of it is shown before
she is signed in; ``MainWindow.sign_in`` then decides what her role may see and do, and reads
the board again if anything was written since it was read.
"""

from __future__ import annotations

import gc
import importlib
import logging
import threading
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

from housing_desk.ui.first_paint import after_painting

log = logging.getLogger("housing_desk")

# What the main window and its board import, one module a step, the slowest first.
MAIN_WINDOW_MODULES = (
    "housing_desk.services.availability",
    "housing_desk.services.reminders",
    "housing_desk.ui.table_model",
    "housing_desk.ui.board_page",
    "housing_desk.ui.main_window",
    "housing_desk.ui.idle_lock",
    "housing_desk.services.settings",
    "housing_desk.services.accounts",
)


WAIT_MS = 10  # between looks at a reading on another thread


class Preparation:
    """Opens ``url`` (None: it is open already) and prepares the main window, step by step.

    ``opened(has_users)`` is called once the database is open, ``failed(error)`` if it cannot
    be. With ``open_only`` (``--quit-after-startup``) nothing more is prepared."""

    def __init__(
        self,
        url: str | None,
        *,
        opened: Callable[[bool], object] | None = None,
        failed: Callable[[Exception], object] | None = None,
        open_only: bool = False,
    ):
        self.url, self.opened, self.failed, self.open_only = url, opened, failed, open_only
        self.db = None
        self.dialog: QWidget | None = None
        self.window = None
        self.stopped = False
        self._tried = False  # to open the database
        self._reading: threading.Thread | None = None
        self._board_read = None
        self._wait = False
        self._has_users = url is None
        self._steps: deque[Callable[[], object]] = deque()

    def start_after_painting(self, dialog: QWidget) -> None:
        self.dialog = dialog
        after_painting(dialog, self.start)

    def start(self) -> None:
        if self.url is not None:
            self._steps.extend((_importer("housing_desk.data.database"), self._open))
        if not self.open_only:
            self._steps.extend((self._set_icon, self._make_qt_classes))
            self._steps.extend(_importer(name) for name in MAIN_WINDOW_MODULES)
            self._steps.extend(
                (self._read_board, self._build_window, self._lay_out, self._put_away)
            )
        self._next()

    def stop(self) -> None:
        """Prepare nothing more (she signed in already, or this is a first run)."""
        self.stopped = True
        self._steps.clear()

    @property
    def finished(self) -> bool:
        """Everything is prepared: the window built, laid out and put away."""
        return self.window is not None and not self._steps

    def take_window(self):
        """The main window, built and hidden, for ``sign_in``; None if it is not ready yet (the
        caller builds one). Nothing more is prepared either way."""
        self.stop()
        window, self.window = self.window, None
        if window is not None:
            _put_away(window)
        return window

    def close_database(self) -> None:
        if self.db is not None:
            self.db.close()

    def _next(self) -> None:
        if self._steps and not self.stopped:
            QTimer.singleShot(WAIT_MS if self._wait else 0, self._step)
            self._wait = False

    def _step(self) -> None:
        if self.stopped or not self._steps:
            return
        self._steps.popleft()()
        self._next()

    def ready_to_sign_in(self) -> bool:
        """Open the database now if Enter came before its turn; whether she can sign in to it."""
        if self.url is not None and self.db is None and not self._tried:
            self._open()
        return self.db is not None and self._has_users

    def _open(self) -> None:
        from housing_desk.data.database import open_database
        from housing_desk.services import users

        if self._tried:
            return
        self._tried = True
        try:
            self.db = open_database(self.url)
        except Exception as error:  # the message is shown; the details go to the log
            log.error("Could not open the database: %s", type(error).__name__)
            self.stop()
            if self.failed is not None:
                self.failed(error)
            return
        self._has_users = users.any_users()
        if self.opened is not None:
            self.opened(self._has_users)

    def _set_icon(self) -> None:
        from PySide6.QtWidgets import QApplication

        from housing_desk.app import set_window_icon

        set_window_icon(QApplication.instance())

    def _make_qt_classes(self) -> None:
        """PySide6 makes its Python classes when first used. The first object of one of Qt's
        own private classes to reach Python (a window's handle, a line edit's text control) has
        it make every class in turn to find the nearest: some 30 ms that would otherwise fall on
        the main window's first show, after Enter."""
        if self.dialog is not None:
            self.dialog.windowHandle()
            self.dialog.findChildren(QObject)

    def _read_board(self) -> None:
        """Read what the board shows on a thread of its own (a connection of its own), so that
        the dialog answers every key meanwhile; the next step waits for it."""
        from housing_desk import clock
        from housing_desk.data.database import own_connection
        from housing_desk.ui.board_read import read_board

        def read() -> None:
            try:
                with own_connection():
                    self._board_read = read_board(clock.today(), with_side_lists=True)
            except Exception as error:  # the window reads the board itself instead
                log.info("The board was not read ahead: %s", type(error).__name__)

        # As for any long work on a thread (ui/operations.py): the objects that exist now are
        # left out of the garbage collector's walks, which would hold the window too.
        gc.freeze()
        self._reading = threading.Thread(target=read, name="reading the board", daemon=True)
        self._reading.start()

    def _build_window(self) -> None:
        from housing_desk.ui.main_window import MainWindow

        if self._reading is not None and self._reading.is_alive():
            self._steps.appendleft(self._build_window)
            self._wait = True  # look again in a moment, not at once: the reading needs the time
            return
        # Hidden until she is signed in; without a read ahead, the board reads itself.
        self.window = MainWindow(board_read=self._board_read)

    def _lay_out(self) -> None:
        """Show the window where no screen is (Qt's WA_DontShowOnScreen): Qt styles and lays out
        every widget of it, the work its first real show would otherwise do after Enter. Nothing
        of it reaches a screen; the next step takes it back."""
        if self.window is not None:
            self.window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
            self.window.show()

    def _put_away(self) -> None:
        if self.window is not None:
            _put_away(self.window)


def _put_away(window: QWidget) -> None:
    """Hidden again, and shown on a screen the next time it is shown."""
    if window.testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen):
        window.hide()
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)


def _importer(name: str) -> Callable[[], object]:
    return lambda: importlib.import_module(name)
