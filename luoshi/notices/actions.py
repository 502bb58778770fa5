"""Everything that writes notifications. Signals and (later) the reminder ladder call these."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.orgs.access import access_for

from .models import Notification, ReminderRule

RULE_FIELDS = ("days_before", "days_after_due", "days_late_approvers", "days_late_leader")


def notify(recipients: Iterable, kind: str, text: str, link: str = "") -> list[Notification]:
    """One unread notification per distinct recipient, in one INSERT."""
    seen, rows = set(), []
    for person in recipients:
        if person.pk in seen or not person.is_active:
            continue
        seen.add(person.pk)
        rows.append(Notification(recipient=person, kind=kind, text=text[:500], link=link))
    return Notification.objects.bulk_create(rows)


@transaction.atomic
def mark_read(user, notification_id: int) -> int:
    """Mark one of `user`'s own notifications read; someone else's id changes nothing (0)."""
    return Notification.objects.filter(
        pk=notification_id, recipient=user, read_at__isnull=True
    ).update(read_at=timezone.now())


@transaction.atomic
def mark_all_read(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def save_reminder_rule(plan, user, reason: str = "", **numbers) -> ReminderRule:
    """Set a plan's 催报 ladder (the supervision office's), recorded with who and why."""
    if not access_for(user).can_manage_plans():
        raise PermissionDenied(_("Only the supervision office sets the reminder ladder."))
    rule = ReminderRule.objects.select_for_update().filter(plan=plan).first()
    rule = rule or ReminderRule(plan=plan)
    for name in RULE_FIELDS:
        setattr(rule, name, numbers[name])
    # The late steps come in order: approvers are told no earlier than the due-day step,
    # the leader no earlier than the approvers.
    if not rule.days_after_due <= rule.days_late_approvers <= rule.days_late_leader:
        raise ValidationError(
            {
                "days_late_leader": _(
                    "The late steps must come in order: due-day reminder, then the "
                    "approvers, then the leader."
                )
            }
        )
    rule.full_clean()
    rule._history_user = user
    rule._change_reason = reason
    rule.save()
    return rule
