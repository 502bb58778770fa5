"""Every API route × every persona → the status it must answer. The table is data.

Statuses: 200/201 done, 401 no (valid) token, 403 a visible object but a
forbidden action, 404 missing or not visible (they look alike), 422 a body that
names something this person cannot see. Each call runs in a transaction that is
rolled back, so every persona meets the same data.
"""

from django.db import transaction

from luoshi.api.api import api
from tests.personas import PERSONAS

ANON = None
S, L, CA, CR, HA, HR, TR, OUT = PERSONAS[:-1]


def table(s, l, ca, cr, ha, hr, tr, out, anon=401):  # noqa: E741 (l is the leader's column)
    return {S: s, L: l, CA: ca, CR: cr, HA: ha, HR: hr, TR: tr, OUT: out, ANON: anon}


def everyone(status, anon=401):
    return table(*[status] * 8, anon=anon)


NEW_TARGET = {
    "plan": "{plan}",
    "unit": "{commerce}",
    "name": "新增限上商贸企业",
    "kind": "cumulative",
    "value": 29,
    "unit_label": "户",
    "start": "2025-01-01",
    "end": "2025-12-31",
}
DOCUMENT = "### 市商务局\n2025年，全年签约项目不少于50个。\n".encode()

# (name, method, path, body, expected statuses by persona)
TABLE = [
    ("openapi", "get", "/openapi.json", None, everyone(200, anon=200)),
    ("units", "get", "/units", None, everyone(200)),
    ("commerce", "get", "/units/{commerce}", None, table(200, 200, 200, 200, 404, 404, 404, 404)),
    (
        "team unit",
        "get",
        "/units/{housing_team}",
        None,
        table(200, 200, 404, 404, 200, 404, 200, 404),
    ),
    ("plans", "get", "/plans", None, everyone(200)),
    ("plan", "get", "/plans/{plan}", None, table(200, 200, 200, 200, 200, 200, 200, 404)),
    (
        "draft plan",
        "get",
        "/plans/{draft_plan}",
        None,
        table(200, 200, 404, 404, 404, 404, 404, 404),
    ),
    (
        "plan rules",
        "patch",
        "/plans/{plan}/rules",
        {"lagging_below": 0.95, "reason": "年中调整"},
        table(200, 403, 403, 403, 403, 403, 403, 404),
    ),
    ("items", "get", "/plans/{plan}/items", None, table(200, 403, 403, 403, 403, 403, 403, 404)),
    ("import", "upload", "/plans/import", None, table(201, 403, 403, 403, 403, 403, 403, 403)),
    (
        "edit item",
        "patch",
        "/plans/{draft_plan}/items/{item}",
        {"decision": "rejected"},
        table(200, 403, 404, 404, 404, 404, 404, 404),
    ),
    (
        "add item",
        "post",
        "/plans/{draft_plan}/items",
        {"target_kind": "cumulative", "metric": "落地项目", "value": 20, "unit_label": "个"},
        table(201, 403, 404, 404, 404, 404, 404, 404),
    ),
    (
        "map owner",
        "post",
        "/plans/{draft_plan}/owners",
        {"owner_text": "市商务局", "unit": "{commerce}"},
        table(200, 403, 404, 404, 404, 404, 404, 404),
    ),
    (
        "confirm",
        "post",
        "/plans/{draft_plan}/confirm",
        None,
        table(200, 403, 404, 404, 404, 404, 404, 404),
    ),
    ("tasks", "get", "/tasks?plan={plan}", None, everyone(200)),
    ("targets", "get", "/targets?plan={plan}&kind=cumulative", None, everyone(200)),
    ("signed", "get", "/targets/{signed}", None, table(200, 200, 200, 200, 404, 404, 404, 404)),
    ("hazards", "get", "/targets/{hazards}", None, table(200, 200, 404, 404, 200, 404, 200, 404)),
    ("new target", "post", "/targets", NEW_TARGET, table(201, *[403] * 7)),
    (
        "re-baseline",
        "patch",
        "/targets/{signed}",
        {"value": 40, "reason": "省里下调"},
        table(200, 403, 403, 403, 404, 404, 404, 404),
    ),
    ("reports", "get", "/reports?status=draft", None, everyone(200)),
    ("draft", "get", "/reports/{draft}", None, table(404, 404, 200, 200, 404, 404, 404, 404)),
    (
        "team draft",
        "get",
        "/reports/{team_draft}",
        None,
        table(404, 404, 404, 404, 200, 404, 200, 404),
    ),
    (
        "submitted",
        "get",
        "/reports/{submitted}",
        None,
        table(200, 200, 200, 200, 404, 404, 404, 404),
    ),
    (
        "new report",
        "post",
        "/reports",
        {"target": "{signed}", "as_of": "2025-07-01", "value": 30},
        table(403, 403, 201, 201, 422, 422, 422, 422),
    ),
    (
        "edit draft",
        "patch",
        "/reports/{draft}",
        {"revision": 1, "value": 25},
        table(404, 404, 200, 200, 404, 404, 404, 404),
    ),
    (
        "submit",
        "post",
        "/reports/{draft}/submit",
        None,
        table(404, 404, 200, 200, 404, 404, 404, 404),
    ),
    (
        "approve",
        "post",
        "/reports/{submitted}/approve",
        None,
        table(200, 403, 200, 403, 404, 404, 404, 404),
    ),
    (
        "return",
        "post",
        "/reports/{submitted}/return",
        {"reason": "口径不对"},
        table(200, 403, 200, 403, 404, 404, 404, 404),
    ),
    (
        "correct",
        "post",
        "/reports/{approved}/correct",
        None,
        table(403, 403, 201, 201, 404, 404, 404, 404),
    ),
    (
        "evidence",
        "upload",
        "/reports/{draft}/evidence",
        None,
        table(404, 404, 201, 201, 404, 404, 404, 404),
    ),
    ("status", "get", "/status?at=2025-06-30&lang=en", None, everyone(200)),
]


