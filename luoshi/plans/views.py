from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from luoshi.clock import parse_at
from luoshi.formtools import attach_errors, bad_request
from luoshi.ledgers.models import Measure
from luoshi.ledgers.views_measures import measure_block
from luoshi.orgs.access import access_for
from luoshi.orgs.history import history_of
from luoshi.reporting.models import Report

from . import actions
from .access import access_plan_by_id, access_target_by_id, visible_plans
from .forms import RulesForm, TargetForm
from .models import Target
from .queries import evaluated_rows, expected_path


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "plans/plan_list.html",
        {
            "plans": visible_plans(request.user),
            "can_manage": access_for(request.user).can_manage_plans(),
        },
    )


@login_required
def plan_rules(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan_by_id(request.user, plan_id)
    if not access_for(request.user).can_manage_plans():
        raise PermissionDenied
    form = RulesForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        rules = {name: form.cleaned_data[name] for name in actions.RULE_FIELDS}
        try:
            actions.update_plan_rules(plan, request.user, form.cleaned_data["reason"], **rules)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("Rules saved."))
            return redirect("plan-detail", plan_id=plan.pk)
    return render(request, "plans/plan_rules.html", {"plan": plan, "form": form})


@login_required
def target_detail(request: HttpRequest, target_id: int) -> HttpResponse:
    target = access_target_by_id(request.user, target_id)
    try:
        at = parse_at(request.GET.get("at"))
    except ValidationError as error:
        return bad_request(error, request)
    parts = list(
        Target.objects.visible_to(request.user)
        .filter(part_of=target)
        .select_related("plan", "unit")
    )
    rows = evaluated_rows([target, *parts], at)
    reports = (
        Report.objects.visible_to(request.user)
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
    return render(request, "plans/target_detail.html", context)


@login_required
def target_edit(request: HttpRequest, target_id: int) -> HttpResponse:
    target = access_target_by_id(request.user, target_id)
    if not access_for(request.user).can_manage_plans():
        raise PermissionDenied
    form = TargetForm(request.POST or None, instance=Target.objects.get(pk=target.pk))
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in TargetForm.Meta.fields}
        try:
            actions.update_target(target, request.user, form.cleaned_data["reason"], **fields)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("Target saved."))
            return redirect("target-detail", target_id=target.pk)
    context = {
        "target": target,
        "form": form,
        "title": _("Edit %(name)s") % {"name": target.name},
        "back": reverse("target-detail", args=[target.pk]),
    }
    return render(request, "plans/target_form.html", context)
