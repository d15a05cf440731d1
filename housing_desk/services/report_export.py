"""The reports as a PDF for funders and the council, and the audit of a report's CSV export."""

from __future__ import annotations

from datetime import date

from housing_desk.data.database import write_transaction
from housing_desk.data.models import AuditEvent, User
from housing_desk.documents import sections
from housing_desk.documents.data import RecordSection
from housing_desk.documents.page import PageMeta
from housing_desk.services import audit, permissions, validation

_LIFE_TITLES = {
    "Keywork": "Keywork sessions per month and keyworker",
    "Incidents": "Incidents by kind per quarter",
}


def report_pdf(actor: User, start: date, end: date) -> bytes:
    """The reports for the range as a PDF for funders and the council; recorded as printed.
    Refused while the organisation's name or address is missing, as every printed paper is."""
    from housing_desk.services import paperwork, reports, settings, tenancy_reports

    permissions.require(actor, "reports")
    start, end = reports._range(start, end)
    organisation = settings.organisation_for_documents()
    figures = reports.summary(actor, start, end)
    last_day = date.fromordinal(end.toordinal() - 1)
    # The tenancy's life after the housing figures: counts only, no woman named.
    life = {
        _LIFE_TITLES[title]: table
        for title, table in tenancy_reports.tables(actor, start, end).items()
    }
    built = [
        RecordSection(title, headers, tuple(rows))
        for title, (headers, rows) in {**reports.tables(figures), **life}.items()
    ]
    reference = f"REP-{start:%Y%m%d}-{last_day:%Y%m%d}"
    subtitle = (
        f"{start:%d/%m/%Y} to {last_day:%d/%m/%Y} · occupancy {reports._percent(figures['occupancy'][-1].rate)}, "
        f"{reports.void_words(figures)}, average stay {figures['average_stay']:.0f} nights"
    )
    pdf = sections.build(
        "Housing report",
        subtitle,
        "",
        tuple(built),
        PageMeta(
            organisation.name,
            "Housing report",
            reference,
            "report-1",
            logo_path=organisation.logo_path,
        ),
    )
    paperwork.record_document(actor, "report", "report", 0, "report-1", pdf)
    return pdf


def record_export(actor: User, what: str, rows: int) -> None:
    """A CSV export of a report leaves the building: it is audited."""
    permissions.require(actor, "reports")
    what = validation.text(what, "what", label="Report", required=True, column=AuditEvent.changes)
    rows = validation.whole_number(rows, "rows", label="Rows", minimum=0, maximum=10**9)
    with write_transaction():
        audit.record(actor, "export", "report", None, {"table": what, "rows": rows})
