"""The cockpit's pages × every persona → the status each must answer (data, not code).

Everyone signed in has a cockpit: the whole city for the supervisor and the leader, an
approver's subtree, a reporter's own unit, nothing at all for an outsider. A unit one
may not see answers 404, as if it did not exist.
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


TEAM_SEERS = table(404, S=200, L=200, HA=200, TR=200)
TABLE = [
    ("cockpit", "get", "/cockpit/", table(200)),
    ("cockpit of a plan", "get", "/cockpit/?plan={plan}", table(200, OUT=404)),
    ("cockpit of the housing team", "get", "/cockpit/?unit={team}", TEAM_SEERS),
    ("cockpit export", "get", "/cockpit/export.xlsx", table(200)),
    ("cockpit export of the housing team", "get", "/cockpit/export.xlsx?unit={team}", TEAM_SEERS),
]


def test_every_cockpit_page_answers_every_persona_as_the_table_says(plan_city):
    c = plan_city
    ids = {"plan": c.plan.pk, "team": c.housing_team.pk}
    wrong = []
    for name, _method, template, expected in TABLE:
        for persona in PERSONAS:
            with transaction.atomic():
                response = c.client(persona).get(template.format(**ids))
                transaction.set_rollback(True)
            if response.status_code != expected[persona]:
                wrong.append(f"{name} as {persona}: {response.status_code} != {expected[persona]}")
    assert not wrong, "\n".join(wrong)


def test_an_approver_sees_only_the_subtree_in_the_cockpit(plan_city):
    c = plan_city
    page = c.client("housing-approver").get("/cockpit/?at=2025-06-30")
    assert page.context["scope"] == c.housing
    assert [score.unit for score in page.context["scores"]] == [c.housing_team, c.housing]
    # The approver's own unit's targets (本级) are shown last, not ranked against its units.
    assert [score.rank for score in page.context["scores"]] == [1, None]
    assert sum(item.count for item in page.context["states"]) == 2  # sales and hazards
    assert "签约项目" not in page.content.decode()
