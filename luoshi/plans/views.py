from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from luoshi.formtools import attach_errors, paginate
from luoshi.orgs.access import access_for
from luoshi.orgs.requests import AuthedRequest

from . import actions
from .access import access_plan_by_id, access_target_by_id, visible_plans
from .forms import RulesForm, TargetForm
from .models import Target


@login_required
def plan_list(request: AuthedRequest) -> HttpResponse:
    page, query = paginate(request, visible_plans(request.user).order_by("-start", "title", "pk"))
    return render(
        request,
        "plans/plan_list.html",
        {
            "plans": page.object_list,
            "page": page,
            "query": query,
            "can_manage": access_for(request.user).can_manage_plans(),
        },
    )


@login_required
def plan_rules(request: AuthedRequest, plan_id: int) -> HttpResponse:
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
def target_edit(request: AuthedRequest, target_id: int) -> HttpResponse:
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
