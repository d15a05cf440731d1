"""One way for the window to run an action: a service call, its result, and what a refusal shows.

Every button that saves, prints or changes something runs its service call through an
``Operation``, so a refusal is always shown the same way:

- a ``ValidationError`` goes beside the field it names when the window gave its
  ``FieldErrors`` (``.errors(...)``), otherwise into a warning;
- a ``ConflictError`` (someone else saved the record first) is shown the same way, then, when the
  window can load the newer version (``.reload(...)``), she is offered it;
- any other refusal (``PermissionDenied``, ``NotFound``…) is a warning;
- the result goes to the ``.success(...)`` callback, a refusal also to ``.failure(...)``.

``run()`` calls the service now, on the window's thread: right for a save that takes a moment.
``run_in_background(label)`` is for long work (backup, restore, copy, a batch of documents): the
call runs on a thread of its own, on a database connection of its own, while a progress dialog
with Cancel keeps the window painted. The call is then given a ``Job``: ``job.progress(done,
total)`` moves the bar, and ``job.cancelled()`` is True once Cancel was pressed (the service
stops at its next step and leaves nothing half-done). The callbacks always run on the window's
thread. An unexpected exception is handed to ``sys.excepthook`` there, as on the window's thread.

    Operation(self, lambda: flats.update_flat(actor, flat, **changes), title="Flat")
        .errors(self.errors).reload(self.reload).success(self.saved).run()

    Operation(window, lambda job: transfer.back_up_in_use(user, name, progress=job.progress,
              cancelled=job.cancelled), title="Back up").success(done).run_in_background("Backing up…")
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from housing_desk.services.errors import ConflictError, DomainError
from housing_desk.ui import messages
from housing_desk.ui.field_errors import FieldErrors

_RUNNING: set[Operation] = set()  # background operations, kept alive until they finish


def _hold_still() -> None:
    # A full garbage collection holds every thread, the window's too, while it walks every object
    # the program holds; long work (a restore inserts hundreds of thousands of rows) sets off
    # several, each taking a few hundred milliseconds with the window's objects in the heap.
    # Frozen, the objects that exist when the work starts (the window's, mostly alive for good)
    # are left out of those walks. They stay frozen: thawing them would only bring the long walk
    # back at the next collection.
    gc.freeze()


class Job:
    """What a call running in the background is given: a way to report progress, and Cancel."""

    def __init__(self, bridge: _Bridge):
        self._bridge = bridge
        self._cancel = threading.Event()
        self._shown = -1

    def progress(self, done: int, total: int) -> None:
        """Move the bar to ``done`` of ``total``. Safe to call from the worker thread."""
        percent = min(100, max(0, done * 100 // max(total, 1)))
        if percent != self._shown:  # a signal per percent, not per row
            self._shown = percent
            self._bridge.progressed.emit(percent)

    def cancelled(self) -> bool:
        """True once Cancel was pressed: stop at the next step."""
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class _Bridge(QObject):
    """Carries the worker's news to the window's thread (queued across threads by Qt)."""

    progressed = Signal(int)
    finished = Signal(object, object)  # result, exception (one of them None)


def report(
    parent: QWidget | None,
    title: str,
    error: DomainError,
    *,
    errors: FieldErrors | None = None,
    reload: Callable[[], object] | None = None,
) -> None:
    """Show a service's refusal: beside its field, or as a warning; offer a newer version."""
    if errors is not None:
        errors.show(error)
    else:
        messages.warning(parent, title, error.message)
    if type(error) is ConflictError and reload is not None:
        _offer_reload(parent, title, error, errors, reload)


def _offer_reload(parent, title, error, errors, reload) -> None:
    # Someone else saved this record first: what she typed stays unless she loads theirs.
    if not messages.confirm(
        parent,
        "Changed by someone else",
        f"{error.message}\n\nLoad their version now? What you typed here will be replaced.",
        yes="Load their version",
        no="Keep mine",
    ):
        return
    try:
        reload()
    except DomainError as missing:  # the record has gone meanwhile
        report(parent, title, missing, errors=errors)
        return
    if errors is not None:
        errors.clear()


