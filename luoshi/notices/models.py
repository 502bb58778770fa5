"""In-app notifications: one row per person and event, read or not."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from luoshi.plans.models import Plan, Target

from .choices import NoticeKind, ReminderStep


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


class Reminder(models.Model):
    """One 催报 sent: a step of the ladder, for a target's period, to one person.

    Unique per (target, period end, step, person): however often the ladder runs, each
    person gets each step once. Written once and never changed, so it is its own record.
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
    emailed = models.BooleanField(_("e-mailed"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-sent_on", "target", "step", "person"]
        constraints = [
            models.UniqueConstraint(
                fields=["target", "period_end", "step", "person"], name="reminder_once_per_step"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.target_id} · {self.period_end} · {self.step} · {self.person_id}"
