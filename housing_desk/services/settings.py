"""The team's settings: its organisation's details for the paperwork, and its licence wording."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from housing_desk.data.models import User

from pathlib import Path

from housing_desk.data.database import write_transaction
from housing_desk.documents import template as templates
from housing_desk.documents.data import Organisation
from housing_desk.services import audit, permissions, validation
from housing_desk.services.errors import ValidationError
from housing_desk.services.setting_store import put as _put, values as _values

ORGANISATION_FIELDS = {
    "name": ("Organisation name", 200),
    "charity_number": ("Charity number", 40),
    "address": ("Address", 500),
    "phone": ("Phone", 40),
    "out_of_hours_phone": ("Out-of-hours phone", 40),
    "logo_path": ("Logo file", 500),
}
TEMPLATE_KEY = "licence_template"
UNSET_NAME = "Your organisation (set its name in Settings)"


def organisation() -> Organisation:
    stored = _values()
    values = {key: stored.get(f"organisation.{key}", "") for key in ORGANISATION_FIELDS}
    values["name"] = values["name"] or UNSET_NAME
    return Organisation(**values)


def organisation_for_documents() -> Organisation:
    """The organisation's details for a document that goes to her or binds the team (a licence, a
    sign-up pack, a support plan); refused (``ValidationError``, field ``organisation``) while
    its name or address is missing, since a licence without a licensor is worthless to her."""
    stored = _values()
    missing = [
        label
        for key, label in (("name", "name"), ("address", "address"))
        if not stored.get(f"organisation.{key}", "").strip()
    ]
    if missing:
        raise ValidationError(
            f"The organisation's {' and '.join(missing)} must be set before printing: "
            f"set {'them' if len(missing) > 1 else 'it'} in Settings, under Organisation.",
            "organisation",
        )
    return organisation()


def save_organisation(actor: User, **values: object) -> Organisation:
    """Save the organisation's details printed on every document."""
    permissions.require(actor, "manage_settings")
    unknown = sorted(set(values) - set(ORGANISATION_FIELDS))
    if unknown:
        raise ValidationError(f"There is no setting called {unknown[0]}.", unknown[0])
    cleaned = {}
    for key, value in values.items():
        label, length = ORGANISATION_FIELDS[key]
        cleaned[key] = validation.text(
            value, key, label=label, required=key == "name", max_length=length
        )
    if cleaned.get("logo_path") and not Path(cleaned["logo_path"]).is_file():
        raise ValidationError("That logo file cannot be found.", "logo_path")
    with write_transaction():
        for key, value in cleaned.items():
            _put(f"organisation.{key}", value)
        changes = {f"organisation.{k}": v for k, v in cleaned.items()}
        audit.record(actor, "update", "setting", None, changes, keep=tuple(changes))
    return organisation()


# The wording of each agreement type: the team's own file when chosen, else the shipped model.
TEMPLATE_KEYS = {
    "licence": TEMPLATE_KEY,
    "assured_periodic": "assured_periodic_template",
    "excluded_licence": "excluded_licence_template",
}
SHIPPED_TEMPLATES = {
    "licence": "licence_agreement.txt",
    "assured_periodic": "assured_periodic_tenancy.txt",
    "excluded_licence": "excluded_licence.txt",
}
# Words that must never appear in a tenancy's wording: they would tell her she has no tenancy,
# or that a notice to quit from us could end it (Housing Act 1988 s.5(1)).
_NOT_IN_A_TENANCY = ("does not give you a tenancy", "not a tenancy")


def _agreement(agreement_type: str) -> str:
    return validation.choice(
        agreement_type,
        "agreement_type",
        label="Agreement type",
        choices=tuple(TEMPLATE_KEYS),
    )


def licence_template_path(agreement_type: str = "licence") -> str:
    return _values().get(TEMPLATE_KEYS[_agreement(agreement_type)], "")


def licence_template(agreement_type: str = "licence") -> templates.Template:
    """The wording in use for an agreement type: the team's own file when chosen, else the
    shipped model."""
    key = TEMPLATE_KEYS[_agreement(agreement_type)]
    path = licence_template_path(agreement_type)
    try:
        return templates.load(path or templates.default_path(SHIPPED_TEMPLATES[agreement_type]))
    except templates.TemplateError as error:
        raise ValidationError(f"The agreement template cannot be used. {error}", key) from None


def licence_template_status(agreement_type: str = "licence") -> str:
    """How the wording in use for an agreement type reads on Settings: its title, version and
    sections, or why it cannot be used."""
    try:
        wording = licence_template(agreement_type)
    except ValidationError as refused:
        return refused.message
    return (
        f"In use: '{wording.title}', wording version {wording.version}, "
        f"{len(wording.sections)} sections."
    )


