"""In-app notifications: one row per person and event, read or not."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import NoticeKind


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
