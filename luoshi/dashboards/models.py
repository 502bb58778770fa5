"""Stored evaluations: the status engine's judgement of every target, kept in the database.

Lists filter, count, sort and page targets by state in SQL instead of evaluating
every visible target on every request. A row is derived data: it can be thrown
away and recomputed at any time from the plans, reports and ledgers
(`luoshi refresh_evaluations`), so it carries no history.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from luoshi.orgs.access import RestrictedQuerySet
from luoshi.plans.choices import State
from luoshi.plans.models import Target

# Worst first (issue 11): what a leader should read before anything else.
STATE_RANK: dict[str, int] = {
    State.OVERDUE: 0,
    State.BEHIND: 1,
    State.LAGGING: 2,
    State.NOT_STARTED: 3,
    State.ON_TRACK: 4,
    State.DONE: 5,
}


class StoredEvaluation(models.Model):
    """A target's evaluation on one day: today's, and each month end of its period so far."""

    target = models.ForeignKey(
        Target,
        verbose_name=_("target"),
        on_delete=models.CASCADE,
        related_name="stored_evaluations",
    )
    at = models.DateField(_("as of"))
    state = models.CharField(_("state"), max_length=20, choices=State.choices)
    state_rank = models.PositiveSmallIntegerField(_("rank of the state, worst first"))
    missing = models.BooleanField(_("report missing"))
    # Of the missing: the owed report is submitted and waits for approval (待审核, not 缺报).
    awaiting = models.BooleanField(_("awaiting approval"), default=False)
    expected = models.FloatField(_("expected"), null=True)
    actual = models.FloatField(_("actual"), null=True)
    ratio = models.FloatField(_("ratio"), null=True)
    forecast = models.FloatField(_("forecast"), null=True)
    will_miss = models.BooleanField(_("will miss at the current pace"), null=True)
    reason_zh = models.TextField(_("reason (Chinese)"))
    reason_en = models.TextField(_("reason (English)"))
    computed_at = models.DateTimeField(_("computed at"), auto_now=True)

    class Meta:
        verbose_name = _("stored evaluation")
        verbose_name_plural = _("stored evaluations")
        ordering = ["target", "at"]
        constraints = [
            models.UniqueConstraint(fields=["target", "at"], name="stored_evaluation_once_a_day"),
        ]
        indexes = [
            # Counts and filters by state on one day.
            models.Index(fields=["at", "state"], name="stored_evaluation_at_state"),
            # The cockpit's red list, worst first: read in order, the first page only
            # (issue 14).
            models.Index(
                fields=["at", "state_rank", "ratio"],
                name="stored_evaluation_red_list",
                condition=models.Q(state__in=[State.BEHIND, State.OVERDUE])
                | models.Q(will_miss=True),
            ),
            # Lists sorted by ratio have two more indexes on PostgreSQL, made by migration
            # 0005 (SQLite cannot index with NULLS LAST).
        ]

    def __str__(self) -> str:
        return f"{self.target_id} · {self.at} · {self.state}"

    def reason(self, lang: str) -> str:
        return self.reason_zh if lang == "zh" else self.reason_en


class PeriodicRun(models.Model):
    """A daily job enqueued for a day: at most once, however many schedulers run."""

    job = models.CharField(_("job"), max_length=100)
    day = models.DateField(_("day"))
    enqueued_at = models.DateTimeField(_("enqueued at"), auto_now_add=True)

    class Meta:
        verbose_name = _("periodic run")
        verbose_name_plural = _("periodic runs")
        ordering = ["-day", "job"]
        constraints = [
            models.UniqueConstraint(fields=["job", "day"], name="periodic_run_once_a_day"),
        ]

    def __str__(self) -> str:
        return f"{self.job} · {self.day}"


class Publication(models.Model):
    """A plan, or one target of it, shown on the public page (公开) without signing in.

    A row without a target publishes every target of the plan. Unpublishing clears
    `is_active` (the row and its history stay), and publishing again sets it.
    """

    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name=_("plan"),
        on_delete=models.PROTECT,
        related_name="publications",
    )
    target = models.ForeignKey(
        Target,
        verbose_name=_("target"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="publications",
    )
    is_active = models.BooleanField(_("public"), default=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["plan", "target"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan"],
                condition=models.Q(target__isnull=True),
                name="publication_whole_plan_once",
            ),
            models.UniqueConstraint(fields=["target"], name="publication_target_once"),
        ]

    def __str__(self) -> str:
        return f"{self.plan_id} · {self.target_id or '*'} · {self.is_active}"


# -- The tally (issue 14): stored evaluations counted by day, plan and unit --------------------
# Kept by luoshi.dashboards.summary in the transaction that writes the stored rows.


class EvaluationTally(models.Model):
    """How many active targets of one plan and unit are in each state on one stored day.

    The cockpit's counts, trend and scorecard add these rows up (a few per unit and day)
    instead of counting the stored evaluations of every target; they equal a fresh count
    of the stored rows (tests/dashboards/test_tally.py).
    """

    at = models.DateField(_("as of"))
    plan = models.ForeignKey(
        "plans.Plan", verbose_name=_("plan"), on_delete=models.CASCADE, related_name="+"
    )
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="+"
    )
    total = models.PositiveIntegerField(_("targets"))
    # Missing and not awaiting approval (缺报), as the lists count it.
    missing = models.PositiveIntegerField(_("report missing"))
    awaiting = models.PositiveIntegerField(_("awaiting approval"))
    # Behind, overdue, or set to miss at the current pace: the red list.
    flagged = models.PositiveIntegerField(_("on the red list"))
    done = models.PositiveIntegerField(State.DONE.label)
    on_track = models.PositiveIntegerField(State.ON_TRACK.label)
    lagging = models.PositiveIntegerField(State.LAGGING.label)
    behind = models.PositiveIntegerField(State.BEHIND.label)
    overdue = models.PositiveIntegerField(State.OVERDUE.label)
    not_started = models.PositiveIntegerField(State.NOT_STARTED.label)

    unit_field = "unit"  # for restrict(user, action)
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("evaluation tally")
        verbose_name_plural = _("evaluation tallies")
        ordering = ["at", "plan", "unit"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "unit", "at"], name="evaluation_tally_once"),
        ]
        indexes = [models.Index(fields=["at", "unit"], name="evaluation_tally_at_unit")]

    def __str__(self) -> str:
        return f"{self.at} · {self.plan_id} · {self.unit_id} · {self.total}"


class TallyMember(models.Model):
    """The plan and unit whose tally counts a target now: where to take it out of when it
    moves, turns inactive or is deleted (hence no foreign key: the row outlives it)."""

    target_id = models.BigIntegerField(_("target"), primary_key=True)
    plan_id = models.BigIntegerField(_("plan"))
    unit_id = models.BigIntegerField(_("unit"))

    class Meta:
        verbose_name = _("tally member")
        verbose_name_plural = _("tally members")

    def __str__(self) -> str:
        return f"{self.target_id} → {self.plan_id} · {self.unit_id}"
