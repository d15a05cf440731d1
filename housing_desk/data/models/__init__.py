"""Every model, and ``MODELS`` in the order their tables are created."""

from housing_desk.data.models.base import BaseModel, database
from housing_desk.data.models.flats import Certificate, Flat, Partner, Unavailability
from housing_desk.data.models.money import (
    Absence,
    Charge,
    ChargeChange,
    HousingBenefitDecision,
    HousingBenefitEvidence,
    Payment,
    RepaymentPlan,
)
from housing_desk.data.models.paperwork import Document, Goal, Setting, SupportPlan
from housing_desk.data.models.people import Assessment, AssessmentScore, Person, Referral
from housing_desk.data.models.repairs import Attachment, Repair
from housing_desk.data.models.rights import SubjectAccessRequest
from housing_desk.data.models.tenancy import Licence, LicenceKey, Offer, SignupItem
from housing_desk.data.models.tenancy_life import (
    Incident,
    KeyworkGoal,
    KeyworkSession,
    SupportReview,
    TenancyWarning,
)
from housing_desk.data.models.users import AuditEvent, User

MODELS = [
    User,
    AuditEvent,
    Partner,
    Flat,
    Certificate,
    Unavailability,
    Person,
    Referral,
    Assessment,
    AssessmentScore,
    Offer,
    Licence,
    SignupItem,
    LicenceKey,
    SupportPlan,
    Goal,
    Document,
    Setting,
    Charge,
    ChargeChange,
    Payment,
    HousingBenefitDecision,
    HousingBenefitEvidence,
    Absence,
    RepaymentPlan,
    Repair,
    Attachment,
    SubjectAccessRequest,
    KeyworkSession,
    KeyworkGoal,
    Incident,
    TenancyWarning,
    SupportReview,
]

__all__ = [
    "MODELS",
    "Absence",
    "Assessment",
    "AssessmentScore",
    "Attachment",
    "AuditEvent",
    "BaseModel",
    "Certificate",
    "Charge",
    "ChargeChange",
    "Document",
    "Flat",
    "Goal",
    "HousingBenefitDecision",
    "HousingBenefitEvidence",
    "Incident",
    "KeyworkGoal",
    "KeyworkSession",
    "Licence",
    "LicenceKey",
    "Offer",
    "Partner",
    "Payment",
    "Person",
    "Referral",
    "Repair",
    "RepaymentPlan",
    "Setting",
    "SignupItem",
    "SubjectAccessRequest",
    "SupportPlan",
    "SupportReview",
    "TenancyWarning",
    "Unavailability",
    "User",
    "database",
]
