"""我的任务: a person's jobs, one job's page (its progress, then its outcome), its file,
and cancelling it (a POST from the job's page or from the list).

Every page is its owner's only: another person's job answers 404, as a missing one does.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import OperationalError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luoshi.orgs.requests import AuthedRequest

from . import actions
from .choices import JobState
from .models import Job

PAGE_SIZE = 30
POLL_SECONDS = 2


def access_job_by_id(user, job_id: int) -> Job:
    """The job, if `user` started it; otherwise 404 (missing and forbidden look the same)."""
    job = Job.objects.restrict(user).filter(pk=job_id).first()
    if job is None:
        raise Http404("job")
    return job


@login_required
def job_list(request: AuthedRequest) -> HttpResponse:
    jobs = Job.objects.restrict(request.user).defer("problems", "params", "result")
    page = Paginator(jobs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "jobs/list.html", {"page": page})


@login_required
def job_detail(request: AuthedRequest, job_id: int) -> HttpResponse:
    """The job's page; htmx polls it for the progress part alone while the job runs."""
    job = access_job_by_id(request.user, job_id)
    context = {"job": job, "stale": actions.stale(job), "poll": POLL_SECONDS}
    if request.headers.get("HX-Request") and job.active:
        return render(request, "jobs/_progress.html", context)
    if request.headers.get("HX-Request"):
        # Finished while polled: the whole page again, so the outcome replaces the bar.
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return render(request, "jobs/detail.html", context)


@login_required
def job_file(request: AuthedRequest, job_id: int) -> FileResponse:
    """The file the job made, for its owner only."""
    job = access_job_by_id(request.user, job_id)
    if not job.result_file:
        raise Http404("file")
    try:
        handle = job.result_file.open("rb")
    except FileNotFoundError:
        raise Http404("file") from None
    return FileResponse(handle, as_attachment=True, filename=job.result_name or "result.xlsx")


@login_required
@require_POST
def job_cancel(request: AuthedRequest, job_id: int) -> HttpResponse:
    """取消: a queued job ends now; a running one stops at its next batch and writes
    nothing. A job that already ended answers 409 with its page and the reason."""
    job = access_job_by_id(request.user, job_id)
    try:
        job = actions.cancel(job)
    except actions.Ended as ended:
        context = {"job": ended.job, "stale": False, "poll": POLL_SECONDS, "refusal": str(ended)}
        return render(request, "jobs/detail.html", context, status=409)
    except OperationalError:
        # SQLite only: the job holds the write lock while it writes its rows, longer than
        # a request waits for it. Nothing was changed; the person may try again.
        response = render(
            request,
            "jobs/detail.html",
            {
                "job": job,
                "stale": False,
                "poll": POLL_SECONDS,
                "refusal": _("The job is writing its rows: try again in a moment."),
            },
            status=503,
        )
        response["Retry-After"] = "10"
        return response
    if job.state == JobState.CANCELLED:
        messages.success(request, _("The job was cancelled before it started."))
    else:
        messages.info(
            request,
            _("Cancelling: the job stops at its next batch of rows and writes nothing."),
        )
    return redirect("job-detail", job.pk)
