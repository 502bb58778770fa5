from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luoshi.clock import today
from luoshi.core.periods import default_as_of
from luoshi.formtools import attach_errors, bad_post
from luoshi.orgs.access import access_for
from luoshi.orgs.history import history_of
from luoshi.orgs.requests import AuthedRequest
from luoshi.plans.access import access_target_by_id

from . import actions
from .access import access_report_by_id
from .forms import ReportAction, ReportForm, ReturnForm, ReviewForm
from .models import Evidence


def _fields(form: ReportForm) -> dict:
    data = form.cleaned_data
    return {
        "as_of": data["as_of"],
        "value": data.get("value"),
        "overdue": data.get("overdue"),
        "milestone": data.get("milestone"),
        "narrative": data.get("narrative", ""),
        "evidence": data.get("evidence") or (),
    }


@login_required
def report_new(request: AuthedRequest, target_id: int) -> HttpResponse:
    target = access_target_by_id(request.user, target_id)
    if not access_for(request.user).can_report_for(target.unit):
        raise PermissionDenied
    form = ReportForm(
        request.POST or None,
        request.FILES or None,
        target=target,
        initial={"as_of": default_as_of(target.cadence, target.start, today())},
    )
    buttons = ReportAction(request.POST)
    if request.method == "POST" and not buttons.is_valid():
        return bad_post(buttons, request)
    if request.method == "POST" and form.is_valid():
        try:
            report = actions.create_report(
                target, request.user, **_fields(form), submit=buttons.submits
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request, _("Report submitted.") if buttons.submits else _("Draft saved.")
            )
            return redirect("report-detail", report_id=report.pk)
    return render(request, "reporting/report_form.html", {"target": target, "form": form})


@login_required
def report_detail(request: AuthedRequest, report_id: int) -> HttpResponse:
    """The report; its editing form while it is a draft; review buttons for approvers."""
    report = access_report_by_id(request.user, report_id)
    access = access_for(request.user)
    can_edit = report.is_editable and access.can_report_for(report.unit)
    form = None
    if can_edit:
        initial = {
            "as_of": report.as_of,
            "value": report.value,
            "overdue": report.overdue,
            "milestone": report.milestone_id,
            "narrative": report.narrative,
            "revision": report.revision,
        }
        form = ReportForm(
            request.POST or None,
            request.FILES or None,
            target=report.target,
            initial=initial,
            editing=True,
        )
        buttons = ReportAction(request.POST)
        if request.method == "POST" and not buttons.is_valid():
            return bad_post(buttons, request)
        if request.method == "POST" and form.is_valid():
            try:
                actions.update_report(
                    report,
                    request.user,
                    expected_revision=form.cleaned_data["revision"],
                    **_fields(form),
                    submit=buttons.submits,
                )
            except actions.Conflict as conflict:
                # _() outside the f-string, so that makemessages finds the words.
                messages.error(
                    request, f"{conflict} " + _("Reload the page to see the current version.")
                )
            except ValidationError as error:
                attach_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Report submitted.") if buttons.submits else _("Draft saved."),
                )
                return redirect("report-detail", report_id=report.pk)
    elif request.method == "POST":
        raise PermissionDenied
    can_review = report.status == "submitted" and access.can_approve_for(report.unit)
    context = {
        "report": report,
        "form": form,
        "return_form": ReturnForm(initial={"revision": report.revision}),
        "can_review": can_review,
        "can_approve": can_review and not report.waits_for_another_approver(request.user),
        "can_correct": report.status == "approved" and access.can_report_for(report.unit),
        "evidence": report.evidence.select_related("uploaded_by"),
        "history": history_of(report),
    }
    return render(request, "reporting/report_detail.html", context)


def _review(request: HttpRequest, report_id: int, do, form_class=ReviewForm) -> HttpResponse:
    with transaction.atomic():
        report = access_report_by_id(request.user, report_id, for_update=True)
        form = form_class(request.POST)
        if not form.is_valid():
            # Only a damaged or forged post gets here: the page's buttons send a whole number.
            errors = "; ".join(f"{name}: {' '.join(e)}" for name, e in form.errors.items())
            return HttpResponseBadRequest(errors, content_type="text/plain; charset=utf-8")
        try:
            do(report, form.cleaned_data)
        except (actions.Conflict, actions.FourEyes) as refusal:
            messages.error(request, str(refusal))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect("report-detail", report_id=report_id)


@login_required
@require_POST
def report_submit(request: AuthedRequest, report_id: int) -> HttpResponse:
    def do(report, data):
        actions.submit_report(report, request.user, expected_revision=data["revision"])
        messages.success(request, _("Report submitted."))

    return _review(request, report_id, do)


@login_required
@require_POST
def report_approve(request: AuthedRequest, report_id: int) -> HttpResponse:
    def do(report, data):
        actions.approve_report(report, request.user, expected_revision=data["revision"])
        messages.success(request, _("Report approved: it now counts."))

    return _review(request, report_id, do)


@login_required
@require_POST
def report_return(request: AuthedRequest, report_id: int) -> HttpResponse:
    def do(report, data):
        actions.return_report(
            report, request.user, data["reason"], expected_revision=data["revision"]
        )
        messages.success(request, _("Report returned to the unit."))

    return _review(request, report_id, do, ReturnForm)


@login_required
@require_POST
def report_correct(request: AuthedRequest, report_id: int) -> HttpResponse:
    report = access_report_by_id(request.user, report_id)
    try:
        correction = actions.correct_report(report, request.user)
    except actions.Conflict as conflict:
        messages.error(request, str(conflict))
        return redirect("report-detail", report_id=report_id)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("report-detail", report_id=report_id)
    messages.info(request, _("A correction has been started as a new version."))
    return redirect("report-detail", report_id=correction.pk)


# The approval queue is views_queue.approvals.


@login_required
def evidence_download(request: AuthedRequest, evidence_id: int) -> FileResponse:
    evidence = Evidence.objects.filter(pk=evidence_id).only("report_id").first()
    if evidence is None:
        raise Http404("evidence")
    access_report_by_id(request.user, evidence.report_id)  # 404 unless the report is visible
    evidence = Evidence.objects.get(pk=evidence_id)
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=evidence.name)
