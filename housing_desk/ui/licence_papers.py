"""Her licence agreement or sign-up pack on screen, ready to print: from her licence and from the
move-in wizard's checklist, where she signs it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from housing_desk.services import paperwork
from housing_desk.ui.operations import Operation

PAPERS = {
    "agreement": ("Licence agreement", paperwork.licence_agreement),
    "pack": ("Sign-up pack", paperwork.signup_pack),
}


def show_paper(
    parent: QWidget, actor, licence, which: str, made: Callable[[], object] | None = None
) -> None:
    """Make the paper (recorded as printed) and preview it; a refusal (the organisation's details
    missing) is shown as a warning saying where to set them. ``made`` runs once it exists."""
    from housing_desk.ui.pdf_preview import PdfPreviewDialog

    title, build = PAPERS[which]

    def preview(pdf: bytes) -> None:
        if made is not None:
            made()
        reference = paperwork.licence_reference(licence)
        PdfPreviewDialog.show_pdf(
            parent,
            pdf,
            f"{title} {reference}",
            f"{title.lower().replace(' ', '-')}-{reference}.pdf",
        )

    Operation(parent, lambda: build(actor, licence), title=title).success(preview).run()
