"""Large ledger imports run as background jobs: queued, run by the worker, all or nothing.

The worker here is the real one (`luoshi db_worker --batch`, django-tasks' database
backend, as `make run` starts it); the workbooks are made as a person's spreadsheet
would be, 20,000 rows of them (bench/imports.py times 100,000).
"""

import io
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from openpyxl import Workbook, load_workbook

from luoshi.excel import background
from luoshi.excel.ledger_import import import_file
from luoshi.jobs.models import Job
from luoshi.ledgers.models import Hazard, HazardEvent
from tests.excel.helpers import HAZARD_HEADERS, hazard_row, ledger_book, upload
from tests.parallel import in_parallel, shared_database  # noqa: F401 (fixture)

URL = "/excel/ledger/hazards/import/"
ROWS = 20_000


@pytest.fixture
def c(city, settings):
    settings.LUOSHI_TODAY = date(2025, 7, 15)
    settings.LANGUAGE_CODE = "en"
    settings.IMPORT_IN_REQUEST_MAX_BYTES = 64 * 1024  # a 20,000-row file is ~1 MB
    return city


def big_workbook(rows: int, *, bad_last: bool = False) -> bytes:
    """`rows` hazards in a write-only workbook (no declared dimension, as openpyxl's)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("安全隐患")
    sheet.append(HAZARD_HEADERS)
    template = hazard_row()
    for number in range(rows):
        values = dict(template, 隐患地点=f"幸福小区{number}号楼")
        if bad_last and number == rows - 1:
            values["发现日期"] = "2025-13-45"
        sheet.append([values[h] for h in HAZARD_HEADERS])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def start(client, data: bytes, action="import"):
    return client.post(URL, {"file": upload(data, "台账.xlsx"), action: "1"})


def work():
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())


@pytest.mark.django_db(transaction=True)
def test_a_large_import_is_queued_run_by_the_worker_and_shown_on_its_page(c):
    client = c.client("housing-reporter")
    response = start(client, big_workbook(ROWS))
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    assert job.state == "queued" and job.upload and not Hazard.objects.exists()
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert "<progress" in page and "Waiting for the background worker" in page
    # htmx polls the same address for the progress part alone.
    part = client.get(f"/jobs/{job.pk}/", HTTP_HX_REQUEST="true")
    assert part.status_code == 200 and 'hx-trigger="every 2s"' in part.content.decode()
    assert DBTaskResult.objects.count() == 1

    work()
    job.refresh_from_db()
    assert job.state == "done", (job.error, job.problems[:3])
    assert job.result == {"created": ROWS, "updated": 0, "unchanged": 0}
    assert job.done == job.total == ROWS
    assert not job.upload  # the stored upload is removed once the job ends
    assert Hazard.objects.count() == ROWS and HazardEvent.objects.count() == ROWS
    assert set(Hazard.objects.values_list("unit__name", flat=True)) == {"市住建局"}
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert "Imported: 20,000 rows created, 0 updated, 0 unchanged." in page
    # Polled after the end: htmx is told to reload the page, which shows the outcome.
    part = client.get(f"/jobs/{job.pk}/", HTTP_HX_REQUEST="true")
    assert part.status_code == 204 and part["HX-Refresh"] == "true"
    assert job.title in client.get("/jobs/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_bad_row_at_the_end_of_a_large_import_writes_nothing_and_names_the_cell(c):
    client = c.client("housing-reporter")
    start(client, big_workbook(ROWS, bad_last=True))
    work()
    job = Job.objects.get()
    assert job.state == "failed" and job.problem_count == 1
    assert job.problems[0]["row"] == ROWS + 1 and job.problems[0]["column"].startswith("G")
    assert not Hazard.objects.exists() and not HazardEvent.objects.exists()
    assert job.done >= ROWS - 1000  # the check went through the whole sheet
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert "The file was refused: nothing was written." in page
    assert f"<td>{ROWS + 1}</td>" in page


def test_progress_is_reported_as_rows_are_checked_with_an_estimate_of_the_total(c):
    calls = []

    def progress(done, total=None, *, message=None):
        calls.append((done, total, message))

    data = big_workbook(5000)
    import_file("hazards", upload(data), c.housing_reporter, commit=False, progress=progress)
    counted = [(done, total) for done, total, message in calls if message is None]
    assert [done for done, _total in counted] == [1000, 2000, 3000, 4000, 5000]
    # No declared dimension: the estimate comes from the sheet's size, within 10%.
    assert all(4500 <= total <= 5500 for _done, total in counted)
    assert calls[-1] == (5000, 5000, "Every row checked.")


@pytest.mark.django_db(transaction=True)
def test_two_people_starting_the_same_import_get_one_import_and_a_clear_answer(c):
    data = big_workbook(3000)
    first = start(c.client("housing-reporter"), data)
    second = start(c.client("housing-approver"), data)
    assert first.status_code == 302
    assert second.status_code == 409
    assert "This file is already being imported" in second.content.decode()
    assert Job.objects.count() == 1
    work()
    assert Hazard.objects.count() == 3000
    # Once imported, the same file again would create its rows twice: refused, nothing added.
    again = start(c.client("housing-approver"), data)
    work()
    assert again.status_code == 302
    job = Job.objects.order_by("-pk").first()
    assert job.state == "failed" and "importing it again would create them twice" in job.error
    assert Hazard.objects.count() == 3000


@pytest.mark.django_db(transaction=True)
def test_a_task_delivered_twice_runs_the_job_once(c):
    start(c.client("housing-reporter"), big_workbook(2000))
    job = Job.objects.get()
    assert background.run_stored(job.pk).state == "done"
    assert background.run_stored(job.pk) is None
    assert Hazard.objects.count() == 2000


@pytest.mark.django_db(transaction=True)
def test_a_large_check_only_is_a_job_that_writes_nothing(c):
    client = c.client("housing-reporter")
    start(client, big_workbook(3000), action="check")
    work()
    job = Job.objects.get()
    assert job.kind == "ledger_check" and job.state == "done"
    assert job.result == {"created": 3000, "updated": 0}
    assert not Hazard.objects.exists()
    assert "The file is good: 3,000 new rows" in client.get(f"/jobs/{job.pk}/").content.decode()


def test_a_small_import_stays_in_the_request_and_leaves_a_job_in_my_jobs(c):
    client = c.client("housing-reporter")
    response = start(client, ledger_book([hazard_row()], HAZARD_HEADERS))
    assert response.status_code == 302 and response["Location"] == URL
    job = Job.objects.get()
    assert job.state == "done" and job.result["created"] == 1 and not job.upload
    assert Hazard.objects.count() == 1


def test_a_file_refused_before_it_is_queued_makes_no_job(c):
    junk = b"PK\x03\x04" + b"x" * (100 * 1024)
    response = start(c.client("housing-reporter"), junk)
    assert response.status_code == 400
    assert "not a zip package" in response.content.decode() or "not an Excel" in (
        response.content.decode()
    )
    assert not Job.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_an_export_of_more_rows_than_the_request_writes_is_a_job_with_a_file_for_its_owner(
    c, settings
):
    settings.EXPORT_IN_REQUEST_MAX_ROWS = 2
    client = c.client("housing-reporter")
    rows = [hazard_row(隐患地点=f"幸福小区{n}号楼") for n in range(3)]
    start(client, ledger_book(rows, HAZARD_HEADERS))
    response = client.get("/excel/ledger/hazards/export/")
    job = Job.objects.get(kind="ledger_export")
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    work()
    job.refresh_from_db()
    assert job.state == "done" and job.result == {"rows": 3} and job.done == job.total == 3
    assert (
        "Ready: the workbook of 3 rows can be downloaded."
        in client.get(f"/jobs/{job.pk}/").content.decode()
    )
    download = client.get(f"/jobs/{job.pk}/file/")
    book = load_workbook(io.BytesIO(b"".join(download.streaming_content)), read_only=True)
    values = list(book.worksheets[0].iter_rows(values_only=True))
    assert values[0][:3] == ("编号", "隐患描述", "领域")
    assert sorted(v[3] for v in values[1:]) == [f"幸福小区{n}号楼" for n in range(3)]
    # Nobody else reaches the job or its file.
    for persona in ("housing-approver", "supervisor"):
        assert c.client(persona).get(f"/jobs/{job.pk}/file/").status_code == 404
    # A list that fits answers at once, as before.
    small = client.get("/excel/ledger/hazards/export/?level=ordinary")
    assert small.status_code == 200 and Job.objects.filter(kind="ledger_export").count() == 1


def test_two_imports_of_one_file_released_at_the_same_moment_make_one_job(
    c,
    shared_database,  # noqa: F811  (the fixture imported above)
):
    data = big_workbook(1500)

    def post(index):
        person = ("housing-reporter", "housing-approver")[index]
        return start(c.client(person), data).status_code

    statuses = in_parallel(2, post)
    assert sorted(statuses) == [302, 409], statuses
    assert Job.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_job_whose_worker_died_does_not_block_the_file_for_ever(c):
    data = big_workbook(1500)
    start(c.client("housing-reporter"), data)
    Job.objects.update(state="running", started_at=timezone.now() - timedelta(hours=3))
    response = start(c.client("housing-reporter"), data)
    assert response.status_code == 302
    first, second = Job.objects.order_by("pk")
    assert first.state == "failed" and "lost its worker" in first.error
    assert second.state == "queued"


@pytest.mark.django_db(transaction=True)
def test_a_job_whose_stored_file_is_gone_fails_with_a_plain_message_and_writes_nothing(c):
    start(c.client("housing-reporter"), big_workbook(1500))
    job = Job.objects.get()
    job.upload.delete(save=False)  # a worker whose MEDIA_ROOT is not the app's
    work()
    job.refresh_from_db()
    assert job.state == "failed"
    assert job.error == "The job stopped on an unexpected error; nothing was changed."
    assert not Hazard.objects.exists()