def _fill(value, ids):
    if isinstance(value, str):
        return value.format(**ids)
    if isinstance(value, dict):
        return {k: _fill(v, ids) for k, v in value.items()}
    return value


def _numbers(body):
    """Ids in bodies become numbers again after formatting."""
    return {k: int(v) if isinstance(v, str) and v.isdigit() else v for k, v in body.items()}


def _call(api_client, method, path, body):
    if method == "upload":
        from django.core.files.uploadedfile import SimpleUploadedFile

        headers = {}
        if api_client.token:
            headers["HTTP_AUTHORIZATION"] = f"Bearer {api_client.token}"
        if path.endswith("/evidence"):
            data = {"file": SimpleUploadedFile("scan.pdf", b"%PDF-1.4 evidence", "application/pdf")}
        else:
            data = {
                "file": SimpleUploadedFile("plan.txt", DOCUMENT, "text/plain"),
                "title": "2025年商务工作要点",
                "start": "2025-01-01",
                "end": "2025-12-31",
            }
        return api_client.client.post("/api/v1" + path, data, **headers)
    return api_client.call(method, path, body)


def test_every_api_route_answers_every_persona_as_the_table_says(api_city):
    from datetime import date

    from luoshi.plans.importing import start_import

    draft_plan = start_import(
        api_city.supervisor,
        title="草稿计划",
        start=date(2025, 1, 1),
        end=date(2025, 12, 31),
        filename="plan.txt",
        content=DOCUMENT,
    )
    ids = {
        "plan": api_city.plan.pk,
        "draft_plan": draft_plan.pk,
        "item": draft_plan.import_items.first().pk,
        "commerce": api_city.commerce.pk,
        "housing_team": api_city.housing_team.pk,
        "signed": api_city.signed.pk,
        "hazards": api_city.hazards.pk,
        "draft": api_city.draft.pk,
        "team_draft": api_city.team_draft.pk,
        "submitted": api_city.submitted.pk,
        "approved": api_city.approved.pk,
    }
    wrong = []
    for name, method, template, body, expected in TABLE:
        assert set(expected) == set(PERSONAS), f"{name}: the table must name every persona"
        for persona in PERSONAS:
            with transaction.atomic():
                response = _call(
                    api_city.api(persona),
                    method,
                    template.format(**ids),
                    _numbers(_fill(body, ids)) if body else None,
                )
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


