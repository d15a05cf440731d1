"""Settings saved together are saved in one transaction: all of them or none."""

import pytest

from housing_desk.services import audit, settings
from housing_desk.services.errors import ValidationError


def test_the_three_security_settings_are_saved_together(admin):
    settings.save_security(admin, idle_lock_minutes=5, retention_years=7, notice_days=35)
    assert (settings.idle_lock_minutes(), settings.retention_years(), settings.notice_days()) == (
        5,
        7,
        35,
    )
    changes = [e.changes for e in audit.events(entity="setting")]
    assert changes == [{"idle_lock_minutes": 5, "retention_years": 7, "notice_days": 35}]


def test_one_refused_setting_saves_none_of_them(admin):
    with pytest.raises(ValidationError) as refused:
        settings.save_security(admin, idle_lock_minutes=5, retention_years=7, notice_days=0)
    assert refused.value.field == settings.NOTICE_KEY
    assert (settings.idle_lock_minutes(), settings.retention_years(), settings.notice_days()) == (
        settings.DEFAULT_IDLE_MINUTES,
        settings.DEFAULT_RETENTION_YEARS,
        settings.DEFAULT_NOTICE_DAYS,
    )
    assert audit.events(entity="setting") == []


def test_the_wording_in_use_is_described_or_why_it_cannot_be_used(admin, tmp_path):
    from housing_desk.documents import template

    assert settings.licence_template_status("licence").startswith("In use: '")
    own = tmp_path / "our_licence.txt"
    own.write_text(
        template.default_path("licence_agreement.txt").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    settings.set_licence_template(admin, str(own))
    wording = settings.licence_template("licence")
    assert settings.licence_template_status("licence") == (
        f"In use: '{wording.title}', wording version {wording.version}, "
        f"{len(wording.sections)} sections."
    )
    own.unlink()  # the team's file went missing after it was chosen
    assert settings.licence_template_status("licence").startswith(
        "The agreement template cannot be used. The template file"
    )
