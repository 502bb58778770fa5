"""Unit and plan pages: their targets' counts and worst few from the stored evaluations,
the rest one click away in the overview. Bounded whatever the size of the city.

A target's page (its state, reports, ledger figure and chart) and a reporter's workbench
(what each unit owes, with the states) read plans, reports and ledgers together: they
are the read side's too."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from luoshi.clock import parse_at, today
from luoshi.formtools import bad_request
from luoshi.ledgers.models import Measure
from luoshi.ledgers.views_measures import measure_block
from luoshi.orgs.access import access_for, access_unit_by_id
from luoshi.orgs.history import history_of
from luoshi.orgs.requests import AuthedRequest
from luoshi.plans.access import access_plan_by_id, access_target_by_id, visible_tasks
from luoshi.plans.models import Target
from luoshi.reporting.models import Report

from .models import EvaluationTally
from .queries import evaluated_rows, expected_path
from .read import summary
from .workbench import workbench_page

TASKS_PER_PAGE = 50


@login_required
def unit_detail(request: AuthedRequest, unit_id: int) -> HttpResponse:
    unit = access_unit_by_id(request.user, unit_id)
    access = access_for(request.user)
    at = today()
    targets = Target.objects.restrict(request.user, "view").filter(
        unit__path__startswith=unit.path, is_active=True
    )
    # Whoever sees the whole city sees every active target the subtree's tally counts.
    tally = None
    if access.sees_whole_city:
        tally = EvaluationTally.objects.order_by().filter(unit__path__startswith=unit.path)
    result = summary(targets, at, tally=tally)
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
    return render(request, "dashboards/unit_detail.html", context)


@login_required
def plan_detail(request: AuthedRequest, plan_id: int) -> HttpResponse:
    plan = access_plan_by_id(request.user, plan_id)
    at = today()
    targets = Target.objects.restrict(request.user, "view").filter(plan=plan, is_active=True)
    access = access_for(request.user)
    tally = EvaluationTally.objects.order_by().filter(plan=plan) if access.sees_whole_city else None
    result = summary(targets, at, tally=tally)
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
        "dashboards/plan_detail.html",
        {
            "plan": plan,
            "rows": result.rows,
            "summary": result,
            "counts": result.counts and result.counts.chips(),
            "overview_query": f"plan={plan.pk}",
            "tasks": task_page.object_list,
            "task_page": task_page,
            "at": at,
            "can_manage": access.can_manage_plans(),
            "history": history_of(plan),
        },
    )


@login_required
def target_detail(request: AuthedRequest, target_id: int) -> HttpResponse:
    target = access_target_by_id(request.user, target_id)
    try:
        at = parse_at(request.GET.get("at"))
    except ValidationError as error:
        return bad_request(error, request)
    parts = list(
        Target.objects.restrict(request.user, "view")
        .filter(part_of=target)
        .select_related("plan", "unit")
    )
    rows = evaluated_rows([target, *parts], at)
    reports = (
        Report.objects.restrict(request.user, "view")
        .filter(target=target)
        .select_related("created_by", "submitted_by", "reviewed_by", "milestone")
        .order_by("-as_of", "-version")
    )
    approved = sorted(
        (r.as_of.isoformat(), r.value)
        for r in reports
        if r.status == "approved" and r.value is not None
    )
    access = access_for(request.user)
    measure = Measure.objects.filter(target=target).first()
    ledger = measure and measure_block(measure, target, at)
    if ledger:  # computed: the chart shows the ledger's figure, not the old manual readings
        approved = (
            [(ledger["day"].isoformat(), ledger["value"])] if ledger["value"] is not None else []
        )
    context = {
        "target": target,
        "ledger": ledger,
        "row": rows[0],
        "parts": rows[1:],
        "at": at,
        "reports": reports,
        "milestones": target.milestones.all(),
        "rebaselines": target.rebaselines.select_related("changed_by"),
        "chart": {"expected": expected_path(target), "actual": approved, "unit": target.unit_label},
        "can_manage": access.can_manage_plans(),
        "can_report": access.can_report_for(target.unit),
        "history": history_of(target),
    }
    return render(request, "dashboards/target_detail.html", context)


@login_required
def workbench(request: AuthedRequest) -> HttpResponse:
    day = today()
    bench = workbench_page(request, request.user, day)
    context = {
        "owed": bench.owed,
        "page": bench.page,
        "query": bench.query,
        "today": day,
        "workbooks": bench.workbooks,
    }
    return render(request, "dashboards/workbench.html", context)
