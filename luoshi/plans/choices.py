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


class _StateChoices(models.TextChoices):
    @property
    def colour(self) -> str:
        """Bootstrap colour name of the state's badge."""
        return STATE_COLOURS[self.value]


# The status engine's states (DESIGN.md section 4) are core.targets.State; here they get
# their labels and colours, and the field choices are built from them.
STATE_LABELS = {
    CoreState.DONE: _("Done"),
    CoreState.ON_TRACK: _("On track"),
    CoreState.LAGGING: _("Lagging"),
    CoreState.BEHIND: _("Behind"),
    CoreState.OVERDUE: _("Overdue"),
    CoreState.NOT_STARTED: _("Not started"),
}
STATE_COLOURS = {
    CoreState.DONE: "primary",
    CoreState.ON_TRACK: "success",
    CoreState.LAGGING: "warning",
    CoreState.BEHIND: "danger",
    CoreState.OVERDUE: "danger",
    CoreState.NOT_STARTED: "secondary",
}
State = _StateChoices("State", [(s.name, (s.value, STATE_LABELS[s])) for s in CoreState])
State.__doc__ = "The status engine's states (core.targets.State) as field choices, with labels."
