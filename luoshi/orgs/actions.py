"""Named, atomic changes to units. Views, the admin and the CLI call these.

History rows are written by django-simple-history; the author is taken from
the request (HistoryRequestMiddleware) or, outside a request, passed here.
"""

import secrets

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .access import access_for
from .choices import Role, UnitKind
from .history import delete_with_history, save_with_history
from .models import Membership, Unit, User

#: The kind a new unit usually has under a parent of each kind.
CHILD_KIND: dict[str, str] = {
    UnitKind.CITY: UnitKind.DEPARTMENT,
    UnitKind.DEPARTMENT: UnitKind.TOWN,
    UnitKind.DISTRICT: UnitKind.TOWN,
    UnitKind.TOWN: UnitKind.COMMUNITY,
    UnitKind.COMMUNITY: UnitKind.COMMUNITY,
}


def _require_manager(user: User) -> None:
    if not access_for(user).can_manage_units():
        raise PermissionDenied


def _free_code(parent: Unit | None) -> str:
    """A code nobody holds yet: the parent's code and the first free number."""
    stem = parent.code if parent else "unit"
    taken = set(Unit.objects.filter(code__startswith=f"{stem}-").values_list("code", flat=True))
    n = 1
    while f"{stem}-{n}" in taken:
        n += 1
    return f"{stem}-{n}"


@transaction.atomic
def create_unit(
    user: User,
    *,
    parent: Unit | None,
    name: str,
    short_name: str = "",
    kind: str = "",
    code: str = "",
    reason: str = "",
) -> Unit:
    """A new unit under `parent` (its kind and code follow from the parent if not given)."""
    _require_manager(user)
    if parent is not None and not parent.is_active:
        raise ValidationError({"parent": _("The parent unit is inactive.")})
    name = (name or "").strip()
    unit = Unit(
        parent=parent,
        name=name,
        short_name=(short_name or "").strip() or name[:40],
        kind=kind or (CHILD_KIND[parent.kind] if parent else UnitKind.CITY),
        code=(code or "").strip() or _free_code(parent),
    )
    unit.path = f"{parent.path if parent else '/'}{unit.code}/"
    save_with_history(unit, user, reason or "created")
    return unit


@transaction.atomic
def update_unit(unit: Unit, user: User, *, name: str, short_name: str, reason: str = "") -> Unit:
    _require_manager(user)
    unit.name = name
    unit.short_name = short_name
    save_with_history(unit, user, reason or "edited")
    return unit


@transaction.atomic
def move_unit(unit: Unit, user: User, parent: Unit, reason: str = "") -> Unit:
    """Put `unit` (with its whole subtree) under `parent`; every path below follows.

    Refused under itself or one of its own descendants (the tree would become a
    loop) and under an inactive unit. The descendants' new paths are saved one
    unit at a time, each with a history row naming the person.
    """
    _require_manager(user)
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    if parent is None:
        raise ValidationError({"parent": _("Choose the unit to move it under.")})
    parent = Unit.objects.select_for_update().get(pk=parent.pk)
    if parent.path.startswith(unit.path):
        raise ValidationError(
            {"parent": _("A unit cannot move under itself or its own sub-units.")}
        )
    if not parent.is_active:
        raise ValidationError({"parent": _("The parent unit is inactive.")})
    if unit.parent_id == parent.pk:
        return unit
    old_path, new_path = unit.path, f"{parent.path}{unit.code}/"
    below = list(
        Unit.objects.filter(path__startswith=old_path).exclude(pk=unit.pk).order_by("path")
    )
    longest = max([len(u.path) for u in below] + [len(old_path)]) - len(old_path) + len(new_path)
    if longest > (Unit._meta.get_field("path").max_length or 0):
        raise ValidationError({"parent": _("The tree would become too deep.")})
    unit.parent, unit.path = parent, new_path
    save_with_history(unit, user, reason or "moved")
    # Parents before children (ordered by path): each save computes its path from its
    # parent's, already moved, and leaves a history row naming the person.
    for child in below:
        child.path = new_path + child.path[len(old_path) :]
        save_with_history(child, user, reason or "moved")
    return unit


@transaction.atomic
def set_unit_active(unit: Unit, user: User, active: bool, reason: str = "") -> Unit:
    """Units are never deleted: they are deactivated and keep their history."""
    if not access_for(user).can_manage_units():
        raise PermissionDenied
    unit.is_active = active
    save_with_history(
        unit,
        user,
        reason or ("reactivated" if active else "deactivated"),
        update_fields=["is_active"],
    )
    return unit


# -- people and memberships -----------------------------------------------------------------


def _require_may_change(person: User, user: User) -> None:
    """Supervisors manage people; only an administrator touches an administrator's account
    (a supervisor must not take one over by resetting its password)."""
    _require_manager(user)
    privileged = (
        person.is_superuser
        or person.is_staff
        or person.memberships.filter(role=Role.ADMIN).exists()
    )
    if privileged and not access_for(user).is_admin:
        raise PermissionDenied


def new_password() -> str:
    """A temporary password, shown once to the person who set it."""
    return secrets.token_urlsafe(9)


@transaction.atomic
def create_person(
    user: User, *, username: str, full_name: str, phone: str = "", reason: str = ""
) -> tuple[User, str]:
    """A new account and its temporary password (returned once, stored hashed)."""
    _require_manager(user)
    person = User(username=(username or "").strip(), full_name=full_name.strip(), phone=phone)
    password = new_password()
    person.set_password(password)
    save_with_history(person, user, reason or "created", exclude=["password"])
    return person, password


@transaction.atomic
def set_person_active(person: User, user: User, active: bool, reason: str = "") -> User:
    """People are never deleted: a person who left is deactivated and can no longer sign in."""
    _require_may_change(person, user)
    if person.pk == user.pk and not active:
        raise ValidationError(_("You cannot deactivate your own account."))
    person.is_active = active
    save_with_history(
        person,
        user,
        reason or ("reactivated" if active else "deactivated"),
        exclude=["password"],
        update_fields=["is_active"],
    )
    return person


@transaction.atomic
def reset_password(person: User, user: User, reason: str = "") -> str:
    """A new temporary password for `person`; the old one stops working at once."""
    _require_may_change(person, user)
    password = new_password()
    validate_password(password, person)
    person.set_password(password)
    # The password is not kept in the history, but the row saying who reset it is.
    save_with_history(
        person, user, reason or "password reset", exclude=["password"], update_fields=["password"]
    )
    return password


@transaction.atomic
def add_membership(
    person: User, user: User, *, unit: Unit, role: str, reason: str = ""
) -> Membership:
    """Give `person` a role in `unit`. Only an administrator makes administrators."""
    _require_may_change(person, user)
    if role == Role.ADMIN and not access_for(user).is_admin:
        raise PermissionDenied
    if not unit.is_active:
        raise ValidationError({"unit": _("The unit is inactive.")})
    membership = Membership(user=person, unit=unit, role=role)
    save_with_history(membership, user, reason or "created")
    return membership


@transaction.atomic
def end_membership(membership: Membership, user: User, reason: str = "") -> None:
    """Take a role away. The row goes; its history keeps who held it, who ended it and why."""
    _require_may_change(membership.user, user)
    if membership.role == Role.ADMIN and not access_for(user).is_admin:
        raise PermissionDenied
    delete_with_history(membership, user, reason or "ended")
