"""The whole loop in zh-Hans, at a desk and on a phone, with no workaround (issue 9).

The supervisor imports a plan document whose owners include a unit the city lacks
(市财政局), creates it in place from the review screen and confirms; the commerce
reporter reports on two of the new targets, one with two evidence files; the commerce
approver approves one and returns the other with a reason; the leader's cockpit and
overview change. No date is typed, Django admin is never opened, and at 390 px no page
the test visits scrolls sideways. Set LUOSHI_SCREENSHOTS=DIR to keep a screenshot of each.
"""

import io
import os
import re
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from tests.personas import PASSWORD

pytestmark = pytest.mark.browser

SIZES = {"desk": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}

PLAN = (
    "2025年招商引资工作要点\n\n"
    "1. 全年签约项目不少于50个（市商务局负责）。\n"
    "2. 新增限上商贸企业29户以上（市商务局负责）。\n"
    "3. 新增减税降费资金3亿元以上（市财政局负责）。\n"
)


def _picture(kind: str) -> bytes:
    """A small real picture, or a one-page PDF of it, as a phone or a scanner would send."""
    buffer = io.BytesIO()
    picture = Image.new("RGB", (240, 160), (200, 60, 50))
    ImageDraw.Draw(picture).rectangle((20, 20, 220, 140), outline=(255, 255, 255), width=6)
    picture.save(buffer, kind)
    return buffer.getvalue()


class Walk:
    """One person's browser at one size; every page it lands on is checked for width."""

    def __init__(self, browser, live_server, username, size):
        self.size, self.viewport, self.url = size, SIZES[size], live_server.url
        self.username = username
        phone = size == "phone"
        self.context = browser.new_context(
            locale="zh-CN", viewport=self.viewport, is_mobile=phone, has_touch=phone
        )
        self.page = self.context.new_page()
        self.page.on("console", self._csp)
        self.blocked = []
        self.page.goto(f"{self.url}/accounts/login/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", PASSWORD)
        self.page.click("main form button[type=submit]")
        self.page.wait_for_url(f"{self.url}/")
        self.landed("home")

    def _csp(self, message):
        if "Content Security Policy" in message.text:
            self.blocked.append(message.text)

    def goto(self, path, name):
        self.page.goto(f"{self.url}{path}")
        self.landed(name)

    def landed(self, name):
        """The page has loaded: never Django admin, never wider than a phone at 390 px."""
        page = self.page
        page.wait_for_load_state()
        assert "/admin/" not in page.url
        assert page.locator("html").get_attribute("lang") == "zh-hans"
        folder = os.environ.get("LUOSHI_SCREENSHOTS")
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            shot = Path(folder) / f"loop-{self.size}-{self.username}-{name}.png"
            page.screenshot(path=str(shot), full_page=True)
        if self.size == "phone":
            width = page.evaluate("() => document.documentElement.scrollWidth")
            assert width <= self.viewport["width"], (
                f"{page.url} is {width}px wide; past the edge: {self.overflowing()}"
            )

    def overflowing(self):
        """The innermost elements reaching past the viewport, to name what to fix."""
        return self.page.evaluate(
            """(limit) => [...document.querySelectorAll('body *')]
                .filter((e) => e.getBoundingClientRect().right > limit && !e.querySelector('*'))
                .slice(0, 5)
                .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)""",
            self.viewport["width"],
        )

    def close(self):
        assert self.blocked == [], self.blocked
        self.context.close()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", list(SIZES))
def test_the_whole_loop_import_to_overview_in_chinese(
    city, live_server, browser, settings, tmp_path, size
):
    from django.db import connections

    # Mid-October: the monthly targets owe September, whose end the report form offers.
    settings.LUOSHI_TODAY = date(2025, 10, 15)
    settings.MEDIA_ROOT = tmp_path / "media"
    try:
        walk_the_loop(city, live_server, browser, size)
    finally:
        # ORM calls made inside Playwright's loop use a connection of their own.
        connections.close_all()


