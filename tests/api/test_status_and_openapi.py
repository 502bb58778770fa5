"""GET /status gives the engine's numbers; the OpenAPI document lists every route."""

from datetime import date

import pytest

from luoshi.api.api import api
from luoshi.clock import today
from luoshi.dashboards.evaluation import evaluate_targets
from luoshi.plans.models import Target
from luoshi.reporting import actions


@pytest.fixture
def readings(api_city):
    ca, hr, ha = api_city.commerce_approver, api_city.housing_reporter, api_city.housing_approver
    actions.submit_report(api_city.submitted, api_city.commerce_reporter)
    actions.approve_report(api_city.submitted, ca)
    sales = actions.create_report(api_city.sales, hr, as_of=date(2025, 6, 30), value=4.5)
    actions.submit_report(sales, hr)
    actions.approve_report(sales, ha)
    return api_city


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_status_numbers_equal_evaluate_targets(readings, lang):
    response = readings.api("supervisor").get(f"/status?at=2025-06-30&lang={lang}")
    assert response.status_code == 200
    body = response.json()
    assert body["at"] == "2025-06-30"
    expected = evaluate_targets(
        Target.objects.active().select_related("plan"), date(2025, 6, 30), lang
    )
    got = {e["target"]: e for e in body["evaluations"]}
    assert set(got) == set(expected)
    for pk, evaluation in expected.items():
        wanted = evaluation.to_dict()
        del wanted["id"]
        assert {k: got[pk][k] for k in wanted} == wanted
    assert got[readings.signed.pk]["name"] == "签约项目"
    assert got[readings.signed.pk]["unit"] == readings.commerce.pk


def test_status_reasons_follow_lang(readings):
    supervisor = readings.api("supervisor")
    zh = supervisor.get("/status?at=2025-06-30&lang=zh").json()["evaluations"]
    en = supervisor.get("/status?at=2025-06-30&lang=en").json()["evaluations"]
    assert zh[0]["reason"] != en[0]["reason"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh[0]["reason"])


def test_status_shows_only_visible_targets_and_defaults_to_today(readings):
    body = readings.api("housing-reporter").get("/status").json()
    assert body["at"] == today().isoformat()
    assert [e["target"] for e in body["evaluations"]] == [readings.sales.pk]
    assert readings.api("outsider").get("/status").json()["evaluations"] == []
    assert readings.api("leader").get("/status?at=2025-13-01").status_code == 422
    assert readings.api("leader").get("/status?lang=fr").status_code == 422


def test_openapi_document_lists_every_route(api_city):
    response = api_city.api(None).get("/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    listed = {(method.upper(), path) for path, ops in paths.items() for method in ops}
    assert listed == {
        ("GET", "/api/v1/units"),
        ("GET", "/api/v1/units/{unit_id}"),
        ("GET", "/api/v1/plans"),
        ("GET", "/api/v1/plans/{plan_id}"),
        ("PATCH", "/api/v1/plans/{plan_id}/rules"),
        ("POST", "/api/v1/plans/import"),
        ("GET", "/api/v1/plans/{plan_id}/items"),
        ("POST", "/api/v1/plans/{plan_id}/confirm"),
        ("GET", "/api/v1/tasks"),
        ("GET", "/api/v1/targets"),
        ("GET", "/api/v1/targets/{target_id}"),
        ("POST", "/api/v1/targets"),
        ("PATCH", "/api/v1/targets/{target_id}"),
        ("GET", "/api/v1/reports"),
        ("GET", "/api/v1/reports/{report_id}"),
        ("POST", "/api/v1/reports"),
        ("PATCH", "/api/v1/reports/{report_id}"),
        ("POST", "/api/v1/reports/{report_id}/submit"),
        ("POST", "/api/v1/reports/{report_id}/approve"),
        ("POST", "/api/v1/reports/{report_id}/return"),
        ("POST", "/api/v1/reports/{report_id}/correct"),
        ("POST", "/api/v1/reports/{report_id}/evidence"),
        ("PATCH", "/api/v1/plans/{plan_id}/items/{item_id}"),
        ("POST", "/api/v1/plans/{plan_id}/items"),
        ("POST", "/api/v1/plans/{plan_id}/owners"),
        ("GET", "/api/v1/status"),
        ("GET", "/api/v1/projects"),
        ("GET", "/api/v1/projects/{project_id}"),
        ("POST", "/api/v1/projects"),
        ("PATCH", "/api/v1/projects/{project_id}"),
        ("POST", "/api/v1/projects/{project_id}/move"),
        ("POST", "/api/v1/projects/{project_id}/drop"),
        ("GET", "/api/v1/hazards"),
        ("GET", "/api/v1/hazards/{hazard_id}"),
        ("POST", "/api/v1/hazards"),
        ("PATCH", "/api/v1/hazards/{hazard_id}"),
        ("POST", "/api/v1/hazards/{hazard_id}/move"),
    }
    for path, ops in paths.items():
        if "post" in ops:
            headers = [p["name"] for p in ops["post"]["parameters"] if p["in"] == "header"]
            assert headers == ["Idempotency-Key"], path
    schemes = response.json()["components"]["securitySchemes"]
    assert [s["scheme"] for s in schemes.values()] == ["bearer"]


def test_every_post_route_honours_idempotency_keys():
    posts = [
        operation
        for path_view in (
            view for router in api._routers for view in router[1].path_operations.values()
        )
        for operation in path_view.operations
        if "POST" in operation.methods
    ]
    assert posts and all(getattr(op, "_run_decorators", None) for op in posts)


def test_there_is_no_docs_page_that_would_load_a_cdn(api_city):
    response = api_city.api("supervisor").get("/docs")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}
