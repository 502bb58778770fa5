"""Pages on which the supervision office writes plans, tasks and targets by hand."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from luoshi.formtools import attach_errors
from luoshi.orgs.access import access_for
from luoshi.orgs.requests import AuthedRequest

from . import actions
from .access import access_plan_by_id, access_target_by_id
from .forms_edit import NewTargetForm, PartForm, PlanForm, TaskForm
from .models import Plan


def _manager_only(request: HttpRequest) -> None:
    if not access_for(request.user).can_manage_plans():
        raise PermissionDenied


def _plan(request: HttpRequest, plan_id: int) -> Plan:
    return access_plan_by_id(request.user, plan_id)


def _render(request, title: str, form, back: str) -> HttpResponse:
    return render(request, "form.html", {"title": title, "form": form, "back": back})


@login_required
def plan_new(request: AuthedRequest) -> HttpResponse:
    _manager_only(request)
    form = PlanForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            plan = actions.create_plan(request.user, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            return redirect("plan-detail", plan_id=plan.pk)
    return _render(request, _("New plan"), form, "/plans/")


@login_required
def task_new(request: AuthedRequest, plan_id: int) -> HttpResponse:
    _manager_only(request)
    plan = _plan(request, plan_id)
    form = TaskForm(request.POST or None, plan=plan, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        cooperating = data.pop("cooperating_units")
        try:
            actions.create_task(plan, request.user, cooperating_units=list(cooperating), **data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("Task added."))
            return redirect("plan-detail", plan_id=plan.pk)
    return _render(request, _("New task"), form, f"/plans/{plan.pk}/")


@login_required
def target_new(request: AuthedRequest, plan_id: int) -> HttpResponse:
    _manager_only(request)
    plan = _plan(request, plan_id)
    form = NewTargetForm(request.POST or None, plan=plan, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        schedule = data.pop("schedule_text")
        milestones = data.pop("milestones_text")
        try:
            with transaction.atomic():
                target = actions.create_target(plan, request.user, schedule=schedule, **data)
                for due, name in milestones:
                    actions.add_milestone(target, request.user, name=name, due=due)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("Target added."))
            return redirect("target-detail", target_id=target.pk)
    return _render(request, _("New target"), form, f"/plans/{plan.pk}/")


@login_required
def target_ask_part(request: AuthedRequest, target_id: int) -> HttpResponse:
    """Ask a cooperating unit for its own part of a target."""
    target = access_target_by_id(request.user, target_id)
    _manager_only(request)
    form = PartForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            actions.ask_part(target, request.user, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("The unit now reports its part separately."))
            return redirect("target-detail", target_id=target.pk)
    return _render(
        request, _("Ask a cooperating unit for its part"), form, f"/targets/{target.pk}/"
    )
