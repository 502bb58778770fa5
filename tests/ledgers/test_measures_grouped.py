"""Ledger measures grouped (issue 14): a page of ledger-bound targets costs the same number of
queries whether it holds 2 of them or 20, and the grouped figures are those of each alone."""

from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from luoshi.dashboards.evaluation import evaluate_on_days, evaluate_targets
from luoshi.ledgers.measures import FIGURES_PER_QUERY, many_figures
from luoshi.plans.models import Target
from tests.ledgers import test_measures as dataset

from .test_measures import (
    FOUND_AND_CLOSED,
    FOUND_THIS_YEAR,
    OPEN_MAJOR,
    SIGNED_THIS_YEAR,
    STARTED_THIS_YEAR,
    bind,
    d,
    make_target,
)

pytestmark = pytest.mark.django_db

# The measures a page may mix: every ledger, every aggregate, unit filters, a ratio.
KINDS = [
    ("cumulative", {"filter": SIGNED_THIS_YEAR}),
    ("cumulative", {"filter": {**SIGNED_THIS_YEAR, "unit": "subtree:t-zjj"}}),
    ("level", {"aggregate": "sum", "field": "planned_amount", "filter": STARTED_THIS_YEAR}),
    (
        "level",
        {"aggregate": "ratio", "filter": STARTED_THIS_YEAR, "denominator_filter": SIGNED_THIS_YEAR},
    ),
    ("zero", {"source": "hazards", "filter": OPEN_MAJOR}),
    ("zero", {"source": "hazards", "filter": {"status": "open", "unit": "t-zjj"}}),
    (
        "level",
        {
            "source": "hazards",
            "aggregate": "ratio",
            "filter": FOUND_AND_CLOSED,
            "denominator_filter": FOUND_THIS_YEAR,
        },
    ),
]


@pytest.fixture
def ledgers(plan_city, settings):
    settings.LUOSHI_TODAY = d(12, 31)
    return dataset.Ledgers(plan_city)


def bound_targets(c, count: int, first: int = 0) -> list[Target]:
    made = []
    for i in range(first, first + count):
        kind, measure = KINDS[i % len(KINDS)]
        target = make_target(c, f"台账指标{i}", kind, 10 + i, unit_label="个")
        if i % 3 == 1:  # some start later: a different period is a different figure
            target.start = date(2025, 4, 1)
            target.save(update_fields=["start"])
        bind(c, target, **measure)
        made.append(target)
    return made


def with_plans(targets) -> list[Target]:
    pks = [t.pk for t in targets]
    return list(Target.objects.filter(pk__in=pks).select_related("plan").order_by("pk"))


def queries_of(call) -> int:
    with CaptureQueriesContext(connection) as queries:
        call()
    return len(queries)


def test_2_and_20_bound_targets_cost_the_same_queries(ledgers):
    c = ledgers.c
    two = with_plans(bound_targets(c, 2, first=3))  # a ratio and a hazard count
    twenty = with_plans(two + bound_targets(c, 18, first=5))
    at = d(10, 15)
    assert queries_of(lambda: evaluate_targets(two, at)) == 2 + 2  # readings, measures; 2 ledgers
    assert queries_of(lambda: evaluate_targets(twenty, at)) == 2 + 2
    days = {t.pk: [d(6, 30), d(9, 30), at] for t in twenty}
    assert queries_of(lambda: evaluate_on_days(twenty, days)) == 2 + 2


def test_grouped_figures_are_each_measures_own(ledgers):
    """Each figure, computed in one query with all the others, equals it computed alone."""
    c = ledgers.c
    targets = with_plans(bound_targets(c, 21))
    wanted = [
        (target.measure, target, day)
        for target in targets
        for day in (d(3, 31), d(8, 31), d(10, 15), d(1, 10, 2026))
    ]
    together = many_figures(wanted)
    assert together == [many_figures([one])[0] for one in wanted]
    # And they are not all alike: the mix has counts, sums, ratios and empty ratios.
    assert len({figures.value for figures in together}) > 10


def test_more_figures_than_a_query_holds_take_a_query_per_chunk(ledgers):
    c = ledgers.c
    target = bound_targets(c, 1)[0]
    days = [date.fromordinal(d(1, 1).toordinal() + i) for i in range(FIGURES_PER_QUERY + 1)]
    wanted = [(target.measure, target, day) for day in days]
    assert queries_of(lambda: many_figures(wanted)) == 2


def test_a_page_judged_on_demand_costs_the_same_with_2_or_20_bound_targets(ledgers):
    """The overview on a day that is not stored judges its page's rows on demand."""
    c = ledgers.c
    client = Client()
    client.force_login(c.supervisor)
    url = "/overview/?at=2025-08-20"
    bound_targets(c, 2, first=3)  # one of each ledger
    assert not client.get(url).context["stored"]
    small = queries_of(lambda: client.get(url))
    bound_targets(c, 18, first=5)
    page = client.get(url)
    assert (
        sum(1 for row in page.context["page"].object_list if hasattr(row.target, "measure")) >= 20
    )
    assert queries_of(lambda: client.get(url)) == small
