"""Every route × every persona → the status it must answer. The table is data.

Statuses: 200 shown, 302 redirected (to sign-in for anonymous, or after a
successful POST), 403 refused, 404 hidden (missing and forbidden look alike).
"""

import pytest

from tests.personas import PERSONAS

ANON = None
S, L, CA, CR, HA, HR, TR, OUT = (
    "supervisor",
    "leader",
    "commerce-approver",
    "commerce-reporter",
    "housing-approver",
    "housing-reporter",
    "team-reporter",
    "outsider",
)


def everyone(status, anonymous=302):
    return {**dict.fromkeys(PERSONAS[:-1], status), ANON: anonymous}


def managers_only(status):
    """Supervisors get `status`; everyone else signed in 404; anonymous the sign-in page."""
    return {**dict.fromkeys(PERSONAS[:-1], 404), S: status, ANON: 302}


# (name, method, path template, expected statuses by persona)
TABLE = [
    ("home", "get", "/", everyone(200)),
    ("unit list", "get", "/units/", everyone(200)),
    ("password change", "get", "/accounts/password/", everyone(200)),
    (
        "commerce unit page",
        "get",
        "/units/{commerce}/",
        {S: 200, L: 200, CA: 200, CR: 200, HA: 404, HR: 404, TR: 404, OUT: 404, ANON: 302},
    ),
    (
        "housing sub-unit page",
        "get",
        "/units/{housing_team}/",
        {S: 200, L: 200, CA: 404, CR: 404, HA: 200, HR: 404, TR: 200, OUT: 404, ANON: 302},
    ),
    # Units, people and roles are the supervision office's: 404 for everyone else.
    ("commerce unit edit form", "get", "/units/{commerce}/edit/", managers_only(200)),
    ("deactivate commerce unit", "post", "/units/{commerce}/active/", managers_only(302)),
    ("new unit form", "get", "/units/new/", managers_only(200)),
    ("new unit form under commerce", "get", "/units/new/?parent={commerce}", managers_only(200)),
    ("people list", "get", "/people/", managers_only(200)),
    ("new person form", "get", "/people/new/", managers_only(200)),
    ("a reporter's account page", "get", "/people/{reporter}/", managers_only(200)),
    ("a missing account page", "get", "/people/999999/", managers_only(404)),
    ("reactivate a reporter", "post", "/people/{reporter}/active/", managers_only(302)),
    ("reset a reporter's password", "post", "/people/{reporter}/password/", managers_only(302)),
    # The table posts no unit or role: a supervisor's form is refused (400), others see nothing.
    ("give a reporter a role", "post", "/people/{reporter}/roles/", managers_only(400)),
    # The same for the forms below: sent without their fields, refused for the supervisor.
    ("new unit sent empty", "post", "/units/new/", managers_only(400)),
    ("commerce unit edit sent empty", "post", "/units/{commerce}/edit/", managers_only(400)),
    ("new person sent empty", "post", "/people/new/", managers_only(400)),
    (
        "admin site",
        "get",
        "/admin/",
        {**dict.fromkeys(PERSONAS, 302)},
    ),
    # Last: it ends the team reporter's role, which the rows above rely on.
    ("end the team reporter's role", "post", "/roles/{team_role}/end/", managers_only(302)),
]


def test_every_route_answers_every_persona_as_the_table_says(city):
    ids = {
        "commerce": city.commerce.pk,
        "housing_team": city.housing_team.pk,
        "reporter": city.commerce_reporter.pk,
        "team_role": city.team_reporter.memberships.get().pk,
    }
    wrong = []
    for name, method, template, expected in TABLE:
        assert set(expected) == set(PERSONAS), f"{name}: the table must name every persona"
        for persona in PERSONAS:
            client = city.client(persona)
            response = getattr(client, method)(
                template.format(**ids), {"active": "1"} if method == "post" else None
            )
            if response.status_code != expected[persona]:
                wrong.append(f"{name} as {persona}: {response.status_code} != {expected[persona]}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("persona", [CR, OUT])
def test_reporters_and_outsiders_see_only_their_own_units_in_the_list(city, persona):
    response = city.client(persona).get("/units/")
    names = [unit.name for unit in response.context["units"]]
    assert names == (["市商务局"] if persona == CR else [])


def test_approver_sees_unit_and_subtree_in_the_list(city):
    response = city.client(HA).get("/units/")
    assert [unit.name for unit in response.context["units"]] == ["市住建局", "住建安全科"]


def test_supervisor_and_leader_see_the_whole_city(city):
    for persona in (S, L):
        response = city.client(persona).get("/units/")
        assert len(response.context["units"]) == 5
