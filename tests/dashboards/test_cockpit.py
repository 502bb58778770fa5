"""The cockpit (驾驶舱): its figures against independent counts, its drill-down, its export,
and its query budget at ten times the size."""

from collections import Counter
from datetime import date
from io import BytesIO

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from luoshi.api.auth import issue_token
from luoshi.dashboards.queries import evaluated_rows
from luoshi.demo.synthetic import generate
from luoshi.ledgers.choices import HAZARD_OPEN_STATUSES
from luoshi.ledgers.models import Hazard, HazardEvent, Project
from luoshi.ledgers.views_projects import funnel_counts
from luoshi.orgs.models import Unit, User
from luoshi.plans.models import Plan, Target

TODAY = date(2025, 10, 15)


@pytest.fixture
def city(db, settings):
    settings.LUOSHI_TODAY = TODAY
    generate(scale=1, fraction=0.02, seed=31, months=10)
    client = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
    client.force_login(User.objects.get(username="syn31-leader"))
    return client


def fresh(at: date, targets=None):
    targets = targets if targets is not None else Target.objects.filter(is_active=True)
    return evaluated_rows(targets.select_related("plan", "unit"), at)


@pytest.mark.parametrize("at", [TODAY, date(2025, 6, 30)])
def test_counts_equal_the_status_api_for_the_same_plan_and_date(city, at):
    plan = Plan.objects.get()
    page = city.get(f"/cockpit/?plan={plan.pk}&at={at.isoformat()}")
    assert page.status_code == 200 and page.context["stored"]
    shown = {item.state: item.count for item in page.context["states"]}

    _row, token = issue_token(User.objects.get(username="syn31-leader"))
    evaluations, cursor = [], ""
    while cursor is not None:  # the API answers a page at a time
        api = Client().get(
            f"/api/v1/status?plan={plan.pk}&at={at.isoformat()}&limit=40"
            + (f"&cursor={cursor}" if cursor else ""),
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )
        assert api.status_code == 200
        evaluations += api.json()["evaluations"]
        cursor = api.json().get("next")
    assert shown == {state: n for state, n in Counter(e["state"] for e in evaluations).items()} | {
        state: 0 for state in shown if state not in {e["state"] for e in evaluations}
    }
    counts = page.context["counts"]
    # The API's `missing` is the engine's: 缺报 and 待审核 together.
    assert counts.missing + counts.awaiting == sum(e["missing"] for e in evaluations)
    assert sum(shown.values()) == len(evaluations) > 50


def test_each_count_shows_its_change_since_the_previous_month_end(city):
    page = city.get("/cockpit/?at=2025-06-30")
    now = Counter(row.state for row in fresh(date(2025, 6, 30)))
    before = Counter(row.state for row in fresh(date(2025, 5, 31)))
    changes = {item.state: item.change for item in page.context["states"]}
    assert changes == {state: now[state] - before[state] for state in changes}
    assert any(changes.values())


def test_the_scorecard_rolls_each_unit_up_with_its_subtree(city):
    assert city.get("/cockpit/").context["scope"] == Unit.objects.get(parent=None)
    town_city = Unit.objects.get(parent__isnull=False, parent__parent=None)
    page = city.get(f"/cockpit/?unit={town_city.pk}")
    scores = page.context["scores"]
    scope = page.context["scope"]
    assert scope == town_city
    rows = [row for row in fresh(TODAY) if row.target.unit.path.startswith(scope.path)]
    compared = [score for score in scores if not score.own]
    assert {score.unit.pk for score in compared} == set(
        Unit.objects.filter(parent=scope).values_list("pk", flat=True)
    )
    districts = 0
    for score in compared:
        mine = [row for row in rows if row.target.unit.path.startswith(score.unit.path)]
        assert score.total == len(mine)
        assert {k: v for k, v in score.by_state.items() if v} == dict(
            Counter(row.state for row in mine)
        )
        assert score.missing == sum(row.missing for row in mine)
        own = [row for row in mine if row.target.unit_id == score.unit.pk]
        districts += len(own) < len(mine)  # a district counts its towns' targets too
    assert districts > 0
    ranked = sorted((s for s in compared if s.rank), key=lambda s: s.rank)
    shares = [s.share for s in ranked]
    assert shares == sorted(shares, reverse=True)


def test_a_unit_opens_its_own_cockpit_with_its_children(city):
    district = Unit.objects.filter(
        children__isnull=False, parent__parent__isnull=False, parent__parent__parent=None
    ).first()
    page = city.get(f"/cockpit/?unit={district.pk}")
    assert page.status_code == 200
    assert page.context["scope"] == district
    children = set(district.children.values_list("pk", flat=True))
    assert {s.unit.pk for s in page.context["scores"] if not s.own} == children
    inside = Target.objects.filter(unit__path__startswith=district.path, is_active=True)
    assert sum(item.count for item in page.context["states"]) == inside.count()
    parent = city.get(f"/cockpit/?unit={district.parent_id}").content.decode()
    assert f'href="/cockpit/?at={TODAY.isoformat()}&amp;unit={district.pk}"' in parent


def test_the_scorecard_sorts_by_its_columns(city):
    by_red = city.get("/cockpit/?sort=red").context["scores"]
    reds = [s.red for s in by_red if not s.own]
    assert reds == sorted(reds, reverse=True)
    by_name = city.get("/cockpit/?sort=-name").context["scores"]
    names = [s.unit.path for s in by_name if not s.own]
    assert names == sorted(names, reverse=True)


