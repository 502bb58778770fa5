"""Imports and exports as jobs (luoshi.jobs): the same pipeline in the request or the worker.

Ledger imports and 一表通 uploads larger than settings.IMPORT_IN_REQUEST_MAX_BYTES, and
ledger exports of more than settings.EXPORT_IN_REQUEST_MAX_ROWS rows, run in the worker.

A file up to settings.IMPORT_IN_REQUEST_MAX_BYTES is imported in the request, a larger
one by the task `tasks.ledger_job`; both call `run_ledger` on a claimed job, so the
checks, the all-or-nothing apply and the refusals are one code. A commit import is a
job with the file's digest, so two people importing one file at once get one import
and a clear answer (luoshi.jobs.actions.Busy); a file imported once with new rows is
refused the second time, since its new rows would be created twice.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.jobs import actions as jobs
from luoshi.jobs.choices import JobKind, JobState
from luoshi.jobs.models import Job
from luoshi.orgs.models import Unit

from . import ledger, workbook
from .ledger_import import import_file
from .reader import Problem, Refused

TITLES = {"projects": "招商项目台账", "hazards": "安全隐患台账"}


def title(kind: str, commit: bool) -> str:
    return (_("%(ledger)s: import") if commit else _("%(ledger)s: check")) % {
        "ledger": TITLES[kind]
    }


def start_ledger_job(user, kind: str, upload, *, commit: bool, link: str, store: bool) -> Job:
    """A queued job for this upload (checked already by reader.check_upload); Busy when the
    same file is being imported. `store` keeps the file for the worker."""
    return jobs.start(
        user,
        JobKind.LEDGER_IMPORT if commit else JobKind.LEDGER_CHECK,
        title(kind, commit),
        params={"ledger": kind, "commit": commit},
        upload=upload,
        digest=jobs.digest_of(upload) if commit else "",
        link=link,
        store_upload=store,
    )


def _imported_before(job: Job) -> Job | None:
    """An earlier import of this very file that created rows."""
    return (
        Job.objects.select_related("user")
        .filter(kind=job.kind, digest=job.digest, state=JobState.DONE, result__created__gt=0)
        .exclude(pk=job.pk)
        .order_by("-finished_at")
        .first()
    )


def run_ledger(job: Job, source) -> None:
    """Check (and, for an import job, apply) the workbook in `source`; end the job."""
    kind, commit = job.params["ledger"], job.params["commit"]
    if commit and job.digest:
        earlier = _imported_before(job)
        if earlier is not None:
            message = _(
                "This same file was imported on %(when)s by %(person)s and created "
                "%(count)d rows: importing it again would create them twice. To change rows, "
                "export the ledger, edit the rows and import that file."
            ) % {
                "when": timezone.localtime(earlier.finished_at).strftime("%Y-%m-%d %H:%M"),
                "person": earlier.user.get_full_name() or earlier.user.get_username(),
                "count": earlier.result["created"],
            }
            jobs.fail(job, message, problems=[asdict(Problem(message=message))])
            return
    progress = jobs.Progress(job)
    progress(0, None, message=_("Reading and checking the rows…"))
    try:
        preview, counts = import_file(kind, source, job.user, commit=commit, progress=progress)
    except Refused as refused:
        jobs.fail(
            job,
            _("The file was refused: nothing was written."),
            problems=[asdict(p) for p in refused.problems],
            problem_count=refused.count,
        )
        return
    finally:
        progress.close()
    rows = len(preview.creates) + len(preview.updates)
    job.total = rows
    result = counts or {"created": len(preview.creates), "updated": len(preview.updates)}
    jobs.finish(job, result=result)


def run_stored(job_id: int) -> Job | None:
    """The worker's side: claim the job and run it on its stored upload."""

    def work(job: Job) -> None:
        with job.upload.open("rb") as source:
            RUNNERS[job.kind](job, source)

    return jobs.run(job_id, work)


def start_export_job(user, kind: str, query: QueryDict, filename: str) -> Job:
    """A queued export of the rows the list page's `query` selects (as the job's owner
    sees them when the job runs)."""
    return jobs.start(
        user,
        JobKind.LEDGER_EXPORT,
        _("%(ledger)s: export") % {"ledger": TITLES[kind]},
        params={"ledger": kind, "query": dict(query.lists()), "filename": filename},
    )


def run_export(job_id: int) -> Job | None:
    """The worker's side of an export: the workbook written to a file kept for the owner."""

    def work(job: Job) -> None:
        kind = job.params["ledger"]
        query = QueryDict(mutable=True)
        for name, values in job.params["query"].items():
            query.setlist(name, values)
        rows = ledger.filtered(kind, job.user, query)
        progress = jobs.Progress(job)
        total = rows.count()
        progress(0, total, message=_("Writing the workbook…"))
        book = ledger.export_workbook(kind, rows, lambda done: progress(done, total))
        with tempfile.TemporaryFile() as out:
            book.save(out)
            out.seek(0)
            job.total = total
            jobs.finish(
                job, result={"rows": total}, result_file=out, result_name=job.params["filename"]
            )

    return jobs.run(job_id, work)


def start_workbook_job(user, unit, period, upload, *, link: str, store: bool) -> Job:
    """A queued 一表通 upload for `unit` and `period` (the form checked both already)."""
    return jobs.start(
        user,
        JobKind.WORKBOOK_UPLOAD,
        _("一表通 for %(unit)s, %(period)s: upload") % {"unit": unit.name, "period": period.label},
        params={"unit": unit.pk, "period": period.label},
        upload=upload,
        digest=jobs.digest_of(upload),
        link=link,
        store_upload=store,
    )


def run_workbook(job: Job, source) -> None:
    """Check the filled 一表通 and create its draft reports, all or none; end the job."""
    unit = Unit.objects.filter(pk=job.params["unit"]).first()
    period = workbook.parse_period(job.params["period"])
    progress = jobs.Progress(job)
    progress(0, None, message=_("Checking the workbook…"))
    try:
        if unit is None:
            raise PermissionDenied(_("You do not report for this unit."))
        result = workbook.read_upload(source, unit, period, job.user)
        progress(len(result.rows), len(result.rows), message=_("Creating the draft reports…"))
        reports = workbook.apply_upload(result, job.user)
    except Refused as refused:
        jobs.fail(
            job,
            _("The file was refused: nothing was written."),
            problems=[asdict(p) for p in refused.problems],
            problem_count=refused.count,
        )
        return
    except PermissionDenied as denied:
        jobs.fail(job, str(denied), problems=[asdict(Problem(message=str(denied)))])
        return
    job.total = len(reports)
    jobs.finish(
        job,
        result={
            "created": len(reports),
            "reports": [r.pk for r in reports],
            "unit": unit.name,
            "period": period.label,
        },
    )


RUNNERS: dict[str, Callable[[Job, Any], None]] = {
    JobKind.LEDGER_IMPORT: run_ledger,
    JobKind.LEDGER_CHECK: run_ledger,
    JobKind.WORKBOOK_UPLOAD: run_workbook,
}


def run_now(job: Job, upload) -> Job:
    """The request's side, for a small file: the same run, on the upload in hand."""
    jobs.run(job.pk, lambda claimed: RUNNERS[claimed.kind](claimed, upload))
    job.refresh_from_db()
    return job
