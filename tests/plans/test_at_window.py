"""`?at=` on every page and API route that takes it: a date within 1990..2100 is judged,
anything else is a clear 400 (pages) or 422 (API), never a 500 (issue 10, weak point).
"""

import pytest
from django.test import Client

from luoshi.api.auth import issue_token
from luoshi.ledgers.measures import bind_measure

BAD = ["0001-01-01", "9999-12-31", "1989-12-31", "2101-01-01", "garbage", "2025-02-30", "2025"]
GOOD = ["1990-01-01", "2100-12-31", "2025-07-15"]


def _pages(c):
    bind_measure(c.hazards, c.supervisor, source="hazards", aggregate="count", filter={})
    return {
        "overview": "/overview/?at={}",
        "overview with a filter": f"/overview/?state=behind&unit={c.commerce.pk}&at={{}}",
        "target": f"/targets/{c.signed.pk}/?at={{}}",
        "measure rows": f"/targets/{c.hazards.pk}/measure/rows/?figure=rows&at={{}}",
    }


@pytest.mark.parametrize("at", BAD)
def test_pages_answer_400_naming_the_window_for_a_bad_at(plan_city, at):
    client = plan_city.client("supervisor")
    for name, url in _pages(plan_city).items():
        response = client.get(url.format(at))
        assert response.status_code == 400, (name, response.status_code)
        text = response.content.decode()
        assert "YYYY-MM-DD" in text or "1990-01-01" in text, (name, text)


@pytest.mark.parametrize("at", GOOD)
def test_pages_judge_any_date_within_the_window(plan_city, at):
    client = plan_city.client("supervisor")
    for name, url in _pages(plan_city).items():
        response = client.get(url.format(at))
        assert response.status_code == 200, (name, response.status_code)
        assert response.context["at"].isoformat() == at


def test_pages_without_at_judge_today(plan_city):
    response = plan_city.client("supervisor").get("/overview/?at=")
    assert response.status_code == 200
    assert response.context["at"].isoformat() == "2025-07-15"


def _api(c):
    token = issue_token(c.supervisor, "tests")[1]
    return lambda path: Client().get(
        "/api/v1" + path, HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_ACCEPT_LANGUAGE="en"
    )


@pytest.mark.parametrize("at", BAD)
def test_api_status_answers_422_naming_at(plan_city, at):
    response = _api(plan_city)(f"/status?at={at}")
    assert response.status_code == 422
    assert "at" in response.json()["errors"]


@pytest.mark.parametrize("at", GOOD)
def test_api_status_judges_any_date_within_the_window(plan_city, at):
    response = _api(plan_city)(f"/status?at={at}")
    assert response.status_code == 200
    assert response.json()["at"] == at
