"""Every API list takes `limit` 1..500 (issue 10: `?limit=100000000` returned 23 MB) and
pages with a cursor (tests/api/test_cursors.py). Out of bounds: 422 naming `limit`."""

import pytest

from luoshi.api.api import api as ninja_api
from luoshi.api.pagination import MAX_LIMIT

LISTS = ["/units", "/plans", "/tasks", "/targets", "/reports", "/projects", "/hazards"]
# /status answers `evaluations` rather than `items`; its limit has the same cap.
CURSORED = ["/status"]
# The supervisor's own lists of a plan's import items (tests/api/test_cursors.py).
SUBLISTS = ["/plans/{plan_id}/items"]


def test_every_list_route_is_covered():
    """A new list route must be added to LISTS (and so to these tests)."""
    paged = {
        path.removeprefix("/api/v1")
        for path, operations in ninja_api.get_openapi_schema()["paths"].items()
        for operation in operations.values()
        if any(p["name"] == "limit" for p in operation.get("parameters", []))
    }
    assert paged == set(LISTS + CURSORED + SUBLISTS)


@pytest.mark.parametrize("path", LISTS + CURSORED)
def test_limit_above_the_cap_is_refused(api_city, path):
    response = api_city.api("supervisor").get(f"{path}?limit={MAX_LIMIT + 1}")
    assert response.status_code == 422
    assert "limit" in response.json()["errors"]
    response = api_city.api("supervisor").get(f"{path}?limit=100000000")
    assert response.status_code == 422


@pytest.mark.parametrize("path", LISTS)
def test_limit_at_the_cap_is_answered(api_city, path):
    response = api_city.api("supervisor").get(f"{path}?limit={MAX_LIMIT}")
    assert response.status_code == 200
    assert len(response.json()["items"]) <= MAX_LIMIT


@pytest.mark.parametrize("path", LISTS + CURSORED)
@pytest.mark.parametrize("query", ["limit=0", "limit=-1", "limit=100000000000000000000"])
def test_limit_out_of_bounds_is_refused(api_city, path, query):
    response = api_city.api("supervisor").get(f"{path}?{query}")
    assert response.status_code == 422, response.content
    assert query.split("=")[0] in response.json()["errors"]


def test_the_cap_is_documented_in_the_openapi_document(api_city):
    document = api_city.api("supervisor").get("/openapi.json").json()
    limit = next(
        p for p in document["paths"]["/api/v1/targets"]["get"]["parameters"] if p["name"] == "limit"
    )
    assert limit["schema"]["maximum"] == MAX_LIMIT


def test_a_page_holds_at_most_the_cap(api_city):
    from datetime import date

    from luoshi.plans.models import Target

    Target.objects.bulk_create(
        Target(
            plan=api_city.plan,
            unit=api_city.commerce,
            name=f"t{i}",
            kind="zero",
            start=date(2025, 1, 1),
            end=date(2025, 12, 31),
        )
        for i in range(MAX_LIMIT + 5)
    )
    body = api_city.api("supervisor").get(f"/targets?limit={MAX_LIMIT}").json()
    assert len(body["items"]) == MAX_LIMIT
    assert body["count"] == MAX_LIMIT + 5 + 4


@pytest.mark.parametrize(
    "query",
    [
        "/reports?target=351284400634009223168",
        "/reports?unit=99999999999999999999",
        "/targets?plan=99999999999999999999",
        "/tasks?plan=99999999999999999999",
        "/projects?unit=99999999999999999999",
        "/hazards?unit=99999999999999999999",
    ],
)
def test_an_id_beyond_64_bits_in_a_filter_is_bad_input(api_city, query):
    """Found by the schema fuzzing test: the database driver overflowed (500)."""
    response = api_city.api("supervisor").get(query)
    assert response.status_code == 422, response.content
    assert query.split("?")[1].split("=")[0] in response.json()["errors"]


def test_a_report_for_a_target_id_beyond_64_bits_is_bad_input(api_city):
    response = api_city.api("commerce-reporter").post(
        "/reports", {"target": 2**70, "as_of": "2025-06-30", "value": 1}
    )
    assert response.status_code == 422
    assert "target" in response.json()["errors"]
