"""Take the README screenshots from a running demo (`make run` in another shell).

.venv/bin/python scripts/screenshots.py [http://127.0.0.1:8000]
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(__file__).resolve().parent.parent / "docs" / "img"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox"]
        )
        page = browser.new_page(locale="zh-CN", viewport={"width": 1100, "height": 560})
        page.goto(f"{BASE}/accounts/login/")
        page.screenshot(path=OUT / "login.png")
        page.fill("#id_username", "commerce-reporter")
        page.fill("#id_password", "luoshi-demo")
        page.click("main form button[type=submit]")
        page.wait_for_url(f"{BASE}/")
        page.screenshot(path=OUT / "home.png")
        browser.close()


if __name__ == "__main__":
    main()
