"""Submitting, approving and returning a report tell the right people, once, on commit."""

import pytest
from django.db import transaction

from luoshi.notices.models import Notification
from luoshi.reporting import actions


def inbox(person) -> list[tuple[str, str, str]]:
    return [
        (n.kind, n.text, n.link)
        for n in Notification.objects.filter(recipient=person).order_by("pk")
    ]


def everyone() -> list[tuple[str, str]]:
    return sorted(Notification.objects.values_list("recipient__username", "kind"))


@pytest.fixture
def draft(plan_city):
    return actions.create_report(
        plan_city.signed, plan_city.commerce_reporter, as_of=plan_city.signed.start, value=3
    )


def test_submitting_tells_the_units_approvers_and_no_one_else(
    plan_city, draft, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        actions.submit_report(draft, plan_city.commerce_reporter)
    assert everyone() == [("commerce-approver", "submitted")]
    assert inbox(plan_city.commerce_approver) == [
        ("submitted", "市商务局 · 签约项目 · 2025-01-01", f"/reports/{draft.pk}/")
    ]


def test_a_sub_units_report_reaches_the_approvers_above_it(
    plan_city, django_capture_on_commit_callbacks
):
    c = plan_city
    report = actions.create_report(c.hazards, c.team_reporter, as_of=c.hazards.start, value=0)
    with django_capture_on_commit_callbacks(execute=True):
        actions.submit_report(report, c.team_reporter)
    assert everyone() == [("housing-approver", "submitted")]


def test_approval_and_return_tell_the_reporter_with_the_reason(
    plan_city, draft, django_capture_on_commit_callbacks
):
    c = plan_city
    with django_capture_on_commit_callbacks(execute=True):
        actions.submit_report(draft, c.commerce_reporter)
        actions.return_report(draft, c.commerce_approver, "请补充佐证材料")
    assert inbox(c.commerce_reporter) == [
        ("returned", "市商务局 · 签约项目 · 2025-01-01 · 请补充佐证材料", f"/reports/{draft.pk}/")
    ]
    with django_capture_on_commit_callbacks(execute=True):
        actions.submit_report(draft, c.commerce_reporter)
        actions.approve_report(draft, c.commerce_approver)
    assert [kind for kind, _text, _link in inbox(c.commerce_reporter)] == ["returned", "approved"]
    # Two submissions, two notices for the approver; nothing for anyone else.
    assert everyone() == [
        ("commerce-approver", "submitted"),
        ("commerce-approver", "submitted"),
        ("commerce-reporter", "approved"),
        ("commerce-reporter", "returned"),
    ]


def test_a_rolled_back_action_notifies_nobody(plan_city, draft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        actions.submit_report(draft, plan_city.commerce_reporter)
        transaction.set_rollback(True)
    assert everyone() == []


def test_an_ordinary_save_notifies_nobody(plan_city, draft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        actions.update_report(
            draft,
            plan_city.commerce_reporter,
            expected_revision=draft.revision,
            as_of=draft.as_of,
            value=4,
        )
    assert everyone() == []


def test_the_bell_counts_unread_and_the_list_marks_them_read(
    plan_city, draft, django_capture_on_commit_callbacks
):
    c = plan_city
    with django_capture_on_commit_callbacks(execute=True):
        actions.submit_report(draft, c.commerce_reporter)
        actions.return_report(draft, c.commerce_approver, "请补充")
        actions.submit_report(draft, c.commerce_reporter)
        actions.return_report(draft, c.commerce_approver, "数据有误")
    client = c.client("commerce-reporter")
    page = client.get("/workbench/").content.decode()
    assert 'data-unread="2"' in page
    notice = Notification.objects.filter(recipient=c.commerce_reporter).first()
    # Opening a notice marks it read and goes to the report.
    response = client.post(f"/notices/{notice.pk}/read/", {"open": "1"})
    assert response.status_code == 302 and response.url == f"/reports/{draft.pk}/"
    assert 'data-unread="1"' in client.get("/notices/").content.decode()
    client.post("/notices/read-all/")
    page = client.get("/notices/").content.decode()
    assert 'data-unread="0"' in page and page.count('data-read="1"') == 2
