"""A long approval queue in the browser, at desk and phone widths: the filters, the pages,
and a selection approved from page 2 back on page 2. Nothing scrolls sideways.
Set LUOSHI_SCREENSHOTS=DIR to keep a screenshot of each width."""

import pytest
from playwright.sync_api import expect

from luoshi.reporting.models import Report
from luoshi.reporting.views_queue import PAGE_SIZE
from tests.browser.test_phone_width import DESK, PHONE, _open, _shoot
from tests.reporting.test_approval_queue_pages import submit_many

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("viewport", [DESK, PHONE], ids=["desk", "phone"])
def test_a_long_queue_pages_filters_and_approves_from_page_two(
    plan_city, live_server, browser, viewport
):
    c = plan_city
    submit_many(c, c.signed, PAGE_SIZE + 4)
    submit_many(c, c.sales, 3, first=100)
    page = _open(browser, live_server, "supervisor", viewport)
    page.goto(f"{live_server.url}/approvals/")
    assert page.locator("[data-queue-size]").get_attribute("data-queue-size") == str(PAGE_SIZE + 7)
    assert page.locator("tr[data-report]").count() == PAGE_SIZE
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    _shoot(page, f"approvals-{viewport['width']}")

    page.select_option("#q-unit", str(c.commerce.pk))
    # each click loads a new page: wait for it (expect retries) rather than read the rows
    # of the page still on screen or of the blank one between
    page.click("#queue-filter button[type=submit]")
    expect(page.locator("[data-queue-size]")).to_have_attribute(
        "data-queue-size", str(PAGE_SIZE + 4)
    )
    page.click("a[rel=next]")
    page.wait_for_url("**page=2**")
    expect(page.locator("tr[data-report]")).to_have_count(4)
    assert "page=2" in page.url and f"unit={c.commerce.pk}" in page.url
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    _shoot(page, f"approvals-page2-{viewport['width']}")

    page.locator("input[name=report]").first.check()
    page.click("#approve-selected")
    page.click("#confirm-approve")
    page.wait_for_url(f"**/approvals/?unit={c.commerce.pk}&page=2")
    expect(page.locator("tr[data-report]")).to_have_count(3)
    assert Report.objects.filter(status="approved").count() == 1
