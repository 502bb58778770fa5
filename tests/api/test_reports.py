"""Reports through the API: the same actions as the pages, the database and history after."""

import threading
from datetime import date

import pytest

from luoshi.reporting.models import IdempotentRequest, Report


def test_reporter_creates_a_draft_and_the_history_names_them(api_city):
    response = api_city.api("commerce-reporter").post(
        "/reports",
        {"target": api_city.signed.pk, "as_of": "2025-07-10", "value": 31, "narrative": "进展顺利"},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    report = Report.objects.get(pk=body["id"])
    assert (report.status, report.value, report.as_of, report.unit) == (
        "draft",
        31,
        date(2025, 7, 10),
        api_city.commerce,
    )
    assert report.created_by == api_city.commerce_reporter
    assert [(h.history_user, h.history_change_reason) for h in report.history.all()] == [
        (api_city.commerce_reporter, "created")
    ]
    assert body["history"][0]["by"] == "commerce-reporter"


def test_submit_then_approve_makes_the_reading_count(api_city):
    reporter, approver = api_city.api("commerce-reporter"), api_city.api("commerce-approver")
    draft = api_city.draft
    assert reporter.post(f"/reports/{draft.pk}/submit", {"revision": 1}).status_code == 200
    response = approver.post(f"/reports/{draft.pk}/approve")
    assert response.status_code == 200, response.content
    draft.refresh_from_db()
    assert draft.status == "approved"
    assert (draft.submitted_by, draft.reviewed_by) == (
        api_city.commerce_reporter,
        api_city.commerce_approver,
    )
    reasons = [h.history_change_reason for h in draft.history.order_by("history_date", "pk")]
    assert reasons == ["created", "submitted", "approved"]
    assert [h["status"] for h in response.json()["history"]] == ["draft", "submitted", "approved"]


def test_approver_returns_a_report_with_a_reason_and_the_reporter_fixes_it(api_city):
    submitted = api_city.submitted
    response = api_city.api("commerce-approver").post(
        f"/reports/{submitted.pk}/return", {"reason": "口径不一致"}
    )
    assert response.status_code == 200
    submitted.refresh_from_db()
    assert (submitted.status, submitted.return_reason) == ("returned", "口径不一致")
    revision = response.json()["revision"]
    edit = api_city.api("commerce-reporter").patch(
        f"/reports/{submitted.pk}", {"revision": revision, "value": 21}
    )
    assert edit.status_code == 200, edit.content
    submitted.refresh_from_db()
    assert (submitted.value, submitted.status, submitted.revision) == (21, "returned", revision + 1)


def test_return_without_a_reason_is_refused_and_changes_nothing(api_city):
    response = api_city.api("commerce-approver").post(
        f"/reports/{api_city.submitted.pk}/return", {"reason": "  "}
    )
    assert response.status_code == 422
    assert "reason" in response.json()["errors"]
    api_city.submitted.refresh_from_db()
    assert api_city.submitted.status == "submitted"


def test_correction_is_a_new_version_and_the_old_one_is_superseded_on_approval(api_city):
    reporter, approver = api_city.api("commerce-reporter"), api_city.api("commerce-approver")
    old = api_city.approved
    response = reporter.post(f"/reports/{old.pk}/correct")
    assert response.status_code == 201
    correction = Report.objects.get(pk=response.json()["id"])
    assert (correction.version, correction.supersedes, correction.status) == (2, old, "draft")
    reporter.patch(f"/reports/{correction.pk}", {"revision": 1, "value": 16})
    reporter.post(f"/reports/{correction.pk}/submit")
    assert approver.post(f"/reports/{correction.pk}/approve").status_code == 200
    old.refresh_from_db()
    correction.refresh_from_db()
    assert (old.status, old.value) == ("superseded", 15)
    assert (correction.status, correction.value) == ("approved", 16)
    # A second correction of the same report is refused.
    assert reporter.post(f"/reports/{old.pk}/correct").status_code == 422


def test_stale_revision_is_a_409_conflict_and_the_report_keeps_the_first_change(api_city):
    first, second = api_city.api("commerce-reporter"), api_city.api("commerce-approver")
    path = f"/reports/{api_city.draft.pk}"
    assert first.patch(path, {"revision": 1, "value": 25}).status_code == 200
    response = second.patch(path, {"revision": 1, "value": 99})
    assert response.status_code == 409
    assert "changed by someone else" in response.json()["detail"]
    api_city.draft.refresh_from_db()
    assert (api_city.draft.value, api_city.draft.revision) == (25, 2)


def test_patch_without_a_revision_is_refused(api_city):
    response = api_city.api("commerce-reporter").patch(
        f"/reports/{api_city.draft.pk}", {"value": 1}
    )
    assert response.status_code == 422
    assert response.json()["errors"] == {"revision": ["Field required"]}


def test_bad_values_get_field_messages_and_change_nothing(api_city):
    reporter = api_city.api("commerce-reporter")
    count = Report.objects.count()
    for body, field in [
        ({"target": api_city.signed.pk, "as_of": "2025-07-01"}, "value"),
        ({"target": api_city.signed.pk, "as_of": "2026-01-01", "value": 3}, "as_of"),
        ({"target": api_city.signed.pk, "as_of": "not a date", "value": 3}, "as_of"),
        ({"target": api_city.signed.pk, "as_of": "2025-07-01", "value": "x"}, "value"),
        ({"target": api_city.sales.pk, "as_of": "2025-07-01", "value": 3}, "target"),
        ({"target": api_city.policy.pk, "as_of": "2025-07-01", "milestone": 999999}, "milestone"),
    ]:
        response = reporter.post("/reports", body)
        assert response.status_code == 422, (body, response.content)
        assert field in response.json()["errors"], (body, response.json())
    response = reporter.call("post", "/reports", None)
    assert response.status_code == 422
    assert Report.objects.count() == count


def test_reporters_never_see_other_units_drafts(api_city):
    ids = {r["id"] for r in api_city.api("housing-reporter").get("/reports").json()["items"]}
    assert api_city.draft.pk not in ids and api_city.team_draft.pk not in ids
    supervisor = {r["id"] for r in api_city.api("supervisor").get("/reports").json()["items"]}
    assert supervisor == {api_city.approved.pk, api_city.submitted.pk}
    own = api_city.api("commerce-reporter").get("/reports?status=draft").json()
    assert [r["id"] for r in own["items"]] == [api_city.draft.pk]


def test_a_retry_with_the_same_idempotency_key_creates_one_report_and_answers_the_same(api_city):
    reporter = api_city.api("commerce-reporter")
    body = {"target": api_city.signed.pk, "as_of": "2025-07-01", "value": 30}
    count = Report.objects.count()
    first = reporter.post("/reports", body, HTTP_IDEMPOTENCY_KEY="month-end-1")
    second = reporter.post("/reports", body, HTTP_IDEMPOTENCY_KEY="month-end-1")
    assert (first.status_code, second.status_code) == (201, 201)
    assert first.json() == second.json()
    assert second["Idempotent-Replayed"] == "true"
    assert Report.objects.count() == count + 1
    stored = IdempotentRequest.objects.get(key="month-end-1")
    assert (stored.user, stored.route, stored.status_code) == (
        api_city.commerce_reporter,
        "POST /api/v1/reports",
        201,
    )


def test_a_retried_submission_is_recorded_once(api_city):
    reporter = api_city.api("commerce-reporter")
    path = f"/reports/{api_city.draft.pk}/submit"
    first = reporter.post(path, HTTP_IDEMPOTENCY_KEY="submit-7")
    second = reporter.post(path, HTTP_IDEMPOTENCY_KEY="submit-7")
    assert first.json() == second.json()
    assert api_city.draft.history.filter(history_change_reason="submitted").count() == 1


def test_the_same_key_on_another_route_is_refused(api_city):
    reporter = api_city.api("commerce-reporter")
    body = {"target": api_city.signed.pk, "as_of": "2025-07-01", "value": 30}
    assert reporter.post("/reports", body, HTTP_IDEMPOTENCY_KEY="k1").status_code == 201
    response = reporter.post(f"/reports/{api_city.draft.pk}/submit", HTTP_IDEMPOTENCY_KEY="k1")
    assert response.status_code == 422
    assert "another request" in response.json()["detail"]
    api_city.draft.refresh_from_db()
    assert api_city.draft.status == "draft"


def test_keys_belong_to_one_person(api_city):
    body = {"target": api_city.signed.pk, "as_of": "2025-07-01", "value": 30}
    count = Report.objects.count()
    assert (
        api_city.api("commerce-reporter")
        .post("/reports", body, HTTP_IDEMPOTENCY_KEY="k")
        .status_code
        == 201
    )
    assert (
        api_city.api("commerce-approver")
        .post("/reports", body, HTTP_IDEMPOTENCY_KEY="k")
        .status_code
        == 201
    )
    assert Report.objects.count() == count + 2


def test_a_stored_answer_that_loses_the_race_is_replayed(api_city, monkeypatch):
    """Two requests with one key: the second to commit hits the unique constraint,
    is rolled back whole, and answers with the stored result."""
    from luoshi.api import idempotency

    reporter = api_city.api("commerce-reporter")
    body = {"target": api_city.signed.pk, "as_of": "2025-07-01", "value": 30}
    first = reporter.post("/reports", body, HTTP_IDEMPOTENCY_KEY="race")
    count = Report.objects.count()

    lookups = []

    def racing_lookup(user, key):
        """The first lookup misses, as it does for a request racing the first one."""
        lookups.append(key)
        return None if len(lookups) == 1 else IdempotentRequest.objects.get(user=user, key=key)

    monkeypatch.setattr(idempotency, "stored_answer", racing_lookup)
    second = reporter.post("/reports", body, HTTP_IDEMPOTENCY_KEY="race")
    monkeypatch.undo()
    assert second.status_code == 201
    assert second.json() == first.json()
    assert Report.objects.count() == count


@pytest.mark.django_db(transaction=True)
def test_two_requests_racing_with_one_key_create_one_report(api_city):
    """Month-end rush: the same submission sent twice at once, on two connections."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL")
    body = {"target": api_city.signed.pk, "as_of": "2025-07-01", "value": 30}
    count = Report.objects.count()
    start = threading.Barrier(2)
    answers = []

    def send():
        from django.db import connection as own

        try:
            start.wait()
            response = api_city.api("commerce-reporter").post(
                "/reports", body, HTTP_IDEMPOTENCY_KEY="rush"
            )
            answers.append((response.status_code, response.json()))
        finally:
            own.close()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [status for status, _ in answers] == [201, 201]
    assert answers[0][1] == answers[1][1]
    assert Report.objects.count() == count + 1


def test_reporter_creates_and_submits_in_one_call(api_city):
    response = api_city.api("commerce-reporter").post(
        "/reports",
        {"target": api_city.signed.pk, "as_of": "2025-07-10", "value": 31, "submit": True},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    report = Report.objects.get(pk=body["id"])
    assert (report.status, report.submitted_by) == ("submitted", api_city.commerce_reporter)
    assert body["status"] == "submitted"
    reasons = [h.history_change_reason for h in report.history.order_by("history_date", "pk")]
    assert reasons == ["created", "submitted"]
    # The approver finds it in the queue and approves it as any submitted report.
    approved = api_city.api("commerce-approver").post(f"/reports/{report.pk}/approve")
    assert approved.status_code == 200, approved.content


def test_create_and_submit_with_bad_input_leaves_nothing(api_city):
    before = Report.objects.count()
    response = api_city.api("commerce-reporter").post(
        "/reports",
        {"target": api_city.signed.pk, "as_of": "2025-07-10", "value": 31, "submit": "yes please"},
    )
    assert response.status_code == 422
    assert Report.objects.count() == before
