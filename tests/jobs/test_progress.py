"""Progress reaches the job's page while the job runs: between chunks, in autocommit; from
inside the job's one transaction only on PostgreSQL, through a connection of its own."""

import pytest
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction

from luoshi.jobs import actions
from luoshi.jobs.choices import JobKind


def _read_elsewhere(job_id: int):
    """The job's progress as another process (the job's page) reads it now."""
    other = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT done, total FROM jobs_job WHERE id = %s", [job_id])
            return cursor.fetchone()
    finally:
        other.close()


@pytest.fixture
def job(city):
    return actions.claim(actions.start(city.housing_reporter, JobKind.LEDGER_IMPORT, "导入").pk)


@pytest.mark.django_db(transaction=True)
def test_progress_between_chunks_is_seen_at_once_by_another_connection(job):
    if connection.vendor == "sqlite":
        pytest.skip("the in-memory test database is not reachable from another connection")
    progress = actions.Progress(job, every=0)
    progress(3000, 20000)
    assert _read_elsewhere(job.pk) == (3000, 20000)


@pytest.mark.django_db(transaction=True)
def test_progress_from_inside_the_jobs_transaction_is_seen_before_the_commit_on_postgresql(job):
    progress = actions.Progress(job, every=0)
    with transaction.atomic():
        progress.within(1200, 5000)
        if connection.vendor == "postgresql":
            assert _read_elsewhere(job.pk) == (1200, 5000)
        else:
            # SQLite: nothing is written (a second writer would wait for the lock).
            job.refresh_from_db()
            assert (job.done, job.total) == (0, None)
    progress.close()


def test_a_job_that_fails_records_how_far_it_got_whatever_the_throttle(job):
    """Progress writes at most every `every` seconds; rows checked after the last write
    (the refusal of the last row came within the half second) are still recorded when
    the job fails. Before, a 20,000-row check could end showing 18,000 done."""
    progress = actions.Progress(job, every=3600)
    progress(1000, 20000)  # written: the first report
    progress(19000, 20000)  # within the hour: not written yet
    progress(20000, 20000)
    actions.fail(job, "the last row is wrong")
    job.refresh_from_db()
    assert (job.state, job.done, job.total) == ("failed", 20000, 20000)
