"""Background work of the notices (django-tasks; database backend by default)."""

from datetime import date
from functools import partial

from django.db import transaction
from django_tasks import task
from django_tasks_db import DatabaseBackend

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


@task()
def tell_state_changes(changes: list[list], day: str) -> int:
    """Tell of the targets that turned behind or will now miss on `day` (ISO), queued by
    the stored-evaluation refresh that found them (queue_state_changes): changes
    as it gives them, [target id, old state, old will_miss, new state, new will_miss]."""
    return events.on_state_changed(
        None, changes=[tuple(change) for change in changes], today=date.fromisoformat(day)
    )


def queue_state_changes(sender, changes, today, **kwargs) -> None:
    """In the stored-evaluation refresh's transaction (dashboards.store.state_changed):
    queue the telling of the targets that turned behind or will now miss, a task row
    that commits with the refresh's rows (so a crash after the commit loses no notice),
    run by the worker (tell_state_changes) rather than in the person's request."""
    bad = [list(change) for change in changes if events.turned_bad(*change[1:])]
    if not bad:
        return
    enqueue = partial(tell_state_changes.enqueue, bad, today.isoformat())
    if isinstance(tell_state_changes.get_backend(), DatabaseBackend):
        enqueue()  # the task row, in this transaction
    else:  # a queue beside the database (Redis) hears of it once the rows commit
        transaction.on_commit(enqueue, robust=True)
