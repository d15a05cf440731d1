"""Every model, and ``MODELS`` in the order their tables are created."""

from housing_desk.data.models.base import BaseModel, database
from housing_desk.data.models.flats import Certificate, Flat, Partner, Unavailability
from housing_desk.data.models.people import Assessment, AssessmentScore, Person, Referral
from housing_desk.data.models.users import AuditEvent, User

MODELS = [User, AuditEvent, Partner, Flat, Certificate, Unavailability, Person, Referral, Assessment,
          AssessmentScore]

__all__ = [
    "MODELS",
    "Assessment",
    "AssessmentScore",
    "AuditEvent",
    "BaseModel",
    "Certificate",
    "Flat",
    "Partner",
    "Person",
    "Referral",
    "Unavailability",
    "User",
    "database",
]
