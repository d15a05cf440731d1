"""Accounts: creating them and signing in. Passwords are kept only as argon2 hashes."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from housing_desk.data.database import engine, write_transaction
from housing_desk.data.fields import utc_now
from housing_desk.data.models import User
from housing_desk.data.rows import first
from housing_desk.services import audit, permissions, validation
from housing_desk.services.errors import NotFound, PermissionDenied, ValidationError

if TYPE_CHECKING:
    from datetime import datetime

    from argon2 import PasswordHasher

ROLES = ("admin", "manager", "officer", "viewer")
ROLE_LABELS = {
    "admin": "Administrator",
    "manager": "Manager",
    "officer": "Housing officer",
    "viewer": "Viewer",
}
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1000
MAX_FAILED_ATTEMPTS = 5
LOCK_MINUTES = 15

# OWASP's argon2id settings (19 MiB, 2 passes): strong, and quick enough for sign-in.
PASSWORD_HASHING = {"time_cost": 2, "memory_cost": 19_456, "parallelism": 1}
_hasher = None


def use_password_hashing(**parameters: int) -> None:
    """Hash passwords with these argon2 parameters from now on (``time_cost``, ``memory_cost``,
    ``parallelism``). Only the test suite calls this, to make its thousands of accounts cheaply;
    a hash made with other parameters is upgraded at its next sign-in as usual."""
    global _hasher
    PASSWORD_HASHING.update(parameters)
    _hasher = None


def _password_hasher() -> PasswordHasher:
    global _hasher
    if _hasher is None:
        from argon2 import PasswordHasher

        _hasher = PasswordHasher(
            time_cost=PASSWORD_HASHING["time_cost"],
            memory_cost=PASSWORD_HASHING["memory_cost"],
            parallelism=PASSWORD_HASHING["parallelism"],
        )
    return _hasher


def any_users() -> bool:
    return User.select().exists()


def check_password(password: object) -> str:
    field = "password"  # whichever argument it came in, the form shows it by the password box
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            f"The password must be at least {MIN_PASSWORD_LENGTH} characters.", field
        )
    if len(password) > MAX_PASSWORD_LENGTH or not validation.storable(password):
        raise ValidationError(
            f"The password can be at most {MAX_PASSWORD_LENGTH} characters, and only ones a "
            "keyboard can type.",
            field,
        )
    return password


def create_user(
    actor: User | None, *, username: str, full_name: str, role: str, password: str
) -> User:
    """Create an account. ``actor`` is None only for the very first administrator."""
    username = validation.text(
        username, "username", label="Username", required=True, column=User.username
    ).lower()
    # Lower case can be longer than what was typed ('İ' becomes 'i̇').
    validation.within(username, "username", label="Username", max_length=User.username.max_length)
    if any(ch.isspace() for ch in username):
        raise ValidationError("A username cannot contain spaces.", "username")
    full_name = validation.text(
        full_name, "full_name", label="Full name", required=True, column=User.full_name
    )
    role = validation.choice(role, "role", label="Role", choices=ROLES)
    check_password(password)
    password_hash = _password_hasher().hash(password)
    with write_transaction():
        if actor is None:
            if any_users():
                raise PermissionDenied("Only an administrator can create accounts.")
            if role != "admin":
                raise ValidationError("The first account must be an administrator.", "role")
        else:
            permissions.require(actor, "manage_users")
        if User.select().where(User.username == username).exists():
            raise ValidationError(f"The username '{username}' is already taken.", "username")
        user = User.create(
            username=username, full_name=full_name, role=role, password_hash=password_hash
        )
        audit.record(
            actor,
            "create",
            "user",
            user.id,
            {"username": username, "role": role},
            keep=("username",),
        )
    return user


WRONG_PASSWORD = "That username and password do not match an account."


def authenticate(username: str, password: str) -> User:
    """The active user with this username and password; PermissionDenied otherwise.

    Five wrong passwords in a row lock the account for 15 minutes, however many attempts
    arrive at once: each attempt takes its turn on the account's row before its password is
    checked, and once five are taken the next ones are refused unchecked. A name that has no
    active account costs the same work (a check against a stand-in hash) and is audited
    without the name typed.
    """
    refused = PermissionDenied(WRONG_PASSWORD)
    if not isinstance(username, str) or not isinstance(password, str):
        raise refused
    if not validation.storable(username) or not validation.storable(password):
        raise refused
    hasher = _password_hasher()
    user = User.get_or_none(User.username == username.strip().lower())
    if user is None or not user.active:
        _matches(hasher, _stand_in_hash(), password)
        with write_transaction():
            if user is None:
                audit.record(None, "login", "user", None, {"result": "unknown name"})
            else:
                audit.record(user, "login", "user", user.id, {"result": "deactivated"})
        raise refused
    now = utc_now()
    _take_a_turn(user, now)
    if not _matches(hasher, user.password_hash, password):
        with write_transaction():
            current = _locked_account(user.id)
            locked = None
            if current.failed_attempts >= MAX_FAILED_ATTEMPTS and not _is_locked(current, now):
                locked = now + timedelta(minutes=LOCK_MINUTES)
                User.update(failed_attempts=0, locked_until=locked).where(
                    User.id == user.id
                ).execute()
            audit.record(
                user, "login", "user", user.id, {"result": "locked" if locked else "failed"}
            )
        raise refused
    with write_transaction():
        changes = {"last_login_at": now, "failed_attempts": 0, "locked_until": None}
        if hasher.check_needs_rehash(user.password_hash):
            changes["password_hash"] = hasher.hash(password)
        User.update(changes).where(User.id == user.id).execute()
        audit.record(user, "login", "user", user.id, {"result": "signed in"})
    user.last_login_at = changes["last_login_at"]
    return user


def unlock(user: User, password: str) -> User:
    """Carry on after the idle lock: her own password again (as ``authenticate``, attempts counted
    alike). She was asked only for her password, so a wrong one is named as that, on its field."""
    try:
        return authenticate(user.username, password)
    except PermissionDenied as refused:
        if refused.message == WRONG_PASSWORD:
            raise ValidationError(
                "That is not your password. Type it again, or quit and sign in later.", "password"
            ) from None
        raise


def _take_a_turn(user: User, now: datetime) -> None:
    """Count this attempt as failed until its password proves right; refuse it, unchecked,
    while the account is locked or five attempts are already counted."""
    with write_transaction():
        current = _locked_account(user.id)
        until = current.locked_until if _is_locked(current, now) else None
        if until is None and current.failed_attempts >= MAX_FAILED_ATTEMPTS:
            # Five attempts are being checked already: lock now rather than check a sixth.
            until = now + timedelta(minutes=LOCK_MINUTES)
            User.update(failed_attempts=0, locked_until=until).where(User.id == user.id).execute()
            audit.record(user, "login", "user", user.id, {"result": "locked"})
        elif until is None:
            User.update(failed_attempts=User.failed_attempts + 1).where(
                User.id == user.id
            ).execute()
    if until is not None:
        minutes = max(1, int((until - now).total_seconds() // 60) + 1)
        raise PermissionDenied(
            f"This account is locked after too many wrong passwords. Try again in "
            f"{minutes} minute{'s' if minutes != 1 else ''}, or ask an administrator."
        )


def _is_locked(account: User, now: datetime) -> bool:
    return account.locked_until is not None and account.locked_until > now


def _matches(hasher: PasswordHasher, password_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


_stand_in = None


def _stand_in_hash() -> str:
    """A hash of a random secret, made with today's parameters: checking a password against it
    takes as long as against a real account's."""
    global _stand_in
    if _stand_in is None or _stand_in[0] is not _password_hasher():
        import secrets

        hasher = _password_hasher()
        _stand_in = (hasher, hasher.hash(secrets.token_urlsafe(24)))
    return _stand_in[1]


