"""Who is told about what: read from the memberships, by the rules of luoshi.orgs.access
(a unit's approvers are the approvers of the unit and of every unit above it)."""

from __future__ import annotations

from django.db.models import F, Q

from luoshi.orgs.choices import Role
from luoshi.orgs.models import Membership, Unit, User


def ancestor_paths(unit: Unit) -> list[str]:
    """ "/t/t-zjj/t-zjj-aq/" → ["/t/", "/t/t-zjj/", "/t/t-zjj/t-zjj-aq/"]."""
    codes = [c for c in unit.path.split("/") if c]
    return ["/" + "/".join(codes[: i + 1]) + "/" for i in range(len(codes))]


def approvers_of(unit: Unit):
    """Everyone who may approve the unit's reports as its approver (not the supervisors)."""
    return User.objects.filter(
        is_active=True,
        memberships__role=Role.APPROVER,
        memberships__unit__is_active=True,
        memberships__unit__path__in=ancestor_paths(unit),
    ).distinct()


def approvers_and_office(units) -> tuple[list[User], dict[int, list[User]]]:
    """The supervision office (the active supervisors of an active unit) and each unit's
    approvers (as approvers_of, by unit pk), in one query whatever the number of units."""
    units = list({unit.pk: unit for unit in units}.values())
    paths = {unit.pk: set(ancestor_paths(unit)) for unit in units}
    every_path = set().union(*paths.values())
    memberships = (
        Membership.objects.filter(user__is_active=True, unit__is_active=True)
        .filter(Q(role=Role.SUPERVISOR) | Q(role=Role.APPROVER, unit__path__in=every_path))
        .annotate(path=F("unit__path"))
        .select_related("user")
        .order_by("user_id")
    )
    office: dict[int, User] = {}
    approvers: dict[int, dict[int, User]] = {unit.pk: {} for unit in units}
    for m in memberships:
        if m.role == Role.SUPERVISOR:
            office.setdefault(m.user_id, m.user)
            continue
        for unit_pk, above in paths.items():
            if m.path in above:
                approvers[unit_pk].setdefault(m.user_id, m.user)
    return list(office.values()), {pk: list(found.values()) for pk, found in approvers.items()}
