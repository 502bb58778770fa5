"""The 催报 ladder over a simulated month, day by day with `luoshi remind --at`."""

import json
from datetime import date, timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command

from luoshi.notices.models import Notification, Reminder, ReminderRule
from luoshi.reporting import actions


def remind(day: date, *extra) -> list[tuple[str, str, str, str]]:
    out = StringIO()
    call_command("remind", "--at", day.isoformat(), "--format", "json", *extra, stdout=out)
    payload = json.loads(out.getvalue())
    assert payload["at"] == day.isoformat()
    return [
        (r["step"], r["person"], r["target_name"], r["period_end"]) for r in payload["reminders"]
    ]


def days(first: date, last: date):
    while first <= last:
        yield first
        first += timedelta(days=1)


SIGNED, SALES, JUNE = "签约项目", "新建商品房销售面积增长", "2025-06-30"


def test_a_month_of_the_ladder_sends_each_step_once_and_nothing_after_the_report(plan_city):
    c = plan_city
    sent = {}
    for day in days(date(2025, 6, 20), date(2025, 7, 31)):
        if day == date(2025, 7, 6):
            # 商务局 reports June a day late; it is approved the same day.
            report = actions.create_report(
                c.signed, c.commerce_reporter, as_of=date(2025, 6, 30), value=20
            )
            actions.submit_report(report, c.commerce_reporter)
            actions.approve_report(report, c.commerce_approver)
        today = remind(day)
        if today:
            sent[day] = sorted(today)
    # Defaults 3 / 0 / 3 / 7 around the due day, 5 July, of June's (and Q2's) report.
    assert sent == {
        date(2025, 7, 2): [
            ("before", "commerce-reporter", SIGNED, JUNE),
            ("before", "housing-reporter", SALES, JUNE),
        ],
        date(2025, 7, 5): [
            ("due", "commerce-approver", SIGNED, JUNE),
            ("due", "commerce-reporter", SIGNED, JUNE),
            ("due", "housing-approver", SALES, JUNE),
            ("due", "housing-reporter", SALES, JUNE),
        ],
        # 商务局 reported on the 6th: from then on only 住建局 is chased.
        date(2025, 7, 8): [
            ("late", "housing-approver", SALES, JUNE),
            ("late", "supervisor", SALES, JUNE),
        ],
        date(2025, 7, 12): [("escalated", "leader", SALES, JUNE)],
    }
    assert Reminder.objects.count() == 9
    assert Notification.objects.filter(kind="reminder").count() == 9
    # Running the whole month again sends nothing twice.
    for day in days(date(2025, 6, 20), date(2025, 7, 31)):
        assert remind(day) == []
    assert Reminder.objects.count() == 9


def test_the_plans_rule_moves_the_steps_and_a_dry_run_changes_nothing(plan_city):
    c = plan_city
    ReminderRule.objects.create(
        plan=c.plan, days_before=1, days_after_due=1, days_late_approvers=2, days_late_leader=4
    )
    assert remind(date(2025, 7, 2)) == []
    would = remind(date(2025, 7, 4), "--dry-run")
    assert sorted(would) == [
        ("before", "commerce-reporter", SIGNED, JUNE),
        ("before", "housing-reporter", SALES, JUNE),
    ]
    assert Reminder.objects.count() == 0 and Notification.objects.count() == 0
    assert sorted(remind(date(2025, 7, 9))) == [
        ("escalated", "leader", SALES, JUNE),
        ("escalated", "leader", SIGNED, JUNE),
    ]


def test_a_submitted_report_stops_the_ladder_and_people_with_an_address_get_mail(plan_city):
    c = plan_city
    c.housing_reporter.email = "zjj@example.org"
    c.housing_reporter.save()
    report = actions.create_report(c.signed, c.commerce_reporter, as_of=date(2025, 6, 30), value=20)
    actions.submit_report(report, c.commerce_reporter)  # submitted, not yet approved
    assert remind(date(2025, 7, 2)) == [("before", "housing-reporter", SALES, JUNE)]
    assert [m.to for m in mail.outbox] == [["zjj@example.org"]]
    assert "新建商品房销售面积增长" in mail.outbox[0].body
    notice = Notification.objects.get(kind="reminder")
    assert notice.recipient == c.housing_reporter and notice.link == f"/targets/{c.sales.pk}/"
    # Written in the default language (zh-Hans), whoever runs the job.
    assert notice.text == (
        "市住建局 · 新建商品房销售面积增长：截至 2025-06-30 的进度报告，请于 2025-07-05 前报送"
    )
    assert mail.outbox[0].subject == notice.text


def test_a_bad_date_is_refused(plan_city):
    import pytest
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--at"):
        call_command("remind", "--at", "2025-02-30")