def change_password(actor: User, *, current_password: str, new_password: str) -> None:
    """She changes her own password, giving the current one first."""
    from argon2.exceptions import InvalidHashError, VerificationError

    if actor is None:
        raise PermissionDenied("Sign in first.")
    if current_password is None:
        current_password = ""
    if not isinstance(current_password, str) or not validation.storable(current_password):
        raise ValidationError("That is not your current password.", "current_password")
    check_password(new_password)
    stored = User.get_by_id(actor.id)
    try:
        _password_hasher().verify(stored.password_hash, current_password)
    except (VerificationError, InvalidHashError):
        raise ValidationError("That is not your current password.", "current_password") from None
    with write_transaction():
        User.update(
            password_hash=_password_hasher().hash(new_password), version=User.version + 1
        ).where(User.id == actor.id).execute()
        audit.record(actor, "update", "user", actor.id, {"password": "changed"})


def reset_password(actor: User, user: User | int, *, new_password: str) -> None:
    """An administrator sets a new password (and unlocks the account)."""
    permissions.require(actor, "manage_users")
    user_id = validation.record_id(user, User, "user")
    check_password(new_password)
    with write_transaction():
        User.update(
            password_hash=_password_hasher().hash(new_password),
            failed_attempts=0,
            locked_until=None,
            version=User.version + 1,
        ).where(User.id == user_id).execute()
        audit.record(actor, "update", "user", user_id, {"password": "reset"}, keep=("password",))


