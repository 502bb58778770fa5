"""Background work of the notices (django-tasks; database backend by default)."""

from datetime import date

from django_tasks import task

from luoshi.clock import today

from . import ladder


@task()
def remind_daily(day: str | None = None) -> int:
    """The daily 催报 run for `day` (ISO; default today): how many reminders were sent."""
    return len(ladder.run(date.fromisoformat(day) if day else today()))
