"""Ledgers (台账): investment projects and safety hazards.

Both keep their path as dated events, so that any figure can be computed as of
any date: the stage of a project or the status of a hazard on day d is that of
its latest event dated on or before d. The current stage/status fields on the
row are the latest event's, kept for fast lists.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from luoshi.orgs.access import RestrictedQuerySet
from luoshi.orgs.models import Unit

from .choices import (
    HAZARD_STATUS_COLOURS,
    STAGE_COLOURS,
    HazardDomain,
    HazardLevel,
    HazardStatus,
    PlaceKind,
    Stage,
)


class Project(models.Model):
    """An investment-attraction project (招商项目)."""

    name = models.CharField(_("project name"), max_length=200)
    investor = models.CharField(_("investor"), max_length=200)
    origin = models.CharField(_("origin region"), max_length=100, blank=True)
    industry_chain = models.CharField(_("industry chain"), max_length=100, blank=True)
    planned_amount = models.DecimalField(
        _("planned investment (万元)"), max_digits=14, decimal_places=2, default=0
    )
    paid_in_amount = models.DecimalField(
        _("paid-in investment (万元)"), max_digits=14, decimal_places=2, default=0
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("responsible unit"), on_delete=models.PROTECT, related_name="projects"
    )
    stage = models.CharField(
        _("current stage"), max_length=20, choices=Stage.choices, default=Stage.NEGOTIATING
    )
    dropped_on = models.DateField(_("dropped on"), null=True, blank=True)
    drop_reason = models.CharField(_("reason dropped"), max_length=300, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    unit_field = "unit"  # for restrict(user, action)
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("investment project")
        verbose_name_plural = _("investment projects")
        ordering = ["unit__path", "name", "pk"]
        indexes = [
            # Lists filtered by unit and stage.
            models.Index(fields=["unit", "stage"], name="project_unit_stage"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def stage_colour(self) -> str:
        return "secondary" if self.dropped_on else STAGE_COLOURS[self.stage]


class LedgerEvent(models.Model):
    """A dated change of a ledger row, with who recorded it and when (abstract)."""

    date = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        abstract = True


class StageEvent(LedgerEvent):
    """A project reached (or went back to) `stage` on `date`."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="events"
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)

    class Meta(LedgerEvent.Meta):
        verbose_name = _("stage event")
        verbose_name_plural = _("stage events")
        ordering = ["project", "date", "pk"]
        indexes = [
            # Ledger measures: events of many projects up to a date.
            models.Index(fields=["date", "stage"], name="stage_event_date_stage"),
        ]

    def __str__(self) -> str:
        return f"{self.project} · {self.get_stage_display()} · {self.date}"


class ProjectReach(models.Model):
    """The day a project first reached a stage or a later one, derived from its events.

    The funnel counts these rows (a project reaches each stage once) instead of grouping
    every event of every project by project on each request. `reach.recount` writes a
    project's rows from its events; the actions that add events call it in their
    transaction. Projects whose events were written in bulk without it (the synthetic
    city) have no rows, and the funnel counts those from their events
    (views_projects.funnel_counts); tests/ledgers/test_reach.py compares the two.
    """

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="reached"
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    date = models.DateField(_("first reached on"))

    class Meta:
        verbose_name = _("stage reached")
        verbose_name_plural = _("stages reached")
        ordering = ["project", "date"]
        constraints = [
            models.UniqueConstraint(fields=["project", "stage"], name="project_reach_once"),
        ]

    def __str__(self) -> str:
        return f"{self.project_id} · {self.stage} · {self.date}"


