"""The overview reads stored evaluations: counts, filters, sorts and pages in SQL."""

from collections import Counter
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from luoshi.dashboards.models import STATE_RANK
from luoshi.dashboards.queries import evaluated_rows
from luoshi.demo.synthetic import generate
from luoshi.orgs.models import Unit, User
from luoshi.plans.models import Plan, Target

TODAY = date(2025, 10, 15)


@pytest.fixture
def city(db, settings):
    settings.LUOSHI_TODAY = TODAY
    generate(scale=1, fraction=0.02, seed=31, months=10)
    client = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
    client.force_login(User.objects.get(username="syn31-supervisor"))
    return client


def fresh_counts(at: date) -> Counter:
    rows = evaluated_rows(Target.objects.filter(is_active=True).select_related("plan"), at)
    counts = Counter(row.state for row in rows)
    counts["missing"] = sum(row.missing for row in rows)
    counts["awaiting"] = sum(row.awaiting for row in rows)
    return counts


@pytest.mark.parametrize("at", [TODAY, date(2025, 6, 30)])
def test_counts_equal_a_fresh_evaluation(city, at):
    page = city.get(f"/overview/?at={at.isoformat()}")
    assert page.context["stored"]
    shown = {state.value: count for state, count, _colour in page.context["counts"]}
    shown["missing"], shown["awaiting"] = page.context["missing"], page.context["awaiting"]
    want = fresh_counts(at)
    assert shown == {name: want[name] for name in shown}
    assert page.context["total"] == Target.objects.count()


def test_a_state_filter_lists_exactly_the_targets_in_that_state(city):
    rows = evaluated_rows(Target.objects.select_related("plan"), TODAY)
    lagging = {row.target.pk for row in rows if row.state == "lagging"}
    page = city.get("/overview/?state=lagging")
    assert page.context["total"] == len(lagging)
    assert {row.target.pk for row in page.context["page"].object_list} <= lagging


def test_worst_first_puts_behind_before_lagging_before_on_track(city):
    page = city.get("/overview/?sort=state")
    ranks = [STATE_RANK[row.state] for row in page.context["page"].object_list]
    assert ranks == sorted(ranks) and len(set(ranks)) > 1


@pytest.mark.parametrize("sort", ["state", "-state", "unit", "ratio", "-ratio", "name", "kind"])
@pytest.mark.parametrize("state", [None, "lagging", "missing"])
def test_the_pages_of_every_sort_walk_the_whole_list_in_order(city, sort, state):
    """Each page reads its ids first (worst first: only the states the page holds, from the
    counts); walked page by page, with pages of 7 that straddle the states, the rows are
    exactly the whole list in the order the sort names."""
    from luoshi.dashboards.read import Evaluated

    evaluated = Evaluated(Target.objects.filter(is_active=True), TODAY)
    whole = [t.pk for t in evaluated.ordered(evaluated.filtered(state), sort).only("pk")]
    assert evaluated.count(state) == len(whole) > 7
    walked = []
    for offset in range(0, len(whole) + 7, 7):
        page = evaluated.page(state, sort, offset, 7)
        assert len(page) == min(7, max(0, len(whole) - offset))
        walked += [target.pk for target in page]
    assert walked == whole
    if sort == "state" and not state:
        ranks = [STATE_RANK[row.state] for row in evaluated.rows(evaluated.page(None, sort, 0, 50))]
        assert ranks == sorted(ranks) and len(set(ranks)) > 1


