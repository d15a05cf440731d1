"""Opens every window on a demo database and reports what would trouble someone using it.

Run in a subprocess whose screen is set by the environment (``QT_QPA_PLATFORM=offscreen:
configfile=…`` for its size, ``QT_SCALE_FACTOR`` for scaling); prints one JSON object: the screen
it saw, the windows it opened and each problem found:

- a window bigger than the screen the taskbar leaves free, or that cannot shrink to it;
- a button of a dialog outside the window (a button inside a scroll area can be scrolled to);
- a control the keyboard reaches that a screen reader would announce without a name;
- a dialog with no default button (Enter would do nothing, or something unexpected).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDialog,
    QScrollBar,
    QTabBar,
    QWidget,
    QWizard,
)


def problems_of(window: QWidget, name: str) -> list[str]:
    found = []
    room = window.screen().availableGeometry()
    if window.width() > room.width() or window.height() > room.height():
        found.append(
            f"{name}: {window.width()}×{window.height()} on a {room.width()}×{room.height()} screen"
        )
    least = window.minimumSizeHint()
    if least.width() > room.width() or least.height() > room.height():
        found.append(f"{name}: cannot shrink below {least.width()}×{least.height()}")
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or _internal(widget):
            continue
        if isinstance(widget, QAbstractButton) and not _scrolls(widget, window):
            where = widget.mapTo(window, widget.rect().bottomRight())
            if where.x() > window.width() or where.y() > window.height():
                found.append(f"{name}: button '{widget.text()}' is outside the window")
        if widget.focusPolicy() != widget.focusPolicy().NoFocus and not accessible_name(widget):
            found.append(
                f"{name}: {type(widget).__name__} '{widget.objectName()}' has no accessible name"
            )
    if isinstance(window, QDialog) and not isinstance(window, QWizard):
        buttons = [b for b in window.findChildren(QAbstractButton) if hasattr(b, "isDefault")]
        if not any(b.isDefault() for b in buttons if b.isVisibleTo(window)):
            found.append(f"{name}: no default button")
    return found


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def _internal(widget: QWidget) -> bool:
    """Parts of a compound control that a screen reader reaches through the control itself."""
    if isinstance(widget, (QScrollBar, QTabBar)):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QCalendarWidget, QTabBar)):
            return True
        if isinstance(parent, QAbstractScrollArea) and widget is parent.viewport():
            return True
        parent = parent.parentWidget()
    return False


def _scrolls(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def windows(user):
    """(name, build) for every window; ``build()`` returns it ready to show."""
    from peewee import fn

    from housing_desk.data.models import (
        Assessment,
        Flat,
        Licence,
        Offer,
        Person,
        Referral,
        SupportPlan,
        Unavailability,
    )
    from housing_desk.services import assessment_changes, assessments, paperwork
    from housing_desk.ui.account_dialogs import FirstRunDialog, PassphraseDialog, SignInDialog
    from housing_desk.ui.assessment_comparison import AssessmentComparisonDialog
    from housing_desk.ui.assessment_dialog import AssessmentDialog
    from housing_desk.ui.assessment_view import AssessmentViewDialog
    from housing_desk.ui.certificate_dialog import CertificateDialog
    from housing_desk.ui.flat_choice_dialog import FlatChoiceDialog
    from housing_desk.ui.flat_dialog import FlatDialog
    from housing_desk.ui.goal_dialog import GoalDialog
    from housing_desk.ui.idle_lock import LockDialog
    from housing_desk.ui.match_dialog import MatchDialog
    from housing_desk.ui.move_in_wizard import MoveInWizard
    from housing_desk.ui.partner_dialog import PartnerDialog
    from housing_desk.ui.pdf_preview import PdfPreviewDialog
    from housing_desk.ui.person_dialog import PersonDialog
    from housing_desk.ui.referral_dialogs import DecisionDialog, ReferralDialog
    from housing_desk.ui.tenancy_dialogs import MoveOutDialog, NoticeDialog, OfferAnswerDialog
    from housing_desk.ui.unavailability_dialogs import BackInUseDialog, UnavailabilityDialog
    from housing_desk.ui.users_page import AccountDialog, PasswordDialog
    from housing_desk.ui.withdraw_offer_dialog import WithdrawOfferDialog

    flat = Flat.select().order_by(Flat.id).first()
    person = Person.select().order_by(Person.id).first()
    licence = Licence.select().where(Licence.status == "active").first()
    offer = Offer.select().where(Offer.status == "pending").first()
    referral = Referral.select().where(Referral.status.in_(("received", "assessing"))).first()
    away = Unavailability.select().first()
    waiting = Referral.select().where(Referral.status == "accepted").first().person
    history = assessments.history(user, person)
    # the woman assessed most often, and her latest assessment, for the view and the comparison
    most = fn.COUNT(Assessment.id)
    (assessed_id,) = (
        Assessment.select(Assessment.person).group_by(Assessment.person).order_by(most.desc())
    ).tuples()[0]
    latest = assessments.history(user, Person.get_by_id(assessed_id))[-1].assessment_id
    plan = SupportPlan.select().order_by(SupportPlan.id).first()
    return [
        ("First run", FirstRunDialog),
        ("Sign in", lambda: SignInDialog(location="File /home/desk/housing-desk.db")),
        ("Passphrase", lambda: PassphraseDialog(lambda _p: None, location="Encrypted file")),
        ("Lock", lambda: LockDialog(user)),
        ("Person", lambda: PersonDialog(user, person)),
        ("Referral", lambda: ReferralDialog(user, person)),
        ("Decision", lambda: DecisionDialog(user, referral, referral.person)),
        ("Assessment", lambda: AssessmentDialog(user, person, history[-1] if history else None)),
        ("Assessment view", lambda: AssessmentViewDialog(user, latest, "Ioana")),
        (
            "Assessment comparison",
            lambda: AssessmentComparisonDialog(
                assessment_changes.with_previous(user, latest), "Ioana"
            ),
        ),
        ("Flat", lambda: FlatDialog(user, flat)),
        ("New flat", lambda: FlatDialog(user)),
        ("Partner", lambda: PartnerDialog(user)),
        ("Certificate", lambda: CertificateDialog(user, flat)),
        ("Out of use", lambda: UnavailabilityDialog(user, flat)),
        ("Back in use", lambda: BackInUseDialog(user, away)),
        ("Match", lambda: MatchDialog(user, flat)),
        ("Find a flat", lambda: FlatChoiceDialog(user, waiting)),
        ("Offer answer", lambda: OfferAnswerDialog(user, offer, "Ioana", offer.flat.reference)),
        ("Move in", lambda: MoveInWizard(user, flat, [(person.id, person.display_name)])),
        ("Sign-up", lambda: MoveInWizard(user, licence.flat, licence=licence)),
        ("Withdraw offer", lambda: WithdrawOfferDialog(user, offer, "Ioana", offer.flat.reference)),
        ("Notice", lambda: NoticeDialog(user, licence, "Ioana")),
        ("Goal", lambda: GoalDialog(user, plan, plan.goals[0] if plan.goals else None)),
        ("Move out", lambda: MoveOutDialog(user, licence, "Ioana")),
        *tenancy_life_windows(user, person, licence),
        *setup_guide_windows(user),
        ("Account", lambda: AccountDialog(user)),
        ("Password", lambda: PasswordDialog(user)),
        (
            "PDF preview",
            lambda: PdfPreviewDialog(
                paperwork.availability_report(user), "Availability report", "a.pdf"
            ),
        ),
    ]


def setup_guide_windows(user):
    """Each page of the set-up guide, opened at that page (the demo has done every step)."""
    from housing_desk.ui import setup_guide

    def at(page_id):
        guide = setup_guide.SetupGuide(user)
        guide.setStartId(page_id)
        return guide

    pages = (
        ("organisation", setup_guide.ORGANISATION),
        ("partner", setup_guide.PARTNER),
        ("flat", setup_guide.FLAT),
        ("certificates", setup_guide.CERTIFICATES),
        ("summary", setup_guide.SUMMARY),
    )
    return [(f"Set-up guide, {name}", lambda i=page_id: at(i)) for name, page_id in pages]


def tenancy_life_windows(user, person, licence):
    from housing_desk.services import incidents, support_plans
    from housing_desk.ui.incidents_panel import IncidentDialog, IncidentReviewDialog
    from housing_desk.ui.keywork_panel import KeyworkDialog
    from housing_desk.ui.support_plan_care_dialogs import CrisisPlanDialog, PlanReviewDialog
    from housing_desk.ui.warnings_panel import WarningDialog

    plan = support_plans.current_plan(user, licence)
    seen = incidents.incidents(user, person=person)
    return [
        ("Keywork session", lambda: KeyworkDialog(user, licence, "Ioana")),
        ("Incident", lambda: IncidentDialog(user, person, "Ioana")),
        *([("Incident review", lambda: IncidentReviewDialog(user, seen[0]))] if seen else []),
        ("Warning", lambda: WarningDialog(user, licence, "Ioana")),
        ("Crisis plan", lambda: CrisisPlanDialog(user, plan)),
        ("Plan review", lambda: PlanReviewDialog(user, plan)),
    ]


def main(shots: str = "") -> None:
    from housing_desk.data.database import open_database
    from housing_desk.services import demo
    from housing_desk.ui.main_window import ALL_PAGES, MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    folder = Path(tempfile.mkdtemp(prefix="housing-desk-walk-"))
    database = open_database(f"sqlite:///{folder / 'walk.db'}")
    user = demo.build().user
    found: list[str] = []
    opened = []
    main_window = MainWindow(user)
    main_window.show()
    app.processEvents()
    for key, label, *_rest in ALL_PAGES:
        main_window.show_page(key)
        app.processEvents()
        found += problems_of(main_window, f"Main window, {label}")
        opened.append(f"page {label}")
        if shots:
            main_window.grab().save(f"{shots}-page-{key}.png")
    main_window.close()
    for name, build in windows(user):
        window = build()
        window.show()
        app.processEvents()
        found += problems_of(window, name)
        opened.append(name)
        if shots:
            window.grab().save(f"{shots}-{name.lower().replace(' ', '-')}.png")
        window.done(0) if isinstance(window, QDialog) else window.close()
        window.deleteLater()
        app.processEvents()
    screen = app.primaryScreen().availableGeometry()
    print(
        json.dumps(
            {"screen": [screen.width(), screen.height()], "opened": opened, "problems": found}
        )
    )
    database.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "")