def set_licence_template(
    actor: User, path: str, agreement_type: str = "licence"
) -> templates.Template | None:
    """Use the team's own template file for an agreement type (checked first); an empty path
    goes back to the model wording."""
    permissions.require(actor, "manage_settings")
    key = TEMPLATE_KEYS[_agreement(agreement_type)]
    path = validation.text(path, key, label="Template file", max_length=1000)
    wording = None
    if path:
        try:
            wording = templates.load(path)
        except templates.TemplateError as error:
            raise ValidationError(str(error), key) from None
        text = " ".join(" ".join(p for s in wording.sections for p in s.paragraphs).split())
        wrong = [w for w in _NOT_IN_A_TENANCY if w in text.lower()]
        if agreement_type == "assured_periodic" and wrong:
            raise ValidationError(
                f"This wording says '{wrong[0]}', which is wrong for a tenancy. Choose the "
                "tenancy wording your solicitor checked.",
                key,
            )
    with write_transaction():
        _put(key, path)
        audit.record(
            actor,
            "update",
            "setting",
            None,
            {key: path or "(model wording)"},
            keep=(key,),
        )
    return wording


IDLE_KEY = "idle_lock_minutes"
DEFAULT_IDLE_MINUTES = 10
RETENTION_KEY = "retention_years"
DEFAULT_RETENTION_YEARS = 6
NOTICE_KEY = "notice_days"
DEFAULT_NOTICE_DAYS = 28
LEAST_NOTICE_DAYS = 28  # four weeks: the least a non-excluded licence may be given


def _whole_number(key: str, default: int) -> int:
    try:
        return max(1, int(_values().get(key, default)))
    except ValueError:
        return default


_WHOLE_NUMBERS = {  # key: (label, maximum)
    IDLE_KEY: ("Minutes before the window locks", 240),
    RETENTION_KEY: ("Years to keep closed records", 50),
    NOTICE_KEY: ("Notice we give (days)", 365),
}


def _set_whole_numbers(actor: User, values: dict[str, object]) -> dict[str, int]:
    permissions.require(actor, "manage_settings")
    cleaned = {}
    for key, value in values.items():
        label, maximum = _WHOLE_NUMBERS[key]
        cleaned[key] = validation.whole_number(value, key, label=label, minimum=1, maximum=maximum)
        if key == NOTICE_KEY:
            _check_notice(cleaned[key], key)
    with write_transaction():
        for key, value in cleaned.items():
            _put(key, str(value))
        audit.record(actor, "update", "setting", None, cleaned)
    return cleaned


def _check_notice(days: int, field: str) -> None:
    # Protection from Eviction Act 1977 s.5(1A): a licence cannot be ended with less.
    if days < LEAST_NOTICE_DAYS:
        raise ValidationError(
            f"Notice to end a licence must be at least {LEAST_NOTICE_DAYS} days (four weeks) by "
            "law; a longer period is the team's choice.",
            field,
        )


def _set_whole_number(actor: User, key: str, value: object) -> int:
    return _set_whole_numbers(actor, {key: value})[key]


def save_security(
    actor: User,
    *,
    idle_lock_minutes: object,
    retention_years: object,
    notice_days: object,
    support_charge_payer: object = None,
    nrpf_rent_payer: object = None,
) -> None:
    """Save the idle lock, how long closed records are kept, the notice we give and (when
    given) who pays the support charge and how the rent of a woman with no recourse to public
    funds is met, together: all or none (the first refused names its field)."""
    payer = (
        None if support_charge_payer is None else _payers.support_payer_choice(support_charge_payer)
    )
    rent_payer = None if nrpf_rent_payer is None else _payers.nrpf_payer_choice(nrpf_rent_payer)
    with write_transaction():
        _set_whole_numbers(
            actor,
            {IDLE_KEY: idle_lock_minutes, RETENTION_KEY: retention_years, NOTICE_KEY: notice_days},
        )
        if payer is not None:
            _put(SUPPORT_PAYER_KEY, payer)
            audit.record(
                actor,
                "update",
                "setting",
                None,
                {SUPPORT_PAYER_KEY: payer},
                keep=_payers.PAYER_KEYS,
            )
        if rent_payer is not None:
            _put(NRPF_RENT_KEY, rent_payer)
            audit.record(
                actor,
                "update",
                "setting",
                None,
                {NRPF_RENT_KEY: rent_payer},
                keep=_payers.PAYER_KEYS,
            )


def idle_lock_minutes() -> int:
    return _whole_number(IDLE_KEY, DEFAULT_IDLE_MINUTES)


def set_idle_lock_minutes(actor: User, minutes: object) -> int:
    return _set_whole_number(actor, IDLE_KEY, minutes)


def retention_years() -> int:
    return _whole_number(RETENTION_KEY, DEFAULT_RETENTION_YEARS)


def set_retention_years(actor: User, years: object) -> int:
    return _set_whole_number(actor, RETENTION_KEY, years)


