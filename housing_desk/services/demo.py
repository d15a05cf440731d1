"""Realistic fictional records for trying Housing Desk out, built through the services.

Every name and address here is invented. Nothing is copied from any real record.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from housing_desk import clock
from housing_desk.services import demo_people, demo_tenancies, flats, settings, users
from housing_desk.services.compliance import CERTIFICATE_KINDS, add_years

if TYPE_CHECKING:
    from collections.abc import Callable

    from housing_desk.data.models import Flat, User

DEMO_USERNAME = "demo"

PARTNERS = (
    (
        "Nene Valley Housing Trust",
        "housing_charity",
        "Lettings team",
        "01604 000101",
        "lettings@nvht.example.org",
    ),
    (
        "Kingsley Borough Council",
        "council",
        "Housing options",
        "01604 000202",
        "housing@kingsley.example.gov.uk",
    ),
    (
        "St Crispin Housing Association",
        "housing_association",
        "Partnerships officer",
        "01604 000303",
        "partners@stcrispin.example.org",
    ),
)

# reference, partner index, address line 1, line 2, postcode, bedrooms, floor, step-free, gas, rent
FLATS = (
    ("NVT-01", 0, "Flat 1, 14 Abington Grove", "", "NN1 4QX", 1, 0, True, True, "98.50"),
    ("NVT-02", 0, "Flat 3, 14 Abington Grove", "", "NN1 4QX", 1, 1, False, True, "98.50"),
    ("NVT-03", 0, "27 Lorne Road", "", "NN1 3RN", 2, 0, True, False, "112.00"),
    ("NVT-04", 0, "Flat B, 6 St Michael's Road", "", "NN1 3JX", 1, 2, False, True, "95.00"),
    ("KBC-01", 1, "Flat 12, Westbridge Court", "St James", "NN5 5JE", 1, 3, False, False, "87.25"),
    ("KBC-02", 1, "Flat 4, Harcourt House", "Kingsthorpe", "NN2 6QL", 1, 0, True, True, "89.40"),
    ("KBC-03", 1, "42 Cowper Street", "", "NN1 3QS", 2, 0, False, True, "104.80"),
    ("SCH-01", 2, "Flat 7, Tanner's Yard", "Far Cotton", "NN4 8BA", 1, 1, False, True, "92.60"),
    ("SCH-02", 2, "Flat 2, 9 Hester Street", "", "NN2 6AP", 1, 0, True, True, "93.10"),
    ("SCH-03", 2, "Flat 5, Spencer Bridge House", "", "NN5 7DR", 1, 2, False, False, "90.00"),
)


@dataclass(frozen=True)
class DemoData:
    user: object
    flats: int
    partners: int
    people: int
    licences: int


def build(
    today: date | None = None,
    *,
    progress: Callable[[int, int], object] | None = None,
    admin: User | None = None,
) -> DemoData:
    """Fill an empty database with the demo's partners, flats, women and lettings.

    Without ``admin``, a demo administrator with an unguessable password is created.
    """
    today = today or clock.today()
    admin = admin or users.create_user(
        None,
        username=DEMO_USERNAME,
        full_name="Demo Administrator",
        role="admin",
        password=secrets.token_urlsafe(24),
    )
    partners = [
        flats.create_partner(
            admin, name=name, kind=kind, contact_name=contact, phone=phone, email=email
        )
        for name, kind, contact, phone, email in PARTNERS
    ]
    made = []
    for index, (
        ref,
        partner,
        line1,
        line2,
        postcode,
        beds,
        floor,
        step_free,
        gas,
        rent,
    ) in enumerate(FLATS):
        flat = flats.create_flat(
            admin,
            reference=ref,
            partner=partners[partner],
            address_line1=line1,
            address_line2=line2,
            town="Northampton",
            postcode=postcode,
            bedrooms=beds,
            floor=floor,
            step_free=step_free,
            has_gas=gas,
            furnished=index % 3 != 2,
            weekly_rent=Decimal(rent),
            eligible_service_charge=Decimal("21.40"),
            ineligible_service_charge=Decimal("11.75"),
            support_charge=Decimal("45.00"),
            head_lease_end=date(today.year + 3, 3, 31),
        )
        _certify(admin, flat, today, index)
        made.append(flat)
        if progress:
            progress(index + 1, len(FLATS))
    settings.save_organisation(
        admin,
        name="Nene Outreach Housing (demo)",
        charity_number="1000000",
        address="The Hub, 1 Example Street\nNorthampton NN1 1AA",
        phone="01604 000999",
        out_of_hours_phone="07700 900999",
    )
    women = demo_people.build(admin, today)
    staff = {u.username: u for u in users.list_users()}
    lettings = demo_tenancies.build(
        admin, staff["priya"], staff["grace"], {f.reference: f for f in made}, today
    )
    # A flat under repairs now, one with void works booked, one with a past period, one back with its
    # owner.
    flats.mark_unavailable(
        admin,
        made[3],
        start=today - timedelta(days=12),
        end=today + timedelta(days=9),
        reason="repairs",
        notes="Boiler replacement and kitchen damp treatment.",
    )
    # The void works are booked for the day the flat under notice comes free (a free flat with
    # works booked could not be let: a licence has no end date to stop before them).
    flats.mark_unavailable(
        admin,
        made[2],
        start=today + timedelta(days=18),
        end=today + timedelta(days=32),
        reason="void_works",
        notes="Redecoration between lets.",
    )
    flats.mark_unavailable(
        admin,
        made[1],
        start=today - timedelta(days=80),
        end=today - timedelta(days=61),
        reason="void_works",
    )
    flats.mark_unavailable(
        admin,
        made[9],
        start=today - timedelta(days=40),
        reason="owner_use",
        notes="Returned to the association while the block is refurbished.",
    )
    return DemoData(
        user=admin, flats=len(made), partners=len(partners), people=women, licences=lettings
    )


def _certify(admin: User, flat: Flat, today: date, index: int) -> None:
    """Current certificates, but one due soon (2nd flat), one lapsed EICR (5th) and one missing EPC (8th)."""
    issued = today - timedelta(days=100 + 17 * index)
    kinds = ["alarms", "fire_risk"] + (["gas_safety"] if flat.has_gas else [])
    kinds += [kind for kind, missing_on in (("eicr", 4), ("epc", 7)) if index != missing_on]
    for kind in kinds:
        reference = f"{flat.reference}-{kind[:3].upper()}"
        years = CERTIFICATE_KINDS[kind][1]
        for back in range(
            4 // years + 1, 0, -1
        ):  # earlier certificates, so past lettings were covered
            flats.record_certificate(
                admin,
                flat,
                kind=kind,
                issued_on=add_years(issued, -years * back),
                reference=f"{reference}-{back}",
            )
        flats.record_certificate(admin, flat, kind=kind, issued_on=issued, reference=reference)
    if index == 1:
        flats.record_certificate(
            admin, flat, kind="pat", issued_on=today - timedelta(days=340), reference="PAT-2291"
        )
    if index == 4:
        flats.record_certificate(
            admin,
            flat,
            kind="eicr",
            issued_on=today - timedelta(days=5 * 365 + 30),
            expires_on=today - timedelta(days=3),
            reference="EICR-1187",
        )
