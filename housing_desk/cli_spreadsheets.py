"""`housing-desk import` and `housing-desk export`: the team's lists from and to spreadsheets."""

from __future__ import annotations

import argparse
import sys

from housing_desk.config import default_database_url

KINDS = ("flats", "people", "licences")


def add_commands(commands, database_help: str) -> None:
    load = commands.add_parser(
        "import", help="import flats, people or current licences from a .csv or .xlsx file"
    )
    load.add_argument("kind", choices=KINDS)
    load.add_argument("file", metavar="FILE")
    load.add_argument("--database", metavar="URL", default=argparse.SUPPRESS, help=database_help)
    load.add_argument(
        "--admin", metavar="USERNAME", required=True, help="a manager or administrator"
    )
    load.add_argument(
        "--dry-run", action="store_true", help="check every row and report; write nothing"
    )
    load.add_argument(
        "--map",
        metavar="HEADING=FIELD",
        action="append",
        default=[],
        help="match a heading the import does not know to a field (repeatable)",
    )
    out = commands.add_parser("export", help="export flats, people or current licences")
    out.add_argument("kind", choices=KINDS)
    out.add_argument("file", metavar="FILE")
    out.add_argument("--database", metavar="URL", default=argparse.SUPPRESS, help=database_help)
    out.add_argument(
        "--admin", metavar="USERNAME", required=True, help="a manager or administrator"
    )
    out.add_argument(
        "--include-confidential-names",
        action="store_true",
        help="name the women whose details are not to be disclosed (audited)",
    )


def _signed_in(args):
    from housing_desk.cli import ask_password
    from housing_desk.services import users

    return users.authenticate(args.admin, ask_password(f"Password for {args.admin}: "))


def run(args) -> int:
    from housing_desk.data.database import open_database
    from housing_desk.services.errors import DomainError

    db = open_database(getattr(args, "database", None) or default_database_url())
    try:
        actor = _signed_in(args)
        if args.command == "export":
            from housing_desk.services import exporting

            rows = exporting.export_list(
                actor, args.kind, args.file, include_confidential=args.include_confidential_names
            )
            print(f"Wrote {rows} rows to {args.file}.")
            return 0
        return _import(actor, args)
    except DomainError as error:
        print(error.message, file=sys.stderr)
        return 2
    finally:
        db.close()


def _import(actor, args) -> int:
    from housing_desk.cli import _progress
    from housing_desk.services import importing

    mapping = {}
    for pair in args.map:
        heading, _sep, key = pair.partition("=")
        mapping[heading] = key.strip()
    report = importing.import_file(
        actor, args.kind, args.file, dry_run=args.dry_run, mapping=mapping, progress=_progress
    )
    print()
    for heading in report.unmatched:
        print(f"Column '{heading}' was not matched to anything and is left out.")
    for problem in report.duplicates:
        print(f"Row {problem.row}: {problem.message}")
    for problem in report.problems:
        where = f", column '{problem.column}'" if problem.column else ""
        print(f"Row {problem.row}{where}: {problem.message}", file=sys.stderr)
    if report.problems:
        what = "would be refused" if args.dry_run else "nothing was imported"
        print(
            f"{len(report.problems)} problem{'s' if len(report.problems) != 1 else ''} in {report.rows} rows: {what}.",
            file=sys.stderr,
        )
        return 1
    verb = "would import" if args.dry_run else "imported"
    print(f"{report.rows} rows checked: {verb} {report.imported}.")
    return 0 if report.imported or args.dry_run else 1
