"""A page's breadcrumb trail is named for screen readers in the page's language."""

import re
from pathlib import Path

import luoshi

TEMPLATES = Path(luoshi.__file__).parent


def test_no_template_names_its_breadcrumb_in_english():
    english = [
        f"{path.relative_to(TEMPLATES)}:{number}"
        for path in sorted(TEMPLATES.rglob("templates/**/*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r'aria-label="breadcrumb"', line, re.I)
    ]
    assert english == []


def test_the_breadcrumb_is_named_in_chinese_and_in_english(plan_city):
    c = plan_city
    client = c.client("supervisor")
    pages = (
        f"/people/{c.commerce_reporter.pk}/",
        f"/units/{c.commerce.pk}/",
        f"/targets/{c.signed.pk}/",
    )
    for page in pages:
        response = client.get(page, HTTP_ACCEPT_LANGUAGE="zh-hans")
        assert response.status_code == 200, page
        assert response.content.decode().count('<nav aria-label="当前位置">') == 1, page
    client.cookies.load({"django_language": "en"})
    response = client.get(pages[0], HTTP_ACCEPT_LANGUAGE="en")
    assert '<nav aria-label="Breadcrumb">' in response.content.decode()
