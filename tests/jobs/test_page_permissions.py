"""The job pages × every persona → the status each must answer (data, not code).

A job is its owner's alone: its page and its file answer 404 to everyone else, as a
missing job does; 我的任务 lists one's own jobs only.
"""

import io
import os
from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from luoshi.jobs import actions
from luoshi.jobs.choices import JobKind
from luoshi.jobs.models import Job
from tests.personas import PERSONAS

OWNER_ONLY = dict.fromkeys(PERSONAS, 404) | {"housing-reporter": 200, None: 302}

TABLE = [
    ("job-list", "get", "/jobs/", dict.fromkeys(PERSONAS, 200) | {None: 302}),
    ("job-detail", "get", "/jobs/{job}/", OWNER_ONLY),
    ("job-file", "get", "/jobs/{job}/file/", OWNER_ONLY),
    # The job has ended: its owner is told so (409), anyone else sees no job.
    ("job-cancel", "post", "/jobs/{job}/cancel/", OWNER_ONLY | {"housing-reporter": 409}),
]


def _finished_export(city):
    job = actions.start(city.housing_reporter, JobKind.LEDGER_EXPORT, "安全隐患台账: export")
    job = actions.claim(job.pk)
    actions.finish(
        job, result={"rows": 1}, result_file=io.BytesIO(b"PK\x03\x04 rows"), result_name="隐患.xlsx"
    )
    return job


def test_every_job_page_answers_every_persona_as_the_table_says(city):
    job = _finished_export(city)
    wrong = []
    for name, method, template, expected in TABLE:
        for persona in PERSONAS:
            response = getattr(city.client(persona), method)(template.format(job=job.pk))
            if response.status_code != expected[persona]:
                wrong.append(f"{name} as {persona}: {response.status_code} != {expected[persona]}")
    assert not wrong, "\n".join(wrong)


def test_the_owner_downloads_the_file_and_others_do_not_see_the_job_listed(city):
    job = _finished_export(city)
    response = city.client("housing-reporter").get(f"/jobs/{job.pk}/file/")
    assert b"".join(response.streaming_content) == b"PK\x03\x04 rows"
    assert "attachment" in response["Content-Disposition"]
    assert job.title in city.client("housing-reporter").get("/jobs/").content.decode()
    for persona in ("supervisor", "housing-approver", "outsider"):
        assert job.title not in city.client(persona).get("/jobs/").content.decode()


def test_a_missing_job_is_404(city):
    assert city.client("housing-reporter").get("/jobs/999999/").status_code == 404


def test_the_table_covers_every_job_route():
    from luoshi.jobs import urls

    assert {name for name, *_rest in TABLE} == {p.name for p in urls.urlpatterns}


def test_my_jobs_and_a_job_page_cost_the_same_queries_however_many_jobs(city):
    client = city.client("housing-reporter")

    def queries(path):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    job = _finished_export(city)
    few = (queries("/jobs/"), queries(f"/jobs/{job.pk}/"))
    for _ in range(40):
        _finished_export(city)
    assert (queries("/jobs/"), queries(f"/jobs/{job.pk}/")) == few


def test_prune_jobs_forgets_old_finished_jobs_and_their_files(city):
    old, recent = _finished_export(city), _finished_export(city)
    running = actions.claim(actions.start(city.housing_reporter, JobKind.LEDGER_IMPORT, "导入").pk)
    Job.objects.filter(pk__in=[old.pk, running.pk]).update(
        finished_at=timezone.now() - timedelta(days=40),
        created_at=timezone.now() - timedelta(days=40),
    )
    path = old.result_file.path
    out = StringIO()
    call_command("prune_jobs", "--days", "30", stdout=out)
    assert out.getvalue().strip() == "deleted 1 jobs"
    assert set(Job.objects.values_list("pk", flat=True)) == {recent.pk, running.pk}
    assert not os.path.exists(path) and os.path.exists(recent.result_file.path)
