"""Plan and task scoping for the API.

luoshi.orgs.access has no plan or task functions yet; these follow the plan
pages' rule (a plan is visible to whoever sees the whole city, or to whoever
sees one of its targets) using only access's filters, so no unit is compared
here. They belong in luoshi.orgs.access once it grows plan functions.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from luoshi.orgs.access import access_for
from luoshi.plans.models import Plan, Target, Task


def visible_plans(user) -> QuerySet[Plan]:
    if access_for(user).sees_whole_city:
        return Plan.objects.all()
    return Plan.objects.filter(pk__in=Target.objects.visible_to(user).values("plan_id"))


def access_plan_by_id(user, plan_id: int) -> Plan:
    plan = visible_plans(user).filter(pk=plan_id).first()
    if plan is None:
        raise Http404("plan")
    return plan


def visible_tasks(user) -> QuerySet[Task]:
    access = access_for(user)
    tasks = Task.objects.filter(plan__in=visible_plans(user))
    if access.sees_whole_city:
        return tasks
    units = access.visible_units()
    return tasks.filter(Q(lead_unit__in=units) | Q(cooperating_units__in=units)).distinct()
