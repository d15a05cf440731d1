"""Find a match: every woman waiting, the reasons for and against each, and offering the flat."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from housing_desk.services import allocations
from housing_desk.ui.offer_choice import SUITABLE_COLUMN, WHY_COLUMN, OfferChoiceDialog
from housing_desk.ui.style import lock_icon
from housing_desk.ui.table_model import Column

CANDIDATE_COLUMNS = (
    SUITABLE_COLUMN,
    Column(
        "Name", lambda c: c.name, decoration=lambda c: lock_icon() if c.do_not_disclose else None
    ),
    Column("Priority", lambda c: c.priority_label, sort_key=lambda c: c.priority),
    Column(
        "Days waiting",
        lambda c: str(c.days_waiting),
        sort_key=lambda c: c.days_waiting,
        align_right=True,
    ),
    WHY_COLUMN,
)


class MatchDialog(OfferChoiceDialog):
    FORM = "match_dialog"
    TABLE = "candidatesTable"
    COLUMNS = CANDIDATE_COLUMNS
    NOTHING = "No one is waiting for a flat."
    SIZE = (900, 520)

    def __init__(self, actor, flat, parent: QWidget | None = None):
        self.flat = flat
        access = "step-free" if flat.step_free else "not step-free"
        super().__init__(
            actor,
            allocations.candidates(flat, actor=actor),
            f"Flat {flat.reference}, {flat.address} ({flat.bedrooms} bedroom, {access}). "
            "Suitable women first, then by priority and time waiting.",
            parent,
        )
        self.setWindowTitle(f"Find a match for flat {flat.reference}")

    def named(self, choice) -> str:
        return choice.name

    def offer_label(self, choice) -> str:
        return f"Offer the flat to {choice.name}"

    def offer_of(self, choice) -> tuple[int, object]:
        return choice.referral_id, self.flat

    @classmethod
    def ask(cls, parent, actor, flat):
        dialog = cls(actor, flat, parent=parent)
        return dialog.offer if dialog.exec() == QDialog.DialogCode.Accepted else None
