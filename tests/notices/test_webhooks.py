"""Webhooks through a local HTTP receiver: each robot gets each message once, in its own
format; a failing robot is retried with back-off, visibly, and the action still succeeds."""

import base64
import hashlib
import hmac
from datetime import timedelta

import pytest
from django.utils import timezone

from luoshi.notices import delivery, webhooks
from luoshi.notices.choices import NoticeKind, WebhookFlavour
from luoshi.notices.models import (
    ChannelDefault,
    ChannelPreference,
    Delivery,
    Notification,
    WebhookEndpoint,
)
from luoshi.reporting import actions as reporting
from luoshi.reporting.models import Report


def test_wecom_and_dingtalk_bodies():
    assert webhooks.payload(WebhookFlavour.WECOM, False, "催报提醒", "请报送", "http://x/t/1/") == {
        "msgtype": "text",
        "text": {"content": "催报提醒\n请报送\nhttp://x/t/1/"},
    }
    assert webhooks.payload(WebhookFlavour.WECOM, True, "催报提醒", "请报送") == {
        "msgtype": "markdown",
        "markdown": {"content": "### 催报提醒\n请报送"},
    }
    assert webhooks.payload(WebhookFlavour.DINGTALK, True, "催报提醒", "请报送") == {
        "msgtype": "markdown",
        "markdown": {"title": "催报提醒", "text": "### 催报提醒\n请报送"},
    }
    assert webhooks.payload(WebhookFlavour.DINGTALK, False, "T", "x")["msgtype"] == "text"


def test_dingtalk_signing_adds_timestamp_and_the_hmac_of_it():
    url = webhooks.signed_url(
        "https://oapi.example/robot/send?access_token=a", "SEC1", 1700000000000
    )
    expected = base64.b64encode(
        hmac.new(b"SEC1", b"1700000000000\nSEC1", hashlib.sha256).digest()
    ).decode()
    assert url.startswith(
        "https://oapi.example/robot/send?access_token=a&timestamp=1700000000000&sign="
    )
    from urllib.parse import parse_qs, urlsplit

    assert parse_qs(urlsplit(url).query)["sign"] == [expected]


def test_only_http_addresses_are_posted_to():
    with pytest.raises(webhooks.WebhookError):
        webhooks.post("file:///etc/passwd", {}, timeout=1, max_bytes=10)


def test_a_robot_that_answers_too_much_fails(robot):
    robot.answer = {"errcode": 0, "padding": "x" * 5000}
    with pytest.raises(webhooks.WebhookError, match="longer than"):
        webhooks.post(robot.url(), {"msgtype": "text"}, timeout=5, max_bytes=1000)


def test_a_robot_errcode_is_a_failure(robot):
    robot.answer = {"errcode": 310000, "errmsg": "sign not match"}
    with pytest.raises(webhooks.WebhookError, match="310000"):
        webhooks.post(robot.url(), {"msgtype": "text"}, timeout=5, max_bytes=1000)


@pytest.fixture
def hooks(plan_city, robot):
    """The 商务局 group robot (企业微信) and the commerce approver's own (钉钉, signed)."""
    c = plan_city
    unit = WebhookEndpoint.objects.create(
        unit=c.commerce, flavour=WebhookFlavour.WECOM, url=robot.url("/unit?key=swj")
    )
    own = WebhookEndpoint.objects.create(
        person=c.commerce_approver,
        flavour=WebhookFlavour.DINGTALK,
        url=robot.url("/own?access_token=ca"),
        secret="SEC-ca",
    )
    return unit, own


def submit(c, capture):
    report = reporting.create_report(c.signed, c.commerce_reporter, as_of=c.signed.start, value=3)
    with capture(execute=True):
        reporting.submit_report(report, c.commerce_reporter)
    return report


def test_a_submitted_report_reaches_the_unit_robot_and_the_approvers_own_robot_once_each(
    plan_city, robot, hooks, django_capture_on_commit_callbacks
):
    c = plan_city
    submit(c, django_capture_on_commit_callbacks)
    assert delivery.deliver_due() == {"sent": 2, "failed": 0}
    assert delivery.deliver_due() == {"sent": 0, "failed": 0}  # nothing twice
    assert robot.paths() == ["/own", "/unit"]
    posts = {path: (query, body) for path, query, body in robot.posts}
    query, body = posts["/own"]
    assert body["msgtype"] == "text" and "市商务局 · 签约项目" in body["text"]["content"]
    assert query["access_token"] == "ca" and query["timestamp"] and query["sign"]
    digest = hmac.new(b"SEC-ca", f"{query['timestamp']}\nSEC-ca".encode(), hashlib.sha256).digest()
    assert query["sign"] == base64.b64encode(digest).decode()
    assert posts["/unit"][0] == {"key": "swj"}
    assert set(Delivery.objects.values_list("attempts", flat=True)) == {1}


