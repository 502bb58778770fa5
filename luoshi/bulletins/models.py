"""The supervision bulletin (督查通报) and the files built from an issued one.

A bulletin is drafted for a plan and a date: its figures are taken once, from the
stored evaluations of that date (figures.py), and its paragraphs are written from
them (compose.py); the supervision office edits the paragraphs and issues it. An
issued bulletin carries its number within the year of issue (2025年第9期) and never
changes again: `save` and `delete` refuse, whatever calls them. A correction is a
new bulletin that names the one it corrects.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from luoshi.plans.models import Plan

from .choices import BulletinStatus, FileFormat, FileState

# The paragraphs of a bulletin, in the order they are printed, each under its heading.
SECTIONS = ("overview", "ranking", "behind", "missing", "requirements")


class Immutable(ValidationError):
    """An issued bulletin is kept as issued: a change is a correction, a new bulletin."""


class Bulletin(models.Model):
    """One issue (or the draft of one) of the supervision office's bulletin for a plan."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="bulletins"
    )
    at = models.DateField(_("figures as of"))
    status = models.CharField(
        _("status"), max_length=10, choices=BulletinStatus.choices, default=BulletinStatus.DRAFT
    )
    title = models.CharField(_("title"), max_length=200)
    office = models.CharField(_("issuing office"), max_length=60)
    # {"overview": "…", "ranking": "…", …} (SECTIONS): the text as the office edited it.
    sections = models.JSONField(_("paragraphs"), default=dict)
    # The numbers the paragraphs were written from (figures.Figures.as_json), kept so that
    # the issued text and its annex tables never drift from each other.
    figures = models.JSONField(_("figures"), default=dict)
    corrects = models.ForeignKey(
        "self",
        verbose_name=_("corrects"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
    )
    year = models.PositiveSmallIntegerField(_("year of issue"), null=True, blank=True)
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("drafted by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("drafted at"), auto_now_add=True)
    # Grows with every save of the draft; an edit naming an older one is a conflict.
    revision = models.PositiveIntegerField(_("revision"), default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bulletin")
        verbose_name_plural = _("bulletins")
        ordering = ["-year", "-number", "-created_at", "-pk"]
        constraints = [
            # Two issues at once get one number each: the second insert of a number fails
            # and the action takes the next one (actions.issue_bulletin).
            models.UniqueConstraint(
                fields=["year", "number"],
                name="bulletin_number_unique_per_year",
                violation_error_message=_("This number is already taken this year."),
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        status=BulletinStatus.DRAFT,
                        year__isnull=True,
                        number__isnull=True,
                        issued_on__isnull=True,
                    )
                    | Q(
                        status=BulletinStatus.ISSUED,
                        year__isnull=False,
                        number__isnull=False,
                        issued_on__isnull=False,
                    )
                ),
                name="bulletin_issued_has_number",
                violation_error_message=_("An issued bulletin has a year, a number and a date."),
            ),
        ]
        indexes = [
            # The list of a plan's issued bulletins, and "the last issued before this one".
            models.Index(fields=["plan", "status", "at"], name="bulletin_plan_status_at"),
        ]

    def __str__(self) -> str:
        return f"{self.issue_label} {self.title}" if self.is_issued else self.title

    def save(self, *args, **kwargs):
        if self._stored_as_issued():
            raise Immutable(_("An issued bulletin cannot be changed; issue a correction."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._stored_as_issued():
            raise Immutable(_("An issued bulletin is kept; it cannot be deleted."))
        return super().delete(*args, **kwargs)

    @property
    def is_issued(self) -> bool:
        return self.status == BulletinStatus.ISSUED

    @property
    def issue_label(self) -> str:
        """2025年第9期 (empty for a draft). The document's own words, always Chinese."""
        return f"{self.year}年第{self.number}期" if self.is_issued else ""

    def _stored_as_issued(self) -> bool:
        return (
            self.pk is not None
            and Bulletin.objects.filter(pk=self.pk, status=BulletinStatus.ISSUED).exists()
        )


class BulletinFile(models.Model):
    """A file built by the worker from a bulletin as it was at `revision`.

    An issued bulletin's files are built once and kept. A draft's are built when asked
    for and are stale as soon as the draft is edited (its revision moves on).
    """

    bulletin = models.ForeignKey(
        Bulletin, verbose_name=_("bulletin"), on_delete=models.CASCADE, related_name="files"
    )
    format = models.CharField(_("format"), max_length=10, choices=FileFormat.choices)
    state = models.CharField(
        _("state"), max_length=10, choices=FileState.choices, default=FileState.PREPARING
    )
    file = models.FileField(_("file"), upload_to="bulletins/%Y/", blank=True)
    error = models.TextField(_("error"), blank=True)
    built_at = models.DateTimeField(_("built at"), null=True, blank=True)
    revision = models.PositiveIntegerField(_("built from revision"), default=0)

    class Meta:
        verbose_name = _("bulletin file")
        verbose_name_plural = _("bulletin files")
        ordering = ["bulletin", "format"]
        constraints = [
            models.UniqueConstraint(
                fields=["bulletin", "format"], name="bulletin_file_one_per_format"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.bulletin} ({self.format})"
