"""Between move-in and move-out: keywork sessions, incidents, warnings and support plan reviews."""

from peewee import BooleanField, CharField, DateField, ForeignKeyField, IntegerField, TextField

from housing_desk.data.fields import UTCDateTimeField, utc_now
from housing_desk.data.models.base import BaseModel
from housing_desk.data.models.flats import Flat
from housing_desk.data.models.paperwork import Goal, SupportPlan
from housing_desk.data.models.people import Person
from housing_desk.data.models.tenancy import Licence
from housing_desk.data.models.users import User


class KeyworkSession(BaseModel):
    licence = ForeignKeyField(Licence, backref="keywork_sessions", on_delete="RESTRICT")
    licence_id: int
    person = ForeignKeyField(Person, backref="keywork_sessions", on_delete="RESTRICT")
    person_id: int
    held_on = DateField()
    kind = CharField(max_length=20, default="in_person")
    duration_minutes = IntegerField(null=True)
    summary = TextField(default="")
    next_on = DateField(null=True)
    keyworker = ForeignKeyField(User, backref="keywork_sessions", on_delete="RESTRICT")
    keyworker_id: int
    created_at = UTCDateTimeField(default=utc_now)

    class Meta:
        table_name = "keywork_session"
        indexes = ((("licence", "held_on"), False), (("person", "held_on"), False))


class KeyworkGoal(BaseModel):
    """A support-plan goal worked on in a session."""

    session = ForeignKeyField(KeyworkSession, backref="goal_links", on_delete="CASCADE")
    session_id: int
    goal = ForeignKeyField(Goal, backref="session_links", on_delete="CASCADE")
    goal_id: int

    class Meta:
        table_name = "keywork_goal"
        indexes = ((("session", "goal"), True),)


class Incident(BaseModel):
    person = ForeignKeyField(Person, backref="incidents", on_delete="RESTRICT")
    person_id: int
    flat = ForeignKeyField(Flat, null=True, backref="incidents", on_delete="RESTRICT")
    flat_id: int | None
    occurred_on = DateField()
    kind = CharField(max_length=30)
    severity = CharField(max_length=10, default="medium")
    description = TextField(default="")
    police_reference = CharField(max_length=100, default="")
    safeguarding_referral = BooleanField(default=False)
    referred_to = CharField(max_length=200, default="")  # keys: marac, adult_safeguarding, nrm…
    follow_up = TextField(default="")
    recorded_by = ForeignKeyField(User, backref="incidents_recorded", on_delete="RESTRICT")
    recorded_by_id: int
    reviewed_by = ForeignKeyField(
        User, null=True, backref="incidents_reviewed", on_delete="RESTRICT"
    )
    reviewed_by_id: int | None
    reviewed_on = DateField(null=True)
    review_notes = TextField(default="")
    created_at = UTCDateTimeField(default=utc_now)

    class Meta:
        table_name = "incident"
        indexes = ((("person", "occurred_on"), False), (("severity", "reviewed_on"), False))


class TenancyWarning(BaseModel):
    licence = ForeignKeyField(Licence, backref="warnings", on_delete="RESTRICT")
    licence_id: int
    person = ForeignKeyField(Person, backref="warnings", on_delete="RESTRICT")
    person_id: int
    stage = CharField(max_length=10)
    issued_on = DateField()
    reason = TextField(default="")
    lapses_on = DateField()
    issued_by = ForeignKeyField(User, backref="warnings_issued", on_delete="RESTRICT")
    issued_by_id: int
    created_at = UTCDateTimeField(default=utc_now)

    class Meta:
        table_name = "tenancy_warning"
        indexes = ((("licence", "issued_on"), False),)


class SupportReview(BaseModel):
    plan = ForeignKeyField(SupportPlan, backref="reviews", on_delete="CASCADE")
    plan_id: int
    reviewed_on = DateField()
    attended = TextField(default="")
    summary = TextField(default="")
    recorded_by = ForeignKeyField(User, backref="support_reviews", on_delete="RESTRICT")
    recorded_by_id: int
    created_at = UTCDateTimeField(default=utc_now)

    class Meta:
        table_name = "support_review"
