"""At phone width (390 × 844) the reporting pages fit: no page scrolls sideways.

The workbench, the approval queue, a report, the report form and a target page, in
zh-Hans, with real rows in them (a returned report with its reason, evidence to view).
Set LUOSHI_SCREENSHOTS=DIR to keep a screenshot of each page at both sizes.
"""

import io
import os
from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from luoshi.reporting import actions
from luoshi.reporting.evidence import add_evidence
from tests.personas import PASSWORD

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1366, "height": 900}


def _image(kind: str) -> bytes:
    """A real picture (or a one-page PDF of it), as a phone or a scanner would send."""
    buffer = io.BytesIO()
    picture = Image.new("RGB", (480, 320), (200, 60, 50))
    ImageDraw.Draw(picture).rectangle((40, 40, 440, 280), outline=(255, 255, 255), width=8)
    picture.save(buffer, kind)
    return buffer.getvalue()


def _open(browser, live_server, username, viewport):
    phone = viewport == PHONE
    context = browser.new_context(
        locale="zh-CN", viewport=viewport, is_mobile=phone, has_touch=phone
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    return page


def _shoot(page, name):
    folder = os.environ.get("LUOSHI_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


@pytest.mark.django_db(transaction=True)
def test_reporting_pages_fit_a_phone_without_sideways_scrolling(plan_city, live_server, browser):
    c = plan_city
    returned = actions.create_report(
        c.signed, c.commerce_reporter, as_of=date(2025, 6, 30), value=30
    )
    actions.submit_report(returned, c.commerce_reporter)
    actions.return_report(
        returned, c.commerce_approver, "缺少6月份签约合同扫描件，请补充后重新提交"
    )
    waiting = actions.create_report(
        c.policy, c.commerce_reporter, as_of=date(2025, 7, 10), milestone=c.policy_milestone
    )
    add_evidence(waiting, c.commerce_reporter, SimpleUploadedFile("会议纪要.png", _image("PNG")))
    add_evidence(waiting, c.commerce_reporter, SimpleUploadedFile("文件.pdf", _image("PDF")))
    actions.submit_report(waiting, c.commerce_reporter)
    pages = [
        ("commerce-reporter", "/workbench/", "workbench"),
        ("commerce-approver", "/approvals/", "approvals"),
        ("commerce-approver", f"/reports/{waiting.pk}/", "report"),
        ("commerce-reporter", f"/targets/{c.signed.pk}/report/", "report-form"),
        ("commerce-reporter", f"/targets/{c.signed.pk}/", "target"),
        ("commerce-reporter", "/excel/workbook/", "workbook"),
    ]
    too_wide = []
    for viewport, size in ((PHONE, "phone"), (DESK, "desk")):
        for username, url, name in pages:
            page = _open(browser, live_server, username, viewport)
            page.goto(f"{live_server.url}{url}")
            if name == "approvals":
                page.click(f"tr[data-report='{waiting.pk}'] [data-bs-toggle=collapse]")
                page.wait_for_selector(f"#ev-{waiting.pk}.show img")
                # The picture is loaded lazily once shown: measure the page with it there,
                # not with an empty box still waiting for it.
                picture = page.locator(f"#ev-{waiting.pk} img")
                picture.scroll_into_view_if_needed()
                page.wait_for_function(
                    "img => img.complete && img.naturalWidth > 0", arg=picture.element_handle()
                )
            _shoot(page, f"{name}-{size}")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > viewport["width"]:
                too_wide.append(f"{name} at {size}: {width} px")
            page.context.close()
    assert not too_wide, too_wide


@pytest.mark.django_db(transaction=True)
def test_the_report_form_names_a_milestone_target_by_its_kind(plan_city, live_server, browser):
    """A milestone target has no number to reach: its report form said ">= —"."""
    c = plan_city
    page = _open(browser, live_server, "commerce-reporter", PHONE)
    page.goto(f"{live_server.url}/targets/{c.policy.pk}/report/")
    assert page.inner_text("#report-target-goal") == "节点型"
    page.goto(f"{live_server.url}/targets/{c.signed.pk}/report/")
    goal = page.inner_text("#report-target-goal")
    assert goal.startswith(c.signed.comparator) and "—" not in goal, goal
    page.context.close()
