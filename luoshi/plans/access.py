"""Plans, tasks and targets one may see: the getters that return one or 404, and the lists.

The policy is luoshi.orgs.access (`Access`); this module applies it to plans, so that
orgs knows nothing of plans. Missing and forbidden both answer 404.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from luoshi.orgs.access import access_for

from .models import Plan, Target, Task


def access_target_by_id(user, target_id: int) -> Target:
    """The target if the user may see it; 404 whether it is missing or forbidden."""
    target = (
        Target.objects.restrict(user, "view")
        .select_related("plan", "unit", "task", "part_of")
        .filter(pk=target_id)
        .first()
    )
    if target is None:
        raise Http404("target")
    return target


def visible_plans(user) -> QuerySet[Plan]:
    """Plans one may look at: all of them for the whole-city roles (drafts being imported
    included), otherwise the plans that hold one of one's visible targets."""
    if access_for(user).sees_whole_city:
        return Plan.objects.all()
    return Plan.objects.filter(pk__in=Target.objects.restrict(user, "view").values("plan_id"))


def access_plan_by_id(user, plan_id: int) -> Plan:
    """The plan if the user may see it; 404 whether it is missing or forbidden."""
    plan = visible_plans(user).filter(pk=plan_id).first()
    if plan is None:
        raise Http404("plan")
    return plan


def visible_tasks(user) -> QuerySet[Task]:
    """Tasks of visible plans that one's visible units lead or cooperate on, and the tasks
    (with their parents) under which one's visible targets sit: a unit may own a target
    of a task that another unit leads."""
    access = access_for(user)
    tasks = Task.objects.filter(plan__in=visible_plans(user))
    if access.sees_whole_city:
        return tasks
    units = access.visible_units()
    targets = Target.objects.restrict(user, "view")
    return tasks.filter(
        Q(lead_unit__in=units)
        | Q(cooperating_units__in=units)
        | Q(pk__in=targets.values("task_id"))
        | Q(pk__in=targets.values("task__parent_id"))
    ).distinct()
