"""A draft written as a job (issue 12): in the request for a small plan, by the worker for
a large one (more than settings.BULLETIN_DRAFT_IN_REQUEST_MAX_TARGETS targets: the figures
and text of a city-size plan take about 2 s). Both paths start one job keyed by plan and
date, so two people asking for the same draft at once get one draft, and the second a
clear answer (DraftBusy); the draft itself is `actions.draft_bulletin`, as before.
"""

from __future__ import annotations

import hashlib
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from luoshi.clock import check_in_window
from luoshi.jobs import actions as jobs
from luoshi.jobs.choices import JobKind
from luoshi.jobs.models import Job
from luoshi.plans.models import Plan, Target

from . import actions


class DraftBusy(Exception):
    """A draft of this plan and date is being written already (another request, a job)."""


def draft_in_request(plan: Plan) -> bool:
    """Whether a draft of `plan` is written in the request: a plan of up to
    settings.BULLETIN_DRAFT_IN_REQUEST_MAX_TARGETS targets (a draft of a city-size plan
    takes seconds; it goes to the worker)."""
    limit = settings.BULLETIN_DRAFT_IN_REQUEST_MAX_TARGETS
    return Target.objects.filter(plan=plan).count() <= limit


def start_draft(plan: Plan, at: date, user, *, link: str = "") -> Job:
    """A job that writes the draft of `plan` at `at` for `user`, checked first (the
    office only, a date in the window). The job is keyed by plan and date: while one runs,
    a second ask of the same draft raises DraftBusy, so two people asking at once get one
    draft. Run it with `run_draft` (in the request) or `tasks.draft_job` (the worker)."""
    actions._require_drafter(user)
    check_in_window(at)
    key = hashlib.sha256(f"bulletin-draft:{plan.pk}:{at.isoformat()}".encode()).hexdigest()
    try:
        return jobs.start(
            user,
            JobKind.BULLETIN_DRAFT,
            _("Bulletin draft: %(plan)s, %(at)s") % {"plan": plan.title, "at": at.isoformat()},
            params={"plan": plan.pk, "at": at.isoformat()},
            digest=key,
            link=link,
        )
    except jobs.Busy as busy:
        other = busy.job
        raise DraftBusy(
            _(
                "A draft of this plan as of %(at)s is being written (started at %(time)s by "
                "%(person)s): open the drafts list in a moment rather than asking again."
            )
            % {
                "at": at.isoformat(),
                "time": timezone.localtime(other.created_at).strftime("%H:%M") if other else "",
                "person": (other.user.get_full_name() or other.user.get_username())
                if other
                else "",
            }
        ) from None


def run_draft(job_id: int) -> Job | None:
    """Claim the draft job and write the draft (`draft_bulletin`); the job ends done with
    the bulletin's id, or failed with the reason (the date left the window, the person is
    no longer of the office). None when another worker took it."""

    def work(job: Job) -> None:
        plan = Plan.objects.get(pk=job.params["plan"])
        try:
            bulletin = actions.draft_bulletin(plan, date.fromisoformat(job.params["at"]), job.user)
        except (ValidationError, PermissionDenied) as error:
            messages = getattr(error, "messages", None) or [str(error)]
            jobs.fail(job, " ".join(str(m) for m in messages))
            return
        jobs.finish(job, result={"bulletin": bulletin.pk})

    return jobs.run(job_id, work)


@task()
def draft_job(job_id: int) -> None:
    """The worker's side: write the draft of a large plan (`start_draft` queued it)."""
    run_draft(job_id)
