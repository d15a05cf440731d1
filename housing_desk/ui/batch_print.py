"""Making many documents at once, with progress and a Cancel button, then printing or saving them.

The packs are made off the window's thread (``ui.operations``), so the window keeps painting and
Cancel answers at once; what was made before Cancel is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from housing_desk.services import paperwork
from housing_desk.ui import messages, printing
from housing_desk.ui.operations import Operation


def make_packs(
    parent: QWidget | None,
    actor,
    licence_ids: list[int],
    then: Callable[[list[tuple[int, bytes]]], object],
) -> Operation:
    """Start making the sign-up pack of each licence; ``then(packs)`` gets those made."""
    return (
        Operation(
            parent,
            lambda job: paperwork.signup_packs(
                actor, licence_ids, progress=job.progress, cancelled=job.cancelled
            ),
            title="Sign-up packs",
        )
        .success(then)
        .run_in_background("Making the sign-up packs…")
    )


def print_signup_packs(
    parent: QWidget | None,
    actor,
    licence_ids: list[int],
    then: Callable[[int], object] | None = None,
) -> Operation:
    """Make the packs, then print them all (one print dialog) or save them to a folder;
    ``then(count)`` is told how many were printed or saved."""

    def hand_over(packs: list[tuple[int, bytes]]) -> None:
        count = _print_or_save(parent, packs)
        if then is not None:
            then(count)

    return make_packs(parent, actor, licence_ids, hand_over)


def _print_or_save(parent: QWidget | None, packs: list[tuple[int, bytes]]) -> int:
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
