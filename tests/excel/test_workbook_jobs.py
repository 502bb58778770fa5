"""A large 一表通 upload runs as a job, by the same steps as a small one in the request."""

# ruff: noqa: F811  (the fixture `c` is imported from test_workbook and used as an argument)

from io import StringIO

import pytest
from django.core.management import call_command

from luoshi.jobs.models import Job
from luoshi.reporting.models import Report
from tests.excel.test_workbook import c, export, fill, post  # noqa: F401


def work():
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())


@pytest.mark.django_db(transaction=True)
def test_a_large_workbook_upload_is_a_job_that_creates_the_drafts_all_or_none(c, settings):
    settings.IMPORT_IN_REQUEST_MAX_BYTES = 1  # every file is "large" here
    reporter = c.client("commerce-reporter")
    content = fill(export(reporter, c.commerce, "2025-06"), {c.signed.pk: (27, None, "")})
    response = post(reporter, c.commerce, "2025-06", content)
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    assert job.kind == "workbook_upload" and not Report.objects.exists()

    work()
    job.refresh_from_db()
    assert job.state == "done", (job.error, job.problems)
    (draft,) = Report.objects.all()
    assert (draft.status, draft.value, draft.created_by) == ("draft", 27, c.commerce_reporter)
    assert job.result["reports"] == [draft.pk]
    page = reporter.get(f"/jobs/{job.pk}/").content.decode()
    assert "1 draft reports created for 市商务局, 2025-06" in page
    assert c.client("commerce-approver").get(f"/jobs/{job.pk}/").status_code == 404

    # The same workbook again: the period's report exists, so the job refuses it whole.
    post(reporter, c.commerce, "2025-06", content)
    work()
    again = Job.objects.order_by("-pk").first()
    assert again.state == "failed"
    assert any("already exists" in p["message"] for p in again.problems)
    assert Report.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_bad_cell_in_a_large_workbook_refuses_it_in_the_job(c, settings):
    settings.IMPORT_IN_REQUEST_MAX_BYTES = 1
    reporter = c.client("commerce-reporter")
    content = fill(export(reporter, c.commerce, "2025-06"), {c.signed.pk: ("二十七个", None, "")})
    post(reporter, c.commerce, "2025-06", content)
    work()
    job = Job.objects.get()
    assert job.state == "failed" and job.problems[0]["row"] is not None
    assert not Report.objects.exists()
    assert (
        "The file was refused: nothing was written."
        in reporter.get(f"/jobs/{job.pk}/").content.decode()
    )
