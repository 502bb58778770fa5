"""Parallel moves of one ledger row (issue 10, broke #6): judged one after the other.

Threads with their own database connections post at the same moment through the
API; the row's status must agree with its latest event, no move is recorded
twice, and every recorded step is a legal one.
"""

from datetime import date

import pytest

from luoshi.api.auth import issue_token
from luoshi.ledgers.choices import HAZARD_MOVES, HazardStatus
from luoshi.ledgers.models import Hazard, Project
from tests.api.conftest import Api
from tests.ledgers.rows import add_ledger_rows
from tests.parallel import in_parallel, shared_database  # noqa: F401  (fixture)
from tests.personas import PlanCity

THREADS = 6


@pytest.fixture
def ledger_city(shared_database, settings):  # noqa: F811  (the fixture imported above)
    settings.LUOSHI_TODAY = date(2025, 7, 15)
    city = PlanCity()
    add_ledger_rows(city)
    city.token = {
        user.username: issue_token(user, "tests")[1]
        for user in (city.team_reporter, city.commerce_reporter, city.supervisor)
    }
    return city


def _post_all(city, username: str, path: str, bodies: list[dict]) -> list[int]:
    def post(index: int) -> int:
        return Api(city.token[username]).post(path, bodies[index]).status_code

    return in_parallel(len(bodies), post)


def _events(hazard: Hazard) -> list[str]:
    return list(hazard.events.order_by("date", "pk").values_list("status", flat=True))


def test_the_same_hazard_move_sent_at_once_is_recorded_once(ledger_city):
    hazard = ledger_city.hazard
    body = {"status": "rectifying", "date": "2025-07-12"}
    statuses = _post_all(
        ledger_city, "team-reporter", f"/hazards/{hazard.pk}/move", [body] * THREADS
    )

    assert sorted(statuses) == [200] + [422] * (THREADS - 1), statuses
    hazard.refresh_from_db()
    assert _events(hazard) == ["open", "rectifying"]
    assert hazard.status == "rectifying"


def test_parallel_different_hazard_moves_leave_a_legal_history(ledger_city):
    """rectifying and rectified, both legal from open: whichever goes second is judged
    against the first one's result (rectified → rectifying is refused)."""
    hazard = ledger_city.hazard
    bodies = [
        {"status": "rectifying" if i % 2 else "rectified", "date": "2025-07-12"}
        for i in range(THREADS)
    ]
    statuses = _post_all(ledger_city, "team-reporter", f"/hazards/{hazard.pk}/move", bodies)

    assert set(statuses) <= {200, 422}, statuses
    hazard.refresh_from_db()
    events = _events(hazard)
    assert events[0] == "open"
    for before, after in zip(events, events[1:], strict=False):
        assert after in HAZARD_MOVES[HazardStatus(before)], events
    assert hazard.status == events[-1]
    assert statuses.count(200) == len(events) - 1
    assert len(events) == len(set(events)), events  # no step twice


def test_the_same_project_move_sent_at_once_is_recorded_once(ledger_city):
    project = ledger_city.project
    body = {"stage": "landed", "date": "2025-07-01"}
    statuses = _post_all(
        ledger_city, "commerce-reporter", f"/projects/{project.pk}/move", [body] * THREADS
    )

    assert sorted(statuses) == [200] + [422] * (THREADS - 1), statuses
    project.refresh_from_db()
    events = list(project.events.order_by("date", "pk").values_list("stage", flat=True))
    assert events == ["signed", "landed"]
    assert project.stage == "landed"


def test_parallel_project_moves_leave_the_stage_of_the_latest_event(ledger_city):
    project = ledger_city.project
    stages = ["landed", "started", "producing", "landed", "started", "producing"]
    bodies = [{"stage": stage, "date": f"2025-07-{10 + i:02d}"} for i, stage in enumerate(stages)]
    statuses = _post_all(ledger_city, "commerce-reporter", f"/projects/{project.pk}/move", bodies)

    assert statuses == [200] * THREADS
    project = Project.objects.get(pk=project.pk)
    assert project.events.count() == THREADS + 1
    assert project.stage == "producing"  # the event of 2025-07-15, whatever order they ran in
