"""Daily jobs: each enqueued once a day on the task queue, however many schedulers run.

`settings.PERIODIC_TASKS` maps a job name to the dotted path of a django-tasks
task that takes the day (ISO) as its one argument. `luoshi scheduler` calls
`enqueue_due` every minute; cron can call `luoshi scheduler --once` instead.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.module_loading import import_string

from luoshi.clock import today as local_today

from .models import PeriodicRun


def enqueue_due(day: date | None = None) -> list[str]:
    """Enqueue the daily jobs not yet enqueued for `day`; returns their names."""
    day = day or local_today()
    started = []
    for job, path in settings.PERIODIC_TASKS.items():
        try:
            with transaction.atomic():
                PeriodicRun.objects.create(job=job, day=day)
                import_string(path).enqueue(day.isoformat())
        except IntegrityError:
            continue  # another scheduler (or an earlier minute) took it
        started.append(job)
    return started
