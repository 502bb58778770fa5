"""The plan's four-eyes rule: whoever created or submitted a report does not approve it.

In the persona city an approver of 市住建局 may fill its reports too. When that
approver writes and submits one, it stays in their queue marked as waiting for
someone else; the approver of the unit above (here the city's) or the
supervision office approves it.
"""

from datetime import date

import pytest

from luoshi.api.auth import issue_token
from luoshi.orgs.choices import Role
from luoshi.orgs.models import Membership, User
from luoshi.plans.models import Plan
from luoshi.reporting import actions
from luoshi.reporting.models import Report
from tests.api.conftest import Api
from tests.personas import PASSWORD


@pytest.fixture
def own_report(plan_city):
    """housing-approver's own submitted report of `sales`, and a city-level approver."""
    c = plan_city
    c.city_approver = User.objects.create_user(
        username="city-approver", password=PASSWORD, full_name="city-approver"
    )
    Membership.objects.create(user=c.city_approver, unit=c.city, role=Role.APPROVER)
    c.report = actions.create_report(
        c.sales, c.housing_approver, as_of=date(2025, 6, 30), value=5.5
    )
    actions.submit_report(c.report, c.housing_approver)
    return c


def test_approver_cannot_approve_the_report_they_wrote_and_submitted(own_report):
    c = own_report
    with pytest.raises(actions.FourEyes):
        actions.approve_report(c.report, c.housing_approver)
    c.report.refresh_from_db()
    assert (c.report.status, c.report.reviewed_by, c.report.revision) == ("submitted", None, 2)


def test_approver_cannot_approve_a_report_they_submitted_for_a_reporter(plan_city):
    c = plan_city
    report = actions.create_report(c.sales, c.housing_reporter, as_of=date(2025, 6, 30), value=5.5)
    actions.submit_report(report, c.housing_approver)
    with pytest.raises(actions.FourEyes):
        actions.approve_report(report, c.housing_approver)
    actions.approve_report(report, c.supervisor)
    report.refresh_from_db()
    assert (report.status, report.reviewed_by) == ("approved", c.supervisor)


def test_own_report_waits_in_the_queue_without_an_approve_button(own_report):
    c = own_report
    client = c.client("housing-approver")
    queue = client.get("/approvals/")
    assert [(r.pk, r.waits_for_another) for r in queue.context["queue"]] == [(c.report.pk, True)]
    assert "data-four-eyes" in queue.content.decode()

    page = client.get(f"/reports/{c.report.pk}/")
    html = page.content.decode()
    assert page.context["can_review"] and not page.context["can_approve"]
    assert 'id="four-eyes"' in html and 'id="approve"' not in html

    response = client.post(f"/reports/{c.report.pk}/approve/", {"revision": c.report.revision})
    assert response.status_code == 302
    c.report.refresh_from_db()
    assert c.report.status == "submitted"
    messages = [str(m) for m in client.get(f"/reports/{c.report.pk}/").context["messages"]]
    assert any("双人审核" in m for m in messages), messages


def test_the_approver_of_the_unit_above_has_it_in_their_queue_and_approves_it(own_report):
    c = own_report
    client = c.client("city-approver")
    queue = client.get("/approvals/").context["queue"]
    assert [(r.pk, r.waits_for_another) for r in queue] == [(c.report.pk, False)]
    page = client.get(f"/reports/{c.report.pk}/")
    assert page.context["can_approve"]

    client.post(f"/reports/{c.report.pk}/approve/", {"revision": c.report.revision})
    c.report.refresh_from_db()
    assert (c.report.status, c.report.reviewed_by) == ("approved", c.city_approver)


def test_the_api_refuses_self_approval_with_403_and_changes_nothing(own_report):
    c = own_report
    own = Api(issue_token(c.housing_approver, "tests")[1])
    response = own.post(f"/reports/{c.report.pk}/approve", {"revision": c.report.revision})
    assert response.status_code == 403
    assert "four-eyes" in response.json()["detail"]
    c.report.refresh_from_db()
    assert (c.report.status, c.report.revision) == ("submitted", 2)

    supervisor = Api(issue_token(c.supervisor, "tests")[1])
    response = supervisor.post(f"/reports/{c.report.pk}/approve", {"revision": 2})
    assert (response.status_code, response.json()["status"]) == (200, "approved")


def test_with_the_rule_off_an_approver_may_approve_their_own_report(own_report):
    c = own_report
    Plan.objects.filter(pk=c.plan.pk).update(four_eyes=False)
    report = Report.objects.select_related("target__plan").get(pk=c.report.pk)
    actions.approve_report(report, c.housing_approver)
    report.refresh_from_db()
    assert (report.status, report.reviewed_by) == ("approved", c.housing_approver)


def test_the_rule_is_on_for_a_new_plan_and_the_supervisor_turns_it_off_on_the_rules_page(
    plan_city,
):
    c = plan_city
    assert Plan.objects.get(pk=c.plan.pk).four_eyes is True
    client = c.client("supervisor")
    form = client.get(f"/plans/{c.plan.pk}/rules/")
    assert 'name="four_eyes"' in form.content.decode()
    rules = {
        "lagging_below": 1.0,
        "behind_below": 0.8,
        "growth_tolerance_pp": 1.0,
        "level_tolerance": 0.05,
        "milestone_grace_days": 15,
        "reason": "单人科室",
    }
    assert client.post(f"/plans/{c.plan.pk}/rules/", rules).status_code == 302  # box unticked
    plan = Plan.objects.get(pk=c.plan.pk)
    assert plan.four_eyes is False
    assert plan.history.first().history_change_reason == "单人科室"

    client.post(f"/plans/{c.plan.pk}/rules/", {**rules, "four_eyes": "on"})
    assert Plan.objects.get(pk=c.plan.pk).four_eyes is True


def test_the_api_shows_and_changes_the_rule(plan_city):
    c = plan_city
    supervisor = Api(issue_token(c.supervisor, "tests")[1])
    assert supervisor.get(f"/plans/{c.plan.pk}").json()["rules"]["four_eyes"] is True
    response = supervisor.patch(f"/plans/{c.plan.pk}/rules", {"four_eyes": False})
    assert response.status_code == 200 and response.json()["rules"]["four_eyes"] is False
    assert supervisor.patch(f"/plans/{c.plan.pk}/rules", {"four_eyes": "no"}).status_code == 422
    assert Plan.objects.get(pk=c.plan.pk).four_eyes is False
