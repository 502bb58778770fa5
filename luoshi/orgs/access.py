"""Who may see and do what. The only place that compares units.

Rules (DESIGN.md section 2):
- admins, supervisors and leaders see the whole city; leaders only read;
- a unit's approver covers the unit and its whole subtree;
- a reporter sees and reports for the units they belong to, nothing more.

Views and the API ask this module; they never compare units themselves. A unit
that is missing and a unit that is forbidden look the same from outside (404).

Lists of things that belong to a unit (targets, reports, ledger rows) are scoped by
`Model.objects.restrict(user, action)` (RestrictedQuerySet below): each model names
its unit field, so this module knows no model above orgs. The getters that return one
such thing or 404 live in the thing's own app (luoshi.plans.access,
luoshi.reporting.access).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Protocol, cast

from django.db import models
from django.db.models import Q, QuerySet
from django.http import Http404

from .choices import CITY_WIDE_ROLES, Role
from .models import Unit


@dataclass(frozen=True)
class Grant:
    role: str
    unit_id: int
    unit_path: str


class Access:
    """What one person may do, computed once from their memberships."""

    def __init__(self, user):
        self.user = user
        if user.is_authenticated and user.is_active:
            rows = user.memberships.filter(unit__is_active=True).values_list(
                "role", "unit_id", "unit__path"
            )
            self.grants = [Grant(*row) for row in rows]
        else:
            self.grants = []
        self.roles = frozenset(g.role for g in self.grants)

    # -- roles -------------------------------------------------------------
    @property
    def is_admin(self) -> bool:
        return Role.ADMIN in self.roles or bool(self.user.is_superuser)

    @property
    def is_supervisor(self) -> bool:
        return Role.SUPERVISOR in self.roles or self.is_admin

    @property
    def sees_whole_city(self) -> bool:
        return bool(self.roles & CITY_WIDE_ROLES) or self.is_admin

    def _paths(self, *roles: str) -> list[str]:
        return [g.unit_path for g in self.grants if g.role in roles]

    def _ids(self, *roles: str) -> set[int]:
        return {g.unit_id for g in self.grants if g.role in roles}

    # -- units -------------------------------------------------------------
    def visible_units(self) -> QuerySet[Unit]:
        """Every unit this person may look at."""
        if self.sees_whole_city:
            return Unit.objects.all()
        condition = Q(pk__in=self._ids(Role.REPORTER))
        for path in self._paths(Role.APPROVER):
            condition |= Q(path__startswith=path)
        if not self.grants:
            return Unit.objects.none()
        return Unit.objects.filter(condition)

    def can_view_unit(self, unit: Unit) -> bool:
        if self.sees_whole_city:
            return True
        if unit.pk in self._ids(Role.REPORTER):
            return True
        return any(unit.path.startswith(p) for p in self._paths(Role.APPROVER))

    def can_report_for(self, unit: Unit) -> bool:
        """Fill and submit reports, keep ledger rows: the unit's own reporters and approvers."""
        if unit.pk in self._ids(Role.REPORTER):
            return True
        return any(unit.path.startswith(p) for p in self._paths(Role.APPROVER))

    def can_approve_for(self, unit: Unit) -> bool:
        """Approve or return reports: approvers of the unit or an ancestor, and supervisors."""
        if self.is_supervisor:
            return True
        return any(unit.path.startswith(p) for p in self._paths(Role.APPROVER))

    def can_keep_ledger(self, unit: Unit) -> bool:
        """Enter and change ledger rows (projects, hazards) of `unit`: its reporters and
        approvers, and the supervision office."""
        return self.can_report_for(unit) or self.is_supervisor

    def can_manage_units(self) -> bool:
        """Create, rename, move and deactivate units: admins and the supervision office."""
        return self.is_supervisor

    def can_manage_plans(self) -> bool:
        """Import, edit and confirm plans, set rules, re-baseline targets: supervisors."""
        return self.is_supervisor

    def can_read_bulletins(self) -> bool:
        """Issued bulletins (督查通报): the supervision office and the leaders they go to."""
        return self.is_supervisor or Role.LEADER in self.roles

    def can_draft_bulletins(self) -> bool:
        """Draft, edit, issue and correct bulletins: the supervision office."""
        return self.is_supervisor

    # -- filters for lists of things that belong to a unit --------------------
    # Each returns a Q over `field` (a ForeignKey to Unit), so a queryset of
    # targets, reports or ledger rows is scoped without a view comparing units.
    _NOTHING = Q(pk__in=[])

    def _subtree_q(self, field: str, ids: set[int], paths: list[str]) -> Q:
        condition = Q(**{f"{field}_id__in": sorted(ids)}) if ids else self._NOTHING
        for path in paths:
            condition |= Q(**{f"{field}__path__startswith": path})
        return condition

    def visible_unit_q(self, field: str = "unit") -> Q:
        """Things of the units this person may look at."""
        if self.sees_whole_city:
            return Q()
        return self._subtree_q(field, self._ids(Role.REPORTER), self._paths(Role.APPROVER))

    def reportable_unit_q(self, field: str = "unit") -> Q:
        """Things this person may fill in: their own units' (and, for approvers, the subtree's)."""
        return self._subtree_q(field, self._ids(Role.REPORTER), self._paths(Role.APPROVER))

    def approvable_unit_q(self, field: str = "unit") -> Q:
        """Things this person may approve: approvers' subtrees; supervisors everywhere."""
        if self.is_supervisor:
            return Q()
        return self._subtree_q(field, set(), self._paths(Role.APPROVER))

    def unit_q(self, action: str, field: str = "unit") -> Q:
        """The Q over `field` for `action`: "view", "report" or "approve"."""
        if action == "view":
            return self.visible_unit_q(field)
        if action == "report":
            return self.reportable_unit_q(field)
        if action == "approve":
            return self.approvable_unit_q(field)
        raise ValueError(f"unknown action {action!r}")

    def units_for(self, role: str) -> list[int]:
        return sorted(self._ids(role))


