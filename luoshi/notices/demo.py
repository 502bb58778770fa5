"""The demo city's month of notices: the 催报 ladder run day by day over the month before
the demo day (as `luoshi remind --at DAY` would), and the hazards past their deadline on
the demo day, all in the app only (no e-mail or webhook leaves a demo)."""

from __future__ import annotations

from datetime import date, timedelta

from . import events, ladder
from .models import Reminder

DAYS = 30


def seed(until: date, days: int = DAYS) -> str:
    """Run the month up to `until` (the demo day) once; a second call changes nothing."""
    first = until - timedelta(days=days)
    if Reminder.objects.filter(sent_on__range=(first, until), chase__isnull=True).exists():
        return "Demo reminders already present: nothing changed."
    sent = 0
    day = first
    while day <= until:
        sent += len(ladder.run(day, channels=False))
        day += timedelta(days=1)
    hazards = len(events.overdue_hazards(until, channels=False))
    return (
        f"Demo notices: {sent} reminders from {first} to {until}, "
        f"{hazards} hazards past their deadline told to their units."
    )
