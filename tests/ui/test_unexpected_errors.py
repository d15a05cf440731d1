"""An unexpected error shows a calm message, and the log keeps no personal data."""

import logging
import sys

from housing_desk import app


def test_the_log_keeps_where_not_what(caplog, shown_messages):
    try:
        raise ValueError("Ioana Popescu, 14 Abington Grove, NN1 4QX")
    except ValueError:
        error_type, error, trace = sys.exc_info()
    with caplog.at_level(logging.ERROR, logger="housing_desk"):
        app.unexpected_error(error_type, error, trace)
    logged = caplog.text
    assert (
        "builtins.ValueError (message withheld)" in logged and "test_unexpected_errors.py" in logged
    )
    assert "Ioana" not in logged and "Abington" not in logged
    kind, _title, text = shown_messages.shown[-1]
    assert kind == "error" and "Nothing was half-saved" in text and "Ioana" not in text
