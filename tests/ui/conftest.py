"""UI fixtures: message boxes replaced, and a signed-in administrator with a few flats."""

import pytest

from housing_desk import clock
from housing_desk.services import flats
from housing_desk.ui import messages
from tests import factories


class Messages:
    """Records what would have been shown, and answers confirmations as told."""

    def __init__(self):
        self.shown: list[tuple[str, str, str]] = []
        self.confirm_answer = True
        self.choose_answer: str | None = None

    def install(self, monkeypatch):
        for kind in ("information", "warning", "error"):
            monkeypatch.setattr(messages, kind, self._recorder(kind))
        monkeypatch.setattr(messages, "confirm", self._confirm)
        monkeypatch.setattr(messages, "choose", self._choose)

    def _recorder(self, kind):
        def record(parent, title, text):
            self.shown.append((kind, title, text))

        return record

    def _confirm(self, parent, title, text, **_buttons):
        self.shown.append(("confirm", title, text))
        return self.confirm_answer

    def _choose(self, parent, title, text, options):
        self.shown.append(("choose", title, text))
        return self.choose_answer


@pytest.fixture(autouse=True)
def shown_messages(monkeypatch):
    recorder = Messages()
    recorder.install(monkeypatch)
    return recorder


@pytest.fixture
def three_flats(admin, partner):
    """Three flats on 25/11/2026: one certified and free, one out of use, one with nothing on file."""
    today = clock.today()
    first = factories.flat(admin, partner, reference="NHT-01")
    factories.certify(admin, first, today)
    second = factories.flat(admin, partner, reference="NHT-02", postcode="NN2 6QL")
    factories.certify(admin, second, today)
    flats.mark_unavailable(admin, second, start=today, reason="repairs")
    third = factories.flat(admin, partner, reference="CNC-07", postcode="NN5 5JE", has_gas=False)
    return first, second, third
