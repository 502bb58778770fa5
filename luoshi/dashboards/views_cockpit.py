"""The cockpit (驾驶舱): counts, scorecard, red list, trend, funnel and burn-down. Its
export as .xlsx is luoshi.excel.cockpit (workbooks sit above the read side)."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from luoshi.clock import parse_at
from luoshi.formtools import bad_request
from luoshi.orgs.access import access_unit_by_id
from luoshi.orgs.requests import AuthedRequest
from luoshi.plans.access import access_plan_by_id

from .cockpit import Cockpit, nearest_stored
from .forms import CockpitFilter


def cockpit_choices(request: HttpRequest):
    """(at, plan, unit, sort) from the query, or a 400 that says what is wrong; a plan or
    unit one may not see is a 404, as if it did not exist."""
    form = CockpitFilter(request.GET)
    if not form.is_valid():
        messages = [
            f"{name}: {' '.join(str(e) for e in errors)}" for name, errors in form.errors.items()
        ]
        raise ValidationError(messages)
    at = parse_at(request.GET.get("at"))
    data = form.cleaned_data
    plan = access_plan_by_id(request.user, data["plan"]) if data.get("plan") else None
    unit = access_unit_by_id(request.user, data["unit"]) if data.get("unit") else None
    return at, plan, unit, data.get("sort") or "rank"


def _query(**params) -> str:
    return urlencode({k: v for k, v in params.items() if v not in (None, "")})


@login_required
def cockpit(request: AuthedRequest) -> HttpResponse:
    try:
        at, plan, unit, sort = cockpit_choices(request)
    except ValidationError as error:
        return bad_request(error)
    return render_cockpit(request, at, plan, unit, sort)


def render_cockpit(
    request: HttpRequest, at: date, plan, unit, sort: str = "rank", extra: dict | None = None
) -> HttpResponse:
    """The cockpit page; the home page renders it too, with `extra` (an approver's queue)."""
    figures = Cockpit(request.user, at, plan, unit)
    trend, states, counts, missing_change = figures.trend_and_counts()
    scope, scores = figures.scorecard(sort)
    red, red_total = figures.red_list()
    funnel = figures.funnel()
    burn = figures.burn_down()

    base = reverse("cockpit")
    overview = reverse("overview")
    kept = {"plan": plan and plan.pk, "at": at.isoformat()}
    scope_query = {**kept, "unit": unit and unit.pk}
    chart = {
        "trend": {
            "days": [point.at.isoformat() for point in trend],
            "share": [
                None if point.share is None else round(point.share * 100, 1) for point in trend
            ],
            "red": [point.red if point.total else None for point in trend],
            "links": [
                f"{base}?{_query(**{**scope_query, 'at': point.at.isoformat()})}" for point in trend
            ],
            "share_label": _("Share on track or done (%)"),
            "red_label": _("Behind or overdue"),
        },
        "funnel": {
            "stages": [str(stage.stage.label) for stage in funnel],
            "counts": [stage.count for stage in funnel],
            "goals": [stage.goal for stage in funnel],
            "count_label": _("Reached this period"),
            "goal_label": _("Plan target"),
        },
        "burn": {
            "days": [point.at.isoformat() for point in burn],
            "open": [point.open for point in burn],
            "overdue": [point.overdue for point in burn],
            "open_label": _("Open major hazards"),
            "overdue_label": _("Of which overdue"),
        },
    }
    latest = next((point for point in reversed(trend) if point.total), None)
    context = {
        "at": at,
        "plan": plan,
        "unit": unit,
        "scope": scope,
        "sort": sort,
        "stored": figures.stored,
        "nearest_stored": nearest_stored(at),
        "previous": figures.previous,
        "states": states,
        "counts": counts,
        "missing_change": missing_change,
        "scores": scores,
        "red": red,
        "red_total": red_total,
        "funnel": funnel,
        "burn": burn,
        "latest": latest,
        "chart": chart,
        "plans": figures.plans().only("pk", "title"),  # their titles, not their documents
        "overview_query": f"{overview}?{_query(plan=plan and plan.pk, unit=unit and unit.pk, at=at.isoformat())}",
        "keep_query": _query(**kept),
        "scope_query": _query(**scope_query),
        "can_publish": figures.access.can_manage_plans(),
        "period_start": figures.start,
        "period_end": min(figures.end, at),
        **(extra or {}),
    }
    return render(request, "dashboards/cockpit.html", context)
