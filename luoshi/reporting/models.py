"""Progress reports, their evidence, and remembered idempotent requests."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, ExpressionWrapper, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from luoshi.orgs.access import RestrictedQuerySet, access_for
from luoshi.orgs.models import Unit
from luoshi.plans.models import Milestone, Target

from .choices import EDITABLE, ReportStatus


class ReportQuerySet(RestrictedQuerySet):
    def approved(self):
        return self.filter(status=ReportStatus.APPROVED)

    def restrict(self, user, action: str = "view"):
        """As RestrictedQuerySet, but a draft is seen only within one's own units (those
        one may report for)."""
        if action != "view":
            return super().restrict(user, action)
        access = access_for(user)
        return self.filter(
            access.reportable_unit_q("unit")
            | (access.visible_unit_q("unit") & ~Q(status=ReportStatus.DRAFT))
        )

    def awaiting_review_by(self, user):
        """The approval queue: submitted reports this person may review.

        Each carries `waits_for_another`: under the plan's four-eyes rule a report the
        person created or submitted stays in their queue, but someone else approves it
        (another approver of the unit, an approver of a unit above it, a supervisor).
        """
        # The plan's rule read in a subquery, not through joins of the target and plan: a
        # count of the queue (the menu's, the page's) leaves it out and counts the reports
        # alone (a join hashed every target of a province: 67-150 ms at 10x, issue 14).
        four_eyes = Exists(Target.objects.filter(pk=OuterRef("target_id"), plan__four_eyes=True))
        own = Q(four_eyes) & (Q(created_by=user) | Q(submitted_by=user))
        return self.filter(
            access_for(user).approvable_unit_q("unit"), status=ReportStatus.SUBMITTED
        ).annotate(waits_for_another=ExpressionWrapper(own, output_field=models.BooleanField()))


class Report(models.Model):
    """A reading of a target (进度填报): draft → submitted → approved, or returned.

    Nothing is overwritten: a correction of an approved report is a new version
    (`supersedes` points at the old one, which turns `superseded` when the
    correction is approved). `revision` grows with every save and guards
    against lost updates: a save that names an older revision is a conflict.
    """

    target = models.ForeignKey(
        Target, verbose_name=_("target"), on_delete=models.PROTECT, related_name="reports"
    )
    # The target's unit, kept on the report so access filtering is one indexed column.
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="reports"
    )
    as_of = models.DateField(_("as of"))
    value = models.FloatField(_("value"), null=True, blank=True)
    overdue = models.FloatField(_("of which overdue"), null=True, blank=True)
    milestone = models.ForeignKey(
        Milestone,
        verbose_name=_("milestone completed"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reports",
    )
    narrative = models.TextField(_("narrative"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("corrects"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
    )
    revision = models.PositiveIntegerField(_("revision"), default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    return_reason = models.CharField(_("reason for return"), max_length=500, blank=True)
    history = HistoricalRecords()

    unit_field = "unit"  # for restrict(user, action)
    objects = ReportQuerySet.as_manager()
    # Set by access_report_by_id (and on a new report): whether any evidence is attached.
    has_evidence: bool

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["target", "-as_of", "-version"]
        indexes = [
            # The status engine: approved readings of a set of targets up to a date.
            models.Index(fields=["target", "status", "as_of"], name="report_target_status_asof"),
            # The approval queue: submitted reports of a subtree.
            models.Index(fields=["status", "unit"], name="report_status_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.target} · {self.as_of} · v{self.version}"

    def waits_for_another_approver(self, user) -> bool:
        """The plan's four-eyes rule: whoever created or submitted a report does not approve it."""
        return self.target.plan.four_eyes and user.pk in {self.created_by_id, self.submitted_by_id}

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE

    @property
    def status_colour(self) -> str:
        return ReportStatus(self.status).colour


def evidence_path(instance, filename):
    return f"evidence/{instance.report.target_id}/{instance.report_id}/{filename}"


class Evidence(models.Model):
    """A file attached to a report (photos, scans, tables). Size and type are checked."""

    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.PROTECT, related_name="evidence"
    )
    file = models.FileField(_("file"), upload_to=evidence_path)
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size in bytes"))
    content_type = models.CharField(_("type"), max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["report", "uploaded_at"]

    def __str__(self) -> str:
        return self.name


class IdempotentRequest(models.Model):
    """A write request made with an Idempotency-Key: its answer, replayed on a retry."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=100)
    route = models.CharField(max_length=200)
    status_code = models.PositiveSmallIntegerField()
    body = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("idempotent request")
        verbose_name_plural = _("idempotent requests")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="idempotency_key_once_per_user"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.key}"
