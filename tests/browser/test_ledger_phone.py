"""The investment project list reads on a phone: the columns a phone has no room for
(investor, paid in, industry chain, origin) are left to wider screens, and a unit's name
stays on one line instead of standing one character a line.

Debian's Chromium through Playwright (tests/browser/conftest.py), zh-Hans.
"""

import pytest

from tests.ledgers.rows import add_ledger_rows
from tests.personas import PASSWORD

pytestmark = pytest.mark.browser

LINES = """td => {
  const range = document.createRange();
  range.selectNodeContents(td);
  return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
}"""


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width,height", [(1366, 900), (390, 844)])
def test_the_project_list_reads_on_a_phone(plan_city, browser, live_server, width, height):
    add_ledger_rows(plan_city)
    project = plan_city.project
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "commerce-reporter")
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/ledgers/projects/")
    row = page.locator(f"tr[data-project='{project.pk}']")
    cells = row.locator("td")
    assert cells.nth(0).inner_text() == "新能源电池项目"
    assert cells.nth(2).evaluate(LINES) == 1
    investor = cells.nth(1)
    assert investor.is_visible() == (width > 390)
    if width > 390:
        assert investor.inner_text() == "青禾新能源有限公司"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()
