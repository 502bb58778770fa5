"""Pages of ledger measures: the rows behind a computed figure, and binding a target.

- ``targets/<id>/measure/rows/?figure=rows|numerator|denominator|overdue&at=YYYY-MM-DD``
  lists the ledger rows behind one figure of the target's measure as of a date.
  The target is reached through access_target_by_id (404 when one may not see
  it) and the rows are scoped with restrict(user, "view"): the page says how many of
  the figure's rows lie in units the person may not see.
- ``targets/<id>/measure/`` binds or unbinds a measure (supervisors).

`measure_block` gives the target page its "computed from the ledger" block.
"""

from __future__ import annotations

from datetime import date
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from luoshi.clock import parse_at
from luoshi.formtools import attach_errors, bad_post, bad_request
from luoshi.orgs.access import RestrictedQuerySet, access_for
from luoshi.orgs.requests import AuthedRequest
from luoshi.plans.access import access_target_by_id

from .choices import HazardStatus, Stage
from .forms_measures import FilterForm, MeasureForm, UnbindForm
from .measures import (
    DENOMINATOR,
    HAZARDS,
    NUMERATOR,
    OVERDUE,
    PROJECTS,
    RATIO,
    ROWS,
    bind_measure,
    describe,
    describe_filter,
    figures,
    positions_at,
    reading_day,
    rows_behind,
    unbind_measure,
    unit_names,
)
from .models import Measure

PAGE_SIZE = 100


def _measure_or_404(target) -> Measure:
    measure = Measure.objects.filter(target=target).first()
    if measure is None:
        raise Http404("measure")
    measure.target = target
    return measure


def _figure_labels(measure: Measure) -> dict[str, str]:
    if measure.aggregate == RATIO:
        return {NUMERATOR: _("Numerator"), DENOMINATOR: _("Denominator")}
    labels = {ROWS: _("Rows counted") if measure.aggregate == "count" else _("Rows summed")}
    if measure.source == HAZARDS and measure.aggregate == "count":
        labels[OVERDUE] = _("Past their deadline")
    return labels


def measure_block(measure: Measure, target, at: date) -> dict:
    """What the target page shows of its measure: the words, and each figure with its link."""
    measure.target = target
    names = unit_names(measure.filter, measure.denominator_filter)
    got = figures(measure, at)
    values = {
        ROWS: got.count,
        NUMERATOR: got.count,
        DENOMINATOR: got.denominator,
        OVERDUE: got.overdue,
    }
    base = reverse("measure-rows", args=[target.pk])
    day = got.day or at
    links = [
        {
            "key": key,
            "label": label,
            "count": values[key],
            "url": f"{base}?{urlencode({'figure': key, 'at': day.isoformat()})}",
        }
        for key, label in _figure_labels(measure).items()
    ]
    return {
        "measure": measure,
        "words": describe(measure, units=names),
        "day": got.day,
        "value": got.value,
        "links": links,
    }


@login_required
def measure_rows(request: AuthedRequest, target_id: int) -> HttpResponse:
    target = access_target_by_id(request.user, target_id)
    measure = _measure_or_404(target)
    try:
        at = parse_at(request.GET.get("at"))
    except ValidationError as error:
        return bad_request(error, request)
    labels = _figure_labels(measure)
    figure = request.GET.get("figure") or next(iter(labels))
    if figure not in labels:
        raise Http404("figure")
    rows = rows_behind(measure, at)[figure]
    total = rows.count()
    visible = cast(RestrictedQuerySet, rows).restrict(request.user, "view").select_related("unit")
    page = Paginator(visible, PAGE_SIZE).get_page(request.GET.get("page"))
    hidden = total - page.paginator.count
    day = reading_day(target, at) or at
    positions = positions_at(measure.source, [row.pk for row in page.object_list], day)
    for row in page.object_list:
        if measure.source == PROJECTS:
            row.stage_at_label = Stage(positions[row.pk]).label if row.pk in positions else ""
            row.dropped_by_then = row.dropped_on is not None and row.dropped_on <= day
        else:
            status = positions.get(row.pk, HazardStatus.OPEN)
            row.status_at_label = HazardStatus(status).label
            row.overdue_then = status != HazardStatus.CLOSED and row.deadline < day
    spec = measure.denominator_filter if figure == DENOMINATOR else measure.filter
    names = unit_names(spec)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "target": target,
        "measure": measure,
        "figure": figure,
        "figure_label": labels[figure],
        "figures": [(key, label) for key, label in labels.items()],
        "at": at,
        "day": day,
        "words": describe_filter(measure.source, spec, units=names),
        "measure_words": describe(
            measure, units=unit_names(measure.filter, measure.denominator_filter)
        ),
        "page": page,
        "total": total,
        "hidden": hidden,
        "query": query.urlencode(),
        "is_projects": measure.source == PROJECTS,
    }
    return render(request, "ledgers/measure_rows.html", context)


@login_required
def measure_bind(request: AuthedRequest, target_id: int) -> HttpResponse:
    target = access_target_by_id(request.user, target_id)
    if not access_for(request.user).can_manage_plans():
        raise PermissionDenied
    current = Measure.objects.filter(target=target).first()
    if request.method == "POST" and UnbindForm.sent(request.POST):
        unbind = UnbindForm(request.POST)
        if not unbind.is_valid():
            return bad_post(unbind, request)
        unbind_measure(target, request.user, unbind.cleaned_data["reason"])
        messages.success(request, _("The target is reported by hand again."))
        return redirect("target-detail", target_id=target.pk)
    if request.method == "POST":
        form = MeasureForm(request.POST)
        numerator = FilterForm(request.POST, prefix="num", user=request.user)
        denominator = FilterForm(request.POST, prefix="den", user=request.user)
    else:
        initial = {}
        if current is not None:
            initial = {
                "source": current.source,
                "aggregate": current.aggregate,
                "field": current.field,
            }
        form = MeasureForm(initial=initial)
        numerator = FilterForm(
            prefix="num",
            user=request.user,
            initial=FilterForm.initial_from(current.filter if current else None),
        )
        denominator = FilterForm(
            prefix="den",
            user=request.user,
            initial=FilterForm.initial_from(current.denominator_filter if current else None),
        )
    if request.method == "POST" and all(f.is_valid() for f in (form, numerator, denominator)):
        source = form.cleaned_data["source"]
        aggregate = form.cleaned_data["aggregate"]
        try:
            bind_measure(
                target,
                request.user,
                source=source,
                aggregate=aggregate,
                field=form.cleaned_data["field"] if aggregate == "sum" else "",
                filter=numerator.to_filter(source),
                denominator_filter=denominator.to_filter(source) if aggregate == RATIO else {},
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("The target is now computed from the ledger."))
            return redirect("target-detail", target_id=target.pk)
    context = {
        "target": target,
        "current": current,
        "current_words": current
        and describe(current, units=unit_names(current.filter, current.denominator_filter)),
        "form": form,
        "numerator": numerator,
        "denominator": denominator,
    }
    return render(request, "ledgers/measure_form.html", context)
