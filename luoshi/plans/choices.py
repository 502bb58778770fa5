"""Choice sets of plans and targets (a target's states and their colours: luoshi.ui.states)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# A target's state is drawn on pages of every layer: its label and colour live with the
# shared page pieces (luoshi.ui.states), below plans; plans' fields take their choices there.
from luoshi.ui.states import STATE_COLOURS as STATE_COLOURS
from luoshi.ui.states import State as State


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
