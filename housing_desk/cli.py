"""The command line: the window by default, and a few commands for the people who look after it."""

from __future__ import annotations

import argparse
import getpass
import sys

from housing_desk import __version__, cli_spreadsheets
from housing_desk.config import Config, default_database_url

ROLES = ("admin", "manager", "officer", "viewer")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="housing-desk",
        description="Housing Desk: partner flats, referrals, licences and paperwork.",
    )
    parser.add_argument("--version", action="version", version=f"housing-desk {__version__}")
    database_help = (
        "database URL (default: $HOUSING_DESK_DATABASE_URL, else the embedded SQLite file)"
    )
    parser.add_argument("--database", metavar="URL", help=database_help)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a throwaway database full of fictional records, signed in",
    )
    parser.add_argument(
        "--quit-after-startup",
        action="store_true",
        help="start as far as the first window, then exit (checks an installation)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    create = commands.add_parser("create-user", help="create an account (asks for the password)")
    create.add_argument("--database", metavar="URL", default=argparse.SUPPRESS, help=database_help)
    create.add_argument("--username", required=True)
    create.add_argument("--full-name", required=True)
    create.add_argument("--role", required=True, choices=ROLES)
    create.add_argument(
        "--admin",
        metavar="USERNAME",
        help="an administrator's username, when the database already has accounts",
    )
    demo = commands.add_parser(
        "demo", help="fill an empty database with fictional records to try Housing Desk"
    )
    demo.add_argument("--database", metavar="URL", default=argparse.SUPPRESS, help=database_help)
    demo.add_argument(
        "--size",
        choices=("small", "large"),
        default="small",
        help="small: 10 flats and 30 women; large: 200 flats and twenty years of lettings",
    )
    backup = commands.add_parser(
        "backup", help="copy the database to a backup file, consistently, while in use"
    )
    backup.add_argument("--database", metavar="URL", default=argparse.SUPPRESS, help=database_help)
    protection = backup.add_mutually_exclusive_group()
    protection.add_argument(
        "--encrypt", action="store_true", help="protect the backup with a passphrase (asked for)"
    )
    protection.add_argument(
        "--plain",
        action="store_true",
        help="of an encrypted database: a plain backup, readable by anyone who has the file",
    )
    backup.add_argument("file", metavar="FILE")
    restore = commands.add_parser(
        "restore", help="restore a backup file (checked first) into a database"
    )
    restore.add_argument("--database", metavar="URL", default=argparse.SUPPRESS, help=database_help)
    restore.add_argument(
        "--force",
        action="store_true",
        help="replace everything in a database that already holds records",
    )
    restore.add_argument("file", metavar="FILE")
    cli_spreadsheets.add_commands(commands, database_help)
    copy = commands.add_parser(
        "copy", help="copy every record into another, empty database, and check it"
    )
    copy.add_argument("--from", dest="source", metavar="URL", required=True)
    copy.add_argument("--to", dest="target", metavar="URL", required=True)
    return parser


def _progress(done: int, total: int) -> None:
    print(f"\r{done * 100 // max(total, 1):3d}%", end="", file=sys.stderr, flush=True)


def transfer_command(args) -> int:
    """backup, restore and copy: the same checks and messages for each."""
    from housing_desk.data.database import open_database
    from housing_desk.services import transfer
    from housing_desk.services.errors import DomainError

    databases = []
    try:
        if args.command == "copy":
            source = open_database(
                args.source, _passphrase_for(args.source, "the source"), bind=False
            )
            target = open_database(
                args.target, _passphrase_for(args.target, "the target"), bind=False
            )
            databases = [source, target]
            found = transfer.copy(source, target, progress=_progress)
            what = "Copied"
        else:
            url = args.database or default_database_url()
            db = open_database(url, _passphrase_for(url, "the database"), bind=False)
            databases = [db]
            if args.command == "backup":
                passphrase = _backup_passphrase(args, transfer.passphrase_of(db))
                if passphrase is False:
                    return 2
                found = transfer.backup(
                    db, args.file, passphrase=passphrase, plain=args.plain, progress=_progress
                )
                what = f"Backed up to {args.file}:"
            else:
                from pathlib import Path

                encrypted = Path(args.file).is_file() and transfer.is_encrypted(args.file)
                passphrase = ask_password("Passphrase of the backup: ") if encrypted else None
                found = transfer.restore(
                    db, args.file, force=args.force, passphrase=passphrase, progress=_progress
                )
                what = f"Restored from {args.file}:"
        rows = sum(check.rows for check in found)
        print(f"\n{what} {rows} records in {len(found)} tables, each checked.")
        return 0
    except DomainError as error:
        print(f"\n{error.message}", file=sys.stderr)
        return 2
    finally:
        for database in databases:
            database.close()


def _backup_passphrase(args, own: str | None):
    """The backup's passphrase: asked for with --encrypt; an encrypted database's own by default;
    None for a plain backup, with a warning when the database itself is encrypted. False: stop."""
    if args.encrypt:
        passphrase = ask_password("Passphrase for the backup: ")
        if ask_password("Type it again: ") != passphrase or len(passphrase) < 10:
            print(
                "The passphrases differ, or are shorter than 10 characters: no backup made.",
                file=sys.stderr,
            )
            return False
        return passphrase
    if own and not args.plain:
        print("The backup is encrypted with the database's own passphrase.", file=sys.stderr)
        return own
    if own:
        print(
            "WARNING: this backup of an encrypted database is NOT encrypted: anyone who has the "
            "file can read every record in it. Keep it where only you can reach it.",
            file=sys.stderr,
        )
    else:
        print(
            "The backup is not encrypted (nor is this database): --encrypt protects it with a "
            "passphrase.",
            file=sys.stderr,
        )
    return None


def _passphrase_for(url: str, what: str) -> str | None:
    return ask_password(f"Passphrase of {what}: ") if url.startswith("sqlcipher:") else None


def ask_password(prompt: str) -> str:
    return getpass.getpass(prompt)


def create_user(args) -> int:
    from housing_desk.data.database import open_database
    from housing_desk.services import users
    from housing_desk.services.errors import DomainError

    db = open_database(args.database or default_database_url())
    try:
        actor = None
        if users.any_users():
            if not args.admin:
                print(
                    "This database already has accounts: add --admin YOUR_USERNAME to create another.",
                    file=sys.stderr,
                )
                return 2
            actor = users.authenticate(args.admin, ask_password(f"Password for {args.admin}: "))
        password = ask_password(f"New password for {args.username}: ")
        if ask_password("Type it again: ") != password:
            print("The two passwords are not the same; nothing was created.", file=sys.stderr)
            return 2
        user = users.create_user(
            actor,
            username=args.username,
            full_name=args.full_name,
            role=args.role,
            password=password,
        )
        print(f"Created the account '{user.username}' ({users.ROLE_LABELS[user.role]}).")
        return 0
    except DomainError as error:
        print(error.message, file=sys.stderr)
        return 2
    finally:
        db.close()


def build_demo(args) -> int:
    from housing_desk.data.database import open_database
    from housing_desk.services import demo, demo_large, users
    from housing_desk.services.errors import DomainError

    db = open_database(args.database or default_database_url())
    try:
        if users.any_users():
            print(
                "That database already has records: demo data goes only into an empty database.",
                file=sys.stderr,
            )
            return 2
        password = ask_password("Password for the demo administrator 'demo': ")
        admin = users.create_user(
            None,
            username=demo.DEMO_USERNAME,
            full_name="Demo Administrator",
            role="admin",
            password=password,
        )

        if args.size == "large":
            counts = demo_large.build(admin, progress=_progress)
            print(
                f"\nLoaded {counts.get('flat', 0)} flats, {counts.get('person', 0)} women and "
                f"{counts.get('licence', 0)} licences. Sign in as 'demo'."
            )
        else:
            made = demo.build(admin=admin, progress=_progress)
            print(
                f"\nLoaded {made.flats} flats, {made.people} women and {made.licences} licences. "
                "Sign in as 'demo'."
            )
        return 0
    except DomainError as error:
        print(error.message, file=sys.stderr)
        return 2
    finally:
        db.close()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "create-user":
        return create_user(args)
    if args.command == "demo":
        return build_demo(args)
    if args.command in ("import", "export"):
        return cli_spreadsheets.run(args)
    if args.command in ("backup", "restore", "copy"):
        return transfer_command(args)
    from housing_desk.app import run

    url = args.database or (None if args.demo else default_database_url())
    return run(
        Config(database_url=url or "", demo=args.demo, quit_after_startup=args.quit_after_startup)
    )
