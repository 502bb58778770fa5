"""The ledgers through /api/v1: every ledger route × every persona (a table, as data), and
the flows behind it — stage moves back and forth, the hazard path and who walks it.

Rows: tests/ledgers/rows.py (`project` of 市商务局; `hazard` and `major` of 住建安全科;
`housing_hazard` of 市住建局, rectified and awaiting verification). 401 without a
token, 403 a visible row one may not change, 404 missing or invisible (alike), 422 a
body naming a unit one cannot see, or breaking a rule of the ledger.
"""

from datetime import date

import pytest
from django.db import transaction

from luoshi.api.api import api
from luoshi.ledgers.models import Hazard, HazardEvent, Project
from tests.ledgers.rows import add_ledger_rows
from tests.personas import PERSONAS

ANON = None
S, L, CA, CR, HA, HR, TR, OUT = PERSONAS[:-1]


def table(s, l, ca, cr, ha, hr, tr, out, anon=401):  # noqa: E741 (l is the leader's column)
    return {S: s, L: l, CA: ca, CR: cr, HA: ha, HR: hr, TR: tr, OUT: out, ANON: anon}


def everyone(status, anon=401):
    return table(*[status] * 8, anon=anon)


NEW_PROJECT = {
    "name": "智能制造产业园",
    "investor": "某科技公司",
    "planned_amount": "30000.00",
    "unit": "{commerce}",
    "stage": "signed",
    "stage_date": "2025-07-01",
}
NEW_HAZARD = {
    "description": "灭火器过期",
    "domain": "fire",
    "place": "城南农贸市场",
    "place_kind": "market",
    "found_on": "2025-07-10",
    "found_by": "巡查员",
    "unit": "{housing_team}",
    "deadline": "2025-08-10",
}
COMMERCE_SEE = table(200, 200, 200, 200, 404, 404, 404, 404)
COMMERCE_KEEP = table(200, 403, 200, 200, 404, 404, 404, 404)
TEAM_SEE = table(200, 200, 404, 404, 200, 404, 200, 404)
TEAM_KEEP = table(200, 403, 404, 404, 200, 404, 200, 404)

# (name, method, path, body, expected statuses by persona)
TABLE = [
    ("projects", "get", "/projects?dropped=false", None, everyone(200)),
    ("project", "get", "/projects/{project}", None, COMMERCE_SEE),
    # Another unit's id is a unit one cannot see: 422, as for targets and reports.
    ("new project", "post", "/projects", NEW_PROJECT, table(201, 403, 201, 201, *[422] * 4)),
    ("edit project", "patch", "/projects/{project}", {"investor": "新投资方"}, COMMERCE_KEEP),
    (
        "move project",
        "post",
        "/projects/{project}/move",
        {"stage": "started", "date": "2025-07-01"},
        COMMERCE_KEEP,
    ),
    ("drop project", "post", "/projects/{project}/drop", {"reason": "投资方撤资"}, COMMERCE_KEEP),
    ("hazards", "get", "/hazards?overdue=true", None, everyone(200)),
    ("hazard", "get", "/hazards/{hazard}", None, TEAM_SEE),
    (
        "new hazard",
        "post",
        "/hazards",
        NEW_HAZARD,
        table(201, 403, 422, 422, 201, 422, 201, 422),
    ),
    ("edit hazard", "patch", "/hazards/{hazard}", {"place": "城南农贸市场东门"}, TEAM_KEEP),
    ("rectifying", "post", "/hazards/{hazard}/move", {"status": "rectifying"}, TEAM_KEEP),
    (
        # Rectified by 市住建局: only a verifier closes it, not the unit itself.
        "close",
        "post",
        "/hazards/{housing_hazard}/move",
        {"status": "closed"},
        table(200, 403, 404, 404, 403, 403, 404, 404),
    ),
]


@pytest.fixture
def city(api_city):
    add_ledger_rows(api_city)
    return api_city


def _ids(c) -> dict:
    return {
        "commerce": c.commerce.pk,
        "housing_team": c.housing_team.pk,
        "project": c.project.pk,
        "hazard": c.hazard.pk,
        "housing_hazard": c.housing_hazard.pk,
    }


def _fill(body, ids):
    if body is None:
        return None
    filled = {k: v.format(**ids) if isinstance(v, str) else v for k, v in body.items()}
    return {k: int(v) if k == "unit" else v for k, v in filled.items()}


