"""The menu's entries that depend on the person: only what they can use, with counts.

A leader who neither reports nor approves sees no 工作台 and no 待审核; an approver sees
how many reports wait for them. The count is one query, made only when the menu is
drawn for someone who approves.
"""

from __future__ import annotations

from django.utils.functional import SimpleLazyObject

from luoshi.orgs.access import access_for
from luoshi.orgs.choices import Role

from .models import Report


class Menu:
    def __init__(self, request):
        user = request.user
        access = access_for(user)
        self.reports = bool(access.units_for(Role.REPORTER) or access.units_for(Role.APPROVER))
        self.approves = bool(access.is_supervisor or access.units_for(Role.APPROVER))
        self.bulletins = access.can_read_bulletins()
        self._user = user
        # The approvals page has counted its queue already (see views_queue.approvals).
        self._queue = getattr(request, "approval_queue_count", None)

    @property
    def queue(self) -> int:
        """Reports waiting for this person's approval."""
        if self._queue is None:
            self._queue = Report.objects.awaiting_review_by(self._user).count()
        return self._queue


def menu(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"menu": SimpleLazyObject(lambda: Menu(request))}
