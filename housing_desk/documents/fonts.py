"""The embedded Unicode font: every European name prints exactly and copies back out as text."""

from __future__ import annotations

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from housing_desk import paths

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
_registered = False


def register() -> None:
    """Register DejaVu Sans with ReportLab once per process (see resources/fonts/LICENSE-DejaVu.txt)."""
    global _registered
    if _registered:
        return
    for name in (REGULAR, BOLD, ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(paths.resource("fonts", f"{name}.ttf"))))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)
    _registered = True