def test_every_ledger_route_answers_every_persona_as_the_table_says(city):
    ids = _ids(city)
    wrong = []
    for name, method, template, body, expected in TABLE:
        assert set(expected) == set(PERSONAS), f"{name}: the table must name every persona"
        for persona in PERSONAS:
            with transaction.atomic():
                response = city.api(persona).call(method, template.format(**ids), _fill(body, ids))
                transaction.set_rollback(True)
            if response.status_code != expected[persona]:
                wrong.append(
                    f"{name} as {persona}: {response.status_code} != {expected[persona]} "
                    f"{response.content[:200]!r}"
                )
            assert response["Content-Type"].startswith("application/json"), name
    assert not wrong, "\n".join(wrong)


def _shape(path: str) -> str:
    import re

    return re.sub(r"\{[^}]*\}", "{}", path.split("?")[0])


def test_the_table_covers_every_ledger_route_and_they_are_in_the_openapi_document(city):
    document = city.api(None).get("/openapi.json").json()
    routes = {
        (method, _shape(path.removeprefix("/api/v1")))
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
        if "ledgers" in operation.get("tags", [])
    }
    assert routes == {(method, _shape(path)) for _, method, path, _, _ in TABLE}
    assert ("post", "/hazards/{}/move") in routes


def test_a_project_moves_back_and_forth_and_every_move_is_kept(city):
    client = city.api("commerce-reporter")
    path = f"/projects/{city.project.pk}/move"
    for stage, day in (
        ("started", "2025-05-01"),
        ("landed", "2025-06-01"),
        ("started", "2025-07-01"),
    ):
        response = client.post(path, {"stage": stage, "date": day, "note": stage})
        assert response.status_code == 200, response.content
    body = client.get(f"/projects/{city.project.pk}").json()
    assert body["stage"] == "started"
    assert [(e["stage"], e["date"]) for e in body["events"]] == [
        ("signed", "2025-03-10"),
        ("started", "2025-05-01"),
        ("landed", "2025-06-01"),
        ("started", "2025-07-01"),
    ]
    assert {e["recorded_by"] for e in body["events"]} == {"commerce-reporter"}
    # A date in the future is refused and nothing is written.
    response = client.post(path, {"stage": "producing", "date": "2025-12-01"})
    assert response.status_code == 422
    assert "date" in response.json()["errors"]
    assert Project.objects.get(pk=city.project.pk).events.count() == 4


def test_a_dropped_project_keeps_its_reason_and_moves_no_more(city):
    client = city.api("commerce-approver")
    response = client.post(
        f"/projects/{city.project.pk}/drop", {"date": "2025-07-01", "reason": "投资方撤资"}
    )
    assert response.status_code == 200
    assert (response.json()["dropped_on"], response.json()["drop_reason"]) == (
        "2025-07-01",
        "投资方撤资",
    )
    assert client.post(f"/projects/{city.project.pk}/move", {"stage": "started"}).status_code == 422
    active = client.get("/projects?dropped=false").json()["items"]
    assert city.project.pk not in [p["id"] for p in active]


def test_a_reporter_cannot_hand_its_row_to_another_unit(city):
    client = city.api("commerce-reporter")
    response = client.patch(f"/projects/{city.project.pk}", {"unit": city.housing.pk})
    assert response.status_code == 422
    assert Project.objects.get(pk=city.project.pk).unit == city.commerce
    # The housing approver sees 住建安全科 but cannot hand its hazard to 市商务局 either.
    response = city.api("housing-approver").patch(
        f"/hazards/{city.hazard.pk}", {"unit": city.commerce.pk}
    )
    assert response.status_code == 422
    assert Hazard.objects.get(pk=city.hazard.pk).unit == city.housing_team


