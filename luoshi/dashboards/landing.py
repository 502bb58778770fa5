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
from django.http import HttpResponse
from django.shortcuts import render

from luoshi.clock import today
from luoshi.orgs.access import access_for
from luoshi.orgs.choices import Role
from luoshi.orgs.requests import AuthedRequest
from luoshi.reporting.choices import ReportStatus
from luoshi.reporting.models import Report

from .views_cockpit import render_cockpit
from .workbench import owed_by


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


def _reporter_home(request: AuthedRequest) -> HttpResponse:
    day = today()
    owed = owed_by(request.user, day)
    status = {item.target.pk: item.report.status if item.report else None for item in owed}
    context = {
        "today": day,
        "memberships": request.user.memberships.select_related("unit").order_by(
            "unit__path", "role"
        ),
        "due": [item for item in owed if item.needs_report and item.report is None],
        "returned": [item for item in owed if status[item.target.pk] == ReportStatus.RETURNED],
        "drafts": [item for item in owed if status[item.target.pk] == ReportStatus.DRAFT],
        "waiting": [item for item in owed if status[item.target.pk] == ReportStatus.SUBMITTED],
        "approved": [item for item in owed if status[item.target.pk] == ReportStatus.APPROVED],
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
