"""The bulletin in Chromium, in zh-Hans, at desk and phone widths: the supervisor drafts,
edits a paragraph and issues; the worker builds the files; the leader downloads the .docx."""

import os
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from docx import Document
from playwright.sync_api import expect

from luoshi.bulletins.models import Bulletin
from luoshi.reporting.choices import ReportStatus
from luoshi.reporting.models import Report

SHOTS = os.environ.get("LUOSHI_SHOTS")


def open_menu(page, width):
    if width < 768:
        page.click(".navbar-toggler")
        page.wait_for_selector("#nav.collapse.show")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width,height", [(1366, 900), (390, 844)])
def test_the_supervisor_drafts_edits_and_issues_and_the_leader_downloads(
    plan_city, sign_in, width, height, tmp_path
):
    c = plan_city
    Report.objects.create(
        target=c.signed, unit=c.commerce, as_of=date(2025, 6, 30), value=18,
        status=ReportStatus.APPROVED, created_by=c.commerce_reporter,
    )  # fmt: skip
    page = sign_in("supervisor")
    page.set_viewport_size({"width": width, "height": height})
    open_menu(page, width)
    page.click("#nav-bulletins")
    page.wait_for_url("**/bulletins/")
    assert page.locator("h1").inner_text().startswith("督查通报")
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/bulletin-new-{width}.png", full_page=True)
    page.select_option("#id_plan", str(c.plan.pk))
    page.fill("#id_at", "2025-06-30")
    page.click("#draft-bulletin")
    page.wait_for_url("**/bulletins/*/")
    paper = page.locator("#bulletin-paper")
    assert "（草稿）" in paper.inner_text()
    assert "签约项目：按序时进度应完成" in paper.inner_text()  # 滞后, with its reason
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/bulletin-draft-{width}.png", full_page=True)

    page.click("#edit-bulletin")
    page.wait_for_url("**/edit/")
    page.fill("#id_requirements", "请市商务局于7月10日前报送签约项目整改措施。")
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/bulletin-edit-{width}.png")
    page.click("#save-bulletin")
    page.wait_for_selector("text=通报已保存。")
    # the message shows as soon as it is parsed, perhaps before the rest of the page: wait
    # for the paper rather than read it at once
    expect(page.locator("#bulletin-paper")).to_contain_text(
        "请市商务局于7月10日前报送签约项目整改措施。", use_inner_text=True
    )

    page.click("#issue-button")
    page.wait_for_selector("text=已印发为2025年第1期，文件正在生成。")
    expect(page.locator("#issue-label")).to_have_text("2025年第1期", use_inner_text=True)
    expect(page.locator("[data-state=preparing]")).to_have_count(3)
    bulletin = Bulletin.objects.get()
    assert (bulletin.number, bulletin.sections["requirements"]) == (
        1, "请市商务局于7月10日前报送签约项目整改措施。",
    )  # fmt: skip

    # The worker builds the three files; the leader finds them ready.
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())
    leader = sign_in("leader")
    leader.set_viewport_size({"width": width, "height": height})
    open_menu(leader, width)
    leader.click("#nav-bulletins")
    leader.wait_for_url("**/bulletins/")
    assert leader.locator("#new-bulletin").count() == 0  # leaders draft nothing
    if SHOTS:
        leader.screenshot(path=f"{SHOTS}/bulletin-list-{width}.png", full_page=True)
    leader.click(f"[data-bulletin='{bulletin.pk}']")
    leader.wait_for_url(f"**/bulletins/{bulletin.pk}/")
    assert leader.locator("#issue-button, #edit-bulletin, #correct-bulletin").count() == 0
    if SHOTS:
        leader.screenshot(path=f"{SHOTS}/bulletin-issued-{width}.png", full_page=True)
    with leader.expect_download() as download:
        leader.click("[data-format=docx]")
    path = tmp_path / "bulletin.docx"
    download.value.save_as(path)
    assert download.value.suggested_filename == "督查通报-2025年第1期.docx"
    lines = [p.text for p in Document(path).paragraphs]
    assert "2025年第1期" in lines and "测试市人民政府督查室" in lines
