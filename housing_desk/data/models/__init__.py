"""Every model, and ``MODELS`` in the order their tables are created."""

from housing_desk.data.models.base import BaseModel, database
from housing_desk.data.models.flats import Certificate, Flat, Partner, Unavailability
from housing_desk.data.models.people import Assessment, AssessmentScore, Person, Referral
from housing_desk.data.models.tenancy import Licence, LicenceKey, Offer, SignupItem
from housing_desk.data.models.users import AuditEvent, User

MODELS = [User, AuditEvent, Partner, Flat, Certificate, Unavailability, Person, Referral, Assessment,
          AssessmentScore, Offer, Licence, SignupItem, LicenceKey]

__all__ = [
    "MODELS",
    "Assessment",
    "AssessmentScore",
    "AuditEvent",
    "BaseModel",
    "Certificate",
    "Flat",
    "Licence",
    "LicenceKey",
    "Offer",
    "Partner",
    "Person",
    "Referral",
    "SignupItem",
    "Unavailability",
    "User",
    "database",
]
