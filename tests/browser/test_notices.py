"""The bell and the notification list in Chromium, in zh-Hans, at desk and phone widths."""

import os
from datetime import date

import pytest
from playwright.sync_api import expect

from luoshi.reporting import actions

SHOTS = os.environ.get("LUOSHI_SHOTS")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width,height", [(1366, 900), (390, 844)])
def test_the_reporter_sees_the_bell_count_and_reads_the_returned_report(
    plan_city, sign_in, width, height
):
    c = plan_city
    report = actions.create_report(c.signed, c.commerce_reporter, as_of=c.signed.start, value=3)
    actions.submit_report(report, c.commerce_reporter)
    actions.return_report(report, c.commerce_approver, "请补充佐证材料")
    page = sign_in("commerce-reporter")
    page.set_viewport_size({"width": width, "height": height})
    if width < 768:
        page.click(".navbar-toggler")
        # The menu slides open: wait until Bootstrap has finished (no longer `collapsing`).
        page.wait_for_selector("#nav.collapse.show")
    bell = page.locator("#nav-bell")
    assert bell.get_attribute("data-unread") == "1"
    assert bell.get_attribute("aria-label") == "1 条未读通知"
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/bell-{width}.png")
    bell.click()
    page.wait_for_url("**/notices/")
    item = page.locator("[data-notice]")
    assert item.locator(".fw-semibold").inner_text() == "报告被退回"
    assert "请补充佐证材料" in item.inner_text()
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/list-{width}.png", full_page=True)
    page.click("text=查看")
    page.wait_for_url(f"**/reports/{report.pk}/")
    assert page.locator("#nav-bell").get_attribute("data-unread") == "0"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width,height", [(1366, 900), (390, 844)])
def test_the_supervisor_sets_the_reminder_ladder_from_the_plan_page(
    plan_city, sign_in, live_server, width, height
):
    from luoshi.notices.models import ReminderRule

    page = sign_in("supervisor")
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{live_server.url}/plans/{plan_city.plan.pk}/")
    # Each button of the plan's head stays on one line (on a phone they were squeezed
    # beside the title to one character a line).
    heights = page.eval_on_selector_all(
        "#plan-head a.btn", "els => els.map(e => e.getBoundingClientRect().height)"
    )
    assert len(heights) == 4 and max(heights) < 40, heights
    page.click("#reminder-rule-link")
    page.wait_for_url(f"**/plans/{plan_city.plan.pk}/reminders/")
    assert page.locator("h1").inner_text() == "催报规则 · 2025年重点工作计划"
    page.fill("#id_days_late_leader", "10")
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/ladder-{width}.png", full_page=True)
    page.click("#reminder-rule button[type=submit]")
    page.wait_for_url(f"**/plans/{plan_city.plan.pk}/")
    assert "催报规则已保存。" in page.locator("main .alert").inner_text()
    assert ReminderRule.objects.get().days_late_leader == 10


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width,height", [(1366, 900), (390, 844)])
def test_the_unit_page_says_how_often_it_was_chased(plan_city, sign_in, live_server, width, height):
    from io import StringIO

    from django.core.management import call_command

    for day in ("2025-07-02", "2025-07-05"):
        call_command("remind", "--at", day, stdout=StringIO())
    page = sign_in("leader")
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{live_server.url}/units/{plan_city.commerce.pk}/")
    assert page.locator("#unit-reminded").inner_text() == "本月已催报 2 次"
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/unit-{width}.png")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width,height", [(1366, 900), (390, 844)])
def test_the_supervisor_sends_a_chase_from_the_overview_and_the_reporter_reports(
    plan_city, sign_in, live_server, settings, width, height
):
    from luoshi.notices.models import Reminder
    from luoshi.reporting.models import Report

    c = plan_city
    settings.LUOSHI_TODAY = date(2025, 7, 8)
    reporter = sign_in("commerce-reporter")
    reporter.set_viewport_size({"width": width, "height": height})
    assert reporter.locator("#nav-bell").get_attribute("data-unread") == "0"

    office = sign_in("supervisor")
    office.set_viewport_size({"width": width, "height": height})
    office.goto(f"{live_server.url}/overview/")
    ticks = office.locator("input[form=chase-form][name=targets]")
    office.check("[data-tick-all]")  # the header box ticks the whole page, and clears it
    assert ticks.count() == 4 and all(ticks.nth(i).is_checked() for i in range(4))
    office.uncheck("[data-tick-all]")
    assert not any(ticks.nth(i).is_checked() for i in range(4))
    office.locator(f"tr[data-target='{c.signed.pk}'] input[name=targets]").check()
    if SHOTS:
        office.screenshot(path=f"{SHOTS}/overview-chase-{width}.png", full_page=True)
    office.click("#chase-button")
    office.wait_for_url("**/notices/chase/?**")
    assert office.locator(f"#chase-target-{c.signed.pk}").is_checked()
    office.fill("#id_text", "请今天报送6月签约项目")
    if SHOTS:
        office.screenshot(path=f"{SHOTS}/chase-{width}.png", full_page=True)
    office.click("#chase-send button[type=submit]")
    office.wait_for_url(f"{live_server.url}/overview/")
    assert "催报已发送，共通知 2 人。" in office.locator("main").inner_text()
    assert Reminder.objects.filter(step="manual", target=c.signed).count() == 2

    reporter.reload()
    bell = reporter.locator("#nav-bell")
    assert bell.get_attribute("data-unread") == "1"
    if width < 768:
        reporter.click(".navbar-toggler")
        reporter.wait_for_selector("#nav.collapse.show")
    bell.click()
    reporter.wait_for_url("**/notices/")
    assert "请今天报送6月签约项目" in reporter.locator("[data-notice]").inner_text()
    reporter.click("text=查看")
    reporter.wait_for_url(f"**/targets/{c.signed.pk}/")
    reporter.goto(f"{live_server.url}/workbench/")
    reporter.locator(f"tr[data-target='{c.signed.pk}'] a.btn").click()
    reporter.fill("#id_as_of", "2025-06-30")
    reporter.fill("#id_value", "30")
    reporter.click("button[name=action][value=submit]")
    # the submit loads a new page: wait for it rather than read the form still on screen
    expect(reporter.locator("[data-status]")).to_have_attribute("data-status", "submitted")
    assert Report.objects.get(target=c.signed).status == "submitted"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width,height", [(1366, 900), (390, 844)])
