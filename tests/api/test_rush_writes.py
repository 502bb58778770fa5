"""The writes of the month-end rush (bench/rush.py): two approvers racing, and what one
report step costs in queries inside its transaction (issue 14)."""

from datetime import date

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from luoshi.dashboards import signals
from luoshi.notices import actions as notices
from luoshi.notices.models import Delivery, Notification
from luoshi.reporting import actions
from luoshi.reporting.models import Report


def test_the_second_of_two_approvers_gets_a_conflict_and_the_report_is_approved_once(api_city):
    report = api_city.submitted
    first, second = api_city.api("commerce-approver"), api_city.api("supervisor")
    read = second.get("/reports?status=submitted").json()["items"]
    revision = next(r["revision"] for r in read if r["id"] == report.pk)
    assert first.post(f"/reports/{report.pk}/approve", {"revision": revision}).status_code == 200
    late = second.post(f"/reports/{report.pk}/approve", {"revision": revision})
    assert late.status_code == 409, late.content
    assert "changed by someone else" in late.json()["detail"]
    reasons = list(
        report.history.order_by("history_date").values_list("history_change_reason", flat=True)
    )
    assert reasons == ["created", "submitted", "approved"]
    # With the current revision, approving an approved report is still a bad request.
    current = Report.objects.get(pk=report.pk).revision
    again = second.post(f"/reports/{report.pk}/approve", {"revision": current})
    assert again.status_code == 422


def test_a_new_draft_leaves_no_stored_evaluation_to_recompute(api_city):
    signals.flush()
    actions.create_report(
        api_city.signed, api_city.commerce_reporter, as_of=date(2025, 7, 15), value=30
    )
    assert not signals._pending()


def queries_in_transaction(call) -> list[str]:
    with CaptureQueriesContext(connection) as captured, transaction.atomic():
        call()
    return [q["sql"].split(None, 1)[0] for q in captured.captured_queries]


def test_each_report_step_makes_a_fixed_small_number_of_queries(api_city):
    c = api_city
    report = actions.create_report(c.signed, c.commerce_reporter, as_of=date(2025, 7, 15), value=30)
    report = Report.objects.select_related("target__plan", "unit").get(pk=report.pk)
    submitted = queries_in_transaction(lambda: actions.submit_report(report, c.commerce_reporter))
    report = Report.objects.select_related("target__plan", "unit").get(pk=report.pk)
    approved = queries_in_transaction(lambda: actions.approve_report(report, c.commerce_approver))
    # The revision claimed, the row and its history row written; then, in the same
    # transaction, the people told read (the approvers; the reporter), told in one INSERT,
    # and the robots looked up (none, and nobody has an address). No person the report
    # named before is looked up again.
    steps = ["UPDATE", "UPDATE", "INSERT", "SELECT", "INSERT", "SELECT"]
    assert [q for q in submitted if "SAVEPOINT" not in q and q != "RELEASE"] == steps
    assert [q for q in approved if "SAVEPOINT" not in q and q != "RELEASE"] == steps


def test_telling_people_without_addresses_or_robots_writes_the_notices_only(api_city):
    c = api_city
    people = [c.commerce_approver, c.commerce_reporter]
    for person in people:
        person.email = ""
        person.save()
    with CaptureQueriesContext(connection) as quiet:
        notices.notify(people, "state", "x", "/", units=[c.commerce])
    assert len(quiet) == 2  # the notices, and the robots looked up (none)
    c.commerce_reporter.email = "r@example.org"
    c.commerce_reporter.save()
    with CaptureQueriesContext(connection) as mailed:
        notices.notify(people, "state", "y", "/", units=[c.commerce])
    # ... and with an address: the kind's default, the people's choices, the deliveries.
    assert len(mailed) == 5
    assert Notification.objects.filter(text__in=["x", "y"]).count() == 4
    assert list(Delivery.objects.values_list("address", flat=True)) == ["r@example.org"]


def test_the_requests_of_the_rush_make_a_fixed_small_number_of_queries(api_city):
    c = api_city
    reporter, approver = c.api("commerce-reporter"), c.api("commerce-approver")
    signals.flush()

    def queries(call) -> tuple[int, int]:
        """The request's queries, then those of the refresh after it commits."""
        with CaptureQueriesContext(connection) as request:
            answer = call()
        assert answer.status_code in (200, 201), answer.content
        with CaptureQueriesContext(connection) as refresh:
            signals.flush()
        return len(request), len(refresh)

    body = {"target": c.signed.pk, "as_of": "2025-07-15", "value": 30}
    created = queries(lambda: reporter.post("/reports", body, HTTP_IDEMPOTENCY_KEY="k1"))
    report = Report.objects.get(target=c.signed, as_of=date(2025, 7, 15))
    path = f"/reports/{report.pk}"
    submitted = queries(lambda: reporter.post(f"{path}/submit", {"revision": 1}))
    approved = queries(lambda: approver.post(f"{path}/approve", {"revision": 2}))
    # Each request: the token (and its last use, once a minute), the person's units, its
    # own reads and writes, the notices, and its answer: the report's history (no
    # evidence: it has none), with the idempotent answer looked up and stored when keyed.
    assert (created[0], submitted[0], approved[0]) == (13, 12, 12)
    # A new draft changes no stored evaluation. A submitted or approved report refreshes
    # its target, in a transaction (here a savepoint): the target; the tally's members
    # of it and (PostgreSQL) its unit locked; its stored rows, approved readings,
    # milestones and the reports awaiting approval on any of its days; the rows written;
    # the counts that changed, in one UPDATE. Only the days from the report's date on are
    # computed: once it is approved, none of them misses a report, so the approval's
    # refresh looks for none awaiting approval.
    lock = 1 if connection.vendor == "postgresql" else 0
    assert (created[1], submitted[1], approved[1]) == (0, 10 + lock, 9 + lock)
