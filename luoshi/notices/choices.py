"""Kinds of notification, channels and webhook formats: each value carries its label once."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NoticeKind(models.TextChoices):
    SUBMITTED = "submitted", _("Report submitted")
    APPROVED = "approved", _("Report approved")
    RETURNED = "returned", _("Report returned")
    REMINDER = "reminder", _("Reminder to report")
    STATE = "state", _("Target behind or will miss")
    HAZARD = "hazard", _("Hazard past its deadline")
    INSTRUCTION = "instruction", _("Leader's instruction")


class ReminderStep(models.TextChoices):
    """The rungs of the 催报 ladder (issue 12), in the order they come, and the
    supervision office's own 催报 sent from the overview."""

    BEFORE = "before", _("Before the due day")
    DUE = "due", _("On the due day")
    LATE = "late", _("Late: to the approvers and the supervision office")
    ESCALATED = "escalated", _("Late: to the unit's leader")
    MANUAL = "manual", _("Sent by the supervision office")


class Channel(models.TextChoices):
    """Where a message goes besides the app (in-app notifications always go)."""

    EMAIL = "email", _("E-mail")
    WEBHOOK = "webhook", _("Webhook")


class WebhookFlavour(models.TextChoices):
    """The group robots offices live in; each takes its own JSON."""

    WECOM = "wecom", _("WeCom (企业微信) group robot")
    DINGTALK = "dingtalk", _("DingTalk (钉钉) group robot")