def notice_days() -> int:
    """The notice the team gives to end a licence, in days: never fewer than 28 (Protection
    from Eviction Act 1977 s.5(1A)), whatever was stored."""
    return max(LEAST_NOTICE_DAYS, _whole_number(NOTICE_KEY, DEFAULT_NOTICE_DAYS))


def set_notice_days(actor: User, days: object) -> int:
    """Refused (field 'days') below 28 days: a licence cannot be ended with less."""
    permissions.require(actor, "manage_settings")
    days = validation.whole_number(
        days, "days", label="Notice we give (days)", minimum=1, maximum=365
    )
    _check_notice(days, "days")
    return _set_whole_number(actor, NOTICE_KEY, days)


def put(key: str, value: str) -> None:
    """Keep a value the services need to remember (not one of the team's choices), inside the
    caller's transaction."""
    _put(key, value)


REPAIR_KEYS = {"emergency": 1, "urgent": 7, "routine": 28}  # days to complete, by priority


def repair_target_days() -> dict[str, int]:
    """Days allowed to complete a repair, by priority."""
    stored = _values()
    found = {}
    for priority, default in REPAIR_KEYS.items():
        try:
            found[priority] = max(1, int(stored.get(f"repair_days.{priority}", default)))
        except ValueError:
            found[priority] = default
    return found


def set_repair_target_days(actor: User, **days: object) -> dict[str, int]:
    permissions.require(actor, "manage_settings")
    validation.no_unknown(days, REPAIR_KEYS, "Repair priorities")
    cleaned = {
        key: validation.whole_number(
            value, key, label=f"Days for {key} repairs", minimum=1, maximum=365
        )
        for key, value in days.items()
    }
    with write_transaction():
        for key, value in cleaned.items():
            _put(f"repair_days.{key}", str(value))
        audit.record(
            actor, "update", "setting", None, {f"repair_days.{k}": v for k, v in cleaned.items()}
        )
    return repair_target_days()


KEYWORK_KEY = "keywork_overdue_days"
DEFAULT_KEYWORK_DAYS = 14
WARNING_KEY = "warning_lapse_months.{stage}"
# How long a warning stays on her record before it lapses, by stage.
DEFAULT_WARNING_MONTHS = {"verbal": 3, "written": 6, "final": 12}
_WHOLE_NUMBERS[KEYWORK_KEY] = ("Days before keywork is overdue", 90)
for _stage in DEFAULT_WARNING_MONTHS:
    _WHOLE_NUMBERS[WARNING_KEY.format(stage=_stage)] = (
        f"Months before a {_stage} warning lapses",
        36,
    )


def keywork_overdue_days() -> int:
    """Days without a session she attended before keywork shows as overdue in reminders."""
    return _whole_number(KEYWORK_KEY, DEFAULT_KEYWORK_DAYS)


def set_keywork_overdue_days(actor: User, days: object) -> int:
    return _set_whole_number(actor, KEYWORK_KEY, days)


def warning_lapse_months(stage: str) -> int:
    """Months a warning of ``stage`` (verbal, written, final) stays in force."""
    return _whole_number(WARNING_KEY.format(stage=stage), DEFAULT_WARNING_MONTHS[stage])


def set_warning_lapse_months(actor: User, stage: object, months: object) -> int:
    stage = validation.choice(
        stage, "stage", label="Warning stage", choices=tuple(DEFAULT_WARNING_MONTHS)
    )
    return _set_whole_number(actor, WARNING_KEY.format(stage=stage), months)


def save_tenancy_life(actor: User, *, keywork_overdue_days: object, warning_months: object) -> None:
    """Save the keywork interval and each stage's lapse period together: all or none."""
    values = {KEYWORK_KEY: keywork_overdue_days}
    if not isinstance(warning_months, dict):
        raise ValidationError("Give the months for each stage of warning.", "warning_months")
    for stage, months in warning_months.items():
        validation.choice(
            stage, "stage", label="Warning stage", choices=tuple(DEFAULT_WARNING_MONTHS)
        )
        values[WARNING_KEY.format(stage=stage)] = months
    _set_whole_numbers(actor, values)


# Who pays what the agreement lists, kept in their own module; their names stay settings'.
from housing_desk.services import payer_settings as _payers  # noqa: E402

SUPPORT_PAYER_KEY, SUPPORT_PAYERS = _payers.SUPPORT_PAYER_KEY, _payers.SUPPORT_PAYERS
NRPF_RENT_KEY, NRPF_RENT_PAYERS = _payers.NRPF_RENT_KEY, _payers.NRPF_RENT_PAYERS
support_charge_payer = _payers.support_charge_payer
set_support_charge_payer = _payers.set_support_charge_payer
nrpf_rent_payer = _payers.nrpf_rent_payer
set_nrpf_rent_payer = _payers.set_nrpf_rent_payer
