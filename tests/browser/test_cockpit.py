"""A leader in zh-Hans lands on the cockpit, reads the counts, opens the worst unit, opens
its worst target and sees the report behind the figure; the same on a phone, where no
page scrolls sideways. Set LUOSHI_SCREENSHOTS=DIR to keep a screenshot of each page.
"""

import os
import re
from datetime import date
from pathlib import Path

import pytest

from luoshi.reporting import actions
from tests.personas import PASSWORD

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1366, "height": 900}


def _shoot(page, name):
    folder = os.environ.get("LUOSHI_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def _fits(page, viewport):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"{page.url} is {width}px wide"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("viewport", [DESK, PHONE], ids=["desk", "phone"])
def test_a_leader_drills_from_the_counts_to_the_report_behind_a_figure(
    plan_city, live_server, browser, settings, viewport
):
    c = plan_city
    settings.LUOSHI_TODAY = date(2025, 7, 10)
    # 商务局 signed 10 of the 25 projects expected by the end of June: behind.
    signed = actions.create_report(
        c.signed, c.commerce_reporter, as_of=date(2025, 6, 30), value=10, narrative="签约项目10个"
    )
    actions.submit_report(signed, c.commerce_reporter)
    actions.approve_report(signed, c.supervisor)
    # 住建局 is on track: its growth meets the target.
    sales = actions.create_report(c.sales, c.housing_reporter, as_of=date(2025, 6, 30), value=6)
    actions.submit_report(sales, c.housing_reporter)
    actions.approve_report(sales, c.housing_approver)

    phone = viewport == PHONE
    context = browser.new_context(
        locale="zh-CN", viewport=viewport, is_mobile=phone, has_touch=phone
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "leader")
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")

    # Land: the cockpit, in Chinese, with the counts.
    assert page.locator("h1").inner_text().startswith("驾驶舱")
    assert page.locator("[data-count=behind]").get_attribute("data-value") == "1"
    assert page.locator("[data-count=on_track]").get_attribute("data-value") == "1"
    assert "严重滞后" in page.locator("[data-count=behind]").inner_text()
    page.wait_for_selector("#cockpit-trend canvas")
    _fits(page, viewport)
    _shoot(page, f"cockpit-{'phone' if phone else 'desk'}")

    # The worst unit: the last of the ranked rows.
    ranked = page.locator("#scorecard tbody tr:not([data-own])")
    ranks = [ranked.nth(i).locator("td").first.inner_text() for i in range(ranked.count())]
    numbers = [int(rank) for rank in ranks if rank.isdigit()]
    worst = ranked.nth(ranks.index(str(max(numbers))))
    assert worst.get_attribute("data-unit") == str(c.commerce.pk)
    worst.locator("a").first.click()
    page.wait_for_url(re.compile(rf"/cockpit/\?.*unit={c.commerce.pk}"))
    assert "市商务局" in page.locator("h1").inner_text()
    _fits(page, viewport)

    # Its worst target: the first of the red list.
    first = page.locator("#red-list tbody tr").first
    assert first.get_attribute("data-target") == str(c.signed.pk)
    first.locator("a").first.click()
    page.wait_for_url(re.compile(rf"/targets/{c.signed.pk}/"))
    _fits(page, viewport)

    # The report behind the figure.
    page.locator("a", has_text="2025-06-30").first.click()
    page.wait_for_url(re.compile(rf"/reports/{signed.pk}/"))
    assert "签约项目10个" in page.content()
    _fits(page, viewport)
    context.close()