def test_instruction_settings_and_failed_deliveries_pages(
    plan_city, sign_in, live_server, width, height
):
    from luoshi.notices.models import ChannelPreference, Delivery

    c = plan_city
    leader = sign_in("leader")
    leader.set_viewport_size({"width": width, "height": height})
    leader.goto(f"{live_server.url}/targets/{c.signed.pk}/")
    leader.fill("#instruction-text", "请商务局加快签约进度，月底前报送")
    leader.click("#instruction-form button[type=submit]")
    leader.wait_for_url(f"**/targets/{c.signed.pk}/#instructions")
    assert "请商务局加快签约进度" in leader.locator("#instructions").inner_text()
    if SHOTS:
        leader.locator("#instructions").screenshot(path=f"{SHOTS}/instruction-{width}.png")

    reporter = sign_in("commerce-reporter")
    reporter.set_viewport_size({"width": width, "height": height})
    reporter.goto(f"{live_server.url}/notices/settings/")
    assert reporter.locator("h1").inner_text() == "通知设置"
    reporter.uncheck("#id_email_instruction")
    if SHOTS:
        reporter.screenshot(path=f"{SHOTS}/settings-{width}.png", full_page=True)
    # The form posts back to the URL already open, so wait_for_url returned at once and
    # waited for nothing: wait for the navigation the post makes before reading the database.
    with reporter.expect_navigation(url="**/notices/settings/"):
        reporter.click("#preferences button[type=submit]")
    assert not ChannelPreference.objects.get(person=c.commerce_reporter, kind="instruction").email

    Delivery.objects.create(
        channel="webhook",
        kind="reminder",
        address="http://10.0.0.9/cgi-bin/webhook/send?key=secret-key",
        payload={},
        attempts=5,
        last_error="WebhookError: HTTP 500",
    )
    office = sign_in("supervisor")
    office.set_viewport_size({"width": width, "height": height})
    office.goto(f"{live_server.url}/notices/")
    office.click("text=外发消息")
    office.wait_for_url("**/notices/deliveries/")
    row = office.locator("[data-state=failed]")
    assert "HTTP 500" in row.inner_text() and "secret-key" not in row.inner_text()
    if SHOTS:
        office.screenshot(path=f"{SHOTS}/deliveries-{width}.png", full_page=True)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width,height", [(1366, 900), (390, 844)])
def test_the_supervisor_sets_a_units_robot_and_the_default_channels(
    plan_city, sign_in, live_server, width, height
):
    from luoshi.notices.models import ChannelDefault, WebhookEndpoint

    c = plan_city
    office = sign_in("supervisor")
    office.set_viewport_size({"width": width, "height": height})
    office.goto(f"{live_server.url}/notices/")
    office.click("text=各单位群机器人")
    office.wait_for_url("**/notices/webhooks/")
    office.locator(f"tr[data-unit='{c.commerce.pk}'] a").click()
    office.wait_for_url(f"**/notices/webhooks/{c.commerce.pk}/")
    office.select_option("#id_flavour", "dingtalk")
    office.fill("#id_url", "https://oapi.dingtalk.example/robot/send?access_token=T0KEN")
    office.fill("#id_secret", "SEC-robot")
    if SHOTS:
        office.screenshot(path=f"{SHOTS}/webhook-form-{width}.png", full_page=True)
    office.click("#webhook-form button[type=submit]")
    office.wait_for_url("**/notices/webhooks/")
    row = office.locator(f"tr[data-unit='{c.commerce.pk}']").inner_text()
    assert "钉钉群机器人" in row and "T0KEN" not in row
    if SHOTS:
        office.screenshot(path=f"{SHOTS}/unit-webhooks-{width}.png", full_page=True)
    assert WebhookEndpoint.objects.get(unit=c.commerce).secret == "SEC-robot"

    office.goto(f"{live_server.url}/notices/defaults/")
    office.uncheck("#id_unit_webhook_approved")
    if SHOTS:
        office.screenshot(path=f"{SHOTS}/defaults-{width}.png", full_page=True)
    with office.expect_navigation(url="**/notices/defaults/"):  # posts back to the same URL
        office.click("#defaults button[type=submit]")
    assert ChannelDefault.objects.get(kind="approved").unit_webhook is False
    assert ChannelDefault.objects.get(kind="submitted").unit_webhook is True
