"""The bulletin pages × every persona → the status each must answer (data, not code).

The supervision office drafts, edits, issues and corrects; leaders read and download
issued bulletins but draft nothing (403 where a page is the office's work, 404 for a
draft, which they cannot see); nobody else learns that bulletins exist (404)."""

from django.db import transaction

from luoshi.bulletins import actions, building
from tests.personas import PERSONAS

from .conftest import AT

ANON = None
S, L, CA, CR, HA, HR, TR, OUT = PERSONAS[:-1]


def table(default, anonymous=302, **overrides):
    names = {"S": S, "L": L, "CA": CA, "CR": CR, "HA": HA, "HR": HR, "TR": TR, "OUT": OUT}
    expected = {**dict.fromkeys(PERSONAS[:-1], default), ANON: anonymous}
    for short, status in overrides.items():
        expected[names[short]] = status
    return expected


TABLE = [
    ("bulletin list", "get", "/bulletins/", table(404, S=200, L=200)),
    ("new draft form", "get", "/bulletins/new/", table(404, S=200, L=403)),
    ("write a draft", "post", "/bulletins/new/", table(404, S=302, L=403)),
    ("issued bulletin", "get", "/bulletins/{issued}/", table(404, S=200, L=200)),
    ("draft bulletin", "get", "/bulletins/{draft}/", table(404, S=200)),
    ("edit form", "get", "/bulletins/{draft}/edit/", table(404, S=200)),
    ("save an edit", "post", "/bulletins/{draft}/edit/", table(404, S=302)),
    ("issue a draft", "post", "/bulletins/{draft}/issue/", table(404, S=302)),
    (
        "correct an issued bulletin",
        "post",
        "/bulletins/{issued}/correct/",
        table(404, S=302, L=403),
    ),
    ("download an issued docx", "get", "/bulletins/{issued}/file.docx", table(404, S=200, L=200)),
    ("download a draft's docx", "get", "/bulletins/{draft}/file.docx", table(404, S=200)),
]


def test_every_bulletin_page_answers_every_persona_as_the_table_says(figures_city):
    city = figures_city
    issued = actions.draft_bulletin(city.plan, AT, city.supervisor)
    actions.issue_bulletin(issued, city.supervisor, expected_revision=1)
    actions.request_files(issued)  # what the commit of the issue does
    building.build_files(issued.pk)
    draft = actions.draft_bulletin(city.plan, AT, city.supervisor)
    actions.request_files(draft, ["docx"])
    building.build_files(draft.pk)
    data = {
        "plan": city.plan.pk,
        "at": "2025-06-30",
        "revision": draft.revision,
        "title": "标题",
        "office": "测试市人民政府督查室",
        "overview": "总体情况。",
        "ranking": "",
        "behind": "",
        "missing": "",
        "requirements": "要求。",
    }
    wrong = []
    for name, method, template, expected in TABLE:
        path = template.format(issued=issued.pk, draft=draft.pk)
        for persona in PERSONAS:
            client = city.client(persona)
            with transaction.atomic():
                call = client.post if method == "post" else client.get
                response = call(path, data)
                transaction.set_rollback(True)
            if response.status_code != expected[persona]:
                wrong.append(f"{name} as {persona}: {response.status_code} != {expected[persona]}")
    assert not wrong, "\n".join(wrong)