def test_the_table_covers_every_route_of_the_api():
    schema = api.get_openapi_schema()
    routes = {
        (method, _shape(path.removeprefix("/api/v1")))
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        # The ledger routes have their own table: tests/api/test_ledgers_api.py.
        if "ledgers" not in operation.get("tags", [])
    }
    routes.add(("get", "/openapi.json"))
    covered = {
        ("post" if method == "upload" else method, _shape(path)) for _, method, path, _, _ in TABLE
    }
    assert routes == covered


def test_evidence_upload_checks_the_file_and_shows_on_the_report(api_city):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = api_city.api("commerce-reporter")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {client.token}"}
    url = f"/api/v1/reports/{api_city.draft.pk}/evidence"
    fake = SimpleUploadedFile("photo.png", b"MZ not an image", "image/png")
    refused = client.client.post(url, {"file": fake}, **auth)
    assert refused.status_code == 422 and "photo.png" in refused.json()["detail"]
    good = SimpleUploadedFile("scan.pdf", b"%PDF-1.4 evidence", "application/pdf")
    created = client.client.post(url, {"file": good}, **auth)
    assert created.status_code == 201 and created.json()["name"] == "scan.pdf"
    report = client.call("get", f"/reports/{api_city.draft.pk}", None).json()
    assert [e["name"] for e in report["evidence"]] == ["scan.pdf"]


def test_import_items_are_reviewed_through_the_api_and_the_plan_confirmed(api_city):
    from datetime import date

    from luoshi.plans.importing import start_import
    from luoshi.plans.models import OwnerAlias

    plan = start_import(
        api_city.supervisor,
        title="2025年商务工作要点",
        start=date(2025, 1, 1),
        end=date(2025, 12, 31),
        filename="plan.txt",
        content="### 市商务委\n2025年，全年签约项目不少于50个，落地项目不少于20个。\n".encode(),
    )
    api = api_city.api("supervisor")
    items = api.get(f"/plans/{plan.pk}/items").json()["items"]
    assert [(i["value"], i["owner_text"], i["unit"]) for i in items] == [
        (50, "市商务委", None),
        (20, "市商务委", None),
    ]
    mapped = api.call(
        "post", f"/plans/{plan.pk}/owners", {"owner_text": "市商务委", "unit": api_city.commerce.pk}
    )
    assert mapped.json() == {
        "owner_text": "市商务委",
        "unit": api_city.commerce.pk,
        "items_changed": 2,
    }
    assert OwnerAlias.objects.get(text="市商务委").unit == api_city.commerce
    rejected = api.call(
        "patch", f"/plans/{plan.pk}/items/{items[1]['id']}", {"decision": "rejected"}
    )
    assert rejected.json()["decision"] == "rejected"
    added = api.call(
        "post",
        f"/plans/{plan.pk}/items",
        {
            "target_kind": "level",
            "metric": "项目开工率",
            "comparator": ">=",
            "value": 70,
            "unit_label": "%",
            "period": "2025",
            "unit": api_city.commerce.pk,
            "snippet": "签约项目不少于50个",
        },
    )
    assert added.status_code == 201 and added.json()["start_offset"] is not None
    confirmed = api.call("post", f"/plans/{plan.pk}/confirm", None)
    assert confirmed.status_code == 200, confirmed.content
    values = sorted(t.value for t in plan.targets.all())
    assert values == [50, 70]
