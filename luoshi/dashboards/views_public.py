"""The public face (公开): published plans and targets for anyone, without signing in;
and the supervision office's page that chooses what is published."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from luoshi.clock import today
from luoshi.formtools import bad_post
from luoshi.orgs.access import access_for
from luoshi.orgs.requests import AuthedRequest
from luoshi.plans.access import access_plan_by_id
from luoshi.plans.engine import current_lang

from . import actions
from .forms import PublicationForm
from .models import Publication
from .public import TIMEOUT, cache_key, plan_rows, public_plans, public_targets, target_chart


def public_index(request: HttpRequest) -> HttpResponse:
    plans = list(public_plans().values("pk", "title", "start", "end"))
    return render(request, "dashboards/public_index.html", {"plans": plans})


def public_plan(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = public_plans().filter(pk=plan_id).first()
    if plan is None:
        raise Http404("plan")
    at = today()
    key = cache_key("plan", plan.pk, current_lang(), at)
    rows = cache.get(key)
    if rows is None:
        rows = plan_rows(plan, at)
        cache.set(key, rows, TIMEOUT)
    return render(request, "dashboards/public_plan.html", {"plan": plan, "rows": rows, "at": at})


def public_target(request: HttpRequest, target_id: int) -> HttpResponse:
    target = public_targets().select_related("plan", "unit").filter(pk=target_id).first()
    if target is None:
        raise Http404("target")
    at = today()
    key = cache_key("target", target.pk, current_lang(), at)
    page = cache.get(key)
    if page is None:
        row = next(r for r in plan_rows(target.plan, at) if r["id"] == target.pk)
        page = {"row": row, "chart": target_chart(target, at)}
        cache.set(key, page, TIMEOUT)
    context = {"plan": target.plan, "at": at, **page}
    return render(request, "dashboards/public_target.html", context)


@login_required
def publication_edit(request: AuthedRequest, plan_id: int) -> HttpResponse:
    """Choose what of a plan the public page shows: the supervision office only."""
    plan = access_plan_by_id(request.user, plan_id)
    if not access_for(request.user).can_manage_plans():
        raise PermissionDenied
    rows = {p.target_id: p.is_active for p in Publication.objects.filter(plan=plan)}
    targets = list(
        plan.targets.filter(is_active=True).select_related("unit").order_by("unit__path", "pk")
    )
    if request.method == "POST":
        form = PublicationForm(request.POST)
        if not form.is_valid():
            return bad_post(form, request)
        ids = {t.pk for t in targets}
        chosen = [pk for pk in form.cleaned_data["target"] if pk in ids]
        changed = actions.set_publication(
            request.user,
            plan,
            whole=form.cleaned_data["whole"],
            target_ids=chosen,
            reason=_("Published on the public page"),
        )
        messages.success(request, _("Public page updated: %(count)s changes.") % {"count": changed})
        return redirect("publication-edit", plan_id=plan.pk)
    context = {
        "plan": plan,
        "whole": rows.get(None, False),
        "targets": [(t, rows.get(t.pk, False)) for t in targets],
    }
    return render(request, "dashboards/publication_edit.html", context)
