"""Browser fixtures: Debian's Chromium through Playwright, against pytest-django's live server."""

import os
import shutil

import pytest

from tests.personas import PASSWORD

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
HAVE_CHROMIUM = os.path.exists(CHROMIUM)

# expect() retries for 5 s by default, less than a loaded CI machine can take to post a
# form, render the next page and load it; give it as long as Playwright's own actions
# and waits (30 s). An assertion that holds still passes at once.
EXPECT_TIMEOUT_MS = 30_000


def pytest_collection_modifyitems(items):
    if HAVE_CHROMIUM or os.environ.get("CI", "").lower() == "true":
        return
    skip = pytest.mark.skip(
        reason="Debian's chromium is not installed (make test installs it as root)"
    )
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def patient_expect():
    from playwright.sync_api import expect

    expect.set_options(timeout=EXPECT_TIMEOUT_MS)


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django's ORM refuses to
    # run inside one unless told that this test thread is safe to use.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            yield browser
        finally:
            # ORM calls made while Playwright's loop runs use a connection of their own:
            # close it, or PostgreSQL cannot drop the test database afterwards.
            from django.db import connections

            connections.close_all()
            browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def sign_in(browser, live_server):
    """sign_in(username) → a page signed in as that persona, in its own browser context."""

    def open_as(username: str):
        page = browser.new_context(locale="zh-CN").new_page()
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.click("main form button[type=submit]")
        page.wait_for_url(f"{live_server.url}/")
        return page

    return open_as
