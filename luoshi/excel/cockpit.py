"""The cockpit's scorecard and red list (luoshi.dashboards.cockpit) as an .xlsx workbook,
for the cockpit page's export button.

A small export (up to settings.COCKPIT_EXPORT_IN_REQUEST_MAX_ROWS rows, the red list and
the scorecard together) answers at once; a larger one, a province's red list, is written
by a background job (luoshi.jobs) whose page shows its progress and then offers the file,
as the ledger exports do. The job reads the cockpit as its owner sees it when it runs.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_tasks import task
from openpyxl import Workbook

from luoshi.dashboards.cockpit import Cockpit, nearest_stored
from luoshi.dashboards.views_cockpit import cockpit_choices
from luoshi.formtools import bad_request
from luoshi.jobs import actions as jobs
from luoshi.jobs.choices import JobKind
from luoshi.jobs.models import Job
from luoshi.plans.choices import State

from .writer import cell_value, header_cells, new_write_only, xlsx_response

# Rows of the red list written between two reports of the job's progress.
PROGRESS_EVERY = 500


def in_request_max_rows() -> int:
    return getattr(settings, "COCKPIT_EXPORT_IN_REQUEST_MAX_ROWS", 2000)


def _filename(figures: Cockpit, scope, at: date) -> str:
    where = (figures.unit.short_name if figures.unit else "") or (scope.short_name if scope else "")
    return f"{_('cockpit')}-{where}-{at.isoformat()}.xlsx"


@login_required
def cockpit_export(request: HttpRequest) -> HttpResponse:
    """The scorecard and the red list of the cockpit as it is shown, as two sheets: at
    once when small, else through a job whose page the person is sent to."""
    try:
        at, plan, unit, sort = cockpit_choices(request)
    except ValidationError as error:
        return bad_request(error)
    figures = Cockpit(request.user, at, plan, unit)
    if not figures.stored:
        return bad_request(
            ValidationError(
                _("States are kept for today and each month end; choose %(day)s.")
                % {"day": nearest_stored(at).isoformat()}
            )
        )
    scope, scores = figures.scorecard(sort)
    if figures.red_count() + len(scores) > in_request_max_rows():
        job = jobs.start(
            request.user,
            JobKind.COCKPIT_EXPORT,
            _("Cockpit: export"),
            params={"query": dict(request.GET.lists()), "filename": _filename(figures, scope, at)},
            link=request.get_full_path().replace("export.xlsx", "", 1),
        )
        transaction.on_commit(lambda: cockpit_export_job.enqueue(job.pk))
        return redirect("job-detail", job_id=job.pk)
    book = cockpit_workbook(figures, scores)
    return xlsx_response(book, _filename(figures, scope, at))


def cockpit_workbook(
    figures: Cockpit, scores: list, progress: Callable[[int], None] | None = None
) -> Workbook:
    """The two sheets; `progress(rows of the red list written)` now and then."""
    red, _total = figures.red_list(limit=None)
    book = new_write_only()
    sheet = book.create_sheet(_("Scorecard"))
    sheet.append(
        header_cells(
            sheet,
            [
                _("Rank"),
                _("Unit"),
                _("Targets"),
                *[state.label for state in State],  # in the engine's order, as the counts
                _("Share on track or done"),
                _("Missing report"),
                _("Awaiting approval"),
            ],
        )
    )
    own = _("own targets")
    for row in scores:
        name = f"{row.unit.name} ({own})" if row.own else row.unit.name
        values = [
            row.rank,
            name,
            row.total,
            *[row.by_state.get(state, 0) for state in State.values],
            None if row.share is None else round(row.share, 4),
            row.missing,
            row.awaiting,
        ]
        sheet.append([cell_value(sheet, value) for value in values])
    sheet = book.create_sheet(_("Red list"))
    sheet.append(
        header_cells(
            sheet,
            [
                _("Target"),
                _("Responsible unit"),
                _("Plan"),
                _("State"),
                _("Will miss at the current pace"),
                _("Expected"),
                _("Actual"),
                _("Reason"),
            ],
        )
    )
    for written, item in enumerate(red, start=1):
        if progress is not None and written % PROGRESS_EVERY == 0:
            progress(written)
        values = [
            item.target.name,
            item.target.unit.name,
            item.target.plan.title,
            str(State(item.state).label),
            _("yes") if item.evaluation.will_miss else "",
            item.evaluation.expected,
            item.evaluation.actual,
            item.evaluation.reason,
        ]
        sheet.append([cell_value(sheet, value) for value in values])
    return book


def run_export(job_id: int) -> Job | None:
    """The worker's side: the cockpit of the job's query, as its owner sees it now."""

    def work(job: Job) -> None:
        # What cockpit_choices reads of a request: the query and who asks.
        request = HttpRequest()
        request.GET = QueryDict(urlencode(job.params["query"], doseq=True))
        request.user = job.user
        at, plan, unit, sort = cockpit_choices(request)
        figures = Cockpit(job.user, at, plan, unit)
        if not figures.stored:
            jobs.fail(job, _("The states of that day are no longer kept."))
            return
        _scope, scores = figures.scorecard(sort)
        total = figures.red_count()
        progress = jobs.Progress(job)
        progress(0, total, message=_("Writing the workbook…"))
        book = cockpit_workbook(figures, scores, lambda done: progress(done, total))
        with tempfile.TemporaryFile() as out:
            book.save(out)
            out.seek(0)
            job.total = total
            jobs.finish(
                job,
                result={"rows": total + len(scores)},
                result_file=out,
                result_name=job.params["filename"],
            )

    return jobs.run(job_id, work)


@task()
def cockpit_export_job(job_id: int) -> str:
    """Write a queued cockpit export (run_export)."""
    job = run_export(job_id)
    return job.state if job is not None else "taken"
