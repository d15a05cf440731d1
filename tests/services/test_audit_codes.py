"""Every coded value the audit keeps (a status, a kind, a reason) reads on the Audit page and in
her copy of her records as the label the rest of the program shows, never as its raw code."""

from datetime import UTC, datetime

import pytest

from housing_desk import clock
from housing_desk.services import audit, audit_codes, audit_log, demo, subject_access
from housing_desk.services.audit_words import describe
from housing_desk.services.errors import DomainError
from tests import factories
from tests.services.write_calls import CALLS, build_world

# Kept codes that are not shown as values: a file's fingerprint, the title of a report's table
# (already words), a sign-in's result (its own sentence).
NOT_SHOWN = frozenset({"sha256", "table", "result"})


def _event(entity: str, action: str, changes: dict) -> audit.AuditEvent:
    return audit.AuditEvent(datetime.now(UTC), "amara", action, entity, 1, changes)


def _raw_code_in(text: str, code, label: str) -> bool:
    """True when ``code`` itself shows in ``text`` (a code its label already spells is not)."""
    raw = str(code)
    if raw.replace("_", " ").lower() in label.lower():
        return False
    return raw in text or raw.replace("_", " ") in text


def _unlabelled(line: str, name: str, label: str) -> bool:
    # a printed document's name is written into the sentence: "printed the licence agreement"
    if name == "document":
        return label.lower() not in line.lower()
    return label not in line


def _problems(events) -> list[str]:
    """Each coded value of ``events`` that has no label or whose line shows the raw code."""
    problems = []
    for event in events:
        line = describe(event)
        for name, value in (event.changes or {}).items():
            if name not in audit.CODE_FIELDS or name in NOT_SHOWN:
                continue
            for code in value if isinstance(value, list) else [value]:
                if code in ("", None, audit.CHANGED):
                    continue
                label = audit_codes.label(event.entity, name, code)
                if label is None:
                    problems.append(f"{event.entity}.{name} = {code!r}: no label ({line!r})")
                elif _unlabelled(line, name, label):
                    problems.append(f"{event.entity}.{name} = {code!r}: {line!r}")
                elif _raw_code_in(line, code, label):
                    problems.append(f"{event.entity}.{name} = {code!r} shows raw: {line!r}")
    return problems


def test_every_code_of_every_coded_field_reads_as_its_label():
    tables = audit_codes.coded_fields()
    assert ("certificate", "kind") in tables and ("licence", "status") in tables
    for (entity, name), table in tables.items():
        assert table, f"{entity}.{name} has no codes"
        for code, label in table.items():
            if name == "document":
                events = [_event(entity, "print", {"document": code, "sha256": "ab12"})]
            elif entity == "signup_item":
                events = [_event(entity, "update", {"key": code, "done": True})]
            else:
                events = [
                    _event(entity, "update", {name: code}),
                    _event(entity, "update", {name: [code, code]}),
                    _event(entity, "create", {name: code}),
                ]
            assert _problems(events) == [], (entity, name, code, label)


def test_a_certificate_changed_to_an_eicr_reads_as_the_flats_page_names_it():
    changed = _event("certificate", "update", {"kind": ["gas_safety", "eicr"]})
    assert describe(changed) == (
        "changed the certificate's kind from Gas safety record to "
        "Electrical installation condition report (EICR)"
    )
    role = _event("user", "create", {"role": "officer", "username": "changed"})
    assert describe(role) == "created an account: role Housing officer"


def test_every_coded_field_every_write_service_audits_reads_as_a_label(db):
    world = build_world()
    reached = 0
    for call in CALLS:
        try:
            call(world, call.good(world))
            reached += 1
        except DomainError:  # this record is past that step: the demo below walks it
            pass
    assert reached > len(CALLS) * 2 // 3
    events = audit.search(world.admin, limit=100_000)
    coded = {(e.entity, n) for e in events for n in e.changes or {} if n in audit.CODE_FIELDS}
    assert {("certificate", "kind"), ("payment", "source"), ("offer", "status")} <= coded
    problems = _problems(events)
    assert not problems, "\n".join(problems)


def test_every_coded_field_of_the_demos_history_reads_as_a_label(db):
    data = demo.build()
    events = audit.search(data.user, limit=100_000)
    coded = {(e.entity, n) for e in events for n in e.changes or {} if n in audit.CODE_FIELDS}
    assert {("licence", "status"), ("licence", "reason"), ("referral", "reason")} <= coded
    problems = _problems(events)
    assert not problems, "\n".join(problems)
    lines = audit_log.lines(data.user, limit=100_000)
    assert any("Electrical installation condition report (EICR)" in line.what for line in lines)
    assert not any(" to eicr" in line.what or "pending signup" in line.what for line in lines)


@pytest.mark.parametrize("where", ["audit page", "her records"])
def test_her_licence_reads_in_labels_on_the_audit_page_and_in_her_records(admin, partner, where):
    from housing_desk.services import licences

    factories.organisation(admin)
    woman = factories.ready_woman(admin, given_name="Ana", family_name="Lopes")
    home = factories.certified_flat(admin, partner)
    licence = licences.create_licence(admin, woman, home, start_date=clock.today())
    factories.sign_up(admin, licence)
    if where == "audit page":
        said = [line.what for line in audit_log.lines(admin, person_id=woman.id)]
    else:
        trail = subject_access.gather(admin, woman).sections[-1]
        said = [row[0] for row in trail.rows]
    assert any("from Awaiting sign-up to Active" in line for line in said), said
    assert any("agreement type Licence to occupy" in line for line in said), said
    assert not any("pending signup" in line or "pending_signup" in line for line in said)


def test_notice_and_who_pays_read_as_sentences(admin):
    from housing_desk.services import settings

    notice = describe(_event("licence", "update", {"by": "licensor", "served_on": "2026-12-01"}))
    assert notice == "changed the licence's notice given by us and notice date to 01/12/2026"
    assert " by to " not in notice
    settings.set_support_charge_payer(admin, "resident")
    settings.set_nrpf_rent_payer(admin, "resident")
    lines = [describe(e) for e in audit.events("setting")]
    assert "changed the support charge's payer to Paid by her" in lines
    assert (
        "changed the way the rent is met for a woman with no recourse to public funds to "
        "Paid by her"
    ) in lines
