"""Our notice to quit a licence: the dates, a saving clause, and the prescribed information.

A notice to quit a periodic licence of a dwelling must be in writing, give at least four weeks,
and carry the information prescribed by the Notices to Quit etc. (Prescribed Information)
Regulations 1988 (Protection from Eviction Act 1977 s.5(1A)). The wording below gives that
information in plain words; like the agreements, it is a model for the team's solicitor.
"""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table

from housing_desk.documents import blocks, styles
from housing_desk.documents.data import NoticeToQuitData
from housing_desk.documents.page import PageMeta, render

VERSION = "notice-to-quit-2026.12"
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def long_date(day: date) -> str:
    """'Sunday 5 January 2027 (05/01/2027)': hard to misread."""
    return (
        f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year} "
        f"({blocks.uk_date(day)})"
    )


def _boxed(flowables: list) -> Table:
    box = Table([[flowables]], colWidths=[170 * mm], hAlign="LEFT")
    box.setStyle(styles.grid(header_rows=0))
    return box


def story(data: NoticeToQuitData) -> list:
    org = data.organisation
    org_address = org.address.replace("\n", ", ") or "(address not recorded)"
    name, flat = escape(data.resident_name), escape(data.flat_address)
    paragraphs = [
        blocks.text("Notice to quit", styles.TITLE),
        blocks.text(f"{data.resident_name} · {data.flat_address}", styles.SUBTITLE),
        blocks.markup(f"<b>To:</b> {name}, who lives at {flat}.", styles.BODY),
        blocks.markup(
            f"<b>From:</b> {escape(org.name)}, {escape(org_address)}, who gave you the licence "
            "to live there (the licensor).",
            styles.BODY,
        ),
        blocks.markup(
            f"We give you notice to quit the flat at {flat}, which you live in under a licence "
            f"that began on {long_date(data.agreement_start)}. Each weekly period of your "
            f"licence begins on a {data.period_weekday}.",
            styles.BODY,
        ),
        blocks.markup(
            f"Your licence will end at the end of <b>{long_date(data.last_day)}</b>, the last "
            "day of a period of your licence, or at the end of the period of your licence that "
            "ends next after four weeks from the day this notice is given. You will need to "
            f"have moved out by <b>{long_date(data.move_out_day)}</b>.",
            styles.BODY,
        ),
        blocks.markup(
            f"This notice was given on {long_date(data.served_on)}"
            + (f" ({escape(data.served_how.lower())})." if data.served_how else "."),
            styles.BODY,
        ),
        blocks.text(
            "We know this is hard news. Your keyworker will keep working with you until you "
            "leave and will help you find somewhere safe to go. You can complain about this "
            "decision, or appeal against it, as your agreement explains.",
            styles.BODY,
        ),
        Spacer(1, 3 * mm),
    ]
    prescribed = _boxed(
        [
            blocks.text("Information the law says we must give you", styles.HEADING),
            blocks.text(
                "1. If you do not leave the flat, we must get an order for possession from the "
                "court before you can lawfully be evicted. We cannot apply to the court for "
                "that order before this notice has run out.",
                styles.BODY,
            ),
            blocks.text(
                "2. If you do not know whether you have any right to stay after this notice "
                "runs out, you can get advice from a solicitor. Help with all or part of the "
                "cost of legal advice may be available under the legal aid scheme. You can "
                "also get free advice from Citizens Advice, from Shelter (helpline 0808 800 "
                "4444) or from a housing aid centre.",
                styles.BODY,
            ),
        ]
    )
    signatures = blocks.signature_block(
        [("For us", data.officer_name)],
        note=f"Signed for {org.name}, the licensor:",
    )
    return [*paragraphs, KeepTogether([prescribed]), signatures]


def build(data: NoticeToQuitData) -> bytes:
    meta = PageMeta(
        data.organisation.name,
        "Notice to quit",
        data.reference,
        VERSION,
        logo_path=data.organisation.logo_path,
    )
    return render(story(data), meta)
