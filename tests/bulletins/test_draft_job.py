"""A draft of a large plan is written by the worker (issue 12): the request queues a job
keyed by plan and date and sends its owner to the job's page; asking again while it runs
gets a clear 409 and no second draft. A small plan's draft is written in the request
through the same job, so both paths are one code."""

from io import StringIO

import pytest
from django.core.management import call_command

from luoshi.bulletins.models import Bulletin
from luoshi.jobs.models import Job


def test_a_small_plans_draft_is_written_in_the_request(figures_city, settings):
    city = figures_city
    settings.BULLETIN_DRAFT_IN_REQUEST_MAX_TARGETS = 1000
    response = city.client("supervisor").post(
        "/bulletins/new/", {"plan": city.plan.pk, "at": "2025-06-30"}
    )
    draft = Bulletin.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/bulletins/{draft.pk}/"
    job = Job.objects.get(kind="bulletin_draft")
    assert (job.state, job.result) == ("done", {"bulletin": draft.pk})


@pytest.mark.django_db(transaction=True)
def test_a_large_plans_draft_is_a_job_and_a_second_ask_gets_one_draft(figures_city, settings):
    city = figures_city
    settings.BULLETIN_DRAFT_IN_REQUEST_MAX_TARGETS = 0
    office = city.client("supervisor")
    response = office.post("/bulletins/new/", {"plan": city.plan.pk, "at": "2025-06-30"})
    job = Job.objects.get(kind="bulletin_draft")
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    assert job.state == "queued" and not Bulletin.objects.exists()
    assert "<progress" in office.get(f"/jobs/{job.pk}/").content.decode()

    # Asked again while the job waits: a clear answer, no second job.
    again = office.post("/bulletins/new/", {"plan": city.plan.pk, "at": "2025-06-30"})
    assert again.status_code == 409
    assert "正在生成" in again.content.decode()
    assert Job.objects.filter(kind="bulletin_draft").count() == 1

    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())
    job.refresh_from_db()
    draft = Bulletin.objects.get()
    assert (job.state, job.result) == ("done", {"bulletin": draft.pk}), job.error
    assert "签约项目" in draft.sections["behind"] and draft.created_by == job.user
    page = office.get(f"/jobs/{job.pk}/").content.decode()
    assert f'href="/bulletins/{draft.pk}/"' in page
    # The job is its owner's only.
    assert city.client("leader").get(f"/jobs/{job.pk}/").status_code == 404


def test_a_date_outside_the_window_makes_no_job(figures_city, settings):
    city = figures_city
    settings.BULLETIN_DRAFT_IN_REQUEST_MAX_TARGETS = 0
    response = city.client("supervisor").post(
        "/bulletins/new/", {"plan": city.plan.pk, "at": "1980-06-30"}
    )
    assert response.status_code == 400
    assert not Job.objects.exists() and not Bulletin.objects.exists()
