"""The ladder runs daily: the scheduler enqueues `remind` for the day, the worker sends."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from luoshi.notices.models import Reminder


@pytest.mark.django_db(transaction=True)
def test_the_scheduler_and_the_worker_run_the_ladder_for_the_day(plan_city, settings):
    settings.LUOSHI_TODAY = date(2025, 7, 5)  # the due day of June's reports
    call_command("scheduler", "--once", stdout=StringIO())
    assert DBTaskResult.objects.filter(task_path="luoshi.notices.tasks.remind_daily").count() == 1
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert sorted(Reminder.objects.values_list("step", "person__username")) == [
        ("due", "commerce-approver"),
        ("due", "commerce-reporter"),
        ("due", "housing-approver"),
        ("due", "housing-reporter"),
    ]