def walk_the_loop(city, live_server, browser, size):
    from playwright.sync_api import expect

    from luoshi.orgs.models import Unit
    from luoshi.plans.models import Plan
    from luoshi.reporting.models import Report

    # --- The supervisor imports, reviews, creates 市财政局 in place and confirms.
    supervisor = Walk(browser, live_server, "supervisor", size)
    page = supervisor.page
    supervisor.goto("/plans/import/", "import")
    page.set_input_files(
        "#id_file",
        files=[{"name": "要点.txt", "mimeType": "text/plain", "buffer": PLAN.encode()}],
    )
    page.wait_for_selector("#import-held")
    # Title and dates come from the document; nothing is typed into them.
    expect(page.locator("#id_title")).to_have_value("2025年招商引资工作要点")
    expect(page.locator("#id_start")).to_have_value("2025-01-01")
    expect(page.locator("#id_end")).to_have_value("2025-12-31")
    supervisor.landed("import-held")
    with page.expect_navigation(url="**/review/"):
        page.click("main form button[type=submit]")
    supervisor.landed("review")
    plan = Plan.objects.get()
    assert not Unit.objects.filter(name="市财政局").exists()

    row = page.locator("#import-owners tbody tr", has_text="市财政局")
    with page.expect_navigation():
        row.locator(".imp-owner-create button[type=submit]").click()
    supervisor.landed("review-unit-created")
    finance = Unit.objects.get(name="市财政局")
    assert finance.parent == city.city
    assert plan.import_items.get(owner_text="市财政局").unit == finance
    # Every owner now names a unit: no "create" form is left to offer.
    expect(page.locator("#import-owners .imp-owner-create")).to_have_count(0)

    with page.expect_navigation():
        page.click("#confirm-form button[type=submit]")
    problems = page.locator("#import-problems")
    assert not problems.count(), problems.inner_text()
    page.wait_for_selector("#import-targets")
    supervisor.landed("confirmed")
    plan.refresh_from_db()
    assert plan.status == "confirmed"
    targets = {t.unit.name + "·" + t.name: t for t in plan.targets.select_related("unit")}
    assert {t.unit for t in targets.values()} == {city.commerce, finance}, targets
    # The plan-wide default cadence: monthly, due on the 5th; nothing edited by hand.
    assert {(t.cadence, t.due_day) for t in targets.values()} == {("month", 5)}
    signed = plan.targets.get(unit=city.commerce, name__contains="签约项目")
    firms = plan.targets.get(unit=city.commerce, name__contains="限上商贸企业")
    supervisor.close()

    # --- The leader's cockpit before anything is reported: no target is on track.
    leader = Walk(browser, live_server, "leader", size)
    expect(leader.page.locator("h1")).to_contain_text("驾驶舱")
    expect(leader.page.locator("[data-count=on_track]")).to_have_attribute("data-value", "0")
    missing_before = int(leader.page.locator("[data-count=missing]").get_attribute("data-value"))
    assert missing_before >= 2

    # --- The commerce reporter reports on both new targets from the workbench.
    reporter = Walk(browser, live_server, "commerce-reporter", size)
    page = reporter.page
    png = {"name": "签约现场.png", "mimeType": "image/png", "buffer": _picture("PNG")}
    pdf = {"name": "签约清单.pdf", "mimeType": "application/pdf", "buffer": _picture("PDF")}
    for target, value, narrative, files in (
        (signed, "40", "前三季度签约项目40个", [png, pdf]),
        (firms, "12", "前三季度新增限上商贸企业12户", []),
    ):
        reporter.goto("/workbench/", "workbench")
        with page.expect_navigation():
            page.locator(f"tr[data-target='{target.pk}'] a.btn").first.click()
        reporter.landed(f"report-form-{target.pk}")
        # The date comes prefilled (ISO, the end of the period owed): never typed.
        expect(page.locator("#id_as_of")).to_have_value("2025-09-30")
        page.fill("#id_value", value)
        page.fill("#id_narrative", narrative)
        if files:
            page.set_input_files("#id_evidence", files=files)
        with page.expect_navigation():
            page.click("button[name=action][value=submit]")
        reporter.landed(f"report-{target.pk}")
        expect(page.locator("[data-status]")).to_have_attribute("data-status", "submitted")
    report_signed = Report.objects.get(target=signed)
    report_firms = Report.objects.get(target=firms)
    assert report_signed.as_of == report_firms.as_of == date(2025, 9, 30)
    assert sorted(e.name for e in report_signed.evidence.all()) == ["签约清单.pdf", "签约现场.png"]

    # --- The commerce approver approves one and returns the other with a reason.
    approver = Walk(browser, live_server, "commerce-approver", size)
    page = approver.page
    approver.goto("/approvals/", "approvals")
    expect(page.locator("[data-queue-size]")).to_have_attribute("data-queue-size", "2")
    queued = page.locator(f"tr[data-report='{report_signed.pk}']")
    expect(queued.locator("[data-evidence]")).to_have_attribute("data-evidence", "2")
    with page.expect_navigation():
        queued.get_by_role("link", name=signed.name).click()
    approver.landed("report-to-approve")
    with page.expect_navigation():
        page.click("#approve")
    # After approving, the next report in the queue opens: the one to return.
    assert page.url.endswith(f"/reports/{report_firms.pk}/"), page.url
    approver.landed("report-to-return")
    page.fill("#id_reason", "缺少新增企业名单，请补充后重新提交")
    with page.expect_navigation():
        page.get_by_role("button", name="退回").click()
    approver.landed("returned")
    report_signed.refresh_from_db()
    report_firms.refresh_from_db()
    assert (report_signed.status, report_signed.reviewed_by) == ("approved", city.commerce_approver)
    assert (report_firms.status, report_firms.return_reason) == (
        "returned",
        "缺少新增企业名单，请补充后重新提交",
    )
    approver.goto("/approvals/", "approvals-empty")
    expect(page.locator("[data-queue-size]")).to_have_attribute("data-queue-size", "0")

    # The reporter's workbench shows the returned report with its reason.
    reporter.goto("/workbench/", "workbench-returned")
    expect(reporter.page.locator("main")).to_contain_text("缺少新增企业名单")

    # --- The leader sees the change: one target on track, and which one.
    leader.page.reload()
    leader.landed("cockpit-after")
    expect(leader.page.locator("[data-count=on_track]")).to_have_attribute("data-value", "1")
    leader.goto("/overview/", "overview")
    row = leader.page.locator(f"tr[data-target='{signed.pk}']")
    expect(row.locator("[data-state]").first).to_have_attribute("data-state", "on_track")
    expect(row).to_contain_text(re.compile("40"))

    for walk in (leader, reporter, approver):
        walk.close()
