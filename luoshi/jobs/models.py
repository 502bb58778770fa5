"""A background job: who started it, what it does, how far it got, and what came of it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .choices import ACTIVE_STATES, JobKind, JobState
from .storage import private_storage


class JobQuerySet(models.QuerySet):
    def restrict(self, user, action: str = "view"):
        """The jobs `user` may `action` (view, download): their own only, whatever their
        roles, since a job's file may hold rows others may not see. The same call as
        orgs.access.RestrictedQuerySet; a job belongs to a person, not to a unit."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(user=user)


class Job(models.Model):
    """Work that leaves the request: a row a person can watch and come back to.

    The uploaded file is stored (and checked) before the job is queued; the task
    that runs it claims the row (queued → running, a conditional UPDATE, so a task
    delivered twice runs once), writes its progress between chunks in short
    autocommit UPDATEs, and ends it done (with its `result`, its `problems` or its
    `result_file`) or failed (with `error`, in the language of the person who
    started it), or cancelled by its owner (luoshi.jobs.actions.cancel: a queued
    job at once, a running one at the worker's next batch, its transaction rolled
    back). The row is its own log: no history table.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.CASCADE,
        related_name="jobs",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=JobKind.choices)
    title = models.CharField(_("title"), max_length=200)
    state = models.CharField(
        _("state"), max_length=10, choices=JobState.choices, default=JobState.QUEUED
    )
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    # The uploaded file waiting for the job (removed when the job ends), its name as sent,
    # and its SHA-256: two jobs of one kind never run the same file at once.
    upload = models.FileField(
        _("uploaded file"), storage=private_storage, upload_to="jobs/in/%Y/%m/", blank=True
    )
    upload_name = models.CharField(_("file name"), max_length=200, blank=True)
    digest = models.CharField(_("file digest"), max_length=64, blank=True)
    done = models.PositiveIntegerField(_("rows done"), default=0)
    total = models.PositiveIntegerField(_("rows in all"), null=True, blank=True)
    message = models.CharField(_("step"), max_length=200, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    problems = models.JSONField(_("problems"), default=list, blank=True)
    problem_count = models.PositiveIntegerField(_("number of problems"), default=0)
    result_file = models.FileField(
        _("result file"), storage=private_storage, upload_to="jobs/out/%Y/%m/", blank=True
    )
    result_name = models.CharField(_("result file name"), max_length=200, blank=True)
    link = models.CharField(_("link"), max_length=300, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # Its owner asked to cancel it while it ran: the worker stops at its next batch.
    cancel_requested_at = models.DateTimeField(_("cancel requested at"), null=True, blank=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # "My jobs": a person's jobs, newest first.
            models.Index(fields=["user", "-created_at"], name="job_user_created"),
        ]
        constraints = [
            # Two people starting the same import at once: the second is refused here.
            models.UniqueConstraint(
                fields=["kind", "digest"],
                condition=Q(state__in=ACTIVE_STATES) & ~Q(digest=""),
                name="job_one_active_per_file",
                violation_error_message=_("This file is already being imported."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pk} · {self.title} · {self.state}"

    @property
    def state_choice(self) -> JobState:
        return JobState(self.state)

    @property
    def active(self) -> bool:
        return self.state in ACTIVE_STATES

    @property
    def cancelling(self) -> bool:
        """Running, and its owner asked to cancel it: the worker has not stopped yet."""
        return self.active and self.cancel_requested_at is not None

    @property
    def percent(self) -> int | None:
        if not self.total:
            return None
        return min(100, round(100 * self.done / self.total))
