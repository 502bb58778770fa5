"""Every main page and every API list costs the same number of SQL queries at 1× and at 10× of
a small generated city (issue 14: "a number of queries that does not grow with the data").

One province of one small city, measured; then a province of ten such cities added beside it,
and every page measured again, as the same people, with the object pages pointing at the
larger province. Each address is read once before it is counted (a token's first use, a day's
first look are recorded once) and must answer 200.
"""

from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from luoshi.api.auth import issue_token
from luoshi.demo.synthetic import generate
from luoshi.orgs.models import Membership, Unit, User
from luoshi.plans.models import Plan, Target

TODAY = date(2025, 10, 15)
SMALL, LARGE = 81, 82

PAGES = {
    "supervisor": [
        "/",
        "/overview/",
        "/overview/?page=2",
        "/overview/?state=behind",
        "/overview/?sort=-ratio",
        "/overview/?unit={province}",
        "/overview/?at=2025-08-20",  # a day not stored: the page's rows judged on demand
        "/units/",
        "/units/{province}/",
        "/plans/",
        "/plans/{plan}/",
        "/targets/{target}/",
        "/cockpit/",
        "/approvals/",
        "/approvals/?page=2",
        "/ledgers/projects/",
        "/ledgers/projects/?page=2",
        "/ledgers/hazards/",
        "/ledgers/hazards/?overdue=on",
        "/ledgers/projects/funnel/",
        "/people/",
        "/notices/",
    ],
    "reporter": ["/", "/workbench/", "/overview/"],
    "approver": ["/", "/approvals/", "/overview/"],
}
API = [
    "/units",
    "/plans",
    "/tasks",
    "/targets",
    "/targets?unit={province}&subtree=true&year=2025",
    "/reports",
    "/reports?status=submitted",
    "/projects",
    "/hazards",
    "/status",
    "/status?state=behind",
    "/status?at=2025-08-20",
]


def people(seed: int) -> dict[str, User]:
    """The province's supervisor, and a reporter and an approver of its busiest department."""
    target = (
        Target.objects.filter(unit__code__startswith=f"syn{seed}-", unit__kind="department")
        .order_by("unit__path", "pk")
        .first()
    )
    roles = Membership.objects.filter(unit=target.unit).select_related("user")
    by_role = {m.role: m.user for m in roles}
    return {
        "supervisor": User.objects.get(username=f"syn{seed}-supervisor"),
        "reporter": by_role["reporter"],
        "approver": by_role["approver"],
    }


def ids(seed: int) -> dict[str, int]:
    province = Unit.objects.get(code=f"syn{seed}")
    plan = Plan.objects.filter(targets__unit__path__startswith=province.path).first()
    # A target like the other province's: a manually reported cumulative one.
    target = (
        Target.objects.filter(plan=plan, kind="cumulative", measure__isnull=True)
        .order_by("pk")
        .first()
    )
    return {"province": province.pk, "plan": plan.pk, "target": target.pk}


def queries_of(get, url: str) -> int:
    assert get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        answer = get(url)
    assert answer.status_code == 200, url
    return len(queries)


def measure(seed: int, who: dict[str, User]) -> dict[str, int]:
    where = ids(seed)
    counts = {}
    for role, urls in PAGES.items():
        client = Client()
        client.force_login(who[role])
        for url in urls:
            counts[f"{role} {url}"] = queries_of(client.get, url.format(**where))
    token = issue_token(who["supervisor"], "scale")[1]
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    for url in API:
        path = "/api/v1" + url.format(**where)
        counts[f"api {url}"] = queries_of(api.get, path)
        following = api.get(path + ("&" if "?" in path else "?") + "limit=2").json()["next"]
        if following is None:
            continue  # one plan a province: no second page to read
        second = path + ("&" if "?" in path else "?") + f"limit=2&cursor={following}"
        counts[f"api {url} page 2"] = queries_of(api.get, second)
    return counts


@pytest.mark.django_db(transaction=False)
def test_every_page_and_api_list_costs_the_same_queries_at_ten_times_the_size(settings):
    settings.LUOSHI_TODAY = TODAY
    generate(scale=1, fraction=0.02, seed=SMALL, months=10)
    who = people(SMALL)
    small = measure(SMALL, who)
    generate(scale=10, fraction=0.02, seed=LARGE, months=10)
    # The same people, over a city ten times larger: the supervisor sees both provinces; the
    # reporter and approver are those of the larger one's first department.
    large = measure(LARGE, {**people(LARGE), "supervisor": who["supervisor"]})
    assert set(small) <= set(large)
    grew = {url: (small[url], large[url]) for url in small if small[url] != large[url]}
    assert not grew, f"queries (1×, 10×) of the pages that grew: {grew}"
