"""The person panel's actions for her rights over her data: recording her request for her
records, and giving her the copy (with the warning that it must go only to her)."""

from __future__ import annotations

from housing_desk.services import people, subject_access
from housing_desk.services.validation import uk_date
from housing_desk.ui import messages
from housing_desk.ui.access_request_dialog import AccessRequestDialog
from housing_desk.ui.operations import Operation
from housing_desk.ui.pdf_preview import PdfPreviewDialog


def record_request(panel) -> None:
    person = panel.person
    if person is not None:
        name = people.name_of(panel.actor, person.id)
        panel._after(AccessRequestDialog.ask(panel, panel.actor, person, name))


def export_records(panel) -> None:
    """Her copy on screen, the banner above it when she is not to be found, a warning before it is
    printed or saved; then her open request can be marked answered."""
    person = panel.person
    if person is None:
        return

    def show(pdf: bytes) -> None:
        PdfPreviewDialog.show_pdf(
            panel,
            pdf,
            "Information we hold about her",
            f"records-{person.id}.pdf",
            banner=subject_access.address_banner(person),
            warning=subject_access.ADDRESS_WARNING,
        )
        _offer_to_close_requests(panel, person)

    Operation(
        panel, lambda: subject_access.export(panel.actor, person), title="Export her records"
    ).success(show).run()


def _offer_to_close_requests(panel, person) -> None:
    waiting = subject_access.requests("open", person, actor=panel.actor)
    if not waiting:
        return
    received = ", ".join(uk_date(r.received_on) for r in waiting)
    if not messages.confirm(
        panel,
        "Her request for her records",
        f"Has her copy gone to her? Her request received {received} will be marked answered "
        "today and leave the reminders.",
        yes="Mark answered",
        no="Not yet",
    ):
        return
    Operation(
        panel,
        lambda: [subject_access.mark_answered(panel.actor, r) for r in waiting],
        title="Her request for her records",
    ).success(lambda _done: panel._after(True)).run()
