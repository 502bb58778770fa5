"""A unit's and a plan's page: the counts of their targets and the worst few (issue 14).

Whoever sees the whole city gets the counts from the tally (no aggregate over every stored
row of the subtree or plan); anyone else from the stored rows. Either way they equal a count
of the stored rows, and the rows are the first of the overview's worst first.
"""

from collections import Counter
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from luoshi.dashboards.read import Evaluated
from luoshi.demo.synthetic import generate
from luoshi.orgs.models import Membership, Unit, User
from luoshi.plans.models import Plan, Target

TODAY = date(2025, 10, 15)


@pytest.fixture
def city(db, settings):
    settings.LUOSHI_TODAY = TODAY
    generate(scale=2, fraction=0.04, seed=71, months=10)


def client_of(user: User) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
    client.force_login(user)
    return client


def stored_counts(targets) -> dict[str, int]:
    return dict(
        Counter(
            targets.filter(stored_evaluations__at=TODAY).values_list(
                "stored_evaluations__state", flat=True
            )
        )
    )


def worst_first(targets) -> list[int]:
    evaluated = Evaluated(targets, TODAY)
    return [t.pk for t in evaluated.ordered(evaluated.base, "state").only("pk")]


def shown(page) -> dict[str, int]:
    return {state.value: n for state, n, _colour in page.context["counts"] if n}


def check(client: Client, url: str, targets, tallied: bool) -> None:
    with CaptureQueriesContext(connection) as captured:
        page = client.get(url)
    assert page.status_code == 200
    sql = [q["sql"] for q in captured.captured_queries]
    assert any("dashboards_evaluationtally" in q for q in sql) == tallied, url
    assert shown(page) == stored_counts(targets), url
    assert page.context["summary"].total == targets.count()
    rows = [row.target.pk for row in page.context["rows"]]
    assert rows == worst_first(targets)[:20], url
    assert len(rows) == min(20, targets.count())


def test_a_supervisor_reads_a_city_and_a_plan_from_the_tally(city):
    supervisor = client_of(User.objects.get(username="syn71-supervisor"))
    for code in ("syn71", "syn71-c1"):
        unit = Unit.objects.get(code=code)
        targets = Target.objects.filter(unit__path__startswith=unit.path, is_active=True)
        check(supervisor, f"/units/{unit.pk}/", targets, tallied=True)
    for plan in Plan.objects.all():
        check(supervisor, f"/plans/{plan.pk}/", plan.targets.filter(is_active=True), True)


def test_an_approver_reads_the_stored_rows_of_what_they_see(city):
    membership = (
        Membership.objects.filter(role="approver", unit__code__startswith="syn71-c0-")
        .select_related("unit", "user")
        .order_by("unit__path")
        .first()
    )
    unit = membership.unit
    approver = client_of(membership.user)
    targets = Target.objects.restrict(membership.user, "view").filter(
        unit__path__startswith=unit.path, is_active=True
    )
    assert targets.exists()
    check(approver, f"/units/{unit.pk}/", targets, tallied=False)


def test_worst_first_on_a_page_of_one_state_and_of_several(city):
    """The page's ids in unit order when one state fills it, by rank when it straddles."""
    evaluated = Evaluated(Target.objects.filter(is_active=True), TODAY)
    whole = worst_first(Target.objects.filter(is_active=True))
    counts = evaluated.counts()
    assert counts is not None
    for limit in (1, 5, 20, 60, len(whole)):
        assert [t.pk for t in evaluated.page(None, "state", 0, limit)] == whole[:limit]
