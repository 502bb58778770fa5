"""A supervisor imports a plan in a real browser: upload, review, map the owner, confirm.

Debian's Chromium driven by Playwright, launched as in test_sign_in_page.py.
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

PLAN_TEXT = (
    "2025年重点工作计划\n\n"
    "一、市商务委\n"
    "全年社会消费品零售总额增长5%以上。签约项目不少于50个。\n\n"
    "二、市住建局\n"
    "推动重大事故隐患动态清零。2024年全市完成投资同比增长6.3%。\n"
)


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
def test_supervisor_imports_a_plan_maps_the_owner_and_confirms(
    city, live_server, page, settings, tmp_path
):
    from django.db import connections

    settings.MEDIA_ROOT = tmp_path / "media"
    try:
        import_confirm_and_check(city, live_server, page)
    finally:
        # The ORM calls below run inside Playwright's event loop, on a connection of
        # their own: close it, or PostgreSQL cannot drop the test database.
        connections.close_all()


def import_confirm_and_check(city, live_server, page):
    from luoshi.plans.models import Plan

    blocked = []
    page.on(
        "console",
        lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None,
    )

    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "supervisor")
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/plans/import/")
    page.fill("#id_title", "2025年重点工作计划")
    page.fill("#id_start", "2025-01-01")
    page.fill("#id_end", "2025-12-31")
    page.set_input_files(
        "#id_file",
        files=[{"name": "plan.txt", "mimeType": "text/plain", "buffer": PLAN_TEXT.encode()}],
    )
    page.click("main form button[type=submit]")
    page.wait_for_url("**/review/")

    plan = Plan.objects.get()
    items = plan.import_items.count()
    assert items == 4
    # The text with every item marked, and the table of items beside it.
    assert page.locator("#import-source mark.imp-mark").count() == items
    assert page.locator("#import-items tbody tr.imp-row").count() == items
    assert "签约项目不少于50个" in page.locator("#import-source").inner_text()
    # A highlight leads to its row.
    signed = plan.import_items.get(metric="签约项目")
    page.click("#import-source mark >> text=签约项目不少于50个")
    assert page.url.endswith(f"#item-{signed.pk}")

    # Map 市商务委 (no unit of that name) to 市商务局, for all its items at once.
    row = page.locator("#import-owners tbody tr", has_text="市商务委")
    row.locator("select").select_option(str(city.commerce.pk))
    row.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(f"#i{signed.pk}-unit").input_value() == str(city.commerce.pk)

    page.click("#confirm-form button[type=submit]")
    page.wait_for_selector("#import-targets")

    plan.refresh_from_db()
    assert plan.status == "confirmed"
    targets = {t.name: t for t in plan.targets.select_related("unit")}
    assert set(targets) == {"社会消费品零售总额增长", "签约项目", "重大事故隐患"}
    assert targets["签约项目"].unit == city.commerce
    assert targets["重大事故隐患"].unit == city.housing
    for target in targets.values():
        assert plan.source_text[target.source_start : target.source_end] == target.source_snippet
    assert page.locator("#import-targets tbody tr").count() == 3
    assert blocked == []
