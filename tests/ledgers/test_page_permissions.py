"""Every ledger page × every persona → the status it must answer (data, not code).

The rows (tests/ledgers/rows.py): `project` of 市商务局; `hazard` (open) and `major`
(with a photo) of 住建安全科, a sub-unit of 市住建局; `housing_hazard` of 市住建局,
rectified and awaiting verification. 200 shown, 302 done (or to the sign-in page for
the anonymous), 403 visible but not this person's to change, 404 missing or not
visible (alike). 200 on a POST is a form shown again with the refusal.
"""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from tests.ledgers.rows import JPEG
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


NEW_PROJECT = {
    "name": "智能制造产业园",
    "investor": "某科技公司",
    "planned_amount": "30000",
    "paid_in_amount": "0",
    "unit": "{commerce}",
    "stage": "signed",
    "stage_date": "2025-07-01",
}
NEW_HAZARD = {
    "description": "灭火器过期",
    "domain": "fire",
    "place": "城南农贸市场",
    "place_kind": "market",
    "level": "ordinary",
    "found_on": "2025-07-10",
    "found_by": "巡查员",
    "unit": "{housing_team}",
    "deadline": "2025-08-10",
}
EDIT_HAZARD = {**NEW_HAZARD, "reason": "地点更正"}
EDIT_PROJECT = {**NEW_PROJECT, "reason": "金额更正"}


def photo():
    return {"moment": "after", "photo": SimpleUploadedFile("after.jpg", JPEG, "image/jpeg")}


# Keepers of 市商务局's rows see and change them; the leader sees them, changes nothing.
COMMERCE_SEE = table(404, S=200, L=200, CA=200, CR=200)
COMMERCE_KEEP = table(404, S=200, L=403, CA=200, CR=200)
COMMERCE_DONE = table(404, S=302, L=403, CA=302, CR=302)
# 住建安全科's rows: its reporter, 市住建局's approver (the subtree); not 市住建局's reporter.
TEAM_SEE = table(404, S=200, L=200, HA=200, TR=200)
TEAM_KEEP = table(404, S=200, L=403, HA=200, TR=200)
TEAM_DONE = table(404, S=302, L=403, HA=302, TR=302)
# Everyone with a unit enters rows; the leader and the outsider do not.
ENTER = table(200, L=403, OUT=403)

