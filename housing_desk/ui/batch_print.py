"""Making many documents at once, with progress and a Cancel button, then printing or saving them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from housing_desk.services import paperwork
from housing_desk.services.errors import DomainError
from housing_desk.ui import messages, printing


def make_packs(parent: QWidget | None, actor, licence_ids: list[int]) -> list[tuple[int, bytes]]:
    """The sign-up pack of each licence; stops early, keeping what is done, if Cancel is pressed."""
    progress = QProgressDialog("Making the sign-up packs…", "Cancel", 0, len(licence_ids), parent)
    progress.setWindowTitle("Sign-up packs")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    made = []
    for count, licence_id in enumerate(licence_ids):
        if progress.wasCanceled():
            break
        progress.setValue(count)
        QApplication.processEvents()
        try:
            made.append((licence_id, paperwork.signup_pack(actor, licence_id)))
        except DomainError as error:
            messages.warning(parent, "Sign-up packs", error.message)
            break
    progress.setValue(len(licence_ids))
    return made


def print_signup_packs(parent: QWidget | None, actor, licence_ids: list[int]) -> int:
    """Make the packs, then print them all (one print dialog) or save them to a folder."""
    packs = make_packs(parent, actor, licence_ids)
    if not packs:
        return 0
    choice = messages.choose(
        parent,
        "Sign-up packs",
        f"{len(packs)} sign-up pack(s) are ready. Print them now, or save them as PDF files?",
        [("print", "Print"), ("save", "Save to a folder")],
    )
    if choice is None:
        return 0
    if choice == "print":
        printer = messages.choose_printer(parent)
        if printer is None:
            return 0
        for _licence_id, pdf in packs:
            printing.print_pdf(pdf, printer)
        return len(packs)
    folder = messages.choose_folder(parent, "Save the sign-up packs in…")
    if not folder:
        return 0
    for licence_id, pdf in packs:
        (Path(folder) / f"signup-pack-LIC-{licence_id:06d}.pdf").write_bytes(pdf)
    return len(packs)
