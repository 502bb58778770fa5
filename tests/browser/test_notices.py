"""The bell and the notification list in Chromium, in zh-Hans, at desk and phone widths."""

import os

import pytest

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
