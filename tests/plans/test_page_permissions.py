"""Every page that writes plans, tasks and targets × every persona → its status (data).

The GET rows of the plan and target pages are in tests/reporting/test_page_permissions.py;
here are the pages of the supervision office's hand: new plans, tasks, targets and parts,
the rules and target forms sent, and the import's review. `draft` is a plan imported from
a document (unconfirmed, visible to the office and the leaders only).

200 shown (or a form shown again with what is wrong), 302 done, 400 a refused upload form,
403 visible but not this person's to change, 404 missing or not visible (alike).
"""

from datetime import date

from django.db import transaction

from luoshi.plans.importing import start_import
from tests.personas import PERSONAS

ANON = None
S, L, CA, CR, HA, HR, TR, OUT = PERSONAS[:-1]
DOCUMENT = "### 市商务局\n2025年，全年签约项目不少于50个。\n".encode()


def table(default, anonymous=302, **overrides):
    """Statuses for every persona: `default`, except the personas named in overrides."""
    names = {"S": S, "L": L, "CA": CA, "CR": CR, "HA": HA, "HR": HR, "TR": TR, "OUT": OUT}
    expected = {**dict.fromkeys(PERSONAS[:-1], default), ANON: anonymous}
    for short, status in overrides.items():
        expected[names[short]] = status
    return expected


# Only the supervision office writes plans; the rest are refused (403) whatever they see.
OFFICE = table(403, S=200)
OFFICE_DONE = table(403, S=302)
# Pages under a plan ask "office?" before looking the plan up: a 403 tells nobody whether
# the plan exists.
PLAN_OFFICE = OFFICE
PLAN_OFFICE_DONE = OFFICE_DONE
# 市商务局's target: only its own unit's people, the office and the leaders see it.
SIGNED_OFFICE = table(404, S=200, L=403, CA=403, CR=403)
SIGNED_OFFICE_DONE = table(404, S=302, L=403, CA=403, CR=403)
# The import's review is the office's alone; to anyone else it does not exist (404). Its
# actions refuse everyone but the office (403) before looking the plan up; a body that
# lacks the item's other fields gets the office the review back with the refusal (400).
DRAFT_OFFICE = table(404, S=200)
DRAFT_OFFICE_REFUSED = table(403, S=400)
DRAFT_OFFICE_DONE = table(403, S=302)

YEAR = {"start": "2025-01-01", "end": "2025-12-31"}
NEW_TARGET = {
    "unit": "{commerce}",
    "name": "新增限上商贸企业",
    "kind": "cumulative",
    "comparator": ">=",
    "value": "29",
    "unit_label": "户",
    "cadence": "month",
    "due_day": "5",
    **YEAR,
}
RULES = {
    "lagging_below": "0.95",
    "behind_below": "0.8",
    "growth_tolerance_pp": "1",
    "level_tolerance": "0.05",
    "milestone_grace_days": "15",
    "four_eyes": "on",
    "reason": "年中调整",
}
TARGET_EDIT = {
    "name": "签约项目",
    "comparator": ">=",
    "value": "40",
    "unit_label": "个",
    "cadence": "month",
    "due_day": "5",
    "reason": "省里下调",
    **YEAR,
}

