"""Kinds of notification: each value carries its label once."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NoticeKind(models.TextChoices):
    SUBMITTED = "submitted", _("Report submitted")
    APPROVED = "approved", _("Report approved")
    RETURNED = "returned", _("Report returned")
