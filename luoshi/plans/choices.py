"""Choice sets of plans and targets. A state carries its label and colour here, once."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CONFIRMED = "confirmed", _("Confirmed")


class TargetKind(models.TextChoices):
    CUMULATIVE = "cumulative", _("Cumulative")
    GROWTH = "growth", _("Growth")
    LEVEL = "level", pgettext_lazy("target kind", "Level")
    ZERO = "zero", _("Zero")
    FLOOR = "floor", _("Floor")
    MILESTONE = "milestone", _("Milestone")


class Comparator(models.TextChoices):
    GE = ">=", _("at least (≥)")
    GT = ">", _("more than (>)")
    EQ = "=", _("equal (=)")
    APPROX = "~", _("about (~)")
    LE = "<=", _("at most (≤)")
    LT = "<", _("less than (<)")


class Cadence(models.TextChoices):
    MONTH = "month", _("Monthly")
    QUARTER = "quarter", _("Quarterly")


class State(models.TextChoices):
    """The status engine's states (DESIGN.md section 4)."""

    DONE = "done", _("Done")
    ON_TRACK = "on_track", _("On track")
    LAGGING = "lagging", _("Lagging")
    BEHIND = "behind", _("Behind")
    OVERDUE = "overdue", _("Overdue")
    NOT_STARTED = "not_started", _("Not started")

    @property
    def colour(self) -> str:
        """Bootstrap colour name of the state's badge."""
        return STATE_COLOURS[self.value]


STATE_COLOURS = {
    "done": "primary",
    "on_track": "success",
    "lagging": "warning",
    "behind": "danger",
    "overdue": "danger",
    "not_started": "secondary",
}
