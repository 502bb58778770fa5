"""Reminders by e-mail through a real SMTP server (aiosmtpd on 127.0.0.1): the right
people, once each, however often the ladder runs."""

import socket
from email import message_from_bytes
from email.header import decode_header, make_header
from io import StringIO

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command

from luoshi.notices.models import Reminder


class Inbox:
    """An SMTP handler that keeps every message it is given."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((sorted(envelope.rcpt_tos), message_from_bytes(envelope.content)))
        return "250 OK"


@pytest.fixture
def smtp(settings):
    inbox = Inbox()
    # aiosmtpd checks its own server by connecting to the port it was given: ask the
    # system for a free one first (port 0 would fail that check).
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = False
    try:
        yield inbox
    finally:
        controller.stop()


def test_the_due_day_mails_reporters_and_approvers_who_have_an_address_once(plan_city, smtp):
    c = plan_city
    for person, address in (
        (c.commerce_reporter, "swj-tb@example.org"),
        (c.commerce_approver, "swj-sh@example.org"),
        (c.housing_approver, "zjj-sh@example.org"),
    ):
        person.email = address
        person.save()
    for _ in range(2):
        call_command("remind", "--at", "2025-07-05", stdout=StringIO())
    # housing-reporter has no address: reminded in the app only.
    assert sorted(rcpt for rcpt, _msg in smtp.messages) == [
        ["swj-sh@example.org"],
        ["swj-tb@example.org"],
        ["zjj-sh@example.org"],
    ]
    emailed = Reminder.objects.filter(emailed=True).values_list("person__username", flat=True)
    assert sorted(emailed) == ["commerce-approver", "commerce-reporter", "housing-approver"]
    subjects = {rcpt[0]: str(make_header(decode_header(m["Subject"]))) for rcpt, m in smtp.messages}
    assert subjects["zjj-sh@example.org"] == (
        "市住建局 · 新建商品房销售面积增长：截至 2025-06-30 的进度报告，已于 2025-07-05 截止，尚未报送"
    )


def test_a_mail_server_that_is_down_leaves_the_reminder_and_a_delivery_to_retry(
    plan_city, settings
):
    from luoshi.notices.models import Delivery, Notification

    c = plan_city
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens here
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2
    c.commerce_reporter.email = "swj-tb@example.org"
    c.commerce_reporter.save()
    call_command("remind", "--at", "2025-07-05", stdout=StringIO())
    reminder = Reminder.objects.get(person=c.commerce_reporter, step="due")
    assert reminder.emailed is False
    assert Notification.objects.filter(recipient=c.commerce_reporter).count() == 1
    mail = Delivery.objects.get(channel="email", recipient=c.commerce_reporter)
    assert mail.state == "pending" and mail.attempts == 1
    assert "Connection refused" in mail.last_error or "Error" in mail.last_error
