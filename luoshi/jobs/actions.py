"""Starting, claiming, advancing and ending jobs. Nothing here knows what a job does.

The owner of the work (an import, an export) calls `start` in the request, enqueues
its task after the commit, and in the task calls `claim`, reports through a
`Progress`, and ends with `finish` or `fail`. The same steps run in the request for
small files (the owner calls its runner directly), so both paths are one code.

A person cancels their own job with `cancel`: a queued job ends at once (the worker's
`claim` then finds nothing to take); a running one gets a flag that `Progress` reads
at every batch it hears of, raising `Cancelled` there. Raised inside the job's one
transaction it rolls the whole job back, so a cancelled job wrote nothing, and `run`
ends it cancelled.
"""

from __future__ import annotations

import hashlib
import logging
import time
from datetime import timedelta

from django.conf import settings
from django.core.files.base import File
from django.db import DEFAULT_DB_ALIAS, IntegrityError, connection, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .choices import ACTIVE_STATES, JobState
from .models import Job

log = logging.getLogger(__name__)


class Busy(Exception):
    """The same file is already queued or running as a job of this kind."""

    def __init__(self, job: Job | None):
        self.job = job
        if job is None:
            text = _("This file is already being imported. Wait for that import to finish.")
        else:
            text = _(
                "This file is already being imported (started at %(time)s by %(person)s). "
                "Wait for that import to finish before uploading it again."
            ) % {
                "time": timezone.localtime(job.created_at).strftime("%H:%M"),
                "person": job.user.get_full_name() or job.user.get_username(),
            }
        super().__init__(text)


class Cancelled(Exception):
    """The job's owner cancelled it: raised between batches, so that the job's
    transaction rolls back; `run` ends the job cancelled."""

    def __init__(self, requested_at):
        self.requested_at = requested_at
        super().__init__("cancelled by its owner")


class Ended(Exception):
    """The job finished (done, failed or cancelled) before it could be cancelled."""

    def __init__(self, job: Job):
        self.job = job
        super().__init__(
            _("This job has already ended (%(state)s): there is nothing left to cancel.")
            % {"state": job.get_state_display()}
        )


def cancel(job: Job) -> Job:
    """Cancel `job` for its owner (the caller checked who asks): a queued job ends
    cancelled now; a running one is flagged and stops at its worker's next batch,
    writing nothing. Raises Ended when it already ended. Two short UPDATEs at most,
    each conditional on the state, so a worker claiming or ending it at the same
    moment is never overwritten."""
    now = timezone.now()
    if Job.objects.filter(pk=job.pk, state=JobState.QUEUED).update(
        state=JobState.CANCELLED, finished_at=now, cancel_requested_at=now, message=""
    ):
        job.refresh_from_db()
        if job.upload:
            job.upload.delete(save=False)  # the worker will never read it
            Job.objects.filter(pk=job.pk).update(upload="")
        return job
    Job.objects.filter(pk=job.pk, state=JobState.RUNNING, cancel_requested_at__isnull=True).update(
        cancel_requested_at=now
    )
    job.refresh_from_db()
    if not job.active:
        raise Ended(job)
    return job


def check_cancelled(job: Job) -> None:
    """Raise Cancelled if the job's owner asked to cancel it (one read by primary key)."""
    requested = (
        Job.objects.filter(pk=job.pk, cancel_requested_at__isnull=False)
        .values_list("cancel_requested_at", flat=True)
        .first()
    )
    if requested is not None:
        raise Cancelled(requested)


def digest_of(upload) -> str:
    """SHA-256 of an uploaded file (read in chunks; the file is left at its start)."""
    sha = hashlib.sha256()
    upload.seek(0)
    for chunk in iter(lambda: upload.read(1024 * 1024), b""):
        sha.update(chunk)
    upload.seek(0)
    return sha.hexdigest()