class Operation:
    """One action: a service call, where its refusal is shown, and what to do with its result."""

    def __init__(
        self, parent: QWidget | None, call: Callable[..., Any], *, title: str = "Housing Desk"
    ):
        self.parent = parent
        self.call = call
        self.title = title
        self._errors: FieldErrors | None = None
        self._reload: Callable[[], object] | None = None
        self._on_success: Callable[[Any], object] | None = None
        self._on_failure: Callable[[DomainError], object] | None = None
        self.job: Job | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.done = False

    def errors(self, errors: FieldErrors) -> Operation:
        """Show a ValidationError beside the field it names (and any other refusal in the
        window's error label) rather than in a warning box."""
        self._errors = errors
        return self

    def reload(self, reload: Callable[[], object]) -> Operation:
        """Offer to load the newer version when someone else saved the record first."""
        self._reload = reload
        return self

    def success(self, callback: Callable[[Any], object]) -> Operation:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[DomainError], object]) -> Operation:
        """Called after the refusal was shown (to close, refresh or go back)."""
        self._on_failure = callback
        return self

    def run(self) -> bool:
        """Call the service now, on this thread. True when it succeeded."""
        try:
            result = self.call()
        except DomainError as error:
            self._refused(error)
            return False
        if self._errors is not None:
            self._errors.clear()
        self.done = True
        if self._on_success is not None:
            self._on_success(result)
        return True

    def run_in_background(self, label: str, *, cancellable: bool = True) -> Operation:
        """Call the service on a thread of its own, with a progress dialog (and Cancel).
        Returns at once (this operation, so a caller or a test can follow it)."""
        bridge = _Bridge()
        self._bridge = bridge
        self.job = Job(bridge)
        dialog = QProgressDialog(label, "Cancel" if cancellable else None, 0, 100, self.parent)
        dialog.setWindowTitle(self.title)
        dialog.setMinimumWidth(420)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        bridge.progressed.connect(dialog.setValue)
        bridge.finished.connect(self._finished)
        self.progress_dialog = dialog
        _hold_still()
        _RUNNING.add(self)
        dialog.setValue(0)
        dialog.show()
        self._thread = threading.Thread(
            target=self._work, name=f"operation: {self.title}", daemon=True
        )
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Ask the running call to stop at its next step (what Cancel does)."""
        if self.job is None or self.done:
            return
        self.job.cancel()
        if self.progress_dialog is not None:
            self.progress_dialog.show()  # QProgressDialog hides itself on Cancel; keep it up
            self.progress_dialog.setLabelText("Stopping…")
            self.progress_dialog.setCancelButton(None)

    def _work(self) -> None:
        result = error = None
        from housing_desk.services import background  # the database layer, off the sign-in path

        try:
            with background.own_connection():
                result = self.call(self.job)
        except BaseException as raised:  # handed to the window's thread, never lost
            error = raised
        self._bridge.finished.emit(result, error)

    def _finished(self, result: Any, error: BaseException | None) -> None:
        # The worker's last act was to send this: wait for its thread to end, so that it drops its
        # references here and the Qt objects are never destroyed on the worker's thread.
        self._thread.join()
        self.done = True
        _RUNNING.discard(self)
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        if isinstance(error, DomainError) and self.job is not None and self.job.cancelled():
            messages.information(self.parent, self.title, error.message)  # she asked it to stop
            if self._on_failure is not None:
                self._on_failure(error)
        elif isinstance(error, DomainError):
            self._refused(error)
        elif error is not None:
            sys.excepthook(type(error), error, error.__traceback__)
        elif self._on_success is not None:
            self._on_success(result)

    def _refused(self, error: DomainError) -> None:
        report(self.parent, self.title, error, errors=self._errors, reload=self._reload)
        if self._on_failure is not None:
            self._on_failure(error)
