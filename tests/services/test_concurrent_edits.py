"""Two officers on two connections edit the same woman's record: the second save is refused, whole."""

import threading

from housing_desk.data.models import Person
from housing_desk.services import people
from housing_desk.services.errors import ConflictError
from tests import factories


def test_two_connections_editing_one_record(admin, db):
    officer = factories.user(admin, "officer")
    woman = factories.person(admin, given_name="Ana", family_name="Lopes")
    opened_by_both = people.get_person(
        admin, woman.id
    )  # both officers open the record at version 1
    first_saved = threading.Event()
    results = {}

    def first():
        try:
            results["first"] = people.update_person(admin, opened_by_both, phone="07700 900001")
        finally:
            first_saved.set()
            db.close()  # this thread's own connection

    def second():
        first_saved.wait(timeout=10)
        try:
            results["second"] = people.update_person(officer, opened_by_both, phone="07700 900002")
        except ConflictError as error:
            results["second"] = error
        finally:
            db.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert results["first"].version == 2
    assert isinstance(results["second"], ConflictError)
    assert results["second"].message.startswith("Amara Okafor, at ")
    stored = Person.get_by_id(woman.id)
    assert (stored.phone, stored.version) == ("07700 900001", 2)
