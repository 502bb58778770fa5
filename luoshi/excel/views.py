"""Pages of the Excel import and export. Each parses, checks access, calls one step."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from luoshi.clock import today
from luoshi.formtools import as_id
from luoshi.jobs.actions import Busy
from luoshi.jobs.choices import JobState
from luoshi.orgs.access import access_for, access_unit_by_id
from luoshi.orgs.choices import Role
from luoshi.orgs.requests import AuthedRequest
from luoshi.reporting import actions as report_actions
from luoshi.reporting.choices import ReportStatus
from luoshi.reporting.models import Report

from . import background, ledger, tasks, workbook, writer
from .forms import LedgerImportForm, SubmitDraftsForm, WorkbookForm, WorkbookUploadForm
from .ledger_import import import_file
from .reader import Problem, Refused, check_upload

KIND_TITLES = background.TITLES


def _kind(kind: str) -> str:
    if kind not in ledger.KINDS:
        raise Http404("ledger")
    return kind


@login_required
def ledger_export(request: AuthedRequest, kind: str) -> HttpResponse:
    """The rows of a ledger the person may see, filtered like the list page.

    Up to settings.EXPORT_IN_REQUEST_MAX_ROWS rows are answered at once; more (a whole
    city's register) are written by a background job whose page offers the file.
    """
    rows = ledger.filtered(_kind(kind), request.user, request.GET)
    filename = f"{KIND_TITLES[kind]}-{today().isoformat()}.xlsx"
    if rows.count() > settings.EXPORT_IN_REQUEST_MAX_ROWS:
        job = background.start_export_job(request.user, kind, request.GET, filename)
        transaction.on_commit(lambda: tasks.export_job.enqueue(job.pk))
        return redirect("job-detail", job_id=job.pk)
    book = ledger.export_workbook(kind, rows)
    return writer.xlsx_response(book, filename)


def _keeps_any_ledger(user) -> bool:
    access = access_for(user)
    return access.is_supervisor or bool(
        access.units_for(Role.REPORTER) or access.units_for(Role.APPROVER)
    )


@login_required
def ledger_import(request: AuthedRequest, kind: str) -> HttpResponse:
    """Upload → the list of problems, a preview ("check"), or the rows written ("import")."""
    _kind(kind)
    if not _keeps_any_ledger(request.user):
        raise PermissionDenied
    form = LedgerImportForm(request.POST or None, request.FILES or None)
    context = {
        "kind": kind,
        "title": KIND_TITLES[kind],
        "form": form,
        "columns": ledger.SPECS[kind]["columns"],
        "in_request_max": settings.IMPORT_IN_REQUEST_MAX_BYTES,
    }
    if request.method == "POST" and form.is_valid():
        commit = form.commits
        upload = form.cleaned_data["file"]
        here = reverse("ledger-import", kwargs={"kind": kind})
        try:
            if upload.size > settings.IMPORT_IN_REQUEST_MAX_BYTES:
                # A large file: checked, stored and queued; its page shows the progress.
                check_upload(upload)
                job = background.start_ledger_job(
                    request.user, kind, upload, commit=commit, link=here, store=True
                )
                transaction.on_commit(lambda: tasks.ledger_job.enqueue(job.pk))
                return redirect("job-detail", job_id=job.pk)
            if not commit:
                preview, _counts = import_file(kind, upload, request.user, commit=False)
                context["preview"] = preview
            else:
                # A small file is imported here, through the same job steps as a large one.
                job = background.start_ledger_job(
                    request.user, kind, upload, commit=True, link=here, store=False
                )
                job = background.run_now(job, upload)
                if job.state != JobState.DONE:
                    refusals = [Problem(**p) for p in job.problems] or [Problem(message=job.error)]
                    context["problems"] = refusals
                    context["problem_count"] = job.problem_count or len(refusals)
                    return render(request, "excel/ledger_import.html", context, status=400)
                messages.success(
                    request,
                    _(
                        "Imported: %(created)d rows created, %(updated)d updated, %(unchanged)d unchanged."
                    )
                    % job.result,
                )
                return redirect(here)
        except Refused as refused:
            context["problems"] = refused.problems
            context["problem_count"] = refused.count
            return render(request, "excel/ledger_import.html", context, status=400)
        except Busy as busy:
            context["problems"] = [Problem(message=str(busy))]
            context["problem_count"] = 1
            return render(request, "excel/ledger_import.html", context, status=409)
    # A post without a usable file (none, empty) is a bad request, as a refused file is.
    status = 400 if request.method == "POST" and not form.is_valid() else 200
    return render(request, "excel/ledger_import.html", context, status=status)


@login_required
def workbook_export(request: AuthedRequest) -> HttpResponse:
    """一表通 of a unit and period, for those who report for the unit."""
    _check_unit(request.user, request.GET)
    form = WorkbookForm(request.GET or None, user=request.user)
    if not form.is_valid():
        return _workbook_page(request, export_form=form, status=400 if request.GET else 200)
    unit, period = form.cleaned_data["unit"], form.cleaned_data["period"]
    book = workbook.export_workbook(unit, period)
    return writer.xlsx_response(book, workbook.filename(unit, period))


def _check_unit(user, data) -> None:
    """A unit one may not see is 404, one seen but not reported for is 403 (before the form)."""
    unit_id = data.get("unit") or ""
    pk = as_id(unit_id)
    if pk is not None:
        unit = access_unit_by_id(user, pk)
        workbook.check_may_report(user, unit)


def _workbook_page(request, export_form=None, upload_form=None, status=200, **context):
    period = workbook.default_period().label
    context.update(
        export_form=export_form or WorkbookForm(user=request.user, initial={"period": period}),
        upload_form=upload_form
        or WorkbookUploadForm(user=request.user, initial={"period": period}),
    )
    return render(request, "excel/workbook.html", context, status=status)


@login_required
def workbook_upload(request: AuthedRequest) -> HttpResponse:
    """The 一表通 page: export a workbook; upload a filled one → draft reports or problems."""
    if request.method != "POST":
        return _workbook_page(request)
    _check_unit(request.user, request.POST)
    form = WorkbookUploadForm(request.POST, request.FILES, user=request.user)
    if not form.is_valid():
        return _workbook_page(request, upload_form=form, status=400)
    unit, period = form.cleaned_data["unit"], form.cleaned_data["period"]
    upload = form.cleaned_data["file"]
    big = upload.size > settings.IMPORT_IN_REQUEST_MAX_BYTES
    try:
        if big:
            check_upload(upload)  # refused files make no job
        # Small files run here, large ones in the worker: the same job steps either way.
        job = background.start_workbook_job(
            request.user, unit, period, upload, link=reverse("workbench"), store=big
        )
    except Refused as refused:
        return _workbook_page(
            request,
            upload_form=form,
            status=400,
            problems=refused.problems,
            problem_count=refused.count,
        )
    except Busy as busy:
        return _workbook_page(
            request,
            upload_form=form,
            status=409,
            problems=[Problem(message=str(busy))],
            problem_count=1,
        )
    if big:
        transaction.on_commit(lambda: tasks.ledger_job.enqueue(job.pk))
        return redirect("job-detail", job_id=job.pk)
    job = background.run_now(job, upload)
    if job.state != JobState.DONE:
        problems = [Problem(**p) for p in job.problems] or [Problem(message=job.error)]
        return _workbook_page(
            request,
            upload_form=form,
            status=400,
            problems=problems,
            problem_count=job.problem_count or len(problems),
        )
    reports = list(
        Report.objects.filter(pk__in=job.result["reports"]).select_related("target").order_by("pk")
    )
    messages.success(
        request,
        _("%(count)d draft reports created for %(unit)s, %(period)s; review and submit them.")
        % {"count": len(reports), "unit": unit.name, "period": period.label},
    )
    return _workbook_page(request, created=reports)


@login_required
@require_POST
def workbook_submit(request: AuthedRequest) -> HttpResponse:
    """Submit, in one go, the drafts an upload made (their dates are the period's end already).

    All or nothing: one that is no longer this person's draft (submitted meanwhile, changed,
    not theirs to submit) submits none, and the page says so.
    """
    form = SubmitDraftsForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("No drafts to submit."))
        return redirect("workbook-upload")
    ids = form.cleaned_data["report"]
    try:
        with transaction.atomic():
            drafts = list(
                Report.objects.restrict(request.user, "view")
                .filter(pk__in=ids, status=ReportStatus.DRAFT)
                .select_related("unit")
                .select_for_update(of=("self",))
                .order_by("pk")
            )
            if len(drafts) != len(ids):
                raise ValidationError(
                    _("Some of these drafts were submitted or changed meanwhile: open them.")
                )
            for report in drafts:
                report_actions.submit_report(report, request.user)
    except (ValidationError, PermissionDenied, report_actions.Conflict) as refusal:
        text = " ".join(refusal.messages) if isinstance(refusal, ValidationError) else str(refusal)
        messages.error(request, _("Nothing was submitted.") + " " + text)
        return redirect("workbench")
    messages.success(
        request,
        ngettext(
            "%(count)d report submitted for approval.",
            "%(count)d reports submitted for approval.",
            len(drafts),
        )
        % {"count": len(drafts)},
    )
    return redirect("workbench")
