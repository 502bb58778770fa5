"""取消: a person cancels their own queued or running job; a running one stops at its next
batch and its whole transaction rolls back. A job that ended cannot be cancelled (409);
someone else's job is 404. Ended jobs are pruned daily (settings.JOBS_KEEP_DAYS)."""

from datetime import date, timedelta

import pytest
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.utils import timezone

from luoshi.excel import background
from luoshi.jobs import actions, tasks
from luoshi.jobs.choices import JobKind
from luoshi.jobs.models import Job
from luoshi.ledgers.models import Hazard, HazardEvent
from tests.excel.helpers import upload
from tests.excel.test_ledger_jobs import big_workbook

ROWS = 2500  # two batches of new hazards (ledger_import.BULK_BATCH is 2,000)


@pytest.fixture
def c(city, settings):
    settings.LUOSHI_TODAY = date(2025, 7, 15)
    settings.LANGUAGE_CODE = "en"
    settings.IMPORT_IN_REQUEST_MAX_BYTES = 1024  # every file here goes to the worker
    return city


def queued_import(c, rows: int = ROWS) -> Job:
    client = c.client("housing-reporter")
    response = client.post(
        "/excel/ledger/hazards/import/",
        {"file": upload(big_workbook(rows), "台账.xlsx"), "import": "1"},
    )
    job = Job.objects.get()
    assert response.status_code == 302 and job.state == "queued" and job.upload
    return job


def test_a_running_import_cancelled_between_batches_writes_nothing(c):
    job = queued_import(c)
    seen = {}

    def owner_clicks_cancel_after_the_first_batch(execute, sql, params, many, context):
        # The worker reads the cancel flag at each batch: the person clicks 取消 at the
        # first read after some hazards are in (inside the import's transaction).
        if "cancel_requested_at" in sql and not seen and Hazard.objects.exists():
            seen["hazards"] = Hazard.objects.count()
            seen["state"] = actions.cancel(Job.objects.get(pk=job.pk)).state
        return execute(sql, params, many, context)

    with connection.execute_wrapper(owner_clicks_cancel_after_the_first_batch):
        background.run_stored(job.pk)  # the worker's side: claim, then the stored file

    assert seen == {"hazards": 2000, "state": "running"}  # cancelled mid-write
    job.refresh_from_db()
    assert job.state == "cancelled" and job.finished_at and job.cancel_requested_at
    assert not job.upload and job.error == "" and job.result == {}
    assert not Hazard.objects.exists() and not HazardEvent.objects.exists()
    page = c.client("housing-reporter").get(f"/jobs/{job.pk}/").content.decode()
    assert "Cancelled while it ran: everything it had done was rolled back" in page
    assert f'action="/jobs/{job.pk}/cancel/"' not in page


def test_the_same_import_not_cancelled_writes_every_row(c):
    """The control of the test above: the same file and worker, nobody cancels."""
    job = queued_import(c)
    background.run_stored(job.pk)
    job.refresh_from_db()
    assert job.state == "done" and Hazard.objects.count() == ROWS


def test_a_queued_job_cancelled_from_my_jobs_never_runs(c):
    job = queued_import(c, rows=100)
    client = c.client("housing-reporter")
    listing = client.get("/jobs/").content.decode()
    assert f'action="/jobs/{job.pk}/cancel/"' in listing
    path = job.upload.path
    response = client.post(f"/jobs/{job.pk}/cancel/")
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    job.refresh_from_db()
    assert job.state == "cancelled" and job.started_at is None and not job.upload
    assert not __import__("os").path.exists(path)
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert "The job was cancelled before it started." in page
    assert "Cancelled before it started: nothing was written." in page
    # The task delivered afterwards finds nothing to claim.
    assert background.run_stored(job.pk) is None
    assert not Hazard.objects.exists()
    # The same file may be imported again at once (the one-active-import rule is free).
    assert (
        client.post(
            "/excel/ledger/hazards/import/",
            {"file": upload(big_workbook(100), "台账.xlsx"), "import": "1"},
        ).status_code
        == 302
    )


