"""The Excel uploads, sent by every persona → the status each must get (data, not code).

The GET side of these pages is in test_page_permissions.py. Here each upload is sent
without a file: who may upload gets the page back with the refusal (400); who may not
is refused before the form is read (403, or 404 for a unit they cannot see).
"""

from django.db import transaction

from tests.personas import PERSONAS

ANON = None
S, L, CA, CR, HA, HR, TR, OUT = PERSONAS[:-1]


def table(default, anonymous=302, **overrides):
    """Statuses for every persona: `default`, except the personas named in overrides."""
    names = {"S": S, "L": L, "CA": CA, "CR": CR, "HA": HA, "HR": HR, "TR": TR, "OUT": OUT}
    expected = {**dict.fromkeys(PERSONAS[:-1], default), ANON: anonymous}
    for short, status in overrides.items():
        expected[names[short]] = status
    return expected


# Everyone who keeps a ledger (the office, and the people of a unit) may import into one.
KEEPERS_REFUSED = table(400, L=403, OUT=403)

# (name, method, path, data, expected statuses by persona)
TABLE = [
    ("hazard import without a file", "post", "/excel/ledger/hazards/import/", {}, KEEPERS_REFUSED),
    (
        "project import without a file",
        "post",
        "/excel/ledger/projects/import/",
        {},
        KEEPERS_REFUSED,
    ),
    (
        "commerce workbook without a file",
        "post",
        "/excel/workbook/",
        {"unit": "{commerce}", "period": "2025-06"},
        table(404, S=403, L=403, CA=400, CR=400),
    ),
    # Every answer is a redirect (to the workbench when something was refused): who really
    # submitted is checked in the database, by the test below the table's.
    (
        "submit the upload's drafts",
        "post",
        "/excel/workbook/submit/",
        {"report": "{draft}"},
        table(302),
    ),
]
# Who submits 市商务局's draft: its own people; the office and the leaders see it, but a
# draft is not theirs to submit; the others do not see it.
SUBMITTERS = {CA, CR}


def _draft(c):
    from datetime import date

    from luoshi.reporting import actions

    return actions.create_report(c.signed, c.commerce_reporter, as_of=date(2025, 6, 30), value=7)


def test_every_excel_upload_answers_every_persona_as_the_table_says(plan_city):
    c = plan_city
    ids = {"commerce": c.commerce.pk, "draft": _draft(c).pk}
    wrong = []
    for name, method, template, data, expected in TABLE:
        assert set(expected) == set(PERSONAS), f"{name}: the table must name every persona"
        for persona in PERSONAS:
            client = c.client(persona)
            with transaction.atomic():
                body = {key: value.format(**ids) for key, value in data.items()}
                response = getattr(client, method)(template, body)
                transaction.set_rollback(True)
            if response.status_code != expected[persona]:
                wrong.append(f"{name} as {persona}: {response.status_code} != {expected[persona]}")
    assert not wrong, "\n".join(wrong)


def test_only_the_units_people_submit_the_drafts_of_an_upload(plan_city):
    from luoshi.reporting.models import Report

    draft = _draft(plan_city)
    submitted_by = set()
    for persona in PERSONAS:
        with transaction.atomic():
            plan_city.client(persona).post("/excel/workbook/submit/", {"report": str(draft.pk)})
            if Report.objects.get(pk=draft.pk).status == "submitted":
                submitted_by.add(persona)
            transaction.set_rollback(True)
    assert submitted_by == SUBMITTERS