# (name, method, path, data, expected statuses by persona)
TABLE = [
    ("new plan form", "get", "/plans/new/", None, OFFICE),
    ("new plan", "post", "/plans/new/", {"title": "2026年重点工作计划", **YEAR}, OFFICE_DONE),
    ("new task form", "get", "/plans/{plan}/tasks/new/", None, PLAN_OFFICE),
    (
        "new task",
        "post",
        "/plans/{plan}/tasks/new/",
        {"title": "扩大有效投资", "lead_unit": "{commerce}"},
        PLAN_OFFICE_DONE,
    ),
    ("new target form", "get", "/plans/{plan}/targets/new/", None, PLAN_OFFICE),
    ("new target", "post", "/plans/{plan}/targets/new/", NEW_TARGET, PLAN_OFFICE_DONE),
    ("ask for a part form", "get", "/targets/{signed}/parts/new/", None, SIGNED_OFFICE),
    (
        "ask for a part",
        "post",
        "/targets/{signed}/parts/new/",
        {"unit": "{housing}", "value": "10"},
        SIGNED_OFFICE_DONE,
    ),
    # The rules page looks the plan up first: the outsider does not see it.
    ("change the rules", "post", "/plans/{plan}/rules/", RULES, table(403, S=302, OUT=404)),
    ("re-baseline a target", "post", "/targets/{signed}/edit/", TARGET_EDIT, SIGNED_OFFICE_DONE),
    ("import form", "get", "/plans/import/", None, OFFICE),
    # Sent without a file: the office gets the form back with the refusal.
    ("import without a file", "post", "/plans/import/", {"title": "x", **YEAR}, table(403, S=400)),
    ("import review", "get", "/plans/{draft}/review/", None, DRAFT_OFFICE),
    (
        "reject an imported item",
        "post",
        "/plans/{draft}/import/items/{item}/",
        {"decision": "rejected"},
        DRAFT_OFFICE_REFUSED,
    ),
    (
        "add an item",
        "post",
        "/plans/{draft}/import/items/add/",
        {"target_kind": "cumulative", "metric": "落地项目", "value": "20", "unit_label": "个"},
        DRAFT_OFFICE_REFUSED,
    ),
    (
        "map an owner",
        "post",
        "/plans/{draft}/import/owners/",
        {"owner_text": "市商务局", "unit": "{commerce}"},
        DRAFT_OFFICE_DONE,
    ),
    ("confirm the import", "post", "/plans/{draft}/import/confirm/", {}, DRAFT_OFFICE_DONE),
    (
        "read a selection",
        "get",
        "/plans/{draft}/import/parse/?text=签约项目不少于50个",
        None,
        DRAFT_OFFICE,
    ),
    # The whole table sent without its management form: the office is told nothing was saved.
    ("save the review table", "post", "/plans/{draft}/import/items/", {}, DRAFT_OFFICE_REFUSED),
    (
        "reporting defaults",
        "post",
        "/plans/{draft}/import/defaults/",
        {"default_cadence": "month", "default_due_day": "5"},
        DRAFT_OFFICE_DONE,
    ),
    (
        "create the unit an owner names",
        "post",
        "/plans/{draft}/import/owners/unit/",
        {"owner_text": "市商务委", "parent": "{city}"},
        DRAFT_OFFICE_DONE,
    ),
]


def test_every_plan_writing_page_answers_every_persona_as_the_table_says(plan_city):
    c = plan_city
    draft = start_import(
        c.supervisor,
        title="草稿计划",
        start=date(2025, 1, 1),
        end=date(2025, 12, 31),
        filename="plan.txt",
        content=DOCUMENT,
    )
    ids = {
        "plan": c.plan.pk,
        "signed": c.signed.pk,
        "commerce": c.commerce.pk,
        "housing": c.housing.pk,
        "city": c.city.pk,
        "draft": draft.pk,
        "item": draft.import_items.first().pk,
    }
    wrong = []
    for name, method, template, data, expected in TABLE:
        assert set(expected) == set(PERSONAS), f"{name}: the table must name every persona"
        for persona in PERSONAS:
            client = c.client(persona)
            # Each write is tried on the same starting data: roll it back afterwards.
            with transaction.atomic():
                if method == "post":
                    body = {key: value.format(**ids) for key, value in data.items()}
                    response = client.post(template.format(**ids), body)
                else:
                    response = client.get(template.format(**ids))
                transaction.set_rollback(True)
            if response.status_code != expected[persona]:
                wrong.append(f"{name} as {persona}: {response.status_code} != {expected[persona]}")
    assert not wrong, "\n".join(wrong)