def start(
    user,
    kind: str,
    title: str,
    *,
    params: dict | None = None,
    upload=None,
    digest: str = "",
    link: str = "",
    store_upload: bool = True,
) -> Job:
    """A queued job for `user`; its upload (already checked by the caller) stored first.

    Raises Busy when `digest` is given and a job of this kind runs the same file.
    """
    job = Job(
        user=user,
        kind=kind,
        title=title[:200],
        params=params or {},
        language=translation.get_language() or settings.LANGUAGE_CODE,
        digest=digest,
        link=link,
    )
    if upload is not None:
        job.upload_name = (getattr(upload, "name", "") or "")[:200]
        if store_upload:
            upload.seek(0)
            job.upload.save("upload.xlsx", File(upload), save=False)
    if digest:
        expire_abandoned(kind, digest)
    try:
        with transaction.atomic():
            job.save()
    except IntegrityError:
        if job.upload:
            job.upload.delete(save=False)
        other = (
            Job.objects.select_related("user")
            .filter(kind=kind, digest=digest, state__in=ACTIVE_STATES)
            .first()
        )
        raise Busy(other) from None
    return job


# A job still running after this long lost its worker (killed, restarted): its one
# transaction was rolled back. 100,000 rows take minutes even on a loaded machine.
ABANDONED_AFTER = timedelta(hours=2)


def expire_abandoned(kind: str, digest: str) -> int:
    """Fail the jobs of this file that lost their worker, so the file can be run again."""
    limit = timezone.now() - ABANDONED_AFTER
    return (
        Job.objects.filter(kind=kind, digest=digest, state__in=ACTIVE_STATES)
        .filter(Q(started_at__lt=limit) | Q(started_at__isnull=True, created_at__lt=limit))
        .update(
            state=JobState.FAILED,
            finished_at=timezone.now(),
            error=_("The job lost its worker before it ended; nothing was written."),
        )
    )


def claim(job_id: int) -> Job | None:
    """queued → running, once: None when the job is gone or another worker took it."""
    taken = Job.objects.filter(pk=job_id, state=JobState.QUEUED).update(
        state=JobState.RUNNING, started_at=timezone.now()
    )
    if not taken:
        return None
    return Job.objects.select_related("user").get(pk=job_id)


class Progress:
    """Reports rows done to the job's row, at most every `every` seconds.

    Each report is one short UPDATE in autocommit, so the job page (another request)
    sees it at once and, on SQLite, the write lock is held for a moment only. Call it
    outside the job's own transaction: inside one, the page would see nothing until
    the commit, and on SQLite a second connection could not write at all.

    Every call (`within` too), however soon after the last, first reads whether the
    owner cancelled the job and raises Cancelled if so: a batch is the point where the
    job can stop, and one read per batch of hundreds of rows costs nothing.
    """

    def __init__(self, job: Job, every: float = 0.5):
        self.job = job
        self.every = every
        self.last = 0.0
        # The connection of `within`, opened on first use.
        self._side: BaseDatabaseWrapper | None = None

    def __call__(self, done: int, total: int | None = None, *, message: str | None = None):
        check_cancelled(self.job)
        if total is not None and total < done:
            total = done
        # Kept on the object even when not written yet, so that the job's end (fail,
        # finish) records how far it got, however soon after the last report it comes.
        self.job.done, self.job.total = done, total
        now = time.monotonic()
        if message is None and now - self.last < self.every:
            return
        self.last = now
        fields: dict[str, object] = {"done": done, "total": total}
        if message is not None:
            fields["message"] = message[:200]
        for name, value in fields.items():
            setattr(self.job, name, value)
        Job.objects.filter(pk=self.job.pk).update(**fields)

    def within(self, done: int, total: int | None) -> None:
        """Progress from inside the job's own transaction (the writing of an import).

        On PostgreSQL through a connection of its own, in autocommit, so the page sees
        it before the commit (the transaction does not touch the job's row). On SQLite
        not at all: while the transaction holds the database's write lock, a second
        connection could only wait for it.

        The cancel flag is read on the job's own connection: committed by the owner's
        request, it is seen inside the transaction (read committed; on SQLite the
        request waits for the lock, so the flag comes after the commit).
        """
        check_cancelled(self.job)
        if connection.vendor == "sqlite":
            return
        now = time.monotonic()
        if now - self.last < self.every:
            return
        self.last = now
        if self._side is None:
            self._side = connections.create_connection(DEFAULT_DB_ALIAS)
        quote = self._side.ops.quote_name
        # Names from the model's metadata, quoted by the backend; values are parameters.
        sql = (
            f"UPDATE {quote(Job._meta.db_table)} SET {quote('done')} = %s, "  # noqa: S608 - see above
            f"{quote('total')} = %s WHERE {quote('id')} = %s"
        )
        with self._side.cursor() as cursor:
            cursor.execute(sql, [done, total, self.job.pk])
        self.job.done, self.job.total = done, total

    def close(self) -> None:
        if self._side is not None:
            self._side.close()
            self._side = None


