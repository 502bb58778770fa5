"""The ledger lists' filters, shared by the list pages and the Excel export.

Both read the same query parameters with the same filter forms, so an export
gives exactly the rows the list shows.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from luoshi.clock import today
from luoshi.orgs.access import access_for

from .choices import HazardStatus
from .forms import HazardFilter, ProjectFilter
from .models import Hazard, Project


def overdue_q(day: date) -> Q:
    """Hazards past their deadline on `day` and not yet verified closed."""
    return Q(deadline__lt=day) & ~Q(status=HazardStatus.CLOSED)


def filter_unit(user, rows: QuerySet, unit_id: int | None) -> QuerySet:
    """Rows of a unit and its subtree; a unit one may not see filters everything out."""
    if not unit_id:
        return rows
    unit = access_for(user).visible_units().filter(pk=unit_id).first()
    return rows.filter(unit__path__startswith=unit.path) if unit else rows.none()


def filter_projects(user, params) -> tuple[QuerySet[Project], ProjectFilter, dict]:
    """Visible projects narrowed by the list's parameters: q, unit (and its subtree), stage,
    chain, origin, dropped ("" active only, "yes", "all"). Malformed parameters are ignored."""
    form = ProjectFilter(params)
    data = form.cleaned_data if form.is_valid() else {}
    rows = filter_unit(user, Project.objects.restrict(user, "view"), data.get("unit"))
    if data.get("stage"):
        rows = rows.filter(stage=data["stage"])
    if data.get("chain"):
        rows = rows.filter(industry_chain__icontains=data["chain"])
    if data.get("origin"):
        rows = rows.filter(origin__icontains=data["origin"])
    dropped = data.get("dropped", "")
    if dropped == "":
        rows = rows.filter(dropped_on__isnull=True)
    elif dropped == "yes":
        rows = rows.filter(dropped_on__isnull=False)
    if data.get("q"):
        q = data["q"]
        rows = rows.filter(Q(name__icontains=q) | Q(investor__icontains=q) | Q(note__icontains=q))
    return rows, form, data


def filter_hazards(
    user, params, day: date | None = None
) -> tuple[QuerySet[Hazard], HazardFilter, dict]:
    """Visible hazards narrowed by the list's parameters: unit (and its subtree), domain, level,
    status, place_kind, overdue (on `day`, default today)."""
    form = HazardFilter(params)
    data = form.cleaned_data if form.is_valid() else {}
    rows = filter_unit(user, Hazard.objects.restrict(user, "view"), data.get("unit"))
    for name in ("domain", "level", "status", "place_kind"):
        if data.get(name):
            rows = rows.filter(**{name: data[name]})
    if data.get("overdue"):
        rows = rows.filter(overdue_q(day or today()))
    return rows, form, data
