"""PDFs from plain data: no Qt, no database. Services build the frozen dataclasses in ``data``."""
