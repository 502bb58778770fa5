"""The Redis queue that docs/deploy.md offers larger installations, run against a real Redis.

The default install queues work in the database; a province sets
LUOSHI_TASKS_BACKEND=django_tasks_rq.RQBackend and runs `luoshi rqworker default`.
This enqueues the daily refresh through that backend and runs an RQ worker on it,
so the documented path is known to work, not only configured.
"""

import os
from datetime import date

import django_rq
import pytest
import redis
from django_tasks import task_backends
from rq.worker import SimpleWorker

from luoshi.dashboards.models import StoredEvaluation
from luoshi.dashboards.tasks import refresh_all
from luoshi.demo.synthetic import generate
from luoshi.plans.models import Target

# Its own database: scripts/run_tests.py gives the SQLite and the PostgreSQL runs one each.
REDIS_URL = os.environ.get("LUOSHI_TEST_REDIS", "redis://127.0.0.1:6379/13")


@pytest.fixture
def rq_backend(settings):
    connection = redis.Redis.from_url(REDIS_URL)
    try:
        connection.ping()
    except redis.ConnectionError as error:  # pragma: no cover - the machine's Redis is down
        pytest.fail(f"Redis is not reachable at {REDIS_URL}: {error}")
    connection.flushdb()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    yield task_backends["default"]
    connection.flushdb()


@pytest.mark.django_db
def test_the_daily_refresh_runs_through_redis(rq_backend, settings):
    settings.LUOSHI_TODAY = date(2025, 10, 15)
    generate(scale=1, fraction=0.02, seed=23, months=10)
    day = date(2025, 10, 16)
    assert not StoredEvaluation.objects.filter(at=day).exists()

    result = refresh_all.enqueue(day.isoformat())
    assert result.backend == "default" and type(rq_backend).__name__ == "RQBackend"
    assert rq_backend.get_result(result.id).status == "READY"

    # One process, no fork: the worker shares this test's database transaction.
    worker = django_rq.get_worker("default", worker_class=SimpleWorker)
    assert worker.work(burst=True)

    done = rq_backend.get_result(result.id)
    assert done.status == "SUCCESSFUL", done.errors
    # Every active target is stored for the new day (the month ends are written again too).
    stored = StoredEvaluation.objects.filter(at=day).count()
    assert stored == Target.objects.filter(is_active=True).count() > 0
    assert done.return_value >= stored
