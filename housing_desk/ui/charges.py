"""The four weekly charges as typed into a form, and their total shown as the officer types."""

from __future__ import annotations

from housing_desk.services import validation

# service field -> the line edit's name in the forms that hold charges
CHARGE_EDITS = {
    "weekly_rent": "weeklyRentEdit",
    "eligible_service_charge": "eligibleServiceChargeEdit",
    "ineligible_service_charge": "ineligibleServiceChargeEdit",
    "support_charge": "supportChargeEdit",
}


def total_text(ui) -> str:
    """'Weekly total: £175.45', or a prompt to check the amounts while one is not a sum of money."""
    total = validation.money_total(getattr(ui, edit).text() for edit in CHARGE_EDITS.values())
    if total is None:
        return "Weekly total: check the amounts above"
    return f"Weekly total: £{total:,.2f}"


def watch(ui, label) -> None:
    """Keep ``label`` showing the total of the charge edits of ``ui``."""

    def update(*_args):
        label.setText(total_text(ui))

    for edit in CHARGE_EDITS.values():
        getattr(ui, edit).textChanged.connect(update)
    update()
