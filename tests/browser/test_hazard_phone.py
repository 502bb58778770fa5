"""On a phone: the housing team's reporter enters a hazard with a photo and rectifies it, the
supervisor verifies it closed, and the zero target bound to the hazard ledger turns from
behind to on track.

Debian's Chromium through Playwright (tests/browser/conftest.py), with a phone-sized
viewport and touch. "Today" is 2025-07-15 (the plan_city fixture).
"""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from luoshi.ledgers import measures
from luoshi.ledgers.models import Hazard
from tests.personas import PASSWORD

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def _photo(path, colour) -> str:
    """A real JPEG, as a phone camera would send."""
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return str(path)


def _phone(browser, live_server, username: str):
    context = browser.new_context(
        locale="zh-CN", viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    return page


def _state(page, target) -> str:
    row = page.locator(f"tr[data-target='{target.pk}']")
    return row.locator("[data-state]").get_attribute("data-state")


def _fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.django_db(transaction=True)
def test_a_hazard_entered_on_a_phone_is_rectified_verified_and_clears_the_zero_target(
    plan_city, live_server, browser, sign_in, tmp_path
):
    c = plan_city
    # 重大事故隐患动态清零 (住建安全科) reads the open hazards of the team's subtree.
    measures.bind_measure(
        c.hazards,
        c.supervisor,
        source="hazards",
        aggregate="count",
        filter={"status": "open", "unit": f"subtree:{c.housing_team.code}"},
    )
    overview = f"{live_server.url}/overview/?at=2025-07-15"
    supervisor = sign_in("supervisor")
    supervisor.goto(overview)
    assert _state(supervisor, c.hazards) == "on_track"

    # The reporter of the housing team, on a phone.
    phone = _phone(browser, live_server, "team-reporter")
    phone.goto(f"{live_server.url}/ledgers/hazards/")
    phone.tap("#hazard-new")
    phone.wait_for_url("**/ledgers/hazards/new/")
    assert _fits_the_screen(phone)
    camera = phone.locator("#id_photo")
    assert (camera.get_attribute("accept"), camera.get_attribute("capture")) == (
        "image/*",
        "environment",
    )
    expect(phone.locator("#major-fields")).to_be_hidden()
    phone.fill("#id_description", "学校食堂燃气报警器失效")
    phone.select_option("#id_domain", "gas")
    phone.fill("#id_place", "青禾二小食堂")
    phone.select_option("#id_place_kind", "school")
    phone.select_option("#id_level", "major")
    expect(phone.locator("#major-fields")).to_be_visible()  # 五落实 appear for a major hazard
    phone.fill("#id_found_on", "2025-06-20")
    phone.fill("#id_found_by", "住建安全科 张工")
    phone.fill("#id_deadline", "2025-07-10")
    phone.fill("#id_measures", "更换燃气报警器并联动切断阀")
    phone.fill("#id_responsible_person", "王校长")
    phone.fill("#id_funds", "3.2")
    phone.fill("#id_contingency_plan", "停用燃气灶，改用电炊具")
    phone.set_input_files("#id_photo", _photo(tmp_path / "before.jpg", (200, 40, 40)))
    save = phone.locator("#hazard-save")
    assert save.bounding_box()["height"] >= 44
    save.tap()
    phone.wait_for_url(re.compile(r"/ledgers/hazards/\d+/$"))
    hazard = Hazard.objects.get(place="青禾二小食堂")
    assert phone.locator("h1 ~ [data-status]").first.get_attribute("data-status") == "open"
    assert phone.locator("#five-in-place [data-five='responsible_person']").inner_text() == "王校长"
    before = phone.locator("[data-photo='before'] img")
    # wait_for only waits for the element; on a loaded machine the picture can
    # still be on its way, so wait until the browser has decoded it.
    phone.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=before.element_handle()
    )
    assert before.evaluate("img => img.naturalWidth") == 64
    assert phone.locator("[data-overdue]").count() >= 1  # deadline 2025-07-10 has passed

    supervisor.reload()
    assert _state(supervisor, c.hazards) == "behind"

    # Rectified by the unit, with the photo after.
    phone.check("input[name=status][value=rectified]")
    phone.fill("#id_date", "2025-07-14")
    phone.fill("#id_note", "报警器已更换")
    phone.set_input_files("#id_photo", _photo(tmp_path / "after.jpg", (40, 160, 60)))
    assert _fits_the_screen(phone)
    with phone.expect_navigation():
        phone.tap("#hazard-move")
    assert phone.locator("h1 ~ [data-status]").first.get_attribute("data-status") == "rectified"
    assert phone.locator("[data-photo='after'] img").count() == 1
    # Closing is not the unit's to do: the phone offers no further move.
    assert phone.locator("#hazard-move").count() == 0
    supervisor.reload()
    assert _state(supervisor, c.hazards) == "behind"  # rectified is still open until verified

    # The supervisor verifies it closed.
    supervisor.goto(f"{live_server.url}/ledgers/hazards/{hazard.pk}/")
    supervisor.check("input[name=status][value=closed]")
    supervisor.fill("#id_date", "2025-07-15")
    supervisor.fill("#id_note", "现场复核通过")
    with supervisor.expect_navigation():
        supervisor.click("#hazard-move")
    assert supervisor.locator("h1 ~ [data-status]").first.get_attribute("data-status") == "closed"
    hazard.refresh_from_db()
    assert hazard.status == "closed"
    assert [e.status for e in hazard.events.order_by("date", "pk")] == [
        "open",
        "rectified",
        "closed",
    ]

    supervisor.goto(overview)
    assert _state(supervisor, c.hazards) == "on_track"