def access_for(user) -> Access:
    """The Access of a user, computed once per request (cached on the user object)."""
    cached = getattr(user, "_luoshi_access", None)
    if cached is None:
        cached = Access(user)
        user._luoshi_access = cached
    return cached


class UnitScoped(Protocol):
    """A model whose rows belong to a unit: `unit_field` is the path to it ("unit")."""

    unit_field: ClassVar[str]


class RestrictedQuerySet(models.QuerySet):
    """A queryset of things that belong to a unit, scoped by who asks.

    The model names the field that holds its unit in `unit_field` (a ForeignKey to
    Unit, or a path to one such as "target__unit"). `restrict(user, action)` keeps
    the rows `user` may `action`: "view" (the units one may look at; the whole city
    for the city-wide roles), "report" (one's own units, and approvers' subtrees) or
    "approve" (approvers' subtrees; supervisors everywhere). A model with a rule of
    its own (drafts, cooperating parts) overrides `restrict` and says why.
    """

    def restrict(self, user, action: str = "view"):
        field = cast("type[UnitScoped]", self.model).unit_field
        return self.filter(access_for(user).unit_q(action, field))


def access_unit_by_id(user, unit_id: int) -> Unit:
    """The unit if the user may see it; 404 whether it is missing or forbidden."""
    try:
        unit = Unit.objects.select_related("parent").get(pk=unit_id)
    except Unit.DoesNotExist:
        raise Http404("unit") from None
    if not access_for(user).can_view_unit(unit):
        raise Http404("unit")
    return unit


def choosable_units(user) -> QuerySet[Unit]:
    """The active units one may pick in a form, a filter or a name lookup."""
    return access_for(user).visible_units().filter(is_active=True)


def require_unit_manager(user) -> None:
    """Units, people and roles are the supervision office's (and admins'): 404 for anyone
    else, who has no business knowing these pages exist."""
    if not access_for(user).can_manage_units():
        raise Http404("units")


def access_person_by_id(user, person_id: int):
    """A person's account, for those who manage people; 404 whether missing or forbidden."""
    from .models import User

    require_unit_manager(user)
    person = User.objects.filter(pk=person_id).first()
    if person is None:
        raise Http404("person")
    return person


def access_membership_by_id(user, membership_id: int):
    """A membership, for those who manage people; 404 whether missing or forbidden."""
    from .models import Membership

    require_unit_manager(user)
    membership = Membership.objects.select_related("user", "unit").filter(pk=membership_id).first()
    if membership is None:
        raise Http404("membership")
    return membership
