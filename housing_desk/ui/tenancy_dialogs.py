"""Her answer to an offer, notice to end a licence, and a move-out."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from housing_desk import clock
from housing_desk.services import allocations, licences, paperwork, tenure
from housing_desk.ui import dates
from housing_desk.ui.form_dialog import FormDialog
from housing_desk.ui.operations import Operation


def account_words(actor, licence) -> str:
    """Her account as the move-out dialog states it."""
    from housing_desk.services import arrears

    owed = arrears.owed_words(arrears.statement(licence, actor=actor).balance)
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
        kind = licence.agreement_type
        ui.introLabel.setText(
            f"Notice to end {name}'s {licences.AGREEMENT_TYPES[kind].lower()}, which began "
            f"{dates.uk(licence.start_date)}."
        )
        ui.ruleLabel.setText(tenure.notice_guidance(kind))
        for key, label in licences.NOTICE_BY.items():
            if key == "licensee" or tenure.rule(kind).our_notice != "no_effect":
                ui.byCombo.addItem(label, key)
        ui.servedHowCombo.addItem("Choose how…", "")
        for key, label in tenure.SERVED_HOW.items():
            ui.servedHowCombo.addItem(label, key)
        today = clock.today()
        dates.set_date(ui.servedEdit, today)
        earliest = today + timedelta(days=max(1, tenure.least_notice_days(kind)))
        if tenure.rule(kind).ends_on_period_day:
            earliest = tenure.period_days_from(licence.start_date, earliest)
        dates.set_date(ui.endEdit, earliest)
        ui.servedEdit.dateChanged.connect(self._period)
        ui.endEdit.dateChanged.connect(self._period)
        ui.byCombo.currentIndexChanged.connect(self._by)
        self._period()
        self._by()

    def field_widgets(self):
        ui = self.ui
        return {
            "by": ui.byCombo,
            "served_on": ui.servedEdit,
            "served_how": ui.servedHowCombo,
            "end_date": ui.endEdit,
            "reason": ui.reasonEdit,
        }

    def _ours(self) -> bool:
        return self.ui.byCombo.currentData() == "licensor"

    def _by(self, *_args) -> None:
        # A notice to quit is printed only for our notice on a licence that takes one.
        printable = self._ours() and tenure.rule(self.licence.agreement_type).our_notice == (
            "notice_to_quit"
        )
        self.ui.printCheck.setVisible(printable)
        self.ui.printCheck.setChecked(printable)

    def _warned_or_confirmed(self) -> bool:
        return _no_final_warning_confirmed(self, self.licence, dates.get_date(self.ui.servedEdit))

    def _period(self, *_args) -> None:
        end = dates.get_date(self.ui.endEdit)
        days = (end - dates.get_date(self.ui.servedEdit)).days
        self.ui.periodLabel.setText(
            f"{days} days' notice, ending on a {tenure.weekday(end)}" if days > 0 else ""
        )

    def save(self):
        ui = self.ui
        if ui.byCombo.currentData() == "licensor" and not self._warned_or_confirmed():
            return self.KEEP_OPEN
        return licences.give_notice(
            self.actor,
            self.licence,
            served_on=dates.get_date(ui.servedEdit),
            end_date=dates.get_date(ui.endEdit),
            by=ui.byCombo.currentData(),
            reason=ui.reasonEdit.toPlainText(),
            served_how=ui.servedHowCombo.currentData() or "",
        )

    def _saved(self, saved) -> None:
        if saved is not self.KEEP_OPEN and self.ui.printCheck.isChecked() and self._ours():
            print_notice_to_quit(self.parentWidget() or self, self.actor, saved)
        super()._saved(saved)


def print_notice_to_quit(parent, actor, licence, then=None) -> None:
    """Make her notice to quit (recorded as printed) and preview it to print or save."""
    from housing_desk.ui.pdf_preview import PdfPreviewDialog

    def preview(pdf: bytes) -> None:
        if then is not None:
            then()
        reference = f"NTQ-{licence.id:06d}"
        PdfPreviewDialog.show_pdf(
            parent, pdf, f"Notice to quit {reference}", f"notice-to-quit-{reference}.pdf"
        )

    Operation(
        parent, lambda: paperwork.notice_to_quit(actor, licence), title="Notice to quit"
    ).success(preview).run()


def _no_final_warning_confirmed(parent, licence, served_on) -> bool:
    """Notice from us normally follows a final warning. Without one on record the officer is
    asked first, not refused: an immediate risk to someone's safety is reason enough."""
    from housing_desk.services import tenancy_warnings
    from housing_desk.ui import messages

    if tenancy_warnings.final_warning_in_force(licence, served_on):
        return True
    return messages.confirm(
        parent,
        "No final warning on record",
        "There is no final warning in force under this licence. The warnings procedure in her "
        "agreement comes first, unless there is an immediate risk to someone's safety.\n\n"
        "Give notice anyway?",
        yes="Give notice anyway",
        no="Go back",
    )


class MoveOutDialog(FormDialog):
    FORM = "move_out_dialog"
    TITLE = "Move-out"

    def __init__(self, actor, licence, name: str, parent: QWidget | None = None):
        self.key_boxes: dict[int, QCheckBox] = {}
        self.actor, self.licence = actor, licence  # build() reads both
        super().__init__(parent)
        ui = self.ui
        ui.introLabel.setText(
            f"{name} is moving out of the flat she has lived in since "
            f"{dates.uk(licence.start_date)}."
        )
        for key, label in licences.END_REASONS.items():
            ui.reasonCombo.addItem(label, key)
        ui.reasonCombo.currentIndexChanged.connect(self._reason)
        ui.destinationCombo.addItems(list(licences.DESTINATIONS))
        ui.destinationCombo.setCurrentIndex(-1)
        day = min(licence.end_date or clock.today(), clock.today())
        dates.set_date(ui.endEdit, day)
        dates.set_date(ui.orderEdit, day)
        self._reason()
        ui.introLabel.setText(f"{ui.introLabel.text()} {account_words(self.actor, licence)}")
        self.resize(520, self.sizeHint().height())

    def build(self) -> None:
        layout = self.ui.keysLayout
        outstanding = [k for k in licences.keys(self.actor, self.licence) if k.returned_on is None]
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
            "possession_order_on": ui.orderEdit,
        }

    def _reason(self, *_args) -> None:
        reason = self.ui.reasonCombo.currentData()
        help_text = tenure.move_out_guidance(self.licence.agreement_type, reason)
        self.ui.reasonHelpLabel.setText(help_text)
        self.ui.reasonHelpLabel.setVisible(bool(help_text))
        needs_order = reason == "evicted" and tenure.rule(self.licence.agreement_type).court_order
        self.ui.orderEdit.setVisible(needs_order)
        self.ui.orderEditLabel.setVisible(needs_order)

    def save(self):
        ui = self.ui
        evicted = ui.reasonCombo.currentData() == "evicted" and ui.orderEdit.isVisibleTo(self)
        return licences.end_licence(
            self.actor,
            self.licence,
            end_date=dates.get_date(ui.endEdit),
            reason=ui.reasonCombo.currentData(),
            destination=ui.destinationCombo.currentText(),
            notes=ui.notesEdit.toPlainText(),
            returned_keys=[key_id for key_id, box in self.key_boxes.items() if box.isChecked()],
            possession_order_on=dates.get_date(ui.orderEdit) if evicted else None,
        )