def test_the_hazard_path_through_the_api(city):
    team = city.api("team-reporter")
    path = f"/hazards/{city.hazard.pk}/move"
    assert team.post(path, {"status": "rectifying", "date": "2025-07-05"}).status_code == 200
    assert team.post(path, {"status": "rectified", "date": "2025-07-08"}).status_code == 200
    response = team.post(path, {"status": "closed", "date": "2025-07-09"})
    assert response.status_code == 403
    supervisor = city.api("supervisor")
    assert supervisor.post(path, {"status": "closed", "date": "2025-07-10"}).status_code == 200
    response = supervisor.post(path, {"status": "reopened", "date": "2025-07-12"})
    assert response.status_code == 422 and "note" in response.json()["errors"]
    response = supervisor.post(
        path, {"status": "reopened", "date": "2025-07-12", "note": "复查未通过"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "reopened"
    assert [(e["status"], e["recorded_by"]) for e in body["events"]] == [
        ("open", "team-reporter"),
        ("rectifying", "team-reporter"),
        ("rectified", "team-reporter"),
        ("closed", "supervisor"),
        ("reopened", "supervisor"),
    ]
    # A move the path does not allow is named.
    response = team.post(path, {"status": "closed"})
    assert response.status_code == 403
    response = supervisor.post(path, {"status": "reopened", "note": "再次"})
    assert response.status_code == 422 and "status" in response.json()["errors"]


def test_bad_hazard_bodies_are_refused_with_the_field_named_and_nothing_written(city):
    client = city.api("team-reporter")
    before = (Hazard.objects.count(), HazardEvent.objects.count())
    body = _fill(NEW_HAZARD, _ids(city))
    for change, field in (
        ({"domain": "volcano"}, "domain"),
        ({"funds": "-1"}, "funds"),
        ({"funds": "NaN"}, "funds"),
        ({"found_on": "2025-13-01"}, "found_on"),
        ({"place": ""}, "place"),
        ({"found_on": "2025-12-01", "deadline": "2025-12-31"}, "found_on"),
    ):
        response = client.post("/hazards", {**body, **change})
        assert response.status_code == 422, change
        assert field in response.json()["errors"], (change, response.json())
    response = client.post("/hazards", {**body, "deadline": "2025-07-01"})
    assert response.status_code == 422
    assert "deadline cannot be before" in response.json()["detail"]
    assert (Hazard.objects.count(), HazardEvent.objects.count()) == before


def test_hazard_list_filters_and_the_overdue_flag(city):
    client = city.api("housing-approver")
    everything = client.get("/hazards").json()
    assert everything["count"] == 3
    overdue = client.get("/hazards?overdue=true").json()["items"]
    assert [(h["id"], h["overdue"]) for h in overdue] == [(city.major.pk, True)]
    assert client.get("/hazards?overdue=false").json()["count"] == 2
    assert client.get("/hazards?level=major&domain=fire").json()["count"] == 1
    assert client.get(f"/hazards?unit={city.housing_team.pk}").json()["count"] == 2
    assert client.get(f"/hazards?unit={city.commerce.pk}").json()["count"] == 0
    assert client.get("/hazards?status=nonsense").status_code == 422
    major = client.get(f"/hazards/{city.major.pk}").json()
    assert (major["responsible_person"], major["funds"], major["contingency_plan"]) == (
        "李校长",
        12.5,
        "设置临时疏散通道",
    )
    assert [p["moment"] for p in major["photos"]] == ["before"]
    # The team's reporter sees the team's rows only.
    assert city.api("team-reporter").get("/hazards").json()["count"] == 2


def test_a_retried_hazard_entry_is_entered_once(city):
    client = city.api("team-reporter")
    body = _fill(NEW_HAZARD, _ids(city))
    first = client.post("/hazards", body, HTTP_IDEMPOTENCY_KEY="hz-1")
    again = client.post("/hazards", body, HTTP_IDEMPOTENCY_KEY="hz-1")
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert again["Idempotent-Replayed"] == "true"
    assert Hazard.objects.filter(place="城南农贸市场").count() == 1


def test_project_amounts_are_numbers_and_created_as_given(city):
    response = city.api("commerce-reporter").post("/projects", _fill(NEW_PROJECT, _ids(city)))
    assert response.status_code == 201
    body = response.json()
    assert (body["planned_amount"], body["stage"], body["unit"]) == (
        30000.0,
        "signed",
        city.commerce.pk,
    )
    assert body["events"][0]["date"] == "2025-07-01"
    project = Project.objects.get(pk=body["id"])
    assert project.history.first().history_user == city.commerce_reporter
    assert project.events.get().date == date(2025, 7, 1)


def test_every_ledger_post_honours_idempotency_keys():
    from luoshi.api import routes_ledgers

    posts = [
        operation
        for view in routes_ledgers.router.path_operations.values()
        for operation in view.operations
        if "POST" in operation.methods
    ]
    assert len(posts) == 5 and all(getattr(op, "_run_decorators", None) for op in posts)
    assert api.get_openapi_schema()["paths"]
