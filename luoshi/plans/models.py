"""Plans, tasks, targets, milestones and re-baselines."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from luoshi.orgs.access import RestrictedQuerySet, access_for
from luoshi.orgs.models import Unit

from .choices import Cadence, Comparator, PlanStatus, TargetKind


class Plan(models.Model):
    """A year's (or several years') work plan with its source document and rules."""

    title = models.CharField(_("title"), max_length=200)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    source_file = models.FileField(_("source document"), upload_to="plans/%Y/", blank=True)
    source_text = models.TextField(_("source text"), blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The plan's rules (DESIGN.md section 4), editable by a supervisor.
    lagging_below = models.FloatField(_("on track from ratio"), default=1.0)
    behind_below = models.FloatField(_("lagging from ratio"), default=0.8)
    growth_tolerance_pp = models.FloatField(_("growth tolerance (points)"), default=1.0)
    level_tolerance = models.FloatField(_("level tolerance (share of target)"), default=0.05)
    milestone_grace_days = models.PositiveIntegerField(_("milestone grace days"), default=15)
    four_eyes = models.BooleanField(
        _("four-eyes approval"),
        default=True,
        help_text=_(
            "Whoever created or submitted a report cannot approve it: another approver of the "
            "unit, an approver of a unit above it, or the supervision office does."
        ),
    )
    # What an imported target is given unless its item says otherwise: without a
    # cadence nothing is owed, so nothing could ever be 缺报.
    default_cadence = models.CharField(
        _("default reporting cadence"),
        max_length=10,
        choices=Cadence.choices,
        blank=True,
        default=Cadence.MONTH,
    )
    default_due_day = models.PositiveSmallIntegerField(
        _("default due day"), default=5, validators=[MinValueValidator(1), MaxValueValidator(28)]
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-start", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=F("start")),
                name="plan_end_after_start",
                violation_error_message=_("The plan must end on or after its start."),
            ),
            models.CheckConstraint(
                condition=Q(behind_below__lte=F("lagging_below")),
                name="plan_thresholds_ordered",
                violation_error_message=_(
                    "The lagging threshold must not exceed the on-track one."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_confirmed(self) -> bool:
        return self.status == PlanStatus.CONFIRMED


class Task(models.Model):
    """A line of work under a plan (重点任务), possibly nested, with its units and deadline."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="tasks"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent task"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    title = models.CharField(_("title"), max_length=300)
    lead_unit = models.ForeignKey(
        Unit, verbose_name=_("lead unit"), on_delete=models.PROTECT, related_name="led_tasks"
    )
    cooperating_units = models.ManyToManyField(
        Unit, verbose_name=_("cooperating units"), blank=True, related_name="cooperating_tasks"
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    history = HistoricalRecords(m2m_fields=[cooperating_units])

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["plan", "position", "pk"]

    def __str__(self) -> str:
        return self.title


class TargetQuerySet(RestrictedQuerySet):
    def active(self):
        return self.filter(is_active=True)

    def restrict(self, user, action: str = "view"):
        """As RestrictedQuerySet, and one sees the cooperating parts of the targets one sees
        (the lead unit sees its partners' parts beside its own)."""
        if action != "view":
            return super().restrict(user, action)
        access = access_for(user)
        if access.sees_whole_city:
            return self
        return self.filter(access.visible_unit_q("unit") | access.visible_unit_q("part_of__unit"))


class Target(models.Model):
    """What will be measured, judged by the status engine.

    A cooperating unit's own part of a target is a Target with `part_of` set:
    reported and judged separately, shown beside the lead unit's.
    """

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="targets"
    )
    task = models.ForeignKey(
        Task,
        verbose_name=_("task"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="targets",
    )
    part_of = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="parts",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("responsible unit"), on_delete=models.PROTECT, related_name="targets"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=TargetKind.choices)
    comparator = models.CharField(
        _("comparator"), max_length=2, choices=Comparator.choices, default=Comparator.GE
    )
    value = models.FloatField(_("target value"), null=True, blank=True)
    unit_label = models.CharField(_("unit of measure"), max_length=20, blank=True)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    cadence = models.CharField(
        _("reporting cadence"), max_length=10, choices=Cadence.choices, blank=True
    )
    due_day = models.PositiveSmallIntegerField(
        _("due day"), default=5, validators=[MinValueValidator(1), MaxValueValidator(28)]
    )
    # [["2025-03-31", 0.2], ["2025-06-30", 0.5], …]: checkpoints of the expected path.
    schedule = models.JSONField(_("schedule"), default=list, blank=True)
    baseline = models.FloatField(_("baseline"), null=True, blank=True)
    source_snippet = models.TextField(_("source snippet"), blank=True)
    source_start = models.PositiveIntegerField(_("source start offset"), null=True, blank=True)
    source_end = models.PositiveIntegerField(_("source end offset"), null=True, blank=True)
    # Value and dates as confirmed with the plan; a re-baseline changes the
    # current fields and keeps these.
    original_value = models.FloatField(_("original value"), null=True, blank=True)
    original_start = models.DateField(_("original start"), null=True, blank=True)
    original_end = models.DateField(_("original end"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    unit_field = "unit"  # for restrict(user, action)
    objects = TargetQuerySet.as_manager()

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["plan", "unit__path", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=F("start")),
                name="target_end_after_start",
                violation_error_message=_("The target must end on or after its start."),
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["zero", "floor", "milestone"]) | Q(value__isnull=False),
                name="target_value_required",
                violation_error_message=_("Cumulative, growth and level targets need a value."),
            ),
        ]
        indexes = [
            # The workbench: a unit's active targets.
            models.Index(fields=["unit", "is_active"], name="target_unit_active"),
            # Lists sorted by name (dashboards.read.SORTS): a page walks this index in order
            # and stops after its own rows instead of sorting every target (issue 14).
            models.Index(fields=["name", "id"], name="target_name_sort"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_rebaselined(self) -> bool:
        return self.original_value is not None and (
            self.original_value != self.value
            or self.original_start != self.start
            or self.original_end != self.end
        )


class Milestone(models.Model):
    """A dated deliverable of a milestone target."""

    target = models.ForeignKey(
        Target, verbose_name=_("target"), on_delete=models.CASCADE, related_name="milestones"
    )
    name = models.CharField(_("name"), max_length=200)
    due = models.DateField(_("due"))
    done = models.DateField(_("done on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["target", "due", "pk"]

    def __str__(self) -> str:
        return self.name


class Rebaseline(models.Model):
    """A change to a confirmed target's value or dates: who, when, why, from what to what."""

    target = models.ForeignKey(
        Target, verbose_name=_("target"), on_delete=models.PROTECT, related_name="rebaselines"
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)
    reason = models.CharField(_("reason"), max_length=300)
    old_value = models.FloatField(_("old value"), null=True)
    new_value = models.FloatField(_("new value"), null=True)
    old_start = models.DateField(_("old start"))
    new_start = models.DateField(_("new start"))
    old_end = models.DateField(_("old end"))
    new_end = models.DateField(_("new end"))

    class Meta:
        verbose_name = _("re-baseline")
        verbose_name_plural = _("re-baselines")
        ordering = ["target", "-changed_at"]

    def __str__(self) -> str:
        return f"{self.target} · {self.changed_at:%Y-%m-%d}"


class OwnerAlias(models.Model):
    """An owner text seen in imported documents mapped to a unit, remembered for next time."""

    text = models.CharField(_("owner text"), max_length=100, unique=True)
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="aliases"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("owner alias")
        verbose_name_plural = _("owner aliases")
        ordering = ["text"]

    def __str__(self) -> str:
        return f"{self.text} → {self.unit}"


class ImportDecision(models.TextChoices):
    PENDING = "pending", _("To review")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


ITEM_CADENCES = [*Cadence.choices, ("none", _("No regular reports"))]


class ImportItem(models.Model):
    """One item the intake engine found in a plan's source document, under review.

    Fields mirror `luoshi extract` (DESIGN.md section 5); the supervisor edits
    them, maps the owner text to a unit, and accepts or rejects the item. On
    confirmation each accepted target item becomes a Target.
    """

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="import_items"
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=20, default="target")  # target / statistic
    target_kind = models.CharField(
        _("target kind"), max_length=20, choices=TargetKind.choices, blank=True
    )
    owner_text = models.CharField(_("owner in the text"), max_length=200, blank=True)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("responsible unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    metric = models.CharField(_("metric"), max_length=200, blank=True)
    comparator = models.CharField(_("comparator"), max_length=4, blank=True)
    value = models.FloatField(_("value"), null=True, blank=True)
    unit_label = models.CharField(_("unit of measure"), max_length=20, blank=True)
    period = models.CharField(_("period"), max_length=40, blank=True)
    # Blank: the plan's default cadence; "none": no regular reports.
    cadence = models.CharField(
        _("reporting cadence"), max_length=10, choices=ITEM_CADENCES, blank=True
    )
    # The units after the first one that the owner text names (配合单位), separated by 、.
    cooperating_text = models.CharField(
        _("cooperating units in the text"), max_length=300, blank=True
    )
    baseline = models.FloatField(_("baseline"), null=True, blank=True)
    snippet = models.TextField(_("snippet"), blank=True)
    start_offset = models.PositiveIntegerField(_("start offset"), null=True, blank=True)
    end_offset = models.PositiveIntegerField(_("end offset"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    decision = models.CharField(
        _("decision"), max_length=20, choices=ImportDecision.choices, default=ImportDecision.PENDING
    )
    target = models.OneToOneField(
        Target,
        verbose_name=_("target created"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="import_item",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("import item")
        verbose_name_plural = _("import items")
        ordering = ["plan", "position", "pk"]

    def __str__(self) -> str:
        return self.snippet[:40]
