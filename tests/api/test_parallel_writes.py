"""Writes that arrive at the same moment (issue 10): answered 2xx or 409, never 500.

Each thread has its own database connection; on SQLite the database is a file
opened with the settings' OPTIONS (tests/parallel.py), as the demo runs.
"""

from datetime import date

import pytest

from luoshi.reporting.models import Report
from tests.api.conftest import ApiCity
from tests.parallel import in_parallel, shared_database  # noqa: F401  (fixture)

WRITERS = 20


@pytest.fixture
def city(shared_database, settings):  # noqa: F811  (the fixture imported above)
    settings.LUOSHI_TODAY = date(2025, 7, 15)
    return ApiCity()


def test_twenty_parallel_report_writes_all_succeed(city):
    """Each writer creates a draft and submits it: 40 writes, all of them answered 2xx."""
    before = Report.objects.count()

    def write(index: int) -> tuple[int, int]:
        api = city.api("commerce-reporter")
        created = api.post(
            "/reports",
            {"target": city.signed.pk, "as_of": "2025-07-10", "value": index, "narrative": "并发"},
        )
        if created.status_code != 201:
            return created.status_code, 0
        report = created.json()
        submitted = api.post(f"/reports/{report['id']}/submit", {"revision": report["revision"]})
        return created.status_code, submitted.status_code

    answers = in_parallel(WRITERS, write)

    assert answers == [(201, 200)] * WRITERS
    new = Report.objects.filter(narrative="并发")
    assert Report.objects.count() == before + WRITERS
    assert sorted(new.values_list("value", flat=True)) == list(range(WRITERS))
    assert set(new.values_list("status", "revision")) == {("submitted", 2)}


def test_parallel_corrections_of_one_report_give_one_correction_and_409s(city):
    def correct(index: int) -> int:
        return (
            city.api("commerce-reporter").post(f"/reports/{city.approved.pk}/correct").status_code
        )

    statuses = in_parallel(6, correct)

    assert sorted(statuses) == [201] + [409] * 5, statuses
    assert Report.objects.filter(supersedes=city.approved).count() == 1
    assert Report.objects.get(pk=city.approved.pk).status == "approved"


def test_parallel_approvals_of_one_report_approve_it_once(city):
    def approve(index: int) -> int:
        persona = "supervisor" if index % 2 else "commerce-approver"
        body = {"revision": city.submitted.revision}
        return city.api(persona).post(f"/reports/{city.submitted.pk}/approve", body).status_code

    statuses = in_parallel(6, approve)

    # The others read it still submitted (a stale revision: 409) or already approved (422).
    assert statuses.count(200) == 1 and set(statuses) <= {200, 409, 422}, statuses
    report = Report.objects.get(pk=city.submitted.pk)
    assert (report.status, report.revision) == ("approved", city.submitted.revision + 1)
    assert report.history.filter(history_change_reason="approved").count() == 1
