"""Who may see and do what. The only place that compares units.

Rules (DESIGN.md section 2):
- admins, supervisors and leaders see the whole city; leaders only read;
- a unit's approver covers the unit and its whole subtree;
- a reporter sees and reports for the units they belong to, nothing more.

Views and the API ask this module; they never compare units themselves. A unit
that is missing and a unit that is forbidden look the same from outside (404).
"""

from __future__ import annotations

from dataclasses import dataclass

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

    def units_for(self, role: str) -> list[int]:
        return sorted(self._ids(role))


def access_for(user) -> Access:
    """The Access of a user, computed once per request (cached on the user object)."""
    cached = getattr(user, "_luoshi_access", None)
    if cached is None:
        cached = Access(user)
        user._luoshi_access = cached
    return cached


def access_unit_by_id(user, unit_id: int) -> Unit:
    """The unit if the user may see it; 404 whether it is missing or forbidden."""
    try:
        unit = Unit.objects.select_related("parent").get(pk=unit_id)
    except Unit.DoesNotExist:
        raise Http404("unit") from None
    if not access_for(user).can_view_unit(unit):
        raise Http404("unit")
    return unit


def access_target_by_id(user, target_id: int):
    """The target if the user may see it; 404 whether it is missing or forbidden."""
    from luoshi.plans.models import Target

    target = (
        Target.objects.visible_to(user)
        .select_related("plan", "unit", "task", "part_of")
        .filter(pk=target_id)
        .first()
    )
    if target is None:
        raise Http404("target")
    return target


def access_report_by_id(user, report_id: int, *, for_update: bool = False):
    """The report if the user may see it (drafts only within one's own units); else 404."""
    from luoshi.reporting.models import Report

    reports = Report.objects.visible_to(user).select_related("target__plan", "unit", "milestone")
    if for_update:
        reports = reports.select_for_update(of=("self",))
    report = reports.filter(pk=report_id).first()
    if report is None:
        raise Http404("report")
    return report


def visible_plans(user):
    """Plans one may look at: all of them for the whole-city roles (drafts being imported
    included), otherwise the plans that hold one of one's visible targets."""
    from luoshi.plans.models import Plan, Target

    if access_for(user).sees_whole_city:
        return Plan.objects.all()
    return Plan.objects.filter(pk__in=Target.objects.visible_to(user).values("plan_id"))


def access_plan_by_id(user, plan_id: int):
    """The plan if the user may see it; 404 whether it is missing or forbidden."""
    plan = visible_plans(user).filter(pk=plan_id).first()
    if plan is None:
        raise Http404("plan")
    return plan


def visible_tasks(user):
    """Tasks of visible plans that one's visible units lead or cooperate on, and the tasks
    (with their parents) under which one's visible targets sit: a unit may own a target
    of a task that another unit leads."""
    from luoshi.plans.models import Target, Task

    access = access_for(user)
    tasks = Task.objects.filter(plan__in=visible_plans(user))
    if access.sees_whole_city:
        return tasks
    units = access.visible_units()
    targets = Target.objects.visible_to(user)
    return tasks.filter(
        Q(lead_unit__in=units)
        | Q(cooperating_units__in=units)
        | Q(pk__in=targets.values("task_id"))
        | Q(pk__in=targets.values("task__parent_id"))
    ).distinct()


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
