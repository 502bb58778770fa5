"""Choice sets of plans and targets. A state carries its label and colour here, once."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from luoshi.core.targets import State as CoreState


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
    """The status engine's states (core.targets.State, DESIGN.md section 4) as field
    choices: each takes its value from the engine's enum and carries its label here."""

    DONE = CoreState.DONE, _("Done")
    ON_TRACK = CoreState.ON_TRACK, _("On track")
    LAGGING = CoreState.LAGGING, _("Lagging")
    BEHIND = CoreState.BEHIND, _("Behind")
    OVERDUE = CoreState.OVERDUE, _("Overdue")
    NOT_STARTED = CoreState.NOT_STARTED, _("Not started")

    @property
    def colour(self) -> str:
        """Bootstrap colour name of the state's badge."""
        return STATE_COLOURS[self.value]


STATE_COLOURS: dict[str, str] = {
    State.DONE: "primary",
    State.ON_TRACK: "success",
    State.LAGGING: "warning",
    State.BEHIND: "danger",
    State.OVERDUE: "danger",
    State.NOT_STARTED: "secondary",
}
