"""Every template compiles, and pages add their JavaScript in base.html's scripts block."""

import re
from pathlib import Path

import pytest
from django.template import engines

import luoshi

ROOT = Path(luoshi.__file__).parent
TEMPLATES = sorted(p for p in ROOT.rglob("*.html") if "templates" in p.relative_to(ROOT).parts)
SCRIPT = re.compile(r"<script\b")
SCRIPTS_BLOCK = re.compile(r"\{% block scripts %\}(.*?)\{% endblock %\}", re.S)


def _name(path: Path) -> str:
    parts = path.relative_to(ROOT).parts
    return "/".join(parts[parts.index("templates") + 1 :])


def test_there_are_templates_to_check():
    assert len(TEMPLATES) > 50


@pytest.mark.parametrize("path", TEMPLATES, ids=_name)
def test_template_compiles_with_the_tag_libraries_it_loads(path):
    """A `{% load %}` of a library that moved away fails here, not on some page later."""
    engines["django"].from_string(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", TEMPLATES, ids=_name)
def test_scripts_sit_in_the_scripts_block(path):
    text = path.read_text(encoding="utf-8")
    if path.relative_to(ROOT).as_posix() == "templates/base.html":
        return
    outside = SCRIPTS_BLOCK.sub("", text)
    assert not SCRIPT.search(outside), "put <script> in {% block scripts %}"


def test_a_page_script_comes_after_the_layout_s_own(rf):
    page = engines["django"].from_string(
        '{% extends "base.html" %}{% block content %}<p id="c">x</p>{% endblock %}'
        '{% block scripts %}<script src="/static/page.js" defer></script>{% endblock %}'
    )
    html = page.render(request=rf.get("/"))
    assert html.index("bootstrap.bundle.min.js") < html.index('id="c"')
    assert html.index('id="c"') < html.index("</footer>") < html.index("page.js")
    assert html.index("page.js") < html.index("</body>")


def test_the_state_badge_is_in_the_ui_library():
    html = engines["django"].from_string("{% load ui %}{% state_badge 'lagging' True %}").render()
    assert 'data-state="lagging"' in html
    assert 'data-missing="1"' in html
