"""On her page: where she lives now, and the next step of her journey with its button — find her a
flat, her answer to an offer (or withdrawing it), her move-in once she accepted, her licence."""

from __future__ import annotations

from housing_desk.services import allocations, licence_register, permissions
from housing_desk.ui import dates


class HerHome:
    """Keeps her home line and next-step buttons. ``panel`` is her PersonPanel (its ``ui``,
    ``actor``, ``person`` and ``licence_requested``); ``after(saved)`` reloads her page after a
    step saved something."""

    def __init__(self, panel, after):
        self.panel, self.after = panel, after
        self.offer = None  # the offer waiting for her answer
        self.accepted = None  # the offer she accepted, while her move-in is still to do
        self.licence_id = None
        self.allocate = permissions.allowed(panel.actor, "allocate")
        ui = panel.ui
        ui.withdrawOfferButton.clicked.connect(self.withdraw_offer)
        ui.findFlatButton.clicked.connect(self.find_flat)
        ui.answerButton.clicked.connect(self.answer_offer)
        ui.moveInButton.clicked.connect(self.move_in)
        ui.licenceButton.clicked.connect(self.open_licence)

    def _buttons(self):
        ui = self.panel.ui
        return (
            ui.withdrawOfferButton,
            ui.answerButton,
            ui.findFlatButton,
            ui.licenceButton,
            ui.moveInButton,
        )

    def clear(self) -> None:
        self.panel.ui.homeLabel.setText("")
        self.offer = self.accepted = self.licence_id = None
        for button in self._buttons():
            button.setVisible(False)

    def show(self, person, open_referral) -> None:
        """Her licence not ended (the flat she lives in or is signing up for), the offer waiting
        for her answer, the flat she accepted, and the buttons for what comes next."""
        ui = self.panel.ui
        licence = licence_register.home_of(self.panel.actor, person.id)
        if licence is None:
            home = "No flat with us."
        elif licence.status == "pending_signup":
            home = (
                f"Signing up for flat {licence.flat.reference}, {licence.flat.address}, "
                f"from {dates.uk(licence.start_date)}."
            )
        else:
            home = (
                f"Lives in flat {licence.flat.reference}, {licence.flat.address}, "
                f"since {dates.uk(licence.start_date)}"
                + (f"; moving out {dates.uk(licence.end_date)}." if licence.end_date else ".")
            )
        pending = [
            o
            for o in allocations.offers(self.panel.actor, status="pending")
            if o.person_id == person.id
        ]
        self.offer = pending[0] if pending else None
        if self.offer is not None:
            home += (
                f" Offered flat {self.offer.reference} on {dates.uk(self.offer.offered_on)}, "
                "waiting for her answer."
            )
        waiting = open_referral is not None and open_referral.status == "accepted"
        # An accepted offer on a referral not yet housed: her move-in is the next step.
        self.accepted = next(
            (
                o
                for o in allocations.offers(self.panel.actor, status="accepted")
                if waiting and licence is None and o.referral_id == open_referral.id
            ),
            None,
        )
        if self.accepted is not None:
            home += (
                f" She accepted flat {self.accepted.reference} on "
                f"{dates.uk(self.accepted.responded_on)}: her move-in is next."
            )
        ui.homeLabel.setText(home)
        self.licence_id = licence.id if licence is not None else None
        ui.licenceButton.setVisible(licence is not None)
        ui.withdrawOfferButton.setVisible(self.offer is not None and self.allocate)
        ui.answerButton.setVisible(self.offer is not None and self.allocate)
        ui.moveInButton.setVisible(self.allocate and self.accepted is not None)
        # On the waiting list, not housed, nothing offered or accepted: find her a flat.
        ui.findFlatButton.setVisible(
            self.allocate
            and waiting
            and licence is None
            and self.offer is None
            and self.accepted is None
        )

    # -- the next steps ------------------------------------------------------
    def find_flat(self) -> None:
        from housing_desk.ui.flat_choice_dialog import FlatChoiceDialog

        panel = self.panel
        if panel.person is not None:
            self.after(FlatChoiceDialog.ask(panel, panel.actor, panel.person))

    def answer_offer(self) -> None:
        """Her answer; when she accepts, her move-in opens with her chosen."""
        from housing_desk.ui.next_steps import answer_offer

        panel = self.panel
        if self.offer is None:
            return
        offer = allocations.get_offer(panel.actor, self.offer.offer_id)
        answered, _wizard = answer_offer(
            panel, panel.actor, offer, panel.person.display_name, self.offer.reference
        )
        self.after(answered)

    def move_in(self) -> None:
        from housing_desk.ui.next_steps import move_in

        if self.accepted is not None:
            self.after(move_in(self.panel, self.panel.actor, self.accepted.flat_id).licence)

    def withdraw_offer(self) -> None:
        from housing_desk.ui.withdraw_offer_dialog import WithdrawOfferDialog

        panel = self.panel
        if self.offer is None:
            return
        offer = allocations.get_offer(panel.actor, self.offer.offer_id)
        self.after(
            WithdrawOfferDialog.ask(
                panel, panel.actor, offer, panel.person.display_name, self.offer.reference
            )
        )

    def open_licence(self) -> None:
        if self.licence_id is not None:
            self.panel.licence_requested.emit(self.licence_id)