def test_the_red_list_holds_exactly_the_red_targets_worst_first(city):
    page = city.get("/cockpit/")
    rows = fresh(TODAY)
    red = {
        row.target.pk
        for row in rows
        if row.state in {"behind", "overdue"} or row.evaluation.will_miss
    }
    assert page.context["red_total"] == len(red) > 0
    listed = page.context["red"]
    assert {row.target.pk for row in listed} <= red
    assert len(listed) == min(len(red), 30)
    ranks = [{"overdue": 0, "behind": 1}.get(row.state, 2) for row in listed]
    assert ranks == sorted(ranks)


def test_the_trend_gives_each_month_end_its_share_on_track_or_done(city):
    page = city.get("/cockpit/")
    trend = {point["x"]: point for point in _trend(page)}
    for day in (date(2025, 3, 31), date(2025, 9, 30)):
        rows = [row for row in fresh(day) if row.target.start <= day]
        good = sum(row.state in {"on_track", "done"} for row in rows)
        red = sum(row.state in {"behind", "overdue"} for row in rows)
        assert trend[day.isoformat()]["share"] == round(100 * good / len(rows), 1)
        assert trend[day.isoformat()]["red"] == red
    # Month ends after the date have no point yet.
    assert trend["2025-11-30"]["share"] is None


def _trend(page):
    data = page.context["chart"]["trend"]
    return [
        {"x": day, "share": share, "red": red}
        for day, share, red in zip(data["days"], data["share"], data["red"], strict=True)
    ]


def _status_on(hazard_events, hazard, day):
    """The status of `hazard` on `day`, from its events one by one (the slow, plain way)."""
    status = "open"
    for event in hazard_events.get(hazard.pk, []):
        if event.date <= day:
            status = event.status
    return status


def test_the_burn_down_counts_open_major_hazards_at_each_month_end(city):
    page = city.get("/cockpit/")
    events = {}
    for event in HazardEvent.objects.order_by("date", "pk"):
        events.setdefault(event.hazard_id, []).append(event)
    burn = page.context["burn"]
    assert [point.at for point in burn][-2:] == [date(2025, 9, 30), TODAY]
    major = list(Hazard.objects.filter(level="major"))
    assert major
    for point in burn:
        open_ = [
            h
            for h in major
            if h.found_on <= point.at and _status_on(events, h, point.at) in HAZARD_OPEN_STATUSES
        ]
        assert point.open == len(open_)
        assert point.overdue == sum(h.deadline < point.at for h in open_)
    assert any(point.open for point in burn)


def test_the_funnel_counts_the_projects_of_the_period(city):
    page = city.get("/cockpit/")
    want = funnel_counts(Project.objects.all(), date(2025, 1, 1), TODAY)
    assert [(s.stage, s.count) for s in page.context["funnel"]] == want
    assert want[0][1] > 0


def test_a_day_that_is_not_stored_says_so_and_offers_the_month_end(city):
    page = city.get("/cockpit/?at=2025-08-12")
    assert page.status_code == 200 and not page.context["stored"]
    body = page.content.decode()
    assert 'data-not-stored="1"' in body and "?at=2025-07-31" in body
    assert page.context["scores"] == [] and page.context["red"] == []


@pytest.mark.parametrize(
    "query, status",
    [
        ("plan=abc", 400),
        ("unit=-1", 400),
        ("sort=drop table", 400),
        ("at=2025-02-30", 400),
        ("plan=999999", 404),
        ("unit=999999", 404),
    ],
)
def test_bad_choices_get_a_clear_answer(city, query, status):
    response = city.get(f"/cockpit/?{query}")
    assert response.status_code == status
    assert city.get(f"/cockpit/export.xlsx?{query}").status_code == status


def test_the_export_holds_the_scorecard_and_the_whole_red_list(city):
    first_red = city.get("/cockpit/").context["red"][0].target
    hostile = '=HYPERLINK("http://x","y")'
    Target.objects.filter(pk=first_red.pk).update(name=hostile)
    page = city.get("/cockpit/")
    response = city.get("/cockpit/export.xlsx")
    assert response.status_code == 200
    book = load_workbook(BytesIO(response.content))
    scorecard, red = book.worksheets
    units = [row[1] for row in scorecard.iter_rows(min_row=2, values_only=True)]
    assert units == [s.unit.name + (" (本级)" if s.own else "") for s in page.context["scores"]]
    names = [row[0] for row in red.iter_rows(min_row=2, values_only=True)]
    assert len(names) == page.context["red_total"]
    cell = next(r[0] for r in red.iter_rows(min_row=2) if r[0].value == hostile)
    assert cell.data_type == "s"  # text, not a formula Excel would run


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/cockpit/", "/cockpit/?sort=red", "/cockpit/?at=2025-06-30"])
def test_the_cockpit_costs_the_same_queries_at_ten_times_the_size(db, settings, url):
    settings.LUOSHI_TODAY = TODAY
    generate(scale=1, fraction=0.04, seed=41, months=10)
    client = Client()
    client.force_login(User.objects.get(username="syn41-leader"))
    small = queries_of(client, url)
    generate(scale=10, fraction=0.04, seed=42, months=10)
    large = queries_of(client, url)
    assert small == large
