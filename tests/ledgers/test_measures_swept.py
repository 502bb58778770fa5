"""Ledger figures counted from one read of the ledger (measures.sweeping, issue 14) equal
those of the aggregate queries, for every filter key, aggregate, period and day."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from luoshi.ledgers import measures
from luoshi.ledgers.measures import many_figures, sweeping
from luoshi.ledgers.models import Hazard, Measure, StageEvent

from .test_measures import (
    FOUND_AND_CLOSED,
    FOUND_THIS_YEAR,
    OPEN_MAJOR,
    SIGNED_THIS_YEAR,
    STARTED_THIS_YEAR,
    Ledgers,
    d,
    make_target,
)

pytestmark = pytest.mark.django_db

PROJECT_MEASURES = [
    ("count", "", {}, {}),
    ("count", "", SIGNED_THIS_YEAR, {}),
    ("count", "", STARTED_THIS_YEAR, {}),
    ("count", "", {"stage_reached": "started", "reached_in_period": "signed"}, {}),
    ("count", "", {"stage_reached": "landed"}, {}),
    ("count", "", {"stage_reached": "signed", "from": "2025-03-01", "to": "2025-08-31"}, {}),
    ("count", "", {"stage_reached": "signed", "to": "2025-05-31"}, {}),
    ("count", "", {"stage_reached": "negotiating", "exclude_dropped": False}, {}),
    ("count", "", {"industry_chain": "新能源", "stage_reached": "signed"}, {}),
    ("count", "", {"origin": ""}, {}),
    ("count", "", {"origin": "上海"}, {}),
    ("count", "", {**SIGNED_THIS_YEAR, "unit": "t-swj"}, {}),
    ("count", "", {**SIGNED_THIS_YEAR, "unit": "subtree:t-zjj"}, {}),
    ("count", "", {"unit": "t-zjj"}, {}),
    ("count", "", {"unit": "subtree:t"}, {}),
    ("count", "", {"unit": "subtree:nowhere"}, {}),
    ("count", "", {"unit": "nowhere"}, {}),
    ("sum", "planned_amount", SIGNED_THIS_YEAR, {}),
    ("sum", "planned_amount", {"stage_reached": "signed", "exclude_dropped": False}, {}),
    ("sum", "paid_in_amount", {}, {}),
    ("ratio", "", STARTED_THIS_YEAR, SIGNED_THIS_YEAR),
    ("ratio", "", {"stage_reached": "started", "reached_in_period": "signed"}, SIGNED_THIS_YEAR),
    ("ratio", "", SIGNED_THIS_YEAR, {"unit": "nowhere"}),  # no denominator: no value
]
HAZARD_MEASURES = [
    ("count", "", {}, {}),
    ("count", "", OPEN_MAJOR, {}),
    ("count", "", {"status": "open_only"}, {}),
    ("count", "", {"status": ["rectified", "reopened"]}, {}),
    ("count", "", {"status": "closed", "found_in_period": True}, {}),
    ("count", "", {"status": "open", "domain": ["gas", "fire"]}, {}),
    ("count", "", {"status": "open", "place_kind": "school"}, {}),
    ("count", "", {"level": "ordinary", "unit": "subtree:t-zjj"}, {}),
    ("count", "", {"status": "open", "unit": "t-zjj-aq"}, {}),
    ("count", "", {"from": "2025-03-01", "to": "2025-09-30"}, {}),
    ("count", "", {"status": "open", "unit": "subtree:nowhere"}, {}),
    ("sum", "funds", OPEN_MAJOR, {}),
    ("sum", "funds", {}, {}),
    ("ratio", "", FOUND_AND_CLOSED, FOUND_THIS_YEAR),
    ("ratio", "", {"status": "open", "level": "major"}, {"level": "major"}),
    ("ratio", "", FOUND_AND_CLOSED, {"unit": "nowhere"}),
]
PERIODS = [(d(1, 1), d(12, 31)), (d(4, 1), d(9, 30)), (d(7, 1, 2024), d(6, 30))]


@pytest.fixture
def ledgers(plan_city, settings):
    settings.LUOSHI_TODAY = d(12, 31)
    ledgers = Ledgers(plan_city)
    c = plan_city
    # Rows the actions would not make: a hazard without any event (open until one says
    # otherwise), two stage events of one project on one day (the one recorded last counts),
    # and money to sum with cents.
    Hazard.objects.create(
        description="未经台账录入的隐患",
        domain="fire",
        place="学校",
        place_kind="school",
        level="major",
        found_on=d(5, 1),
        found_by="检查组",
        unit=c.housing_team,
        deadline=d(6, 1),
        funds=Decimal("12.35"),
    )
    p5 = ledgers.p[5]
    StageEvent.objects.create(project=p5, stage="signed", date=d(6, 1), recorded_by=c.supervisor)
    StageEvent.objects.create(
        project=p5, stage="negotiating", date=d(6, 1), recorded_by=c.supervisor
    )
    for n, paid in ((1, "1200.10"), (2, "0.20"), (7, "333.33")):
        ledgers.p[n].paid_in_amount = Decimal(paid)
        ledgers.p[n].origin = "上海" if n != 2 else ""
        ledgers.p[n].save()
    return ledgers


def wanted_figures(c) -> list[tuple[Measure, object, date]]:
    targets = [make_target(c, f"期间{i}", "level", 10) for i in range(len(PERIODS))]
    for target, (start, end) in zip(targets, PERIODS, strict=True):
        target.start, target.end = start, end  # the figures read the period only
    days = [d(10, 1, 2024) + timedelta(days=33 * i) for i in range(14)]  # to 2026-01
    wanted = []
    for source, specs in (("projects", PROJECT_MEASURES), ("hazards", HAZARD_MEASURES)):
        for aggregate, field, spec, denominator in specs:
            for target in targets:
                measure = Measure(
                    target=target,
                    source=source,
                    aggregate=aggregate,
                    field=field,
                    filter=spec,
                    denominator_filter=denominator,
                )
                wanted += [(measure, target, day) for day in days]
    return wanted


def test_swept_figures_equal_the_aggregate_queries(ledgers):
    wanted = wanted_figures(ledgers.c)
    by_query = many_figures(wanted)
    with sweeping():
        swept = many_figures(wanted)
    assert len(swept) == len(by_query) > 500
    mismatched = [
        (measure.source, measure.filter, target.start, day, one, other)
        for (measure, target, day), one, other in zip(wanted, swept, by_query, strict=True)
        if one != other
    ]
    assert mismatched == []
    # The comparison means something: the mix has counts, sums with cents, ratios,
    # empty ratios, overdue hazards and days before a period (no figures at all).
    values = {figures.value for figures in swept}
    assert {None, 0.0, 1533.63, 10.0} <= values
    assert len(values) > 30
    assert any(figures.overdue for figures in swept)


def test_a_swept_ledger_costs_three_queries_whatever_the_figures(ledgers):
    wanted = wanted_figures(ledgers.c)
    few = [w for w in wanted if w[0].source == "hazards"][: measures.SWEEP_FROM * 3]
    with sweeping(), CaptureQueriesContext(connection) as queries:
        many_figures(few)
    assert len(queries) == 3  # the units, the hazards, their events
    with sweeping(), CaptureQueriesContext(connection) as queries:
        many_figures(wanted)
    assert len(queries) == 6  # and as much for the projects


def test_below_the_threshold_or_outside_sweeping_the_aggregate_query_stays(ledgers):
    wanted = [w for w in wanted_figures(ledgers.c) if w[0].source == "hazards"]
    after_start = [w for w in wanted if w[2] >= d(7, 1, 2024)]
    few = after_start[: measures.SWEEP_FROM - 1]
    with sweeping(), CaptureQueriesContext(connection) as queries:
        many_figures(few)
    assert len(queries) == 1
    with CaptureQueriesContext(connection) as queries:
        many_figures(after_start[: measures.FIGURES_PER_QUERY])
    assert len(queries) == 1
