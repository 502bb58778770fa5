"""Kinds of notification: each value carries its label once."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NoticeKind(models.TextChoices):
    SUBMITTED = "submitted", _("Report submitted")
    APPROVED = "approved", _("Report approved")
    RETURNED = "returned", _("Report returned")
    REMINDER = "reminder", _("Reminder to report")


class ReminderStep(models.TextChoices):
    """The rungs of the 催报 ladder (issue 12), in the order they come."""

    BEFORE = "before", _("Before the due day")
    DUE = "due", _("On the due day")
    LATE = "late", _("Late: to the approvers and the supervision office")
    ESCALATED = "escalated", _("Late: to the unit's leader")
