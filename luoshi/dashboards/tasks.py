"""Background work of the read side (django-tasks; database backend by default)."""

from datetime import date

from django_tasks import task

from . import store


@task()
def refresh_targets(target_ids: list[int]) -> int:
    """Recompute the stored evaluations of many targets (a plan's rules changed, say)."""
    return store.refresh(target_ids)


@task()
def refresh_all(day: str | None = None) -> int:
    """The daily refresh: every target's evaluation for today (or `day`, ISO), and the
    month end just passed; the stored month ends before it stand (store.refresh)."""
    today = date.fromisoformat(day) if day else None
    return store.refresh(None, today=today, new_days_only=True)
