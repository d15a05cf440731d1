"""What her copy of her records tells her besides the records (UK GDPR Article 15): why we hold
them, who receives them, how long we keep them, her rights, and where they came from.

The organisation's privacy officer and its own retention wording are settings; the rest is
written here once, in plain words.
"""

from __future__ import annotations

from housing_desk.data.database import write_transaction
from housing_desk.data.models import Setting, User
from housing_desk.services import audit, permissions, settings, validation

FIELDS = {  # key: (label, longest)
    "officer": ("Privacy officer (name and how to reach them)", 500),
    "retention": ("How long records are kept (your own wording)", 2000),
}
_PREFIX = "privacy."
DEFAULT_OFFICER = "the team's manager"
ICO = (
    "the Information Commissioner's Office (ico.org.uk/make-a-complaint, helpline 0303 123 1113, "
    "Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF)"
)


def privacy_settings() -> dict[str, str]:
    """The privacy officer and the retention wording, '' where not set."""
    stored = {row.key: row.value for row in Setting.select().where(Setting.key.startswith(_PREFIX))}
    return {key: stored.get(_PREFIX + key, "") for key in FIELDS}


def save_privacy(actor: User, **values: object) -> dict[str, str]:
    """Save the privacy officer and the retention wording printed in every subject access copy."""
    permissions.require(actor, "manage_settings")
    validation.no_unknown(values, FIELDS, "Privacy settings")
    cleaned = {
        key: validation.text(value, key, label=FIELDS[key][0], max_length=FIELDS[key][1])
        for key, value in values.items()
    }
    with write_transaction():
        for key, value in cleaned.items():
            settings.put(_PREFIX + key, value)
        changes = {_PREFIX + key: value for key, value in cleaned.items()}
        audit.record(actor, "update", "setting", None, changes, keep=tuple(changes))
    return privacy_settings()


def _retention(wording: str) -> str:
    if wording:
        return wording
    years = settings.retention_years()
    return (
        f"We keep your records for {years} years after your last referral or licence with us "
        "ends. Then we remove everything that could identify you: your name, date of birth, "
        "contact details and everything written about you. We keep only numbers with no name "
        "on them (for example how many nights a flat was lived in), so that we can report on "
        "our work."
    )


def article_15(organisation: str, sources: list[str]) -> tuple[tuple[str, str], ...]:
    """(heading, text) pairs: the information a copy of her records must come with."""
    values = privacy_settings()
    officer = values["officer"] or DEFAULT_OFFICER
    came_from = "You told us most of it yourself."
    if sources:
        came_from += (
            " The rest came from the people who referred you to us ("
            + "; ".join(sources)
            + ") and from what our staff saw and wrote down while working with you."
        )
    return (
        (
            "Why we hold it",
            f"{organisation} holds these records to find you a safe place to live, to agree your "
            "licence and your support with you, to keep you and the people around you safe, to "
            "manage your rent and Housing Benefit, and to keep the flats safe to live in. Some of "
            "it is about your health, your safety and your life, which the law treats with extra "
            "care: we hold it to give you housing and support, and to protect you.",
        ),
        (
            "What we hold",
            "Your name and contact details, the referrals made for you, your assessments and "
            "support plans, the flats offered to you and your licences, your rent account and "
            "Housing Benefit claim, the documents we printed for you, and a record of which of "
            "our staff looked at or changed your record and when. All of it is in this copy.",
        ),
        (
            "Who receives it",
            "Only our own housing team can see your record. The council's Housing Benefit team "
            "receives what your claim needs. The housing charity or council that owns your flat "
            "is told whether it is occupied, never who lives there. We share anything else only "
            "with your agreement, or where the law requires it or someone is at serious risk of "
            "harm. None of it is sent outside the UK, and no decision about you is made by a "
            "computer alone.",
        ),
        ("How long we keep it", _retention(values["retention"])),
        (
            "Your rights",
            "You can ask us to correct anything that is wrong or incomplete, to delete what we "
            "no longer need, to stop using it while something is checked, and you can object to "
            "how we use it. You can ask for a copy like this one at any time, free of charge. "
            f"To do any of these, speak to your keyworker or to {officer}. If you are unhappy "
            f"with how we have handled your information, you can complain to {ICO}.",
        ),
        ("Where it came from", came_from),
    )
