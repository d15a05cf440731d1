"""Find her a flat: from her record, the flats that can be offered now, whether each suits her,
and offering one (the board's match, seen from her side)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from housing_desk.services import flat_choice
from housing_desk.ui.offer_choice import SUITABLE_COLUMN, WHY_COLUMN, OfferChoiceDialog
from housing_desk.ui.table_model import Column

FLAT_COLUMNS = (
    SUITABLE_COLUMN,
    Column("Flat", lambda c: c.reference),
    Column("Address", lambda c: c.address),
    Column("Bedrooms", lambda c: str(c.bedrooms), align_right=True),
    Column("Step-free", lambda c: "Yes" if c.step_free else "No"),
    WHY_COLUMN,
)


class FlatChoiceDialog(OfferChoiceDialog):
    FORM = "flat_choice_dialog"
    TABLE = "flatsTable"
    COLUMNS = FLAT_COLUMNS
    NOTHING = "No flat can be offered now: the board shows which are coming free."
    SIZE = (900, 480)

    def __init__(self, actor, person, parent: QWidget | None = None):
        self.person = person
        super().__init__(
            actor,
            flat_choice.flats_for(actor, person),
            f"Flats that can be offered to {person.display_name} now: free, their certificates "
            "in date, no offer waiting. Suitable flats first.",
            parent,
        )
        self.setWindowTitle(f"Find a flat for {person.display_name}")

    def named(self, choice) -> str:
        return f"Flat {choice.reference}"

    def offer_label(self, choice) -> str:
        return f"Offer her flat {choice.reference}"

    def offer_of(self, choice) -> tuple[int, object]:
        return choice.referral_id, choice.flat_id

    @classmethod
    def ask(cls, parent, actor, person):
        dialog = cls(actor, person, parent=parent)
        return dialog.offer if dialog.exec() == QDialog.DialogCode.Accepted else None
