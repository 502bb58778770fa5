"""Each role lands on its work (issue 11): the home page asks here first.

- supervisor and leader: the cockpit of the whole city;
- approver: the approval queue's count, above the cockpit of their subtree;
- reporter: what their units owe this period, what was returned and why, and the
  drafts not yet submitted (the workbench's own rows, dashboards/workbench.py);
- anyone else (an administrator, a person without a role): None, the plain home page.

`home` is the page at "/". The cockpit is rendered there rather than redirected to, so that the address one
signs in to stays the address one lands on.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Case, CharField, Count, F, Q, Value, When, Window
from django.db.models.functions import RowNumber
from django.http import HttpResponse
from django.shortcuts import render

from luoshi.clock import today
from luoshi.orgs.access import access_for
from luoshi.orgs.choices import Role
from luoshi.orgs.requests import AuthedRequest
from luoshi.reporting.choices import ReportStatus
from luoshi.reporting.models import Report

from .views_cockpit import render_cockpit
from .workbench import Owed, owed_of, owed_targets, owes_period


def landing(request: AuthedRequest) -> HttpResponse | None:
    user = request.user
    access = access_for(user)
    if access.roles & {Role.SUPERVISOR, Role.LEADER}:
        return render_cockpit(request, today(), None, None)
    if access.units_for(Role.APPROVER):
        queue = Report.objects.awaiting_review_by(user).count()
        request.approval_queue_count = queue  # the menu shows the same count: count once
        return render_cockpit(request, today(), None, None, extra={"queue": queue})
    if access.units_for(Role.REPORTER):
        return _reporter_home(request)
    return None


HOME_ITEMS = 5  # the first few of each list; the workbench pages the rest


def _reporter_home(request: AuthedRequest) -> HttpResponse:
    """What is owed, returned and drafted, counted in SQL over every owed target, with the
    first HOME_ITEMS of each list in the workbench's order: a fixed number of queries
    whatever the number of targets (the counts, the lists' targets, their reports)."""
    day = today()
    evaluated, owed, first = owed_targets(request.user, day)
    lists = {
        "due": Q(owes_period(day)) & Q(current_status__isnull=True),
        "returned": Q(current_status=ReportStatus.RETURNED),
        "drafts": Q(current_status=ReportStatus.DRAFT),
    }
    counts = owed.aggregate(
        **{name: Count("pk", filter=where) for name, where in lists.items()},
        waiting=Count("pk", filter=Q(current_status=ReportStatus.SUBMITTED)),
        approved=Count("pk", filter=Q(current_status=ReportStatus.APPROVED)),
    )
    # The first HOME_ITEMS of each list in the workbench's order, in one query: the lists
    # are disjoint (no report, returned, a draft), each numbered by a window.
    which = Case(
        *[When(where, then=Value(name)) for name, where in lists.items()],
        default=None,
        output_field=CharField(),
    )
    place = Window(RowNumber(), partition_by=F("home_list"), order_by=[first, "unit__path", "pk"])
    chosen = (
        owed.annotate(home_list=which)
        .filter(home_list__isnull=False)
        .annotate(place=place)
        .filter(place__lte=HOME_ITEMS)
        .order_by("home_list", "place")
    )
    targets = list(evaluated.with_fields(chosen))
    shown: dict[str, list[Owed]] = {name: [] for name in lists}
    for item in owed_of(evaluated.rows(targets), day):
        shown[item.target.home_list].append(item)  # type: ignore[attr-defined]
    context = {
        "today": day,
        "memberships": request.user.memberships.select_related("unit").order_by(
            "unit__path", "role"
        ),
        "counts": counts,
        **shown,
    }
    return render(request, "dashboards/home_reporter.html", context)


@login_required
def home(request: AuthedRequest) -> HttpResponse:
    page = landing(request)
    if page is not None:
        return page
    memberships = request.user.memberships.select_related("unit").order_by("unit__path", "role")
    return render(
        request,
        "dashboards/home.html",
        {"memberships": memberships, "access": access_for(request.user)},
    )
