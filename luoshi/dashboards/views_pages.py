"""Unit and plan pages: their targets' counts and worst few from the stored evaluations,
the rest one click away in the overview. Bounded whatever the size of the city."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from luoshi.clock import today
from luoshi.orgs.access import access_for, access_unit_by_id
from luoshi.orgs.history import history_of
from luoshi.plans.access import access_plan_by_id, visible_tasks
from luoshi.plans.models import Target

from .read import summary

TASKS_PER_PAGE = 50


@login_required
def unit_detail(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = access_unit_by_id(request.user, unit_id)
    access = access_for(request.user)
    at = today()
    targets = Target.objects.visible_to(request.user).filter(
        unit__path__startswith=unit.path, is_active=True
    )
    result = summary(targets, at)
    context = {
        "unit": unit,
        "rows": result.rows,
        "summary": result,
        "counts": result.counts and result.counts.chips(),
        "overview_query": f"unit={unit.pk}",
        "at": at,
        "children": access.visible_units().filter(parent=unit),
        "members": unit.memberships.select_related("user").order_by("role", "user__username"),
        "history": history_of(unit),
        "can_manage": access.can_manage_units(),
    }
    return render(request, "orgs/unit_detail.html", context)


@login_required
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan_by_id(request.user, plan_id)
    at = today()
    targets = Target.objects.visible_to(request.user).filter(plan=plan, is_active=True)
    result = summary(targets, at)
    tasks = (
        visible_tasks(request.user)
        .filter(plan=plan)
        .order_by("position", "pk")
        .select_related("lead_unit")
        .prefetch_related("cooperating_units")
    )
    task_page = Paginator(tasks, TASKS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "plans/plan_detail.html",
        {
            "plan": plan,
            "rows": result.rows,
            "summary": result,
            "counts": result.counts and result.counts.chips(),
            "overview_query": f"plan={plan.pk}",
            "tasks": task_page.object_list,
            "task_page": task_page,
            "at": at,
            "can_manage": access_for(request.user).can_manage_plans(),
            "history": history_of(plan),
        },
    )
