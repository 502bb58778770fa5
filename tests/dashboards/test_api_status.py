"""GET /api/v1/status: stored evaluations, filtered and paged with a cursor."""

from collections import Counter
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from luoshi.api.auth import issue_token
from luoshi.dashboards.queries import evaluated_rows
from luoshi.demo.synthetic import generate
from luoshi.orgs.models import Unit, User
from luoshi.plans.models import Target

TODAY = date(2025, 10, 15)


def api_client(username: str) -> Client:
    token = issue_token(User.objects.get(username=username))[1]
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


@pytest.fixture
def supervisor(db, settings):
    settings.LUOSHI_TODAY = TODAY
    generate(scale=1, fraction=0.02, seed=51, months=10)
    return api_client("syn51-supervisor")


def every_page(client, query: str) -> list[dict]:
    items, cursor, pages = [], None, 0
    while True:
        url = f"/api/v1/status?{query}&limit=30" + (f"&cursor={cursor}" if cursor else "")
        body = client.get(url).json()
        items += body["evaluations"]
        pages += 1
        cursor = body["next"]
        if cursor is None:
            return items
        assert pages < 100


def test_the_cursor_walks_every_target_once(supervisor):
    items = every_page(supervisor, "at=2025-10-15")
    assert sorted(e["target"] for e in items) == sorted(Target.objects.values_list("pk", flat=True))
    fresh = {
        r.target.pk: r.state for r in evaluated_rows(Target.objects.select_related("plan"), TODAY)
    }
    assert {e["target"]: e["state"] for e in items} == fresh


def test_filters_agree_with_a_fresh_evaluation(supervisor):
    rows = evaluated_rows(Target.objects.select_related("plan", "unit"), date(2025, 9, 30))
    by_state = Counter(r.state for r in rows)
    for state, count in by_state.items():
        assert len(every_page(supervisor, f"at=2025-09-30&state={state}")) == count
    district = Unit.objects.get(code="syn51-c0-k0")
    in_district = {r.target.pk for r in rows if r.target.unit.path.startswith(district.path)}
    got = every_page(supervisor, f"at=2025-09-30&unit={district.pk}&subtree=true")
    assert {e["target"] for e in got} == in_district
    assert every_page(supervisor, "year=2024") == []
    assert len(every_page(supervisor, "kind=zero")) == Target.objects.filter(kind="zero").count()


def test_a_state_filter_on_a_day_that_is_not_stored_is_refused(supervisor):
    answer = supervisor.get("/api/v1/status?at=2025-08-20&state=behind")
    assert answer.status_code == 422 and "month end" in answer.json()["detail"]
    assert supervisor.get("/api/v1/status?at=2025-08-20").status_code == 200


def test_a_page_costs_the_same_queries_at_ten_times_the_size(db, settings):
    settings.LUOSHI_TODAY = TODAY
    generate(scale=1, fraction=0.04, seed=52, months=10)
    client = api_client("syn52-supervisor")
    queries = ["", "state=lagging", "limit=10&cursor={next}"]

    def count(query):
        following = client.get("/api/v1/status?limit=10").json()["next"]
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/api/v1/status?{query.format(next=following)}").status_code == 200
        return len(captured)

    count("")  # the token's first use is recorded once
    small = {query: count(query) for query in queries}
    generate(scale=10, fraction=0.04, seed=53, months=10)
    count("")  # and again once a while has passed
    assert {query: count(query) for query in queries} == small
