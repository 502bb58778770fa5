"""Who is told about what: read from the memberships, by the rules of luoshi.orgs.access
(a unit's approvers are the approvers of the unit and of every unit above it)."""

from __future__ import annotations

from luoshi.orgs.choices import Role
from luoshi.orgs.models import Unit, User


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
