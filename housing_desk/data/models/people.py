"""The women referred for a flat, their referrals and their readiness assessments."""

from __future__ import annotations

from peewee import (
    BooleanField,
    CharField,
    DateField,
    ForeignKeyField,
    IntegerField,
    ModelSelect,
    TextField,
)

from housing_desk.data.fields import UTCDateTimeField, utc_now
from housing_desk.data.models.base import BaseModel
from housing_desk.data.models.users import User


class Person(BaseModel):
    given_name = CharField(max_length=100)
    family_name = CharField(max_length=100)
    preferred_name = CharField(max_length=100, default="")
    # Accents and case removed, for spotting the same woman entered twice.
    search_name = CharField(max_length=320, index=True, default="")
    # Family name then first name, folded the same way: the People list's order.
    sort_name = CharField(max_length=210, index=True, default="")
    date_of_birth = DateField(null=True)
    ni_number = CharField(max_length=9, default="")
    phone = CharField(max_length=40, default="")
    safe_contact = TextField(default="")
    message_ok = BooleanField(default=False)
    do_not_disclose = BooleanField(default=False)
    needs_step_free = BooleanField(default=False)
    # No recourse to public funds: no Housing Benefit, so her rent is met another way.
    no_recourse_to_public_funds = BooleanField(default=False)
    areas_to_avoid = CharField(max_length=200, default="")
    notes = TextField(default="")
    keyworker = ForeignKeyField(User, null=True, backref="keywork_people", on_delete="SET NULL")
    keyworker_id: int | None
    archived = BooleanField(default=False)
    version = IntegerField(default=1)
    created_at = UTCDateTimeField(default=utc_now)
    updated_at = UTCDateTimeField(default=utc_now)

    class Meta:
        table_name = "person"

    @property
    def display_name(self) -> str:
        """Her preferred name (or given name) and family name."""
        return f"{self.preferred_name or self.given_name} {self.family_name}"

    @property
    def areas_to_avoid_list(self) -> list[str]:
        return [a for a in self.areas_to_avoid.split(", ") if a]


class Referral(BaseModel):
    person = ForeignKeyField(Person, backref="referrals", on_delete="RESTRICT")
    person_id: int
    received_on = DateField()
    source = CharField(max_length=20)
    referrer = CharField(max_length=200, default="")
    referrer_organisation = CharField(max_length=200, default="")
    priority = IntegerField(default=3)
    notes = TextField(default="")
    status = CharField(max_length=20, default="received", index=True)
    decision_reason = CharField(max_length=40, default="")
    decision_notes = TextField(default="")
    decided_by = ForeignKeyField(User, null=True, backref="decisions", on_delete="RESTRICT")
    decided_by_id: int | None
    decided_on = DateField(null=True)
    closed_on = DateField(null=True)
    version = IntegerField(default=1)
    created_at = UTCDateTimeField(default=utc_now)

    class Meta:
        table_name = "referral"


class Assessment(BaseModel):
    person = ForeignKeyField(Person, backref="assessments", on_delete="RESTRICT")
    person_id: int
    referral = ForeignKeyField(Referral, null=True, backref="assessments", on_delete="SET NULL")
    referral_id: int | None
    assessed_on = DateField()
    assessor = ForeignKeyField(User, backref="assessments", on_delete="RESTRICT")
    assessor_id: int
    outcome = CharField(max_length=20)
    next_review_on = DateField(null=True)
    risk_to_self = CharField(max_length=10, default="")
    risk_to_self_notes = TextField(default="")
    risk_to_others = CharField(max_length=10, default="")
    risk_to_others_notes = TextField(default="")
    risk_from_others = CharField(max_length=10, default="")
    risk_from_others_notes = TextField(default="")
    risk_to_tenancy = CharField(max_length=10, default="")
    risk_to_tenancy_notes = TextField(default="")
    tool_used = CharField(max_length=100, default="")
    tool_scores = TextField(default="")
    # Risk markers beyond the four levels, as keys joined by commas (see assessments.RISK_MARKERS).
    risk_markers = CharField(max_length=400, default="")
    notes = TextField(default="")
    created_at = UTCDateTimeField(default=utc_now)

    scores: ModelSelect[AssessmentScore]  # the backref of AssessmentScore.assessment

    class Meta:
        table_name = "assessment"
        indexes = ((("person", "assessed_on"), False),)


class AssessmentScore(BaseModel):
    assessment = ForeignKeyField(Assessment, backref="scores", on_delete="CASCADE")
    assessment_id: int
    domain = CharField(max_length=40)
    score = IntegerField()
    evidence = TextField(default="")

    class Meta:
        table_name = "assessment_score"
        indexes = ((("assessment", "domain"), True),)
