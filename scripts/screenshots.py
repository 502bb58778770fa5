"""Take the README screenshots from a running demo (`make run` in another shell).

    .venv/bin/python scripts/screenshots.py [http://127.0.0.1:8000]

Each shot signs in as a demo person and opens one page; the files land in docs/img/.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(__file__).resolve().parent.parent / "docs" / "img"
PASSWORD = "luoshi-demo"  # noqa: S105 - the demo's published password

# (file, username or None, path, viewport width, viewport height)
SHOTS = [
    ("overview.png", "leader", "/overview/", 1280, 900),
    ("target.png", "supervisor", "/targets/2/", 1280, 900),
    ("workbench.png", "commerce-reporter", "/workbench/", 1280, 700),
    ("hazards-phone.png", "safety-reporter", "/ledgers/hazards/", 390, 844),
]


def shoot(browser, name, username, path, width, height):
    page = browser.new_page(locale="zh-CN", viewport={"width": width, "height": height})
    if username:
        page.goto(f"{BASE}/accounts/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.click("main form button[type=submit]")
        page.wait_for_url(f"{BASE}/")
    page.goto(f"{BASE}{path}")
    page.wait_for_timeout(800)  # let ECharts draw
    page.screenshot(path=OUT / name)
    page.close()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox"]
        )
        for shot in SHOTS:
            shoot(browser, *shot)
        browser.close()


if __name__ == "__main__":
    main()
