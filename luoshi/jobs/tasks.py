"""The daily pruning of ended jobs (settings.PERIODIC_TASKS: `luoshi scheduler` enqueues it)."""

from django.conf import settings
from django_tasks import task

from . import actions


@task()
def prune_daily(day: str | None = None) -> int:
    """Delete the jobs that ended more than settings.JOBS_KEEP_DAYS days ago, with their
    files (`luoshi prune_jobs --days N` by hand). `day` is the scheduler's, unused."""
    return actions.prune(settings.JOBS_KEEP_DAYS)
