"""Files kept with a record: the signed licence, her ID, benefit letters, certificates, photos.

Kept inside the database, so an encrypted database encrypts them and a backup carries them. Each
keeps its SHA-256, checked every time it is read; a file that no longer matches is refused rather
than shown. Every opening is audited; viewers cannot open them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from peewee import ModelSelect

    from housing_desk.data.models import User
    from housing_desk.services.validation import DateGiven

import hashlib
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import PurePath

from housing_desk.data.database import write_transaction
from housing_desk.data.models import (
    Attachment,
    Certificate,
    Flat,
    Licence,
    Person,
    Repair,
)
from housing_desk.data.rows import first
from housing_desk.services import audit, permissions, validation, viewing
from housing_desk.services.errors import DomainError, NotFound, ValidationError

MAX_BYTES = 20 * 1024 * 1024
KINDS = {
    "signed_licence": "Signed licence",
    "id": "Proof of identity",
    "benefit_letter": "Benefit letter",
    "certificate": "Certificate",
    "photo": "Photo",
    "other": "Other",
}
ENTITIES = {
    "person": Person,
    "licence": Licence,
    "flat": Flat,
    "certificate": Certificate,
    "repair": Repair,
}
# The records whose files are hers (a flat's, a certificate's or a repair's are the building's).
HER_RECORDS = frozenset({"person", "licence"})
IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp")


@dataclass(frozen=True)
class AttachmentInfo:
    attachment_id: int
    entity: str
    entity_id: int
    filename: str
    kind: str
    size: int
    expires_on: date | None
    added_on: date
    added_by: str

    @property
    def is_pdf(self) -> bool:
        return self.filename.lower().endswith(".pdf")

    @property
    def is_image(self) -> bool:
        return self.filename.lower().endswith(IMAGE_TYPES)


def read_file(path: str) -> bytes:
    """The bytes of a file she chose to attach, read from her PC; a file that cannot be read is
    refused by name."""
    name = validation.file_path(path)
    try:
        return name.read_bytes()
    except OSError as error:
        raise ValidationError(f"That file cannot be read: {error.strerror}.", "file") from None


def _filename(value: object) -> str:
    name = validation.text(
        value, "filename", label="File name", required=True, column=Attachment.filename
    )
    base = PurePath(name.replace("\\", "/")).name  # never a path: only the file's own name
    if not base or base in (".", ".."):
        raise ValidationError("That is not a file name.", "filename")
    return base


def attach(
    actor: User,
    entity: str,
    entity_id: int,
    *,
    filename: str,
    data: bytes,
    kind: str,
    expires_on: DateGiven = None,
) -> Attachment:
    """Keep ``data`` with a record (at most 20 MB)."""
    permissions.require(actor, "allocate")
    entity = validation.choice(entity, "entity", label="Record", choices=tuple(ENTITIES))
    entity_id = validation.whole_number(
        entity_id, "entity_id", label="Record", minimum=1, maximum=2**31 - 1
    )
    filename = _filename(filename)
    kind = validation.choice(kind, "kind", label="Kind of file", choices=tuple(KINDS))
    expires_on = validation.a_date(expires_on, "expires_on", label="Runs out on", required=False)
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise ValidationError("The file could not be read.", "data")
    data = bytes(data)
    if not data:
        raise ValidationError("That file is empty.", "data")
    if len(data) > MAX_BYTES:
        raise ValidationError(
            f"That file is {len(data) / 1024 / 1024:.1f} MB; files can be at most 20 MB.", "data"
        )
    model = ENTITIES[entity]
    with write_transaction():
        if not model.select().where(model.id == entity_id).exists():
            raise NotFound("That record no longer exists.")
        row = Attachment.create(
            entity=entity,
            entity_id=entity_id,
            filename=filename,
            kind=kind,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            data=data,
            expires_on=expires_on,
            created_by=actor.id,
        )
        audit.record(
            actor,
            "create",
            "attachment",
            row.id,
            {"entity": entity, "entity_id": entity_id, "kind": kind, "size": len(data)},
        )
    return row


def _listed() -> ModelSelect[Attachment]:
    from housing_desk.data.models import User

    return Attachment.select(
        Attachment.id,
        Attachment.entity,
        Attachment.entity_id,
        Attachment.filename,
        Attachment.kind,
        Attachment.size,
        Attachment.expires_on,
        Attachment.created_at,
        User.full_name,
    ).join(User)


def _info(row: Attachment) -> AttachmentInfo:
    return AttachmentInfo(
        row.id,
        row.entity,
        row.entity_id,
        row.filename,
        row.kind,
        row.size,
        row.expires_on,
        row.created_at.date(),
        row.created_by.full_name,
    )


def attachments_for(actor: User, entity: str, entity_id: int) -> list[AttachmentInfo]:
    """What is kept with a record, newest first (without the files themselves)."""
    permissions.require(actor, "view")
    query = _listed().where((Attachment.entity == entity) & (Attachment.entity_id == entity_id))
    found = [_info(a) for a in query.order_by(Attachment.created_at.desc(), Attachment.id.desc())]
    if entity in HER_RECORDS and not viewing.reads_notes(actor):
        # the name of a file of hers may say what it is ("Ana Lopes - probation letter.pdf"): a
        # viewer, who cannot open it, reads that a file is kept, not its name
        found = [replace(info, filename="") for info in found]
    return found


def open(actor: User, attachment: Attachment | int) -> bytes:  # the API names it attachments.open
    """The file's bytes, checked against its SHA-256; the opening is audited."""
    permissions.require(actor, "view_sensitive")
    attachment_id = validation.record_id(attachment, Attachment, "attachment")
    with write_transaction():
        row = Attachment.get_or_none(Attachment.id == attachment_id)
        if row is None:
            raise NotFound("That file no longer exists.")
        data = bytes(row.data)
        if hashlib.sha256(data).hexdigest() != row.sha256:
            raise DomainError(
                "This file has changed since it was attached and is not shown. Ask an "
                "administrator to restore it from a backup."
            )
        audit.record(
            actor, "view", "attachment", row.id, {"entity": row.entity, "entity_id": row.entity_id}
        )
    return data


