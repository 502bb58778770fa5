"""Everything that writes notifications. Signals and (later) the reminder ladder call these."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from .models import Notification


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
