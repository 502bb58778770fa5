"""The cockpit's export of a province: a background job with its progress, then its file."""

from datetime import date
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from openpyxl import load_workbook

from luoshi.demo.synthetic import generate
from luoshi.jobs.models import Job
from luoshi.orgs.models import User

TODAY = date(2025, 10, 15)


def signed_in(username: str) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
    client.force_login(User.objects.get(username=username))
    return client


@pytest.mark.django_db(transaction=True)
def test_a_large_export_is_a_job_whose_file_holds_the_whole_red_list(settings):
    settings.LUOSHI_TODAY = TODAY
    generate(scale=1, fraction=0.02, seed=33, months=10)
    leader = signed_in("syn33-leader")
    page = leader.get("/cockpit/?sort=red")
    assert page.context["red_total"] > 5
    settings.COCKPIT_EXPORT_IN_REQUEST_MAX_ROWS = 5

    response = leader.get("/cockpit/export.xlsx?sort=red")
    job = Job.objects.get(kind="cockpit_export")
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    assert job.state == "queued" and job.params["query"] == {"sort": ["red"]}
    assert "<progress" in leader.get(f"/jobs/{job.pk}/").content.decode()

    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())
    job.refresh_from_db()
    assert job.state == "done", job.error
    assert job.done == job.total == page.context["red_total"]
    download = leader.get(f"/jobs/{job.pk}/file/")
    assert download.status_code == 200
    book = load_workbook(BytesIO(b"".join(download.streaming_content)), read_only=True)
    scorecard, red = book.worksheets
    units = [row[1] for row in scorecard.iter_rows(min_row=2, values_only=True)]
    assert units == [s.unit.name + (" (本级)" if s.own else "") for s in page.context["scores"]]
    names = [row[0] for row in red.iter_rows(min_row=2, values_only=True)]
    assert len(names) == page.context["red_total"]
    assert names[: len(page.context["red"])] == [row.target.name for row in page.context["red"]]
    # The job and its file are its owner's only.
    assert signed_in("syn33-supervisor").get(f"/jobs/{job.pk}/file/").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_a_damaged_query_makes_no_job(settings):
    settings.LUOSHI_TODAY = TODAY
    generate(scale=1, fraction=0.02, seed=34, months=10)
    settings.COCKPIT_EXPORT_IN_REQUEST_MAX_ROWS = 0
    leader = signed_in("syn34-leader")
    for query in ("plan=abc", "unit=999999999", "at=2025-13-01", "at=2025-08-20"):
        assert leader.get(f"/cockpit/export.xlsx?{query}").status_code in (400, 404), query
    assert not Job.objects.exists()