def _end(job: Job, state: str, **fields) -> None:
    fields.update(state=state, finished_at=timezone.now())
    if job.upload:
        job.upload.delete(save=False)  # the stored upload served its purpose
        fields["upload"] = ""
    for name, value in fields.items():
        setattr(job, name, value)
    Job.objects.filter(pk=job.pk).update(**fields)


def finish(job: Job, *, result: dict | None = None, result_file=None, result_name: str = ""):
    """The job did its work; `result_file` (a file object) is kept for its owner."""
    fields: dict[str, object] = {"result": result or {}, "message": ""}
    if result_file is not None:
        job.result_file.save("result.xlsx", File(result_file), save=False)
        fields["result_file"] = job.result_file.name
        fields["result_name"] = result_name[:200]
    if job.total is not None:
        fields["done"] = fields["total"] = job.total
    _end(job, JobState.DONE, **fields)


def fail(job: Job, error: str, *, problems: list | None = None, problem_count: int = 0) -> None:
    """The job changed nothing; `error` (and the problems, if any) say why."""
    _end(
        job,
        JobState.FAILED,
        error=error,
        problems=problems or [],
        problem_count=problem_count or len(problems or []),
        message="",
        # How far it got (Progress writes at most twice a second: the last rows checked
        # before the refusal may not be written yet).
        done=job.done,
        total=job.total,
    )


def run(job_id: int, work) -> Job | None:
    """Claim the job and run `work(job)` in its owner's language; an unexpected error
    fails the job with a plain message (the traceback goes to the log), a cancel
    (Cancelled, out of the job's rolled-back transaction) ends it cancelled."""
    job = claim(job_id)
    if job is None:
        return None
    with translation.override(job.language or settings.LANGUAGE_CODE):
        try:
            work(job)
        except Cancelled as cancelled:
            log.info("job %s (%s) cancelled by its owner", job.pk, job.kind)
            # Kept here too: a flag set inside the job's transaction went with it.
            _end(
                job,
                JobState.CANCELLED,
                message="",
                error="",
                cancel_requested_at=cancelled.requested_at,
            )
        except Exception:
            log.exception("job %s (%s) failed", job.pk, job.kind)
            fail(job, _("The job stopped on an unexpected error; nothing was changed."))
    return job


def prune(days: int) -> int:
    """Delete the jobs that ended more than `days` days ago, with their files."""
    limit = timezone.now() - timedelta(days=days)
    old = Job.objects.filter(finished_at__lt=limit).exclude(state__in=ACTIVE_STATES)
    count = 0
    for job in old.only("pk", "upload", "result_file").iterator():
        for stored in (job.upload, job.result_file):
            if stored:
                stored.delete(save=False)
        count += 1
    old.delete()
    return count


def stale(job: Job) -> bool:
    """Queued for more than a minute: the page says the background worker may be down."""
    return (
        job.state == JobState.QUEUED and (timezone.now() - job.created_at).total_seconds() > 60  # noqa: PLR2004
    )
