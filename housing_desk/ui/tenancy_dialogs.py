"""Her answer to an offer, notice to end a licence, and a move-out."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from housing_desk import clock
from housing_desk.services import allocations, licences, settings
from housing_desk.ui import dates
from housing_desk.ui.form_dialog import FormDialog


def account_words(licence) -> str:
    """Her account as the move-out dialog states it."""
    from housing_desk.services import arrears

    balance = arrears.statement(licence).balance
    owed = (
        f"£{balance:,.2f} owed"
        if balance > 0
        else f"£{-balance:,.2f} in credit"
        if balance < 0
        else "nothing owed"
    )
    return (
        f"Her account today: {owed}. Her last week is charged by the night up to the "
        "move-out day; anything she still owes stays on her record after she leaves."
    )


class OfferAnswerDialog(FormDialog):
    FORM = "offer_answer_dialog"
    TITLE = "Answer to the offer"

    def __init__(self, actor, offer, name: str, reference: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.offer = actor, offer
        ui = self.ui
        ui.introLabel.setText(
            f"{name}'s answer to the offer of flat {reference}, made {dates.uk(offer.offered_on)}."
        )
        ui.answerCombo.addItem("She accepts the flat", True)
        ui.answerCombo.addItem("She refuses it", False)
        ui.answerCombo.currentIndexChanged.connect(self._reasons)
        dates.set_date(ui.answeredEdit, clock.today())
        self._reasons()

    def field_widgets(self):
        ui = self.ui
        return {
            "accepted": ui.answerCombo,
            "reason": ui.reasonCombo,
            "responded_on": ui.answeredEdit,
            "notes": ui.notesEdit,
        }

    def _reasons(self, *_args) -> None:
        combo = self.ui.reasonCombo
        combo.clear()
        refused = self.ui.answerCombo.currentData() is False
        combo.setEnabled(refused)
        if refused:
            combo.addItem("Choose a reason…", "")
            for key, label in allocations.REFUSAL_REASONS.items():
                combo.addItem(label, key)
        else:
            combo.addItem("No reason needed", "")

    def save(self):
        ui = self.ui
        return allocations.respond(
            self.actor,
            self.offer,
            accepted=ui.answerCombo.currentData(),
            reason=ui.reasonCombo.currentData() or "",
            responded_on=dates.get_date(ui.answeredEdit),
            notes=ui.notesEdit.toPlainText(),
        )


class NoticeDialog(FormDialog):
    FORM = "notice_dialog"
    TITLE = "Notice"

    def __init__(self, actor, licence, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.licence = actor, licence
        ui = self.ui
        ui.introLabel.setText(
            f"Notice to end {name}'s licence, which began {dates.uk(licence.start_date)}."
        )
        for key, label in licences.NOTICE_BY.items():
            ui.byCombo.addItem(label, key)
        dates.set_date(ui.servedEdit, clock.today())
        dates.set_date(ui.endEdit, clock.today() + timedelta(days=settings.notice_days()))
        ui.servedEdit.dateChanged.connect(self._period)
        ui.endEdit.dateChanged.connect(self._period)
        self._period()

    def field_widgets(self):
        ui = self.ui
        return {
            "by": ui.byCombo,
            "served_on": ui.servedEdit,
            "end_date": ui.endEdit,
            "reason": ui.reasonEdit,
        }

    def _period(self, *_args) -> None:
        days = (dates.get_date(self.ui.endEdit) - dates.get_date(self.ui.servedEdit)).days
        self.ui.periodLabel.setText(f"{days} days' notice" if days > 0 else "")

    def save(self):
        ui = self.ui
        return licences.give_notice(
            self.actor,
            self.licence,
            served_on=dates.get_date(ui.servedEdit),
            end_date=dates.get_date(ui.endEdit),
            by=ui.byCombo.currentData(),
            reason=ui.reasonEdit.toPlainText(),
        )


class MoveOutDialog(FormDialog):
    FORM = "move_out_dialog"
    TITLE = "Move-out"

    def __init__(self, actor, licence, name: str, parent: QWidget | None = None):
        self.key_boxes: dict[int, QCheckBox] = {}
        self.licence = licence
        super().__init__(parent)
        self.actor = actor
        ui = self.ui
        ui.introLabel.setText(
            f"{name} is moving out of the flat she has lived in since "
            f"{dates.uk(licence.start_date)}."
        )
        for key, label in licences.END_REASONS.items():
            ui.reasonCombo.addItem(label, key)
        ui.destinationCombo.addItems(list(licences.DESTINATIONS))
        ui.destinationCombo.setCurrentIndex(-1)
        day = min(licence.end_date or clock.today(), clock.today())
        dates.set_date(ui.endEdit, day)
        ui.introLabel.setText(f"{ui.introLabel.text()} {account_words(licence)}")
        self.resize(520, self.sizeHint().height())

    def build(self) -> None:
        layout = self.ui.keysLayout
        outstanding = [k for k in licences.keys(self.licence) if k.returned_on is None]
        for key in outstanding:
            box = QCheckBox(f"{key.label} (issued {dates.uk(key.issued_on)})")
            box.setChecked(True)
            layout.addWidget(box)
            self.key_boxes[key.id] = box
        if not outstanding:
            layout.addWidget(QLabel("No keys are out."))

    def field_widgets(self):
        ui = self.ui
        return {
            "end_date": ui.endEdit,
            "reason": ui.reasonCombo,
            "destination": ui.destinationCombo,
            "notes": ui.notesEdit,
        }

    def save(self):
        ui = self.ui
        return licences.end_licence(
            self.actor,
            self.licence,
            end_date=dates.get_date(ui.endEdit),
            reason=ui.reasonCombo.currentData(),
            destination=ui.destinationCombo.currentText(),
            notes=ui.notesEdit.toPlainText(),
            returned_keys=[key_id for key_id, box in self.key_boxes.items() if box.isChecked()],
        )
