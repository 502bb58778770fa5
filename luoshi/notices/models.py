"""In-app notifications (one row per person and event, read or not), the 催报 records,
the channels beside the app (webhooks, deliveries, preferences) and leaders' instructions."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.validators import MaxValueValidator, URLValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from luoshi.ledgers.models import Hazard
from luoshi.orgs.models import Unit
from luoshi.plans.models import Plan, Target

from .choices import Channel, NoticeKind, ReminderStep, WebhookFlavour


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """A message to one person about one thing (a report, a target), with a link to it.

    A mailbox, not a record of the domain: the event itself (a submission, an approval)
    is kept in the history of the thing it happened to, so no history here.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=NoticeKind.choices)
    text = models.CharField(_("text"), max_length=500)
    link = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The bell: a person's unread count on every page.
            models.Index(fields=["recipient", "read_at"], name="notice_recipient_read"),
        ]

    def __str__(self) -> str:
        return f"{self.recipient_id} · {self.text}"


class ReminderRule(models.Model):
    """A plan's 催报 ladder: when, around a report's due day, who is reminded.

    A plan without a stored rule uses the defaults (3 / 0 / 3 / 7, see `for_plan`).
    """

    plan = models.OneToOneField(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="reminder_rule"
    )
    days_before = models.PositiveSmallIntegerField(
        _("days before the due day (to the reporters)"),
        default=3,
        validators=[MaxValueValidator(28)],
    )
    days_after_due = models.PositiveSmallIntegerField(
        _("days after the due day, nothing submitted (to reporters and approvers)"),
        default=0,
        validators=[MaxValueValidator(60)],
    )
    days_late_approvers = models.PositiveSmallIntegerField(
        _("days late (to approvers and the supervision office)"),
        default=3,
        validators=[MaxValueValidator(60)],
    )
    days_late_leader = models.PositiveSmallIntegerField(
        _("days late (to the unit's leader)"),
        default=7,
        validators=[MaxValueValidator(60)],
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reminder rule")
        verbose_name_plural = _("reminder rules")
        ordering = ["plan"]

    def __str__(self) -> str:
        return str(self.plan)

    @classmethod
    def for_plan(cls, plan: Plan) -> "ReminderRule":
        """The stored rule, or an unsaved one with the defaults."""
        return cls.objects.filter(plan=plan).first() or cls(plan=plan)

    def offsets(self) -> dict[str, int]:
        """Each step's day, in days from the due day (negative: before it)."""
        return {
            ReminderStep.BEFORE: -self.days_before,
            ReminderStep.DUE: self.days_after_due,
            ReminderStep.LATE: self.days_late_approvers,
            ReminderStep.ESCALATED: self.days_late_leader,
        }


class Chase(models.Model):
    """A 催报 the supervision office sent by hand from the overview: who, when, the line
    they wrote. Its Reminder rows (step "manual") say which targets and people it reached.
    Written once and never changed, so it is its own record."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.PROTECT,
        related_name="chases",
    )
    text = models.CharField(_("message"), max_length=300)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("manual reminder")
        verbose_name_plural = _("manual reminders")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.author_id} · {self.text}"


class Reminder(models.Model):
    """One 催报 sent: a step of the ladder, for a target's period, to one person.

    Unique per (target, period end, step, person): however often the ladder runs, each
    person gets each step once. A manual 催报 (step "manual", with its Chase) may come
    again; it reaches each person once per chase and target. Written once and never
    changed, so it is its own record.
    """

    target = models.ForeignKey(
        Target, verbose_name=_("target"), on_delete=models.CASCADE, related_name="reminders"
    )
    period_end = models.DateField(_("period end"))
    due = models.DateField(_("due date"))
    step = models.CharField(_("step"), max_length=20, choices=ReminderStep.choices)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    sent_on = models.DateField(_("sent on"))
    chase = models.ForeignKey(
        Chase,
        verbose_name=_("manual reminder"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    emailed = models.BooleanField(_("e-mailed"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-sent_on", "target", "step", "person"]
        constraints = [
            models.UniqueConstraint(
                fields=["target", "period_end", "step", "person"],
                condition=Q(chase__isnull=True),
                name="reminder_once_per_step",
            ),
            models.UniqueConstraint(
                fields=["chase", "target", "person"],
                condition=Q(chase__isnull=False),
                name="reminder_once_per_chase",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.target_id} · {self.period_end} · {self.step} · {self.person_id}"


class HazardAlert(models.Model):
    """A hazard's unit was told that its rectification deadline passed: once per hazard."""

    hazard = models.OneToOneField(
        Hazard, verbose_name=_("hazard"), on_delete=models.CASCADE, related_name="overdue_alert"
    )
    sent_on = models.DateField(_("sent on"))

    class Meta:
        verbose_name = _("overdue hazard alert")
        verbose_name_plural = _("overdue hazard alerts")
        ordering = ["-sent_on", "hazard"]

    def __str__(self) -> str:
        return f"{self.hazard_id} · {self.sent_on}"


class Instruction(models.Model):
    """A leader's instruction (批示) on a target or on a unit, shown on its page; its unit's
    people are notified. Never edited or deleted from the UI; the history keeps it."""

    target = models.ForeignKey(
        Target,
        verbose_name=_("target"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="instructions",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="instructions",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="instructions",
    )
    text = models.TextField(_("instruction"), max_length=2000)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("instruction")
        verbose_name_plural = _("instructions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target__isnull=True, unit__isnull=False)
                | Q(target__isnull=False, unit__isnull=True),
                name="instruction_on_target_or_unit",
                violation_error_message=_("An instruction is on a target or on a unit."),
            ),
        ]

    def __str__(self) -> str:
        return self.text[:50]


http_url = URLValidator(schemes=["http", "https"])


class WebhookEndpoint(models.Model):
    """A group robot's address (企业微信 or 钉钉): a unit's, set by the supervision office,
    or one person's own. Messages to it are JSON POSTs (see luoshi.notices.webhooks)."""

    unit = models.OneToOneField(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="webhook",
    )
    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="webhook",
    )
    flavour = models.CharField(_("robot"), max_length=20, choices=WebhookFlavour.choices)
    url = models.CharField(_("webhook address"), max_length=500, validators=[http_url])
    secret = models.CharField(
        _("signing secret (DingTalk 加签)"),
        max_length=200,
        blank=True,
        help_text=_("Only for a DingTalk robot with signing on; leave empty otherwise."),
    )
    markdown = models.BooleanField(_("send as markdown"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    # The secret stays out of the history: who changed what, not the key itself.
    history = HistoricalRecords(excluded_fields=["secret"])

    class Meta:
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")
        ordering = ["unit__path", "person__username"]
        constraints = [
            models.CheckConstraint(
                condition=Q(unit__isnull=True, person__isnull=False)
                | Q(unit__isnull=False, person__isnull=True),
                name="webhook_of_unit_or_person",
                violation_error_message=_("A webhook belongs to a unit or to a person."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_flavour_display()} · {self.where}"

    @property
    def where(self) -> str:
        """The address without its query string (which holds the robot's key)."""
        return where(self.url)


def where(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


class ChannelDefault(models.Model):
    """The supervision office's default channels for a kind of event, for people who
    chose nothing themselves (in-app always). A kind without a row sends everywhere."""

    kind = models.CharField(_("kind"), max_length=20, choices=NoticeKind.choices, unique=True)
    email = models.BooleanField(_("e-mail"), default=True)
    webhook = models.BooleanField(_("personal webhook"), default=True)
    unit_webhook = models.BooleanField(_("the unit's group webhook"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("default channels")
        verbose_name_plural = _("default channels")
        ordering = ["kind"]

    def __str__(self) -> str:
        return self.kind


class ChannelPreference(models.Model):
    """One person's choice of channels for a kind of event (in-app always)."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="channel_preferences",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=NoticeKind.choices)
    email = models.BooleanField(_("e-mail"), default=True)
    webhook = models.BooleanField(_("personal webhook"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("channel preference")
        verbose_name_plural = _("channel preferences")
        ordering = ["person", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["person", "kind"], name="channel_preference_once"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} · {self.kind}"


class Delivery(models.Model):
    """One message on a channel beside the app: an e-mail to a person or a JSON POST to a
    group robot. Sent by a background task; a failure is retried with back-off
    (luoshi.notices.delivery) and stays visible to the supervision office."""

    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=NoticeKind.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deliveries",
    )
    endpoint = models.ForeignKey(
        WebhookEndpoint,
        verbose_name=_("webhook"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deliveries",
    )
    address = models.CharField(_("address"), max_length=500)
    payload = models.JSONField(_("payload"))
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The sweep: deliveries whose next attempt is due (null once delivered or given up).
            models.Index(fields=["next_attempt_at"], name="delivery_next_attempt"),
        ]

    def __str__(self) -> str:
        return f"{self.channel} · {self.where}"

    @property
    def state(self) -> str:
        if self.delivered_at:
            return "delivered"
        return "pending" if self.next_attempt_at else "failed"

    @property
    def where(self) -> str:
        return self.address if self.channel == Channel.EMAIL else where(self.address)