def test_cancelling_a_running_job_flags_it_and_its_page_says_so(c):
    job = queued_import(c, rows=100)
    actions.claim(job.pk)
    client = c.client("housing-reporter")
    assert f'action="/jobs/{job.pk}/cancel/"' in client.get(f"/jobs/{job.pk}/").content.decode()
    response = client.post(f"/jobs/{job.pk}/cancel/", follow=True)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Cancelling: the job stops at its next batch of rows and writes nothing." in page
    assert f'action="/jobs/{job.pk}/cancel/"' not in page  # asked once
    job.refresh_from_db()
    assert job.state == "running" and job.cancel_requested_at is not None
    # Asking again changes nothing.
    assert client.post(f"/jobs/{job.pk}/cancel/").status_code == 302
    assert Job.objects.get(pk=job.pk).cancel_requested_at == job.cancel_requested_at


@pytest.mark.parametrize("end", ["finish", "fail", "cancel"])
def test_a_job_that_ended_cannot_be_cancelled(c, end):
    job = queued_import(c, rows=100)
    if end == "cancel":
        actions.cancel(job)
    else:
        claimed = actions.claim(job.pk)
        actions.finish(claimed, result={"created": 0}) if end == "finish" else actions.fail(
            claimed, "stopped"
        )
    before = Job.objects.values().get(pk=job.pk)
    response = c.client("housing-reporter").post(f"/jobs/{job.pk}/cancel/")
    assert response.status_code == 409
    assert "This job has already ended" in response.content.decode()
    assert Job.objects.values().get(pk=job.pk) == before


def test_someone_elses_job_or_a_get_cannot_cancel_it(c):
    job = queued_import(c, rows=100)
    for persona in ("supervisor", "housing-approver", "outsider"):
        assert c.client(persona).post(f"/jobs/{job.pk}/cancel/").status_code == 404
    assert c.client(None).post(f"/jobs/{job.pk}/cancel/").status_code == 302  # to sign in
    assert c.client("housing-reporter").get(f"/jobs/{job.pk}/cancel/").status_code == 405
    assert c.client("housing-reporter").post("/jobs/999999/cancel/").status_code == 404
    assert Job.objects.get(pk=job.pk).state == "queued"


def test_the_daily_task_prunes_with_the_retention_of_the_settings(c, settings):
    old, recent = queued_import(c, rows=100), None
    actions.finish(actions.claim(old.pk), result={"created": 0})
    recent = actions.start(c.housing_reporter, JobKind.LEDGER_EXPORT, "export")
    actions.finish(actions.claim(recent.pk), result={"rows": 0})
    Job.objects.filter(pk=old.pk).update(finished_at=timezone.now() - timedelta(days=8))
    settings.JOBS_KEEP_DAYS = 10
    assert tasks.prune_daily.call("2025-07-15") == 0
    settings.JOBS_KEEP_DAYS = 7
    assert tasks.prune_daily.call("2025-07-15") == 1
    assert list(Job.objects.values_list("pk", flat=True)) == [recent.pk]


@pytest.mark.django_db(transaction=True)
def test_on_postgresql_a_cancel_committed_by_another_connection_stops_the_import(c):
    """As in production: the person's request commits the flag on its own connection while
    the worker is inside the import's transaction, which sees it at its next batch."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite: the request waits for the import's write lock (see the 503)")
    job = queued_import(c)
    seen = {}

    def request_on_its_own_connection(execute, sql, params, many, context):
        if "cancel_requested_at" in sql and not seen and Hazard.objects.exists():
            seen["hazards"] = Hazard.objects.count()
            other = connections.create_connection(DEFAULT_DB_ALIAS)
            try:
                with other.cursor() as cursor:  # autocommit, as the cancel view's UPDATE
                    cursor.execute(
                        "UPDATE jobs_job SET cancel_requested_at = now() "
                        "WHERE id = %s AND state = 'running'",
                        [job.pk],
                    )
                    seen["flagged"] = cursor.rowcount
            finally:
                other.close()
        return execute(sql, params, many, context)

    with connection.execute_wrapper(request_on_its_own_connection):
        background.run_stored(job.pk)

    assert seen == {"hazards": 2000, "flagged": 1}
    job.refresh_from_db()
    assert job.state == "cancelled" and job.cancel_requested_at is not None
    assert not Hazard.objects.exists() and not HazardEvent.objects.exists()