# (name, method, path, data, expected statuses by persona)
TABLE = [
    ("project list", "get", "/ledgers/projects/?dropped=all", None, table(200)),
    ("funnel", "get", "/ledgers/projects/funnel/?start=2025-01-01", None, table(200)),
    ("project form", "get", "/ledgers/projects/new/", None, ENTER),
    ("project", "get", "/ledgers/projects/{project}/", None, COMMERCE_SEE),
    ("project edit form", "get", "/ledgers/projects/{project}/edit/", None, COMMERCE_KEEP),
    ("project move form", "get", "/ledgers/projects/{project}/move/", None, COMMERCE_KEEP),
    ("project drop form", "get", "/ledgers/projects/{project}/drop/", None, COMMERCE_KEEP),
    (
        "new commerce project",
        "post",
        "/ledgers/projects/new/",
        NEW_PROJECT,
        # Others' units are not among the choices: the form comes back with the refusal.
        table(200, S=302, L=403, CA=302, CR=302, OUT=403),
    ),
    ("edit project", "post", "/ledgers/projects/{project}/edit/", EDIT_PROJECT, COMMERCE_DONE),
    (
        "move project",
        "post",
        "/ledgers/projects/{project}/move/",
        {"stage": "started", "date": "2025-07-01"},
        COMMERCE_DONE,
    ),
    (
        "drop project",
        "post",
        "/ledgers/projects/{project}/drop/",
        {"date": "2025-07-01", "reason": "投资方撤资"},
        COMMERCE_DONE,
    ),
    (
        "reinstate project",
        "post",
        "/ledgers/projects/{project}/reinstate/",
        {"reason": "投资方重新洽谈"},
        COMMERCE_DONE,
    ),
    ("hazard list", "get", "/ledgers/hazards/?overdue=on", None, table(200)),
    ("hazard form", "get", "/ledgers/hazards/new/", None, ENTER),
    ("team hazard", "get", "/ledgers/hazards/{hazard}/", None, TEAM_SEE),
    ("major hazard", "get", "/ledgers/hazards/{major}/", None, TEAM_SEE),
    (
        "housing hazard",
        "get",
        "/ledgers/hazards/{housing_hazard}/",
        None,
        table(404, S=200, L=200, HA=200, HR=200),
    ),
    ("photo file", "get", "/ledgers/hazards/photos/{photo}/", None, TEAM_SEE),
    ("hazard edit form", "get", "/ledgers/hazards/{hazard}/edit/", None, TEAM_KEEP),
    ("hazard move form", "get", "/ledgers/hazards/{hazard}/move/", None, TEAM_KEEP),
    (
        # Rectified: only a verifier has a move to make (close or reopen).
        "verify form",
        "get",
        "/ledgers/hazards/{housing_hazard}/move/",
        None,
        table(404, S=200, L=403, HA=403, HR=403),
    ),
    ("hazard photo form", "get", "/ledgers/hazards/{hazard}/photos/", None, TEAM_KEEP),
    (
        "new team hazard",
        "post",
        "/ledgers/hazards/new/",
        NEW_HAZARD,
        table(200, S=302, L=403, HA=302, TR=302, OUT=403),
    ),
    ("edit hazard", "post", "/ledgers/hazards/{hazard}/edit/", EDIT_HAZARD, TEAM_DONE),
    (
        "rectifying",
        "post",
        "/ledgers/hazards/{hazard}/move/",
        {"status": "rectifying", "date": "2025-07-12"},
        TEAM_DONE,
    ),
    (
        "close",
        "post",
        "/ledgers/hazards/{housing_hazard}/move/",
        {"status": "closed", "date": "2025-07-14"},
        table(404, S=302, L=403, HA=403, HR=403),
    ),
    ("add photo", "post", "/ledgers/hazards/{hazard}/photos/", photo, TEAM_DONE),
]


def _data(data, ids):
    if callable(data):
        return data()
    return {key: value.format(**ids) for key, value in data.items()}


def test_every_ledger_page_answers_every_persona_as_the_table_says(ledger_city):
    c = ledger_city
    ids = {
        "commerce": c.commerce.pk,
        "housing_team": c.housing_team.pk,
        "project": c.project.pk,
        "hazard": c.hazard.pk,
        "major": c.major.pk,
        "housing_hazard": c.housing_hazard.pk,
        "photo": c.photo.pk,
    }
    wrong = []
    for name, method, template, data, expected in TABLE:
        assert set(expected) == set(PERSONAS), f"{name}: the table must name every persona"
        for persona in PERSONAS:
            client = c.client(persona)
            # Each write is tried on the same starting data: roll it back afterwards.
            with transaction.atomic():
                if method == "post":
                    response = client.post(template.format(**ids), _data(data, ids))
                else:
                    response = client.get(template.format(**ids))
                transaction.set_rollback(True)
            if response.status_code != expected[persona]:
                wrong.append(f"{name} as {persona}: {response.status_code} != {expected[persona]}")
    assert not wrong, "\n".join(wrong)


def test_the_table_covers_every_ledger_route():
    from django.urls import resolve

    from luoshi.ledgers import urls

    placeholders = dict.fromkeys(
        ["commerce", "housing_team", "project", "hazard", "major", "housing_hazard", "photo"], 1
    )
    covered = {
        resolve(template.split("?")[0].format(**placeholders)).url_name
        for _name, _method, template, _data, _expected in TABLE
    }
    assert covered == {pattern.name for pattern in urls.urlpatterns}
