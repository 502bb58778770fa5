"""A supervisor imports a plan in a real browser: upload, review, map the owner, confirm.

Debian's Chromium driven by Playwright, launched as in test_sign_in_page.py.
"""

import os
import re
import shutil

import pytest
from playwright.sync_api import expect

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
    # Choosing the file reads it: the title and dates come from the document, never typed.
    page.set_input_files(
        "#id_file",
        files=[{"name": "plan.txt", "mimeType": "text/plain", "buffer": PLAN_TEXT.encode()}],
    )
    page.wait_for_selector("#import-held")
    expect(page.locator("#id_title")).to_have_value("2025年重点工作计划")
    expect(page.locator("#id_start")).to_have_value("2025-01-01")
    expect(page.locator("#id_end")).to_have_value("2025-12-31")
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
    expect(page).to_have_url(re.compile(rf"#item-{signed.pk}$"))

    # Map 市商务委 (no unit of that name) to 市商务局, for all its items at once.
    row = page.locator("#import-owners tbody tr", has_text="市商务委")
    row.locator(".imp-owner-form select").select_option(str(city.commerce.pk))
    # wait_for_load_state() returns at once if the page still on screen (already loaded)
    # is the current one: wait for the navigation the post makes, then read its page.
    with page.expect_navigation():
        row.locator(".imp-owner-form button[type=submit]").click()
    assert page.locator(f"#item-{signed.pk} select[name$='-unit']").input_value() == str(
        city.commerce.pk
    )

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
    expect(page.locator("#import-targets tbody tr")).to_have_count(3)
    assert blocked == []


NUMBERED_PLAN = (
    "2025年招商引资工作要点\n\n"
    "1. 全年签约项目不少于50个（市商务局、市住建局负责）。\n"
    "2. 推动重大事故隐患动态清零（市住建局负责）。\n"
    "3. 新增限上商贸企业29户以上（市财政局负责）。\n"
    "4. 全年举办招商推介活动12场。\n"
)

LINES = """td => {
  const range = document.createRange();
  range.selectNodeContents(td);
  return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
}"""
SIZES = {"desk": (1366, 900), "phone": (390, 844)}


def no_horizontal_scroll(page) -> bool:
    return page.evaluate(
        "document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth"
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", list(SIZES))
def test_review_creates_the_missing_unit_saves_the_table_once_and_adds_a_selection(
    city, sign_in, live_server, settings, tmp_path, size
):
    from luoshi.orgs.models import Unit
    from luoshi.plans.models import Plan

    settings.MEDIA_ROOT = tmp_path / "media"
    page = sign_in("supervisor")
    page.set_viewport_size(dict(zip(("width", "height"), SIZES[size], strict=True)))
    page.goto(f"{live_server.url}/plans/import/")
    page.set_input_files(
        "#id_file",
        files=[{"name": "要点.txt", "mimeType": "text/plain", "buffer": NUMBERED_PLAN.encode()}],
    )
    page.wait_for_selector("#import-held")
    expect(page.locator("#id_start")).to_have_value("2025-01-01")
    # #import-held shows while the page that brought it may still be parsing and loading
    # its styles: measure the width of the page once it has loaded.
    page.wait_for_load_state()
    assert no_horizontal_scroll(page)
    page.screenshot(path=str(tmp_path / f"import-form-{size}.png"), full_page=True)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/review/")
    plan = Plan.objects.get()

    # 市财政局 is not a unit yet: create it in place, under the city.
    row = page.locator("#import-owners tbody tr", has_text="市财政局")
    with page.expect_navigation():
        row.locator(".imp-owner-create button[type=submit]").click()
    finance = Unit.objects.get(name="市财政局")
    assert finance.parent == city.city
    finance_item = plan.import_items.get(owner_text="市财政局")
    assert finance_item.unit == finance

    # Two rows edited, one save: neither edit is lost.
    signed = plan.import_items.get(metric__contains="签约项目")
    assert signed.cooperating_text == "市住建局"
    page.select_option(f"#item-{signed.pk} select[name$='-cadence']", "quarter")
    page.fill(f"#item-{finance_item.pk} input[name$='-value']", "30")
    # What the engine read of the last line is dropped: it is added again from the text below.
    for it in plan.import_items.filter(metric__contains="推介"):
        page.select_option(f"#item-{it.pk} select[name$='-decision']", "rejected")
    if size == "desk":
        # Every column of the table shows at 1366 px: no sideways scrolling inside it.
        assert page.evaluate(
            "(() => { const t = document.querySelector('.imp-items');"
            " return t.scrollWidth <= t.clientWidth; })()"
        )
        page.screenshot(path=str(tmp_path / "review-desk.png"), full_page=True)
    with page.expect_navigation():
        page.click("#items-heading ~ button[form=items-form]")
    signed.refresh_from_db()
    finance_item.refresh_from_db()
    assert (signed.cadence, finance_item.value) == ("quarter", 30)

    # The item the engine missed: select its words in the text, the form fills itself.
    page.evaluate(
        """(() => {
          const source = document.getElementById('import-source');
          const walker = document.createTreeWalker(source, NodeFilter.SHOW_TEXT);
          let node;
          while ((node = walker.nextNode())) {
            const at = node.data.indexOf('举办招商推介活动12场');
            if (at >= 0) {
              const range = document.createRange();
              range.setStart(node, at);
              range.setEnd(node, at + '举办招商推介活动12场'.length);
              const selection = window.getSelection();
              selection.removeAllRanges();
              selection.addRange(range);
              return;
            }
          }
        })()"""
    )
    page.click("#add-from-selection")
    # the form fills itself from a fetch: wait for each field rather than read it at once
    expect(page.locator("#new-value")).to_have_value("12")
    expect(page.locator("#new-snippet")).to_have_value("举办招商推介活动12场")
    expect(page.locator("#new-unit_label")).to_have_value("场")
    page.select_option("#new-unit", str(city.commerce.pk))
    with page.expect_navigation():
        page.click("#add-item button[type=submit]")
    added = plan.import_items.get(snippet="举办招商推介活动12场", decision="accepted")
    assert (added.value, added.unit_label, added.unit) == (12, "场", city.commerce)
    assert added.start_offset is not None
    assert no_horizontal_scroll(page)
    page.screenshot(path=str(tmp_path / f"review-{size}.png"), full_page=True)

    with page.expect_navigation():
        page.click("#confirm-form button[type=submit]")
    problems = page.locator("#import-problems")
    assert not problems.count(), problems.inner_text()
    page.wait_for_selector("#import-targets")
    plan.refresh_from_db()
    assert plan.status == "confirmed"
    lead = plan.targets.get(name__contains="签约项目", part_of=None)
    assert (lead.cadence, lead.due_day) == ("quarter", 5)
    assert [(p.unit, p.kind) for p in lead.parts.all()] == [(city.housing, "milestone")]
    assert plan.targets.get(unit=finance).cadence == "month"
    # Every cell of the confirmed plan's targets keeps a readable width (on a phone the
    # names and units stood one character a line): the unit on one line, the name wider.
    first = page.locator("#import-targets tbody tr").first.locator("td")
    assert first.nth(1).evaluate(LINES) == 1
    assert first.nth(0).bounding_box()["width"] >= 100
    if os.environ.get("LUOSHI_SCREENSHOTS"):
        shutil.copytree(tmp_path, os.environ["LUOSHI_SCREENSHOTS"], dirs_exist_ok=True)
