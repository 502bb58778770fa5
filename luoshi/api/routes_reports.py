"""Reports: the reporter's drafts, submission, the approver's review, and corrections."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import File, Query, Router, Status
from ninja.decorators import decorate_view
from ninja.files import UploadedFile

from luoshi.plans.choices import TargetKind
from luoshi.plans.models import Milestone, Target
from luoshi.reporting import actions
from luoshi.reporting.access import RELATED, access_report_by_id
from luoshi.reporting.choices import ReportStatus
from luoshi.reporting.evidence import add_evidence
from luoshi.reporting.models import Report

from .filters import Year, in_unit
from .idempotency import idempotent
from .pagination import Keyset, PageIn, page_of
from .schemas import (
    Error,
    EvidenceOut,
    Id,
    ReportDetail,
    ReportIn,
    ReportOut,
    ReportPatch,
    ReturnIn,
    RevisionIn,
)

router = Router(tags=["reports"])

WRITE_ERRORS = {403: Error, 404: Error, 409: Error, 422: Error}
REPORTS = Keyset("reports", "target_id", "-as_of", "-version", "-pk")


def _report(user, report_id: int, related: tuple[str, ...] = RELATED) -> Report:
    return access_report_by_id(user, report_id, related=related)


# What submit and approve use of the report, less what they never read: the plan (its
# four-eyes rule) matters to approval only, and an approval names the approver as its
# reviewer. The target, unit and milestone stay joined: the save validates the report,
# and a foreign key not read with it would cost a query.
SUBMIT_RELATED = ("target", "unit", "milestone", "created_by", "submitted_by", "reviewed_by")
APPROVE_RELATED = ("target__plan", "unit", "milestone", "created_by", "submitted_by")


def _revision(payload: RevisionIn | None) -> int | None:
    return payload.revision if payload is not None else None


def _milestone(target: Target, milestone_id: int | None) -> Milestone | None:
    if milestone_id is None:
        return None
    milestone = target.milestones.filter(pk=milestone_id).first()
    if milestone is None:
        raise ValidationError({"milestone": _("This target has no such milestone.")})
    return milestone


@router.get("/reports", response={200: page_of(ReportOut), 400: Error}, summary="Visible reports")
def list_reports(
    request,
    page: Query[PageIn],
    target: Id | None = None,
    status: ReportStatus | None = None,
    unit: Id | None = None,
    subtree: bool = False,
    plan: Id | None = None,
    kind: TargetKind | None = None,
    year: Year | None = None,
):
    """By target, newest first. `kind` is the target's; `year` the year of `as_of`."""
    reports = Report.objects.restrict(request.auth, "view").select_related(
        "created_by", "submitted_by", "reviewed_by"
    )
    if target is not None:
        reports = reports.filter(target_id=target)
    if status is not None:
        reports = reports.filter(status=status)
    reports = in_unit(request.auth, reports, unit, subtree)
    if plan is not None:
        reports = reports.filter(target__plan_id=plan)
    if kind is not None:
        reports = reports.filter(target__kind=kind)
    if year is not None:
        reports = reports.filter(as_of__year=year)
    return REPORTS.page(reports, page)


@router.get(
    "/reports/{int:report_id}",
    response={200: ReportDetail, 404: Error},
    summary="A report and its history",
)
def get_report(request, report_id: int):
    return _report(request.auth, report_id)


@router.post(
    "/reports",
    response={201: ReportDetail, 403: Error, 422: Error},
    summary="Create a draft report, or with `submit` a report submitted for approval",
)
@decorate_view(idempotent)
def create_report(request, payload: ReportIn):
    target = (
        Target.objects.restrict(request.auth, "view")
        .select_related("unit", "plan", "measure")  # the action asks for its measure
        .filter(pk=payload.target)
        .first()
    )
    if target is None:
        raise ValidationError({"target": _("No such target.")})
    report = actions.create_report(
        target,
        request.auth,
        as_of=payload.as_of,
        value=payload.value,
        overdue=payload.overdue,
        milestone=_milestone(target, payload.milestone),
        narrative=payload.narrative,
        submit=payload.submit,
    )
    report.has_evidence = False  # created without files (they are attached afterwards)
    return Status(201, report)


@router.patch(
    "/reports/{int:report_id}",
    response={200: ReportDetail, **WRITE_ERRORS},
    summary="Change a draft or returned report; needs the revision read (409 if stale)",
)
def patch_report(request, report_id: int, payload: ReportPatch):
    report = _report(request.auth, report_id)
    data = payload.dict(exclude_unset=True)
    milestone = (
        _milestone(report.target, data["milestone"]) if "milestone" in data else report.milestone
    )
    return actions.update_report(
        report,
        request.auth,
        expected_revision=payload.revision,
        as_of=data.get("as_of") or report.as_of,
        value=data["value"] if "value" in data else report.value,
        overdue=data["overdue"] if "overdue" in data else report.overdue,
        milestone=milestone,
        narrative=data["narrative"] if data.get("narrative") is not None else report.narrative,
    )


@router.post(
    "/reports/{int:report_id}/submit",
    response={200: ReportDetail, **WRITE_ERRORS},
    summary="Submit a report for approval",
)
@decorate_view(idempotent)
def submit_report(request, report_id: int, payload: RevisionIn | None = None):
    report = _report(request.auth, report_id, SUBMIT_RELATED)
    return actions.submit_report(report, request.auth, expected_revision=_revision(payload))


@router.post(
    "/reports/{int:report_id}/approve",
    response={200: ReportDetail, **WRITE_ERRORS},
    summary="Approve a submitted report (its unit's approvers, supervisors)",
)
@decorate_view(idempotent)
def approve_report(request, report_id: int, payload: RevisionIn | None = None):
    report = _report(request.auth, report_id, APPROVE_RELATED)
    return actions.approve_report(report, request.auth, expected_revision=_revision(payload))


@router.post(
    "/reports/{int:report_id}/return",
    response={200: ReportDetail, **WRITE_ERRORS},
    summary="Return a submitted report with a reason",
)
@decorate_view(idempotent)
def return_report(request, report_id: int, payload: ReturnIn):
    report = _report(request.auth, report_id)
    return actions.return_report(
        report, request.auth, payload.reason, expected_revision=payload.revision
    )


@router.post(
    "/reports/{int:report_id}/correct",
    response={201: ReportDetail, **WRITE_ERRORS},
    summary="Start a correction of an approved report: a new draft version",
)
@decorate_view(idempotent)
def correct_report(request, report_id: int):
    report = _report(request.auth, report_id)
    return Status(201, actions.correct_report(report, request.auth))


@router.post(
    "/reports/{int:report_id}/evidence",
    response={201: EvidenceOut, **WRITE_ERRORS},
    summary="Attach an evidence file (PDF, JPEG, PNG, DOCX, XLSX) to a draft or returned report",
)
@decorate_view(idempotent)
def attach_evidence(request, report_id: int, file: File[UploadedFile]):
    report = _report(request.auth, report_id)
    return Status(201, add_evidence(report, request.auth, file))