def set_active(actor: User, user: User | int, *, active: bool) -> User:
    """Deactivate an account (never delete it: the audit trail keeps pointing at it), or restore it."""
    permissions.require(actor, "manage_users")
    user = validation.record(user, User, "user")
    validation.flag(active, "active", label="Active")
    if not active and user.id == actor.id:
        raise ValidationError("You cannot deactivate your own account.", "active")
    with write_transaction():
        current = _lock_with_administrators(actor, user)
        if not active and current.role == "admin":
            _keep_an_administrator(current, "active")
        User.update(active=active, version=User.version + 1).where(User.id == user.id).execute()
        audit.record(actor, "update", "user", user.id, {"active": active})
    return User.get_by_id(user.id)


def set_role(actor: User, user: User | int, *, role: str) -> User:
    permissions.require(actor, "manage_users")
    user = validation.record(user, User, "user")
    role = validation.choice(role, "role", label="Role", choices=ROLES)
    with write_transaction():
        current = _lock_with_administrators(actor, user)
        if current.role == "admin" and role != "admin":
            _keep_an_administrator(current, "role")
        User.update(role=role, version=User.version + 1).where(User.id == user.id).execute()
        audit.record(actor, "update", "user", user.id, {"role": [current.role, role]})
    return User.get_by_id(user.id)


# peewee writes the lock clause it is given; its type stubs know only True.
NO_KEY_UPDATE: Any = "FOR NO KEY UPDATE"


def _lock_with_administrators(actor: User, user: User) -> User:
    """Lock every administrator's account and this one, then check the actor's rights again.

    Two administrators deactivating or demoting each other at once queue here: the second
    sees the first one's change and is refused rather than leaving no administrator. The rows
    are locked in id order (so two such changes cannot deadlock), FOR NO KEY UPDATE (so the
    audit rows that point at an account do not wait for it).
    """
    admins = User.select(User.id).where(User.role == "admin").order_by(User.id)
    if engine() == "postgresql":
        list(admins.for_update(NO_KEY_UPDATE))
    permissions.require(actor, "manage_users")
    return _locked_account(user.id)


def _locked_account(user_id: int) -> User:
    """The account's row, locked until the transaction ends (SQLite: by BEGIN IMMEDIATE)."""
    query = User.select().where(User.id == user_id)
    if engine() == "postgresql":
        query = query.for_update(NO_KEY_UPDATE)
    current = first(query)
    if current is None:
        raise NotFound("That account no longer exists.")
    return current


def _keep_an_administrator(current: User, field: str) -> None:
    if not current.active:
        return
    others = (
        User.select().where((User.role == "admin") & User.active & (User.id != current.id)).count()
    )
    if not others:
        raise ValidationError("At least one administrator must stay active.", field)


def list_users() -> list[User]:
    return list(User.select().order_by(User.full_name))