def test_whoever_sees_the_whole_city_gets_the_counts_from_the_tally(city):
    """Filtered by unit or plan only, the counts are the tally's sums (no aggregate over
    every target's stored row); with a kind filter they are counted from the stored rows.
    Both equal the counts of the stored rows."""
    plan = Plan.objects.get()
    for query, tallied in (("", True), (f"plan={plan.pk}", True), ("kind=zero", False)):
        with CaptureQueriesContext(connection) as captured:
            page = city.get(f"/overview/?{query}")
        sql = [q["sql"] for q in captured.captured_queries]
        assert any("dashboards_evaluationtally" in q for q in sql) == tallied, query
        targets = Target.objects.filter(is_active=True)
        if query.startswith("kind"):
            targets = targets.filter(kind="zero")
        stored = Counter(
            targets.filter(stored_evaluations__at=TODAY).values_list(
                "stored_evaluations__state", flat=True
            )
        )
        shown = {state.value: n for state, n, _colour in page.context["counts"]}
        assert shown == {name: stored[name] for name in shown}, query
        assert page.context["total"] == targets.count()


def test_plan_and_year_filters(city):
    plan = Plan.objects.get()
    assert city.get(f"/overview/?plan={plan.pk}").context["total"] == plan.targets.count()
    assert city.get("/overview/?year=2024").context["total"] == 0
    assert city.get("/overview/?year=2025").context["total"] == plan.targets.count()
    assert city.get(f"/overview/?plan={plan.pk + 999}").context["total"] == 0


def test_a_day_that_is_not_stored_is_judged_one_page_at_a_time(city):
    page = city.get("/overview/?at=2025-08-20&state=behind")
    assert not page.context["stored"] and page.context["counts"] is None
    # The state filter needs stored days: the page lists every target, judged on demand.
    assert page.context["total"] == Target.objects.count()
    rows = page.context["page"].object_list
    fresh = {
        r.target.pk: r.state for r in evaluated_rows([r.target for r in rows], date(2025, 8, 20))
    }
    assert {r.target.pk: r.state for r in rows} == fresh
    assert "2025-07-31" in page.content.decode()  # the nearest stored day is offered


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


URLS = ["/overview/", "/overview/?page=3", "/overview/?state=on_track", "/overview/?sort=state"]


def test_the_overview_costs_the_same_queries_at_ten_times_the_size(db, settings):
    settings.LUOSHI_TODAY = TODAY
    generate(scale=1, fraction=0.04, seed=41, months=10)
    client = Client()
    client.force_login(User.objects.get(username="syn41-supervisor"))
    small = {url: queries_of(client, url) for url in URLS}
    generate(scale=10, fraction=0.04, seed=42, months=10)
    assert {url: queries_of(client, url) for url in URLS} == small


def test_unit_and_plan_pages_cost_the_same_queries_whatever_their_size(db, settings):
    """A province of one small city against one of three larger cities: the same queries
    for the province's unit page and for a city's plan page (its worst targets only)."""
    settings.LUOSHI_TODAY = TODAY
    generate(scale=1, fraction=0.02, seed=61, months=10)
    generate(scale=3, fraction=0.08, seed=62, months=10)
    client = Client()
    client.force_login(User.objects.get(username="syn61-supervisor"))
    counts = {}
    for seed in (61, 62):
        province = Unit.objects.get(code=f"syn{seed}")
        plan = Plan.objects.filter(targets__unit__path__startswith=province.path).first()
        page = client.get(f"/units/{province.pk}/")
        assert len(page.context["rows"]) == 20
        counts[seed] = (
            queries_of(client, f"/units/{province.pk}/"),
            queries_of(client, f"/plans/{plan.pk}/"),
        )
    assert counts[61] == counts[62]
    big = Unit.objects.get(code="syn62")
    page = client.get(f"/units/{big.pk}/")
    assert (
        page.context["summary"].total
        == Target.objects.filter(unit__path__startswith=big.path).count()
    )
    assert f"unit={big.pk}" in page.content.decode()  # the rest is one click away


@pytest.mark.parametrize("param", ["task", "unit", "plan"])
def test_an_id_beyond_what_a_database_holds_filters_nothing_and_breaks_nothing(city, param):
    page = city.get(f"/overview/?{param}=99999999999999999999999")
    assert page.status_code == 200
