"""Background work of the notices (django-tasks; database backend by default)."""

from datetime import date

from django_tasks import task

from luoshi.clock import today

from . import delivery, events, ladder
from .delivery import deliver  # noqa: F401 - the sending task, defined beside its enqueue


@task()
def remind_daily(day: str | None = None) -> int:
    """The daily run for `day` (ISO; default today): the 催报 ladder, then the hazards past
    their deadline. Returns how many reminders and hazard alerts were sent."""
    on = date.fromisoformat(day) if day else today()
    return len(ladder.run(on)) + len(events.overdue_hazards(on))


@task()
def deliver_due(day: str | None = None) -> dict[str, int]:
    """The sweep: every delivery that is due (`day` is ignored; the scheduler passes it)."""
    return delivery.deliver_due()
