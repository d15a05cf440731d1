"""Accounts: creating them and signing in. Passwords are kept only as argon2 hashes."""

from __future__ import annotations

from datetime import timedelta

from housing_desk.data.database import write_transaction
from housing_desk.data.fields import utc_now
from housing_desk.data.models import User
from housing_desk.services import audit, permissions, validation
from housing_desk.services.errors import PermissionDenied, ValidationError

ROLES = ("admin", "manager", "officer", "viewer")
ROLE_LABELS = {
    "admin": "Administrator",
    "manager": "Manager",
    "officer": "Housing officer",
    "viewer": "Viewer",
}
MIN_PASSWORD_LENGTH = 10
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


def _password_hasher():
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


def check_password(password) -> str:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            f"The password must be at least {MIN_PASSWORD_LENGTH} characters.", "password"
        )
    return password


def create_user(actor: User | None, *, username, full_name, role, password) -> User:
    """Create an account. ``actor`` is None only for the very first administrator."""
    username = validation.text(
        username, "username", label="Username", required=True, max_length=60
    ).lower()
    if any(ch.isspace() for ch in username):
        raise ValidationError("A username cannot contain spaces.", "username")
    full_name = validation.text(full_name, "full_name", label="Full name", required=True)
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


def authenticate(username, password) -> User:
    """The active user with this username and password; PermissionDenied otherwise.

    Five wrong passwords in a row lock the account for 15 minutes.
    """
    from argon2.exceptions import InvalidHashError, VerificationError

    refused = PermissionDenied(WRONG_PASSWORD)
    if not isinstance(username, str) or not isinstance(password, str):
        raise refused
    user = User.get_or_none(User.username == username.strip().lower())
    if user is None or not user.active:
        raise refused
    now = utc_now()
    if user.locked_until is not None and user.locked_until > now:
        minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
        raise PermissionDenied(
            f"This account is locked after too many wrong passwords. Try again in "
            f"{minutes} minute{'s' if minutes != 1 else ''}, or ask an administrator."
        )
    hasher = _password_hasher()
    try:
        hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        with write_transaction():
            failed = User.get_by_id(user.id).failed_attempts + 1
            locked = (
                now + timedelta(minutes=LOCK_MINUTES) if failed >= MAX_FAILED_ATTEMPTS else None
            )
            User.update(failed_attempts=0 if locked else failed, locked_until=locked).where(
                User.id == user.id
            ).execute()
            audit.record(
                user, "login", "user", user.id, {"result": "locked" if locked else "failed"}
            )
        raise refused from None
    with write_transaction():
        changes = {"last_login_at": now, "failed_attempts": 0, "locked_until": None}
        if hasher.check_needs_rehash(user.password_hash):
            changes["password_hash"] = hasher.hash(password)
        User.update(changes).where(User.id == user.id).execute()
        audit.record(user, "login", "user", user.id, {"result": "signed in"})
    user.last_login_at = changes["last_login_at"]
    return user


def change_password(actor: User, *, current_password, new_password) -> None:
    """She changes her own password, giving the current one first."""
    from argon2.exceptions import InvalidHashError, VerificationError

    if actor is None:
        raise PermissionDenied("Sign in first.")
    check_password(new_password)
    stored = User.get_by_id(actor.id)
    try:
        _password_hasher().verify(stored.password_hash, current_password or "")
    except (VerificationError, InvalidHashError):
        raise ValidationError("That is not your current password.", "current_password") from None
    with write_transaction():
        User.update(
            password_hash=_password_hasher().hash(new_password), version=User.version + 1
        ).where(User.id == actor.id).execute()
        audit.record(actor, "update", "user", actor.id, {"password": "changed"})


def reset_password(actor: User, user, *, new_password) -> None:
    """An administrator sets a new password (and unlocks the account)."""
    permissions.require(actor, "manage_users")
    check_password(new_password)
    with write_transaction():
        User.update(
            password_hash=_password_hasher().hash(new_password),
            failed_attempts=0,
            locked_until=None,
            version=User.version + 1,
        ).where(User.id == user.id).execute()
        audit.record(actor, "update", "user", user.id, {"password": "reset"}, keep=("password",))


def set_active(actor: User, user, *, active: bool) -> User:
    """Deactivate an account (never delete it: the audit trail keeps pointing at it), or restore it."""
    permissions.require(actor, "manage_users")
    validation.flag(active, "active", label="Active")
    if not active and user.id == actor.id:
        raise ValidationError("You cannot deactivate your own account.", "active")
    with write_transaction():
        if not active and user.role == "admin":
            others = (
                User.select()
                .where((User.role == "admin") & User.active & (User.id != user.id))
                .count()
            )
            if not others:
                raise ValidationError("At least one administrator must stay active.", "active")
        User.update(active=active, version=User.version + 1).where(User.id == user.id).execute()
        audit.record(actor, "update", "user", user.id, {"active": active})
    return User.get_by_id(user.id)


def set_role(actor: User, user, *, role) -> User:
    permissions.require(actor, "manage_users")
    role = validation.choice(role, "role", label="Role", choices=ROLES)
    with write_transaction():
        if user.role == "admin" and role != "admin":
            others = (
                User.select()
                .where((User.role == "admin") & User.active & (User.id != user.id))
                .count()
            )
            if not others:
                raise ValidationError("At least one administrator must stay active.", "role")
        User.update(role=role, version=User.version + 1).where(User.id == user.id).execute()
        audit.record(actor, "update", "user", user.id, {"role": [user.role, role]})
    return User.get_by_id(user.id)


def list_users() -> list[User]:
    return list(User.select().order_by(User.full_name))
