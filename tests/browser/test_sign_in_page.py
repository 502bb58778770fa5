"""A person in a real browser: Debian's Chromium driven by Playwright.

Playwright cannot download its own browser here, so it launches /usr/bin/chromium
(`make test` installs it through apt when we are root).
"""

import os
import shutil

import pytest

from tests.personas import PASSWORD

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM) and os.environ.get("CI", "").lower() != "true",
        reason="Debian's chromium is not installed (make test installs it when run as root)",
    ),
]


@pytest.fixture
def page(live_server):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django's ORM refuses to
    # run inside one unless told that this test thread is safe to use.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        context = browser.new_context(locale="zh-CN")
        yield context.new_page()
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


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
