"""The overview: every visible target with its state, counted, filtered and paged in SQL."""

from collections.abc import Iterable
from datetime import date, timedelta

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from luoshi.clock import parse_at
from luoshi.formtools import bad_request
from luoshi.orgs.access import access_for, choosable_units
from luoshi.orgs.models import Unit
from luoshi.orgs.requests import AuthedRequest
from luoshi.plans.access import visible_plans, visible_tasks
from luoshi.plans.choices import State, TargetKind
from luoshi.plans.models import Target, Task

from .forms import OverviewFilter
from .models import EvaluationTally
from .read import NEEDS_STORE, Evaluated

PAGE_SIZE = 50
# A select is a list people read: more than this many tasks are left to the search by plan.
TASK_CHOICES_LIMIT = 300


@login_required
def overview(request: AuthedRequest) -> HttpResponse:
    access = access_for(request.user)
    filters = OverviewFilter(request.GET)
    data = filters.cleaned_data if filters.is_valid() else {}
    try:
        at = parse_at(request.GET.get("at"))
    except ValidationError as error:
        return bad_request(error, request)
    targets = Target.objects.restrict(request.user, "view").filter(is_active=True)
    # Whoever sees the whole city sees every active target of the tally's rows: filtered
    # by unit and plan only, the counts are the tally's sums (summary.py).
    tally = None
    if access.sees_whole_city and not any(data.get(name) for name in ("year", "kind", "task")):
        tally = EvaluationTally.objects.order_by()
    if data.get("unit"):
        # A unit and its subtree; a unit one may not see filters everything out.
        unit = access.visible_units().filter(pk=data["unit"]).first()
        targets = targets.filter(unit__path__startswith=unit.path) if unit else targets.none()
        if tally is not None:
            tally = tally.filter(unit__path__startswith=unit.path) if unit else tally.none()
    if data.get("plan"):
        targets = targets.filter(plan__in=visible_plans(request.user).filter(pk=data["plan"]))
        if tally is not None:
            tally = tally.filter(plan_id=data["plan"])
    if data.get("year"):
        targets = targets.filter(start__year__lte=data["year"], end__year__gte=data["year"])
    if data.get("kind") in TargetKind.values:
        targets = targets.filter(kind=data["kind"])
    if data.get("task"):
        targets = targets.filter(Q(task_id=data["task"]) | Q(task__parent_id=data["task"]))

    evaluated = Evaluated(targets, at, tally)
    counts = evaluated.counts()
    state = data.get("state") if evaluated.stored else None
    sort = data.get("sort") or "unit"
    # The list is as long as the counts say (no COUNT of its own); the page reads its rows.
    paginator = Paginator(range(evaluated.count(state)), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    offset = (page.number - 1) * PAGE_SIZE
    targets = evaluated.page(state, sort, offset, PAGE_SIZE)
    page.object_list = evaluated.rows(targets)  # type: ignore[assignment]

    query = request.GET.copy()
    query.pop("page", None)
    units = choosable_units(request.user).filter(path__regex=r"^/[^/]+/([^/]+/)?([^/]+/)?$")
    # The plans' titles and periods for the filters, not their source documents.
    plans = visible_plans(request.user).only("pk", "title", "start", "end")
    tasks: Iterable[Task] = []
    if data.get("plan"):
        tasks = (
            visible_tasks(request.user)
            .filter(plan_id=data["plan"], parent__isnull=True)
            .order_by("position", "pk")[:TASK_CHOICES_LIMIT]
        )
    context = {
        "page": page,
        "stored": evaluated.stored,
        "counts": counts and counts.chips(),
        "missing": counts and counts.missing,
        "awaiting": counts and counts.awaiting,
        "total": page.paginator.count,
        "at": at,
        "nearest_stored": _nearest_stored(at),
        "filters": data,
        "units": units,  # not read by the page (its options are written below)
        "unit_options": unit_options(units, data.get("unit")),
        "plans": plans,
        "years": sorted({plan.start.year for plan in plans} | {plan.end.year for plan in plans}),
        "tasks": tasks,
        "kinds": TargetKind.choices,
        "states": State.choices,
        "sort": sort,
        "state_sorts": NEEDS_STORE,
        "query": query.urlencode(),
    }
    return render(request, "dashboards/overview.html", context)


def unit_options(units: QuerySet[Unit], selected: int | None) -> SafeString:
    """The <option>s of the unit filter: `units` (those one may choose down to the city's
    departments and districts) in tree order, `selected` marked. Written in one pass from
    two columns: a province has hundreds of them, and drawing each model through the
    template's loop was a third of the overview's time at 10× (issue 14)."""
    options = [
        f'<option value="{int(pk)}"{" selected" if pk == selected else ""}>{escape(name)}</option>'
        for pk, name in units.order_by("path").values_list("pk", "short_name")
    ]
    # Safe: the ids are integers and the names are escaped.
    return mark_safe("".join(options))  # noqa: S308


def _nearest_stored(at: date) -> date:
    """The month end on or before `at`: a day whose evaluations are kept."""
    following = at + timedelta(days=1)
    return at if following.day == 1 else at.replace(day=1) - timedelta(days=1)
