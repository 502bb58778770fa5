"""Plans, rules and targets through the API: the supervisor's actions, and what others see."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from luoshi.plans.models import Plan, Rebaseline, Target


def test_supervisor_creates_a_target_on_a_confirmed_plan_with_its_original_baseline(api_city):
    response = api_city.api("supervisor").post(
        "/targets",
        {
            "plan": api_city.plan.pk,
            "unit": api_city.commerce.pk,
            "task": api_city.task.pk,
            "name": "新增限上商贸企业",
            "kind": "cumulative",
            "value": 29,
            "unit_label": "户",
            "start": "2025-01-01",
            "end": "2025-12-31",
            "cadence": "quarter",
            "schedule": [["2025-06-30", 0.5]],
        },
    )
    assert response.status_code == 201, response.content
    target = Target.objects.get(pk=response.json()["id"])
    assert (target.unit, target.task, target.value, target.original_value) == (
        api_city.commerce,
        api_city.task,
        29,
        29,
    )
    assert target.schedule == [["2025-06-30", 0.5]]
    assert target.history.get().history_user == api_city.supervisor


def test_a_target_that_breaks_the_rules_is_refused_with_field_messages(api_city):
    supervisor = api_city.api("supervisor")
    base = {
        "plan": api_city.plan.pk,
        "unit": api_city.commerce.pk,
        "name": "x",
        "kind": "cumulative",
        "start": "2025-01-01",
        "end": "2025-12-31",
    }
    count = Target.objects.count()
    for change, field in [
        ({}, "non_field_errors"),  # a cumulative target needs a value
        ({"value": 3, "kind": "sideways"}, "kind"),
        ({"value": 3, "unit": 999999}, "unit"),
        ({"value": 3, "plan": 999999}, "plan"),
        ({"value": 3, "due_day": 31}, "due_day"),
        ({"value": 3, "schedule": [["2025-06-30", 2]]}, "schedule.0.1"),
    ]:
        response = supervisor.post("/targets", {**base, **change})
        assert response.status_code == 422, (change, response.content)
        assert field in response.json()["errors"], (change, response.json())
    assert Target.objects.count() == count


def test_changing_a_confirmed_target_value_is_a_rebaseline_with_a_reason(api_city):
    supervisor = api_city.api("supervisor")
    path = f"/targets/{api_city.signed.pk}"
    refused = supervisor.patch(path, {"value": 40})
    assert refused.status_code == 422
    assert "reason" in refused.json()["errors"]
    response = supervisor.patch(path, {"value": 40, "end": "2025-11-30", "reason": "省里下调"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["original"] == {"value": 50.0, "start": "2025-01-01", "end": "2025-12-31"}
    assert body["current"] == {"value": 40.0, "start": "2025-01-01", "end": "2025-11-30"}
    assert body["is_rebaselined"] is True
    assert [
        (r["reason"], r["old_value"], r["new_value"], r["changed_by"]) for r in body["rebaselines"]
    ] == [("省里下调", 50.0, 40.0, "supervisor")]
    rebaseline = Rebaseline.objects.get(target=api_city.signed)
    assert (rebaseline.changed_by, rebaseline.new_end) == (api_city.supervisor, date(2025, 11, 30))
    latest = api_city.signed.history.first()
    assert (latest.history_user, latest.history_change_reason) == (
        api_city.supervisor,
        "re-baseline: 省里下调",
    )


def test_supervisor_changes_the_rules_and_bad_thresholds_are_refused(api_city):
    supervisor = api_city.api("supervisor")
    path = f"/plans/{api_city.plan.pk}/rules"
    response = supervisor.patch(path, {"behind_below": 0.7, "reason": "年中调整"})
    assert response.status_code == 200
    assert response.json()["rules"]["behind_below"] == 0.7
    plan = Plan.objects.get(pk=api_city.plan.pk)
    assert (plan.behind_below, plan.lagging_below) == (0.7, 1.0)
    assert plan.history.first().history_change_reason == "年中调整"
    refused = supervisor.patch(path, {"behind_below": 1.5})
    assert refused.status_code == 422
    assert Plan.objects.get(pk=plan.pk).behind_below == 0.7


def test_lists_show_only_what_a_person_may_see(api_city):
    def ids(persona, path):
        return [item["id"] for item in api_city.api(persona).get(path).json()["items"]]

    assert ids("commerce-reporter", "/targets") == [api_city.signed.pk, api_city.policy.pk]
    assert ids("housing-approver", "/targets") == [api_city.sales.pk, api_city.hazards.pk]
    assert ids("outsider", "/targets") == []
    assert ids("leader", "/targets?kind=zero") == [api_city.hazards.pk]
    assert ids("supervisor", f"/targets?unit={api_city.housing.pk}") == [api_city.sales.pk]
    assert ids("commerce-reporter", "/units") == [api_city.commerce.pk]
    assert ids("housing-reporter", "/tasks") == []
    assert ids("commerce-reporter", "/tasks") == [api_city.task.pk]
    assert ids("outsider", "/plans") == []
    first = api_city.api("supervisor").get("/units?limit=2").json()
    second = api_city.api("supervisor").get(f"/units?limit=2&cursor={first['next']}").json()
    assert (second["count"], len(second["items"])) == (5, 2)
    assert second["items"][0]["id"] not in {unit["id"] for unit in first["items"]}


def test_lists_make_the_same_number_of_queries_whatever_the_data(
    api_city, django_assert_max_num_queries
):
    from luoshi.dashboards import signals
    from luoshi.reporting import actions

    for day in range(1, 10):
        actions.create_report(
            api_city.signed, api_city.commerce_reporter, as_of=date(2025, 7, day), value=day
        )
    # The stored evaluations are recomputed when a change commits; the test's transaction
    # never commits, so that work is done here rather than inside the first list read.
    signals.flush()
    supervisor = api_city.api("commerce-reporter")
    for path in ("/reports", "/targets", "/tasks", "/units", "/plans", "/status"):
        with django_assert_max_num_queries(8, info=path):
            assert supervisor.get(path).status_code == 200


def test_import_makes_a_draft_plan_with_items_and_confirm_makes_targets(api_city):
    supervisor = api_city.api("supervisor")
    document = "### 市商务局\n2025年，全年签约项目不少于50个。\n".encode()
    response = supervisor.client.post(
        "/api/v1/plans/import",
        {
            "file": SimpleUploadedFile("plan.txt", document, "text/plain"),
            "title": "2025年商务工作要点",
            "start": "2025-01-01",
            "end": "2025-12-31",
        },
        HTTP_AUTHORIZATION=f"Bearer {supervisor.token}",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 201, response.content
    plan = Plan.objects.get(pk=response.json()["id"])
    assert plan.status == "draft"
    items = supervisor.get(f"/plans/{plan.pk}/items").json()["items"]
    assert [(i["metric"], i["value"], i["unit"]) for i in items if i["kind"] == "target"] == [
        ("签约项目", 50.0, api_city.commerce.pk)
    ]
    confirmed = supervisor.post(f"/plans/{plan.pk}/confirm")
    assert confirmed.status_code == 200, confirmed.content
    plan.refresh_from_db()
    assert plan.status == "confirmed"
    target = plan.targets.get()
    assert (target.unit, target.value, target.original_value) == (api_city.commerce, 50, 50)


def test_an_unreadable_upload_is_refused_and_makes_no_plan(api_city):
    supervisor = api_city.api("supervisor")
    count = Plan.objects.count()
    response = supervisor.client.post(
        "/api/v1/plans/import",
        {
            "file": SimpleUploadedFile("plan.exe", b"MZ...", "application/octet-stream"),
            "title": "x",
            "start": "2025-01-01",
            "end": "2025-12-31",
        },
        HTTP_AUTHORIZATION=f"Bearer {supervisor.token}",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 422
    assert "unsupported file type" in response.json()["detail"]
    assert Plan.objects.count() == count
