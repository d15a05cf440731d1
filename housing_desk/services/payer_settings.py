"""Who pays what the agreement lists: the support charge (our support funding, or her), and the
rent of a woman with no recourse to public funds, who cannot claim Housing Benefit (our own
funding, or her)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from housing_desk.data.database import write_transaction
from housing_desk.services import audit, permissions, validation
from housing_desk.services.setting_store import put, values

if TYPE_CHECKING:
    from housing_desk.data.models import User


SUPPORT_PAYER_KEY = "support_charge_payer"
SUPPORT_PAYERS = {
    "service": "Funded by our support funding (not charged to her)",
    "resident": "Paid by her",
}


def support_charge_payer() -> str:
    """Who pays the support charge: 'service' (funded, not on her account) or 'resident'."""
    value = values().get(SUPPORT_PAYER_KEY, "service")
    return value if value in SUPPORT_PAYERS else "service"


def support_payer_choice(payer: object) -> str:
    return validation.choice(
        payer, "payer", label="Who pays the support charge", choices=tuple(SUPPORT_PAYERS)
    )


def set_support_charge_payer(actor: User, payer: object) -> str:
    permissions.require(actor, "manage_settings")
    payer = support_payer_choice(payer)
    with write_transaction():
        put(SUPPORT_PAYER_KEY, payer)
        audit.record(actor, "update", "setting", None, {SUPPORT_PAYER_KEY: payer}, keep=PAYER_KEYS)
    return payer


NRPF_RENT_KEY = "nrpf_rent_payer"
NRPF_RENT_PAYERS = {
    "service": "Met from our own funding (not charged to her)",
    "resident": "Paid by her",
}


# Both settings hold a code about no one ('service' or 'resident'): the audit log keeps it.
PAYER_KEYS = (SUPPORT_PAYER_KEY, NRPF_RENT_KEY)


def nrpf_rent_payer() -> str:
    """How the rent and eligible service charge of a woman with no recourse to public funds are
    met, since she cannot claim Housing Benefit: 'service' (our own funding) or 'resident'."""
    value = values().get(NRPF_RENT_KEY, "service")
    return value if value in NRPF_RENT_PAYERS else "service"


def nrpf_payer_choice(payer: object) -> str:
    return validation.choice(
        payer,
        "nrpf_rent_payer",
        label="How the rent of a woman with no recourse to public funds is met",
        choices=tuple(NRPF_RENT_PAYERS),
    )


def set_nrpf_rent_payer(actor: User, payer: object) -> str:
    permissions.require(actor, "manage_settings")
    payer = nrpf_payer_choice(payer)
    with write_transaction():
        put(NRPF_RENT_KEY, payer)
        audit.record(actor, "update", "setting", None, {NRPF_RENT_KEY: payer}, keep=PAYER_KEYS)
    return payer