def test_people_who_turn_webhooks_off_are_not_posted_to_but_still_told_in_the_app(
    plan_city, robot, hooks, django_capture_on_commit_callbacks
):
    c = plan_city
    ChannelPreference.objects.create(
        person=c.commerce_approver, kind=NoticeKind.SUBMITTED, email=True, webhook=False
    )
    ChannelDefault.objects.create(kind=NoticeKind.SUBMITTED, unit_webhook=False)
    submit(c, django_capture_on_commit_callbacks)
    delivery.deliver_due()
    assert robot.posts == []
    assert Notification.objects.filter(recipient=c.commerce_approver).count() == 1


def test_the_default_applies_to_people_who_chose_nothing(
    plan_city, robot, hooks, django_capture_on_commit_callbacks
):
    c = plan_city
    ChannelDefault.objects.create(kind=NoticeKind.SUBMITTED, webhook=False, unit_webhook=True)
    submit(c, django_capture_on_commit_callbacks)
    delivery.deliver_due()
    assert robot.paths() == ["/unit"]


def test_a_failing_robot_is_retried_with_back_off_then_left_failed_and_visible(
    plan_city, robot, hooks, django_capture_on_commit_callbacks
):
    c = plan_city
    robot.status = 500
    report = submit(c, django_capture_on_commit_callbacks)
    # The action succeeded whatever the robot does.
    assert Report.objects.get(pk=report.pk).status == "submitted"
    unit_row = Delivery.objects.get(endpoint__unit=c.commerce)
    now = timezone.now()
    gaps = []
    for attempt in range(1, 6):
        assert delivery.attempt(unit_row.pk, now) is False
        unit_row.refresh_from_db()
        assert unit_row.attempts == attempt and unit_row.last_error == "WebhookError: HTTP 500"
        if unit_row.next_attempt_at is None:
            break
        gaps.append(unit_row.next_attempt_at - now)
        # Not due before its time.
        assert (
            delivery.attempt(unit_row.pk, unit_row.next_attempt_at - timedelta(seconds=1)) is None
        )
        now = unit_row.next_attempt_at
    assert gaps == [timedelta(minutes=m) for m in (1, 5, 25, 125)]
    assert unit_row.state == "failed" and unit_row.attempts == 5
    assert len([p for p in robot.paths() if p == "/unit"]) == 5
    # The supervision office sees it, with the error; others do not see the page.
    page = c.client("supervisor").get("/notices/deliveries/?state=failed")
    assert page.status_code == 200
    assert f'data-delivery="{unit_row.pk}"' in page.content.decode()
    assert "HTTP 500" in page.content.decode()
    assert c.client("commerce-approver").get("/notices/deliveries/").status_code == 404
    # Asked to try again once the robot is back, it goes.
    robot.status = 200
    response = c.client("supervisor").post(f"/notices/deliveries/{unit_row.pk}/retry/")
    assert response.status_code == 302
    assert delivery.attempt(unit_row.pk) is True
    unit_row.refresh_from_db()
    assert unit_row.state == "delivered"


def test_an_unreachable_robot_is_a_recorded_failure_not_an_exception(plan_city):
    c = plan_city
    WebhookEndpoint.objects.create(
        unit=c.commerce, flavour=WebhookFlavour.WECOM, url="http://127.0.0.1:9/nothing"
    )
    delivery.fan_out([], NoticeKind.REMINDER, "x", units=[c.commerce])
    assert delivery.deliver_due() == {"sent": 0, "failed": 1}
    row = Delivery.objects.get()
    assert row.state == "pending" and row.last_error.startswith("WebhookError")


def test_a_queue_that_is_down_neither_fails_the_action_nor_loses_the_message(
    plan_city, robot, hooks, django_capture_on_commit_callbacks, monkeypatch
):
    class Down:
        """A queue whose server is unreachable (the database backend cannot be down
        without the database itself, so the Redis case is played by this)."""

        def get_backend(self):
            raise ConnectionError("queue down")

        def enqueue(self, *args):
            raise ConnectionError("queue down")

    monkeypatch.setattr(delivery, "deliver", Down())
    c = plan_city
    report = submit(c, django_capture_on_commit_callbacks)
    assert Report.objects.get(pk=report.pk).status == "submitted"
    assert Delivery.objects.filter(delivered_at__isnull=True).count() == 2
    # The sweep (luoshi deliver) sends them once the queue is back or without it.
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("deliver", stdout=out)
    assert out.getvalue().strip() == "sent 2, failed 0"
    assert robot.paths() == ["/own", "/unit"]


def test_the_ladder_tells_a_units_robot_once_per_target_step_and_each_persons_robot_once(
    plan_city, robot, hooks
):
    from io import StringIO

    from django.core.management import call_command

    from luoshi.notices.models import Reminder

    c = plan_city
    for _ in range(2):
        call_command("remind", "--at", "2025-07-05", stdout=StringIO())
    reached = Reminder.objects.filter(target__unit=c.commerce)
    steps = set(reached.values_list("target", "period_end", "step"))
    assert reached.count() > len(steps)  # several people per step
    unit_posts = [body for path, _q, body in robot.posts if path == "/unit"]
    own_posts = [body for path, _q, body in robot.posts if path == "/own"]
    assert len(unit_posts) == len(steps)
    assert len(own_posts) == reached.filter(person=c.commerce_approver).count()
    assert all(b["text"]["content"].startswith("催报提醒\n市商务局 · ") for b in unit_posts)