class Hazard(models.Model):
    """A safety hazard (安全隐患) in the register, with the 五落实 of major ones."""

    description = models.TextField(_("description"))
    domain = models.CharField(_("domain"), max_length=20, choices=HazardDomain.choices)
    place = models.CharField(_("place"), max_length=200)
    place_kind = models.CharField(
        _("kind of place"), max_length=20, choices=PlaceKind.choices, default=PlaceKind.OTHER
    )
    level = models.CharField(
        _("level"), max_length=10, choices=HazardLevel.choices, default=HazardLevel.ORDINARY
    )
    found_on = models.DateField(_("found on"))
    found_by = models.CharField(_("found by"), max_length=100)
    unit = models.ForeignKey(
        Unit, verbose_name=_("responsible unit"), on_delete=models.PROTECT, related_name="hazards"
    )
    deadline = models.DateField(_("rectification deadline"))
    measures = models.TextField(_("rectification measures"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=HazardStatus.choices, default=HazardStatus.OPEN
    )
    # 五落实 (responsibility, measures, funds, deadline, contingency plan) of major hazards;
    # measures and deadline are the fields above.
    responsible_person = models.CharField(_("person responsible"), max_length=100, blank=True)
    funds = models.DecimalField(
        _("funds (万元)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    contingency_plan = models.TextField(_("contingency plan"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    unit_field = "unit"  # for restrict(user, action)
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("safety hazard")
        verbose_name_plural = _("safety hazards")
        ordering = ["-found_on", "pk"]
        indexes = [
            # Lists: a unit's hazards by status; the overdue list by deadline.
            models.Index(fields=["unit", "status"], name="hazard_unit_status"),
            models.Index(fields=["status", "deadline"], name="hazard_status_deadline"),
            # The list's order, newest first: a page reads its 50 rows, not a sort of all.
            models.Index(fields=["-found_on", "id"], name="hazard_found_newest"),
            # The cockpit's burn-down: the major hazards only (a tenth of the register).
            models.Index(
                fields=["found_on"], condition=Q(level=HazardLevel.MAJOR), name="hazard_major_found"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("found_on")),
                name="hazard_deadline_after_found",
                violation_error_message=_(
                    "The deadline cannot be before the day the hazard was found."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.place} · {self.description[:30]}"

    @property
    def status_colour(self) -> str:
        return HAZARD_STATUS_COLOURS[self.status]

    @property
    def is_major(self) -> bool:
        return self.level == HazardLevel.MAJOR


class HazardEvent(LedgerEvent):
    """A hazard moved to `status` on `date` (found, rectifying, rectified, verified, reopened)."""

    hazard = models.ForeignKey(
        Hazard, verbose_name=_("hazard"), on_delete=models.CASCADE, related_name="events"
    )
    status = models.CharField(_("status"), max_length=20, choices=HazardStatus.choices)

    class Meta(LedgerEvent.Meta):
        verbose_name = _("hazard event")
        verbose_name_plural = _("hazard events")
        ordering = ["hazard", "date", "pk"]
        indexes = [
            models.Index(fields=["date", "status"], name="hazard_event_date_status"),
        ]

    def __str__(self) -> str:
        return f"{self.hazard_id} · {self.get_status_display()} · {self.date}"


class HazardPhoto(models.Model):
    """A photo of a hazard, before or after rectification."""

    BEFORE, AFTER = "before", "after"
    hazard = models.ForeignKey(
        Hazard, verbose_name=_("hazard"), on_delete=models.PROTECT, related_name="photos"
    )
    moment = models.CharField(
        _("taken"),
        max_length=10,
        choices=[(BEFORE, _("before rectification")), (AFTER, _("after rectification"))],
    )
    image = models.FileField(_("photo"), upload_to="hazards/%Y/%m/")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("hazard photo")
        verbose_name_plural = _("hazard photos")
        ordering = ["hazard", "uploaded_at"]

    def __str__(self) -> str:
        return f"{self.hazard_id} · {self.moment}"


class MeasureSource(models.TextChoices):
    PROJECTS = "projects", _("Investment projects")
    HAZARDS = "hazards", _("Safety hazards")


class MeasureAggregate(models.TextChoices):
    COUNT = "count", _("Count")
    SUM = "sum", _("Sum of a field")
    RATIO = "ratio", _("Ratio of two counts (%)")


class Measure(models.Model):
    """Binds a target to a ledger: its readings are computed, not reported.

    `filter` (and `denominator_filter` for a ratio) select ledger rows as of the
    evaluation date; their keys and meaning are defined in ledgers/measures.py.
    """

    target = models.OneToOneField(
        "plans.Target", verbose_name=_("target"), on_delete=models.CASCADE, related_name="measure"
    )
    source = models.CharField(_("ledger"), max_length=20, choices=MeasureSource.choices)
    aggregate = models.CharField(_("aggregate"), max_length=10, choices=MeasureAggregate.choices)
    field = models.CharField(_("field summed"), max_length=40, blank=True)
    filter = models.JSONField(_("filter"), default=dict, blank=True)
    denominator_filter = models.JSONField(_("denominator filter"), default=dict, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ledger measure")
        verbose_name_plural = _("ledger measures")
        ordering = ["target"]

    def __str__(self) -> str:
        return f"{self.target} ← {self.get_source_display()}"
