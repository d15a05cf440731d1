"""Support plans and their goals, the documents printed, and the team's settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

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
from housing_desk.data.models.people import Person
from housing_desk.data.models.tenancy import Licence
from housing_desk.data.models.users import User

if TYPE_CHECKING:
    from housing_desk.data.models.tenancy_life import SupportReview


class SupportPlan(BaseModel):
    person = ForeignKeyField(Person, backref="support_plans", on_delete="RESTRICT")
    person_id: int
    licence = ForeignKeyField(Licence, backref="support_plans", on_delete="RESTRICT")
    licence_id: int
    start_date = DateField()
    review_due = DateField(null=True)
    status = CharField(max_length=20, default="draft", index=True)
    agreed_on = DateField(null=True)
    she_agreed = BooleanField(default=False)
    risk_to_self = TextField(default="")
    risk_to_others = TextField(default="")
    risk_from_others = TextField(default="")
    risk_to_tenancy = TextField(default="")
    # Her crisis plan: what sets things off, what to do, whom to call, and whom she lets us tell.
    crisis_triggers = TextField(default="")
    crisis_actions = TextField(default="")
    crisis_contacts = TextField(default="")
    consent_to_share = TextField(default="")  # one agency a line, as she named them
    created_by = ForeignKeyField(User, backref="support_plans", on_delete="RESTRICT")
    created_by_id: int
    version = IntegerField(default=1)
    created_at = UTCDateTimeField(default=utc_now)

    goal_rows: ModelSelect[Goal]  # the backref of Goal.plan
    reviews: ModelSelect[SupportReview]  # the backref of SupportReview.plan

    class Meta:
        table_name = "support_plan"

    @property
    def goals(self) -> list[Goal]:
        return list(self.goal_rows.order_by(Goal.position, Goal.id))


class Goal(BaseModel):
    plan = ForeignKeyField(SupportPlan, backref="goal_rows", on_delete="CASCADE")
    plan_id: int
    position = IntegerField(default=0)
    domain = CharField(max_length=40, default="")
    need = TextField(default="")
    action = TextField(default="")
    owner = CharField(max_length=200, default="")
    target_date = DateField(null=True)
    status = CharField(max_length=20, default="open")
    outcome = TextField(default="")
    version = IntegerField(default=1)
    her_words = TextField(default="")
    strengths = TextField(default="")
    measure = TextField(default="")  # how we will know it worked
    achieved_on = DateField(null=True)

    class Meta:
        table_name = "goal"


class Document(BaseModel):
    kind = CharField(max_length=40)
    entity = CharField(max_length=40)
    entity_id = IntegerField()
    generated_at = UTCDateTimeField(default=utc_now)
    generated_by = ForeignKeyField(User, backref="documents", on_delete="RESTRICT")
    generated_by_id: int
    template_version = CharField(max_length=40, default="")
    sha256 = CharField(max_length=64)
    size = IntegerField(default=0)

    class Meta:
        table_name = "document"
        indexes = ((("entity", "entity_id"), False),)


class Setting(BaseModel):
    key = CharField(max_length=80, unique=True)
    value = TextField(default="")

    class Meta:
        table_name = "setting"
