"""A large ledger import in the browser: queued, a progress bar, run by the worker, and the
page turning by itself to the outcome (htmx polling); at desk and phone widths, in zh-Hans.

Debian's Chromium through Playwright (tests/browser/conftest.py). The worker is the real
one (`luoshi db_worker --batch`), run in the test's thread while the page polls.
"""

import os
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from luoshi.jobs import actions
from luoshi.jobs.models import Job
from luoshi.ledgers.models import Hazard
from tests.excel.test_ledger_jobs import big_workbook
from tests.personas import PASSWORD

pytestmark = pytest.mark.browser

SIZES = {"desk": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


def _page(browser, live_server, size):
    context = browser.new_context(locale="zh-CN", viewport=SIZES[size])
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "housing-reporter")
    page.fill("#id_password", PASSWORD)
    page.click("form:has(input[name=password]) button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    return page


def _shot(page, folder: Path, name: str) -> None:
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", ["desk", "phone"])
def test_a_large_import_shows_its_progress_and_then_its_outcome(
    city, live_server, browser, settings, tmp_path, size
):
    settings.LUOSHI_TODAY = date(2025, 7, 15)
    settings.IMPORT_IN_REQUEST_MAX_BYTES = 16 * 1024
    shots = Path(os.environ.get("LUOSHI_SHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    workbook = tmp_path / "隐患台账.xlsx"
    workbook.write_bytes(big_workbook(3000))
    page = _page(browser, live_server, size)

    page.goto(f"{live_server.url}/excel/ledger/hazards/import/")
    assert "我的任务" in page.inner_text("main")
    assert _fits(page)
    _shot(page, shots, f"jobs-{size}-import-page")
    page.set_input_files("input[name=file]", str(workbook))
    page.click("button[name=import]")
    page.wait_for_url(f"{live_server.url}/jobs/*/")
    job = Job.objects.get()
    assert page.locator("progress.job-progress").count() == 1
    assert "等待后台处理" in page.inner_text("main")
    assert _fits(page)
    _shot(page, shots, f"jobs-{size}-queued")

    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())
    # The page polls every 2 s; once the job ends it reloads and shows the outcome (within
    # Playwright's 30 s: a poll, a reload and a render can take many seconds on a loaded
    # machine).
    page.wait_for_selector("text=已导入：新建 3000 行")
    # The outcome shows as soon as the reloaded page parses it: let that page finish
    # loading before counting what is on it and measuring its width.
    page.wait_for_load_state()
    assert Hazard.objects.count() == 3000
    job.refresh_from_db()
    assert job.state == "done" and job.done == job.total == 3000
    expect(page.locator("#job-progress")).to_have_count(0)
    assert _fits(page)
    _shot(page, shots, f"jobs-{size}-done")

    # A job half-way, as the page shows it while the worker checks the rows.
    other = actions.claim(
        actions.start(city.housing_reporter, "ledger_import", "安全隐患台账：导入").pk
    )
    actions.Progress(other)(12000, 20000, message="正在读取并检查各行…")
    page.goto(f"{live_server.url}/jobs/{other.pk}/")
    assert page.locator("progress.job-progress").get_attribute("value") == "12000"
    assert "已处理 12000 / 20000 行（60%）" in page.inner_text("#job-progress")
    assert _fits(page)
    _shot(page, shots, f"jobs-{size}-running")

    page.goto(f"{live_server.url}/jobs/")
    assert page.locator("a", has_text="安全隐患台账").count() == 2
    assert _fits(page)
    _shot(page, shots, f"jobs-{size}-list")


@pytest.mark.django_db(transaction=True)
def test_without_javascript_the_job_page_reloads_itself_while_the_job_runs(
    city, live_server, browser
):
    context = browser.new_context(locale="zh-CN", viewport=SIZES["desk"], java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "housing-reporter")
    page.fill("#id_password", PASSWORD)
    page.click("form:has(input[name=password]) button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    job = actions.claim(
        actions.start(city.housing_reporter, "ledger_import", "安全隐患台账：导入").pk
    )
    progress = actions.Progress(job)
    progress(1000, 20000, message="正在读取并检查各行…")
    page.goto(f"{live_server.url}/jobs/{job.pk}/")
    assert "1000 / 20000" in page.inner_text("#job-progress")
    progress(15000, 20000, message="正在读取并检查各行…")
    page.wait_for_selector("text=已处理 15000 / 20000 行")  # refreshed every 2 s
