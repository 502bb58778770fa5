"""The approval queue: decide from the list, view evidence in place, approve several at once.

- `approvals`: the reports waiting for the person, a page at a time and filtered by unit
  (its subtree) and plan, with the expected value, the reported one, the state approving
  it would give, and its evidence (images and PDFs open inline).
- `approve_selected`: the ticked reports of a page, after one confirmation, approved
  together: all or nothing, each through `actions.approve_report` (permission, four eyes,
  revision); then back to the same filtered page.
- `review_then_next`: approving or returning a report opens the next one in the queue.
- `evidence_inline`: an image or PDF shown in the page, through the same access check as
  the download.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from luoshi.clock import today
from luoshi.orgs.access import access_for
from luoshi.orgs.requests import AuthedRequest

from . import actions, views
from .access import access_report_by_id
from .choices import ReportStatus
from .forms import BulkApproveForm, QueueFilter
from .models import Evidence, Report
from .queue import next_in_queue, queue_choices, queue_for, queue_rows

# Shown in the page, not downloaded: types a browser renders itself, checked at upload.
INLINE_TYPES = frozenset({"image/png", "image/jpeg", "application/pdf"})
PAGE_SIZE = 50


def _filters(data) -> dict:
    """The queue's filters and page from a GET or a POST; invalid ones are ignored."""
    form = QueueFilter(data)
    if not form.is_valid():
        return {}
    return {name: value for name, value in form.cleaned_data.items() if value}


def _filtered_queue(user, filters: dict):
    reports = queue_for(user)
    if filters.get("unit"):
        # A unit and its subtree; a unit one may not see filters everything out.
        unit = access_for(user).visible_units().filter(pk=filters["unit"]).only("path").first()
        reports = reports.filter(unit__path__startswith=unit.path) if unit else reports.none()
    if filters.get("plan"):
        reports = reports.filter(target__plan_id=filters["plan"])
    return reports


def _back(filters: dict) -> str:
    """The queue's address with these filters and page, to come back to."""
    query = "&".join(
        f"{name}={filters[name]}" for name in ("unit", "plan", "page") if name in filters
    )
    return reverse("approvals") + (f"?{query}" if query else "")


@login_required
def approvals(request: AuthedRequest) -> HttpResponse:
    filters = _filters(request.GET)
    paginator = Paginator(_filtered_queue(request.user, filters), PAGE_SIZE)
    page = paginator.get_page(filters.get("page"))
    rows = queue_rows(page.object_list, today())
    if not filters.get("unit") and not filters.get("plan"):
        # The page has counted the whole queue: the menu shows it without a second query.
        request.approval_queue_count = paginator.count
    units, plans = queue_choices(request.user)
    return render(
        request,
        "reporting/approvals.html",
        {
            "rows": rows,
            "queue": [row.report for row in rows],
            "page": page,
            "filters": filters,
            "query": "&".join(f"{k}={v}" for k, v in filters.items() if k != "page"),
            "units": units,
            "plans": plans,
        },
    )


def _refused(request, form: BulkApproveForm, back: str) -> HttpResponse:
    """A 400 in the site's layout saying what was wrong with the selection; nothing changed.
    The queue's own boxes and buttons send a valid one, but for an empty selection."""
    message = " ".join(str(text) for errors in form.errors.values() for text in errors)
    return render(request, "bad_request.html", {"message": message, "back": back}, status=400)


@login_required
@require_POST
def approve_selected(request: AuthedRequest) -> HttpResponse:
    """First post (`action=review`): the confirmation, listing the ticked reports. Second post
    (`action=confirm`): approve them all in one transaction; one refusal (changed meanwhile,
    no longer waiting, four eyes) approves none. A selection that is empty, damaged, too
    long or names a report one may not approve is a 400 (BulkApproveForm)."""
    filters = _filters(request.POST)
    back = _back(filters)
    form = BulkApproveForm(request.POST, user=request.user)
    if not form.is_valid():
        return _refused(request, form, back)
    ids = form.ids
    if not form.confirms:
        rows = queue_rows(queue_for(request.user).filter(pk__in=ids), today())
        if len(rows) != len(ids):
            messages.error(request, _("Some of the ticked reports no longer wait for you."))
            return redirect(back)
        context = {"rows": rows, "back": back, "filters": filters}
        return render(request, "reporting/approve_confirm.html", context)
    revisions = form.cleaned_data["revisions"]
    try:
        with transaction.atomic():
            reports = list(
                Report.objects.awaiting_review_by(request.user)
                .filter(pk__in=ids)
                .select_related("target__plan", "milestone")
                .select_for_update(of=("self",))
                .order_by("pk")
            )
            if len(reports) != len(ids):
                raise ValidationError(_("Some of the ticked reports no longer wait for you."))
            for report in reports:
                actions.approve_report(report, request.user, expected_revision=revisions[report.pk])
    except (actions.Conflict, ValidationError, PermissionDenied) as refusal:
        text = " ".join(refusal.messages) if isinstance(refusal, ValidationError) else str(refusal)
        messages.error(request, _("Nothing was approved.") + " " + text)
        return redirect(back)
    messages.success(
        request,
        ngettext(
            "%(count)d report approved: it now counts.",
            "%(count)d reports approved: they now count.",
            len(reports),
        )
        % {"count": len(reports)},
    )
    return redirect(back)


def review_then_next(view):
    """Wrap the approve or return view: once the report has left the queue, open the next."""

    @login_required
    @require_POST
    def wrapped(request: AuthedRequest, report_id: int) -> HttpResponse:
        response = view(request, report_id)
        report = Report.objects.filter(pk=report_id).only("pk", "status").first()
        if report is None or report.status == ReportStatus.SUBMITTED:
            return response  # refused or unchanged: stay on the report with the message
        following = next_in_queue(request.user, report)
        if following is None:
            return redirect("approvals")
        return redirect(reverse("report-detail", args=[following.pk]))

    return wrapped


report_approve = review_then_next(views.report_approve)
report_return = review_then_next(views.report_return)


@login_required
def evidence_inline(request: AuthedRequest, evidence_id: int) -> FileResponse:
    evidence = Evidence.objects.filter(pk=evidence_id).only("report_id").first()
    if evidence is None:
        raise Http404("evidence")
    access_report_by_id(request.user, evidence.report_id)  # 404 unless the report is visible
    evidence = Evidence.objects.get(pk=evidence_id)
    if evidence.content_type not in INLINE_TYPES:
        raise Http404("evidence")  # other types are downloaded, never rendered here
    response = FileResponse(
        evidence.file.open("rb"), filename=evidence.name, content_type=evidence.content_type
    )  # not as_attachment: Content-Disposition is inline
    # Framed by our own pages only (the site-wide policy forbids any framing), and the file
    # itself may load nothing: an uploaded file is never a page that runs anything.
    response["X-Frame-Options"] = "SAMEORIGIN"
    response["Content-Security-Policy"] = (
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'"
    )
    return response
