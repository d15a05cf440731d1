"""Accounts: creating them and signing in. Passwords are kept only as argon2 hashes."""

from __future__ import annotations

from housing_desk.data.database import write_transaction
from housing_desk.data.fields import utc_now
from housing_desk.data.models import User
from housing_desk.services import audit, validation
from housing_desk.services.errors import PermissionDenied, ValidationError

ROLES = ("admin", "manager", "officer", "viewer")
ROLE_LABELS = {"admin": "Administrator", "manager": "Manager", "officer": "Housing officer", "viewer": "Viewer"}
MIN_PASSWORD_LENGTH = 10

_hasher = None


def _password_hasher():
    # OWASP's argon2id settings (19 MiB, 2 passes): strong, and quick enough for sign-in.
    global _hasher
    if _hasher is None:
        from argon2 import PasswordHasher

        _hasher = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)
    return _hasher


def any_users() -> bool:
    return User.select().exists()


def check_password(password) -> str:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(f"The password must be at least {MIN_PASSWORD_LENGTH} characters.", "password")
    return password


def create_user(actor: User | None, *, username, full_name, role, password) -> User:
    """Create an account. ``actor`` is None only for the very first administrator."""
    username = validation.text(username, "username", label="Username", required=True, max_length=60).lower()
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
        elif actor.role != "admin":
            raise PermissionDenied("Only an administrator can create accounts.")
        if User.select().where(User.username == username).exists():
            raise ValidationError(f"The username '{username}' is already taken.", "username")
        user = User.create(username=username, full_name=full_name, role=role, password_hash=password_hash)
        audit.record(actor, "create", "user", user.id, {"username": username, "role": role})
    return user


def authenticate(username, password) -> User:
    """The active user with this username and password; PermissionDenied otherwise."""
    from argon2.exceptions import InvalidHashError, VerificationError

    refused = PermissionDenied("That username and password do not match an account.")
    if not isinstance(username, str) or not isinstance(password, str):
        raise refused
    user = User.get_or_none(User.username == username.strip().lower())
    if user is None or not user.active:
        raise refused
    hasher = _password_hasher()
    try:
        hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        with write_transaction():
            audit.record(user, "login", "user", user.id, {"result": "failed"})
        raise refused from None
    with write_transaction():
        changes = {"last_login_at": utc_now()}
        if hasher.check_needs_rehash(user.password_hash):
            changes["password_hash"] = hasher.hash(password)
        User.update(changes).where(User.id == user.id).execute()
        audit.record(user, "login", "user", user.id, {"result": "signed in"})
    user.last_login_at = changes["last_login_at"]
    return user


def list_users() -> list[User]:
    return list(User.select().order_by(User.full_name))
