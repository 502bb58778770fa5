"""The bell: a person's unread notifications, counted in one query when the page draws it."""

from __future__ import annotations

from django.utils.functional import SimpleLazyObject

from .models import Notification


def bell(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "unread_notices": SimpleLazyObject(
            lambda: Notification.objects.unread().filter(recipient=user).count()
        )
    }
