"""The daily refresh: enqueued once a day however often the scheduler looks, run by the worker."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from luoshi.dashboards.models import PeriodicRun, StoredEvaluation
from luoshi.dashboards.periodic import enqueue_due
from luoshi.demo.synthetic import generate


@pytest.mark.django_db(transaction=True)
def test_the_scheduler_enqueues_each_daily_job_once_and_the_worker_runs_it(settings):
    settings.LUOSHI_TODAY = date(2025, 10, 15)
    generate(scale=1, fraction=0.02, seed=21, months=10)
    assert not StoredEvaluation.objects.filter(at=date(2025, 10, 16)).exists()

    settings.LUOSHI_TODAY = date(2025, 10, 16)  # the next morning
    assert enqueue_due() == ["refresh-evaluations", "remind", "prune-jobs"]
    assert enqueue_due() == []
    call_command("scheduler", "--once", stdout=StringIO())
    assert set(PeriodicRun.objects.values_list("day", flat=True)) == {date(2025, 10, 16)}
    assert DBTaskResult.objects.count() == 3

    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    # Yesterday's "today" went; the new day is stored for every target.
    days = set(StoredEvaluation.objects.values_list("at", flat=True))
    assert date(2025, 10, 16) in days and date(2025, 10, 15) not in days
    targets = StoredEvaluation.objects.values("target").distinct().count()
    assert StoredEvaluation.objects.filter(at=date(2025, 10, 16)).count() == targets
