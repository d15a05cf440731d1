"""The main window's pages: each page's sidebar label, shortcut and who may open it, and how
each is built (and wired to the window) when first opened."""

from __future__ import annotations


def _flats_page(window):
    from housing_desk.ui.flats_page import FlatsPage

    return FlatsPage(window.user)


def _people_page(window):
    from housing_desk.ui.people_page import PeoplePage

    page = PeoplePage(window.user)
    page.licence_requested.connect(window.show_licence)
    return page


def _referrals_page(window):
    from housing_desk.ui.referrals_page import ReferralsPage

    page = ReferralsPage(window.user)
    page.person_activated.connect(window.show_person)
    return page


def _licences_page(window):
    from housing_desk.ui.licences_page import LicencesPage

    page = LicencesPage(window.user)
    page.person_activated.connect(window.show_person)
    page.board_requested.connect(lambda: window.show_page("board"))
    return page


def _settings_page(window):
    from housing_desk.ui.settings_page import SettingsPage

    return SettingsPage(window.user)


def _audit_page(window):
    from housing_desk.ui.audit_page import AuditPage

    return AuditPage(window.user)


def _reports_page(window):
    from housing_desk.ui.reports_page import ReportsPage

    return ReportsPage(window.user)


def _retention_page(window):
    from housing_desk.ui.retention_page import RetentionPage

    return RetentionPage(window.user)


def _users_page(window):
    from housing_desk.ui.users_page import UsersPage

    return UsersPage(window.user)


def _partners_page(window):
    from housing_desk.ui.partners_page import PartnersPage

    return PartnersPage(window.user)


# (key, sidebar label, shortcut, factory, who may open it); the board is built at once, the rest
# when first opened.
ALL_PAGES = (
    ("board", "Board", "Ctrl+1", None, "view"),
    ("people", "People", "Ctrl+2", _people_page, "view"),
    ("referrals", "Referrals", "Ctrl+3", _referrals_page, "view"),
    ("licences", "Licences", "Ctrl+4", _licences_page, "view"),
    ("flats", "Flats", "Ctrl+5", _flats_page, "view"),
    ("partners", "Partners", "Ctrl+6", _partners_page, "view"),
    ("reports", "Reports", "Ctrl+0", _reports_page, "reports"),
    ("audit", "Audit log", "Ctrl+7", _audit_page, "view_audit"),
    ("retention", "Retention", "Ctrl+Shift+R", _retention_page, "retention"),
    ("users", "Accounts", "Ctrl+8", _users_page, "manage_users"),
    ("settings", "Settings", "Ctrl+9", _settings_page, "view"),
)
