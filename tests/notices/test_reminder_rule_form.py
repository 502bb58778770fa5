"""The supervisor sets a plan's 催报 ladder on a small form; bad input changes nothing."""

from luoshi.notices.models import ReminderRule


def post(client, plan, **numbers):
    data = {
        "days_before": "2",
        "days_after_due": "1",
        "days_late_approvers": "4",
        "days_late_leader": "10",
        "reason": "按市政府办要求调整",
        **numbers,
    }
    return client.post(f"/plans/{plan.pk}/reminders/", data)


def test_the_supervisor_saves_the_ladder_with_who_and_why(plan_city):
    c = plan_city
    plan_page = c.client("supervisor").get(f"/plans/{c.plan.pk}/").content.decode()
    assert (
        'id="reminder-rule-link"'
        not in c.client("leader").get(f"/plans/{c.plan.pk}/").content.decode()
    )
    assert f'href="/plans/{c.plan.pk}/reminders/" id="reminder-rule-link"' in plan_page
    page = c.client("supervisor").get(f"/plans/{c.plan.pk}/reminders/").content.decode()
    # A plan without a stored rule shows the defaults.
    for name, value in (
        ("days_before", 3),
        ("days_after_due", 0),
        ("days_late_approvers", 3),
        ("days_late_leader", 7),
    ):
        assert f'name="{name}" value="{value}"' in page
    response = post(c.client("supervisor"), c.plan)
    assert response.status_code == 302 and response.url == f"/plans/{c.plan.pk}/"
    rule = ReminderRule.objects.get(plan=c.plan)
    assert rule.offsets() == {"before": -2, "due": 1, "late": 4, "escalated": 10}
    record = rule.history.get()
    assert (
        record.history_user == c.supervisor and record.history_change_reason == "按市政府办要求调整"
    )


def test_steps_out_of_order_or_not_numbers_are_refused_and_nothing_is_stored(plan_city):
    c = plan_city
    client = c.client("supervisor")
    response = post(client, c.plan, days_late_leader="2")
    assert response.status_code == 200
    assert "逾期步骤须按顺序" in response.content.decode()
    for bad in ("-1", "abc", "999", "1e3"):
        response = post(client, c.plan, days_before=bad)
        assert response.status_code == 200, bad
    assert not ReminderRule.objects.exists()


def test_an_approver_cannot_change_the_ladder(plan_city):
    c = plan_city
    assert post(c.client("commerce-approver"), c.plan).status_code == 403
    assert not ReminderRule.objects.exists()