def filename_of(actor: User, attachment_id: int) -> str:
    """A kept file's name, for a role that may open it."""
    permissions.require(actor, "view_sensitive")
    row = first(Attachment.select(Attachment.filename).where(Attachment.id == attachment_id))
    if row is None:
        raise NotFound("That file no longer exists.")
    return row.filename


def hers(actor: User, person_id: int) -> ModelSelect[Attachment]:
    """Her attachments (a query, without opening them): on her record and on her licences; for a
    role that may open them."""
    permissions.require(actor, "view_sensitive")
    return _hers(person_id)


def _hers(person_id: int) -> ModelSelect[Attachment]:
    licence_ids = Licence.select(Licence.id).where(Licence.person == person_id)
    return Attachment.select().where(
        ((Attachment.entity == "person") & (Attachment.entity_id == person_id))
        | ((Attachment.entity == "licence") & Attachment.entity_id.in_(licence_ids))
    )


def forget(person_id: int) -> int:
    """Delete her attachments; call inside the anonymising transaction."""
    ids = [a.id for a in _hers(person_id).select(Attachment.id)]
    if ids:
        Attachment.delete().where(Attachment.id.in_(ids)).execute()
    return len(ids)


def expiring(on: date, within_days: int = 30) -> list[AttachmentInfo]:
    """IDs, benefit letters and other files that run out within ``within_days`` of ``on``."""
    last = on + timedelta(days=within_days)
    query = _listed().where(Attachment.expires_on.is_null(False) & (Attachment.expires_on <= last))
    return [_info(a) for a in query.order_by(Attachment.expires_on)]


def filed_for(entity: str, entity_ids: Iterable[int]) -> set[int]:
    """Which of these records have a file kept with them."""
    ids = list(entity_ids)
    if not ids:
        return set()
    query = Attachment.select(Attachment.entity_id).where(
        (Attachment.entity == entity) & Attachment.entity_id.in_(ids)
    )
    return {row.entity_id for row in query}
