"""In a real browser: a reporter submits with evidence, the approver approves, the overview changes."""

import pytest
from playwright.sync_api import expect

from luoshi.reporting.models import Report

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_reported_and_approved_reading_changes_the_supervisors_overview(
    plan_city, live_server, sign_in, tmp_path
):
    c = plan_city
    evidence = tmp_path / "签约清单.pdf"
    evidence.write_bytes(b"%PDF-1.4\n% evidence of signed projects\n")

    supervisor = sign_in("supervisor")
    supervisor.goto(f"{live_server.url}/overview/?at=2025-07-15")
    row = supervisor.locator(f"tr[data-target='{c.signed.pk}']")
    assert row.locator("[data-state]").get_attribute("data-state") == "not_started"

    reporter = sign_in("commerce-reporter")
    reporter.goto(f"{live_server.url}/workbench/")
    reporter.locator(f"tr[data-target='{c.signed.pk}'] a.btn").click()
    reporter.fill("#id_as_of", "2025-06-30")
    reporter.fill("#id_value", "30")
    reporter.fill("#id_narrative", "上半年签约项目30个")
    reporter.set_input_files("#id_evidence", str(evidence))
    reporter.click("button[name=action][value=submit]")
    # the submit loads a new page: wait for it rather than read the form still on screen
    expect(reporter.locator("[data-status]")).to_have_attribute("data-status", "submitted")
    assert "签约清单.pdf" in reporter.locator("main").inner_text()

    approver = sign_in("commerce-approver")
    approver.goto(f"{live_server.url}/approvals/")
    approver.get_by_role("link", name=c.signed.name).click()
    approver.click("#approve")
    # The last report in the queue approved: the (now empty) queue opens, not the report.
    approver.wait_for_url(f"{live_server.url}/approvals/")
    assert approver.locator("[data-queue-size]").get_attribute("data-queue-size") == "0"
    assert Report.objects.get(target=c.signed).reviewed_by == c.commerce_approver

    supervisor.reload()
    row = supervisor.locator(f"tr[data-target='{c.signed.pk}']")
    assert row.locator("[data-state]").get_attribute("data-state") == "on_track"
    assert "实际30个" in row.inner_text()
