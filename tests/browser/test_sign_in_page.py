"""A person in a real browser: Debian's Chromium driven by Playwright.

Playwright cannot download its own browser here, so it launches /usr/bin/chromium
(`make test` installs it through apt when we are root).
"""

import pytest

from tests.personas import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser):
    yield browser.new_context(locale="zh-CN").new_page()


@pytest.mark.django_db(transaction=True)
def test_reporter_signs_in_and_sees_the_chinese_home_page_with_their_unit(city, live_server, page):
    page.goto(f"{live_server.url}/accounts/login/")
    assert page.locator("h1").inner_text() == "登录落实系统"
    page.fill("#id_username", "commerce-reporter")
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    assert "您好" in page.locator("h1").inner_text()
    assert "市商务局" in page.locator("main").inner_text()
    assert "单位填报" in page.locator("main").inner_text()
    # Our own stylesheet loaded from our own server: the navigation bar is luoshi red.
    colour = page.eval_on_selector("nav", "n => getComputedStyle(n).backgroundColor")
    assert colour == "rgb(164, 22, 26)"
