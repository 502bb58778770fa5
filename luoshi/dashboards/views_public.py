"""The public face (公开): published plans and targets for anyone, without signing in;
and the supervision office's page that chooses what is published."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from luoshi.clock import today
from luoshi.formtools import bad_post, paginate
from luoshi.orgs.access import access_for
from luoshi.orgs.requests import AuthedRequest
from luoshi.plans.access import access_plan_by_id
from luoshi.plans.engine import current_lang

from . import actions
from .forms import PublicationForm
from .models import Publication
from .public import (
    TIMEOUT,
    cache_key,
    public_page_of,
    public_plans,
    public_rows,
    public_targets,
    target_chart,
)


def public_index(request: HttpRequest) -> HttpResponse:
    plans = list(public_plans().values("pk", "title", "start", "end"))
    return render(request, "dashboards/public_index.html", {"plans": plans})


def public_plan(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = public_plans().filter(pk=plan_id).first()
    if plan is None:
        raise Http404("plan")
    at = today()
    # Paged in the database: a province's plan has thousands of published targets.
    page, query = paginate(request, public_page_of(plan).values_list("pk", flat=True))
    key = cache_key(f"plan-page-{page.number}", plan.pk, current_lang(), at)
    rows = cache.get(key)
    if rows is None:
        ids = list(page.object_list)
        rows = public_rows(public_page_of(plan).filter(pk__in=ids), at)
        cache.set(key, rows, TIMEOUT)
    context = {"plan": plan, "rows": rows, "at": at, "page": page, "query": query}
    return render(request, "dashboards/public_plan.html", context)


def public_target(request: HttpRequest, target_id: int) -> HttpResponse:
    target = public_targets().select_related("plan", "unit").filter(pk=target_id).first()
    if target is None:
        raise Http404("target")
    at = today()
    key = cache_key("target", target.pk, current_lang(), at)
    page = cache.get(key)
    if page is None:
        (row,) = public_rows(public_targets().filter(pk=target.pk), at)
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
    targets = (
        plan.targets.filter(is_active=True).select_related("unit").order_by("unit__path", "pk")
    )
    if request.method == "POST":
        form = PublicationForm(request.POST)
        if not form.is_valid():
            return bad_post(form, request)
        # The page posts the ids it showed: only those change. A post without them (a
        # script) sets the whole choice, as the action does.
        shown = form.cleaned_data["shown"]
        among = set(targets.filter(pk__in=shown).values_list("pk", flat=True)) if shown else None
        changed = actions.set_publication(
            request.user,
            plan,
            whole=form.cleaned_data["whole"],
            target_ids=form.cleaned_data["target"],
            among=among,
            reason=_("Published on the public page"),
        )
        messages.success(request, _("Public page updated: %(count)s changes.") % {"count": changed})
        back = reverse("publication-edit", args=[plan.pk])
        return redirect(f"{back}?{request.GET.urlencode()}" if request.GET else back)
    page, query = paginate(request, targets)
    shown = [t.pk for t in page.object_list]
    published = Publication.objects.filter(plan=plan).filter(
        Q(target__isnull=True) | Q(target__in=shown)
    )
    rows = {p.target_id: p.is_active for p in published}
    context = {
        "plan": plan,
        "whole": rows.get(None, False),
        "targets": [(t, rows.get(t.pk, False)) for t in page.object_list],
        "page": page,
        "query": query,
    }
    return render(request, "dashboards/publication_edit.html", context)
