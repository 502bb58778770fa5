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
