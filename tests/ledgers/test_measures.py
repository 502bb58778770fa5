"""Targets computed from ledgers (issue 6): readings checked against hand counts.

The dataset below is small and fixed, entered through the ledger actions with
explicit dates; every expected figure in this file was counted by hand from it.

Projects (period 2025; "first 签约" is the first day at 签约 or beyond):

    P1 commerce  洽谈 2024-11-10, 签约 02-10, 落地 04-01, 开工 06-15              5000
    P2 commerce  洽谈 01-05, 签约 03-01, 开工 05-20, back to 签约 07-01, 开工 09-10 12000
    P3 commerce  签约 2024-12-01, 开工 2025-03-15                                8000
    P4 housing   洽谈 02-01, 签约 04-10, dropped 08-01                          3000
    P5 commerce  洽谈 03-01                                                      1000
    P6 team      洽谈 01-10, 签约 05-05, back to 洽谈 06-01, 签约 08-20          2500
    P7 housing   签约 06-30, 落地 07-10, 开工 07-20, 投产 10-01                 20000
    P8 commerce  洽谈 11-01, 签约 11-20                                           600

Hazards (deadline in brackets):

    H1  major gas          housing  found 01-10 [03-31]  rectifying 02-01, rectified 03-20, closed 03-25
    H2  major chemicals    team     found 02-15 [05-31]  rectified 05-10, closed 05-20, reopened 06-10,
                                                          rectifying 06-20, rectified 08-15, closed 08-30
    H3  major fire         housing  found 03-01 [04-30]  rectifying 04-15
    H4  ordinary gas       housing  found 04-05 [06-30]  rectified 06-01, closed 06-05
    H5  major gas          team     found 06-01 [09-30]  rectified 09-25, reopened 10-05
    H6  ordinary fire      commerce found 2024-11-20 [2025-02-28]  rectified 01-15, closed 01-20
    H7  major construction housing  found 2024-12-10 [2025-01-31]  rectifying 01-05, rectified 07-01,
                                                          closed 07-05
    H8  ordinary road      team     found 07-01 [12-31]
    H9  major mining       housing  found 09-01 [10-31]
    H10 ordinary gas       commerce found 10-20 [11-30]  rectified 11-10, closed 11-15
"""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from luoshi.dashboards.evaluation import evaluate_targets
from luoshi.ledgers import actions
from luoshi.ledgers.measures import (
    DENOMINATOR,
    NUMERATOR,
    OVERDUE,
    ROWS,
    bind_measure,
    describe,
    figures,
    reading_for,
    rows_behind,
    unbind_measure,
)
from luoshi.ledgers.models import Measure
from luoshi.plans.models import Target
from luoshi.reporting.models import Report

pytestmark = pytest.mark.django_db

SIGNED_THIS_YEAR = {"stage_reached": "signed", "reached_in_period": True}
STARTED_THIS_YEAR = {"stage_reached": "started", "reached_in_period": True}
OPEN_MAJOR = {"status": "open", "level": "major"}
FOUND_THIS_YEAR = {"found_in_period": True}
FOUND_AND_CLOSED = {"found_in_period": True, "status": "closed"}


def d(month: int, day: int, year: int = 2025) -> date:
    return date(year, month, day)


class Ledgers:
    """The dataset of the module docstring, on the persona city `c`."""

    def __init__(self, c):
        self.c = c
        self.p = {}
        self.h = {}
        keepers = {
            c.commerce: c.commerce_reporter,
            c.housing: c.housing_approver,
            c.housing_team: c.housing_approver,
        }
        self.keepers = keepers
        projects = {
            1: (c.commerce, 5000, [("negotiating", d(11, 10, 2024)), ("signed", d(2, 10)),
                                   ("landed", d(4, 1)), ("started", d(6, 15))]),
            2: (c.commerce, 12000, [("negotiating", d(1, 5)), ("signed", d(3, 1)),
                                    ("started", d(5, 20)), ("signed", d(7, 1)),
                                    ("started", d(9, 10))]),
            3: (c.commerce, 8000, [("signed", d(12, 1, 2024)), ("started", d(3, 15))]),
            4: (c.housing, 3000, [("negotiating", d(2, 1)), ("signed", d(4, 10))]),
            5: (c.commerce, 1000, [("negotiating", d(3, 1))]),
            6: (c.housing_team, 2500, [("negotiating", d(1, 10)), ("signed", d(5, 5)),
                                       ("negotiating", d(6, 1)), ("signed", d(8, 20))]),
            7: (c.housing, 20000, [("signed", d(6, 30)), ("landed", d(7, 10)),
                                   ("started", d(7, 20)), ("producing", d(10, 1))]),
            8: (c.commerce, 600, [("negotiating", d(11, 1)), ("signed", d(11, 20))]),
        }  # fmt: skip
        for n, (unit, amount, path) in projects.items():
            keeper = keepers[unit]
            (stage, on), *moves = path
            project = actions.create_project(
                keeper,
                stage=stage,
                stage_date=on,
                name=f"P{n}",
                investor=f"投资方{n}",
                industry_chain="新能源" if n % 2 else "装备制造",
                planned_amount=Decimal(amount),
                unit=unit,
            )
            for stage, on in moves:
                actions.move_project(project, keeper, stage=stage, on=on)
            self.p[n] = project
        actions.drop_project(self.p[4], keepers[c.housing], on=d(8, 1), reason="投资方资金链断裂")

        hazards = {
            1: ("major", "gas", c.housing, d(1, 10), d(3, 31),
                [("rectifying", d(2, 1)), ("rectified", d(3, 20)), ("closed", d(3, 25))]),
            2: ("major", "chemicals", c.housing_team, d(2, 15), d(5, 31),
                [("rectified", d(5, 10)), ("closed", d(5, 20)), ("reopened", d(6, 10)),
                 ("rectifying", d(6, 20)), ("rectified", d(8, 15)), ("closed", d(8, 30))]),
            3: ("major", "fire", c.housing, d(3, 1), d(4, 30), [("rectifying", d(4, 15))]),
            4: ("ordinary", "gas", c.housing, d(4, 5), d(6, 30),
                [("rectified", d(6, 1)), ("closed", d(6, 5))]),
            5: ("major", "gas", c.housing_team, d(6, 1), d(9, 30),
                [("rectified", d(9, 25)), ("reopened", d(10, 5))]),
            6: ("ordinary", "fire", c.commerce, d(11, 20, 2024), d(2, 28),
                [("rectified", d(1, 15)), ("closed", d(1, 20))]),
            7: ("major", "construction", c.housing, d(12, 10, 2024), d(1, 31),
                [("rectifying", d(1, 5)), ("rectified", d(7, 1)), ("closed", d(7, 5))]),
            8: ("ordinary", "road", c.housing_team, d(7, 1), d(12, 31), []),
            9: ("major", "mining", c.housing, d(9, 1), d(10, 31), []),
            10: ("ordinary", "gas", c.commerce, d(10, 20), d(11, 30),
                 [("rectified", d(11, 10)), ("closed", d(11, 15))]),
        }  # fmt: skip
        for n, (level, domain, unit, found, deadline, moves) in hazards.items():
            keeper = keepers[unit]
            # A major hazard is rectified only with its 五落实 in place.
            five = (
                {
                    "responsible_person": "负责人",
                    "measures": "限期整改",
                    "funds": Decimal("10"),
                    "contingency_plan": "应急预案",
                }
                if level == "major"
                else {}
            )
            hazard = actions.create_hazard(
                keeper,
                description=f"隐患H{n}",
                domain=domain,
                place=f"地点{n}",
                level=level,
                found_on=found,
                found_by="检查组",
                unit=unit,
                deadline=deadline,
                **five,
            )
            for status, on in moves:
                who = c.supervisor if status in ("closed", "reopened") else keeper
                note = "复核未通过" if status == "reopened" else ""
                actions.move_hazard(hazard, who, status=status, on=on, note=note)
            self.h[n] = hazard

    def projects(self, *numbers) -> set[int]:
        return {self.p[n].pk for n in numbers}

    def hazards(self, *numbers) -> set[int]:
        return {self.h[n].pk for n in numbers}


@pytest.fixture
def ledgers(plan_city, settings):
    settings.LUOSHI_TODAY = d(12, 31)
    return Ledgers(plan_city)


def make_target(c, name: str, kind: str, value=None, unit=None, **fields) -> Target:
    return Target.objects.create(
        plan=c.plan,
        unit=unit or c.commerce,
        name=name,
        kind=kind,
        value=value,
        unit_label=fields.pop("unit_label", "个"),
        start=d(1, 1),
        end=d(12, 31),
        **fields,
    )


def bind(c, target, aggregate="count", source="projects", **fields) -> Measure:
    measure = bind_measure(target, c.supervisor, source=source, aggregate=aggregate, **fields)
    measure.target = target
    return measure


def ids(queryset) -> set[int]:
    return set(queryset.values_list("pk", flat=True))


# --- projects -------------------------------------------------------------------------

SIGNED_AS_OF = [
    (d(1, 31), ()),
    (d(3, 31), (1, 2)),  # P3 signed in 2024; P4 and P6 only negotiating
    (d(5, 31), (1, 2, 4, 6)),
    (d(6, 30), (1, 2, 4, 7)),  # P6 went back to 洽谈 on 06-01; P7 signed that day
    (d(8, 31), (1, 2, 6, 7)),  # P4 dropped 08-01; P6 signed again 08-20 (first 签约 05-05)
    (d(10, 15), (1, 2, 6, 7)),
    (d(12, 31), (1, 2, 6, 7, 8)),
    (d(3, 1, 2026), (1, 2, 6, 7, 8)),  # after the period: its last day counts
]
STARTED_AS_OF = [
    (d(3, 31), (3,)),
    (d(5, 31), (2, 3)),
    (d(6, 30), (1, 2, 3)),
    (d(8, 31), (1, 3, 7)),  # P2 back at 签约 from 07-01
    (d(10, 15), (1, 2, 3, 7)),  # P2 started again 09-10
]


@pytest.mark.parametrize(("at", "expected"), SIGNED_AS_OF)
def test_projects_signed_this_year_as_of_each_date(ledgers, at, expected):
    c = ledgers.c
    measure = bind(c, c.signed, filter=SIGNED_THIS_YEAR)
    rows = rows_behind(measure, at)
    assert ids(rows[ROWS]) == ledgers.projects(*expected)
    reading = reading_for(measure, c.signed, at)
    assert reading.value == len(expected)
    assert reading.as_of == min(at, d(12, 31))
    assert reading.overdue is None


@pytest.mark.parametrize(("at", "expected"), STARTED_AS_OF)
def test_projects_started_this_year_with_moves_back_and_forth(ledgers, at, expected):
    c = ledgers.c
    measure = bind(c, c.signed, filter=STARTED_THIS_YEAR)
    assert ids(rows_behind(measure, at)[ROWS]) == ledgers.projects(*expected)


def test_before_the_period_there_is_no_reading(ledgers):
    c = ledgers.c
    measure = bind(c, c.signed, filter=SIGNED_THIS_YEAR)
    assert reading_for(measure, c.signed, d(12, 31, 2024)) is None


def test_dropped_projects_count_only_when_asked(ledgers):
    c = ledgers.c
    kept = bind(c, c.signed, filter={**SIGNED_THIS_YEAR, "exclude_dropped": False})
    assert ids(rows_behind(kept, d(8, 31))[ROWS]) == ledgers.projects(1, 2, 4, 6, 7)
    assert ids(rows_behind(kept, d(7, 31))[ROWS]) == ledgers.projects(1, 2, 4, 7)


def test_unit_and_subtree_and_text_filters(ledgers):
    c = ledgers.c
    at = d(10, 15)

    def rows(**extra):
        return ids(rows_behind(bind(c, c.signed, filter={**SIGNED_THIS_YEAR, **extra}), at)[ROWS])

    assert rows(unit="t-swj") == ledgers.projects(1, 2)
    assert rows(unit="t-zjj") == ledgers.projects(7)
    assert rows(unit="subtree:t-zjj") == ledgers.projects(6, 7)
    assert rows(unit="subtree:t") == ledgers.projects(1, 2, 6, 7)
    assert rows(unit="nowhere") == set()
    assert rows(industry_chain="新能源") == ledgers.projects(1, 7)
    assert rows(**{"from": "2025-03-01", "to": "2025-06-30"}) == ledgers.projects(2, 6, 7)


def test_sum_of_planned_investment(ledgers):
    c = ledgers.c
    target = make_target(c, "签约项目计划投资额", "cumulative", 40000, unit_label="万元")
    measure = bind(c, target, "sum", field="planned_amount", filter=SIGNED_THIS_YEAR)
    assert reading_for(measure, target, d(10, 15)).value == 5000 + 12000 + 2500 + 20000
    assert reading_for(measure, target, d(3, 31)).value == 5000 + 12000
    assert reading_for(measure, target, d(1, 31)).value == 0


RATIO_AS_OF = [
    (d(3, 31), 1, 2),
    (d(6, 30), 3, 4),
    (d(8, 31), 3, 4),
    (d(10, 15), 4, 4),  # P3 started this year but was signed in 2024
]


@pytest.mark.parametrize(("at", "numerator", "denominator"), RATIO_AS_OF)
def test_start_rate_started_this_year_over_signed_this_year(ledgers, at, numerator, denominator):
    c = ledgers.c
    target = make_target(c, "项目开工率", "level", 70, unit_label="%")
    measure = bind(
        c, target, "ratio", filter=STARTED_THIS_YEAR, denominator_filter=SIGNED_THIS_YEAR
    )
    got = figures(measure, at)
    assert (got.count, got.denominator) == (numerator, denominator)
    assert reading_for(measure, target, at).value == pytest.approx(100 * numerator / denominator)
    rows = rows_behind(measure, at)
    assert set(rows) == {NUMERATOR, DENOMINATOR}
    assert len(ids(rows[NUMERATOR])) == numerator and len(ids(rows[DENOMINATOR])) == denominator


def test_start_rate_among_projects_signed_this_year(ledgers):
    c = ledgers.c
    target = make_target(c, "当年签约项目开工率", "level", 70, unit_label="%")
    among = {"stage_reached": "started", "reached_in_period": "signed"}
    measure = bind(c, target, "ratio", filter=among, denominator_filter=SIGNED_THIS_YEAR)
    assert ids(rows_behind(measure, d(10, 15))[NUMERATOR]) == ledgers.projects(1, 2, 7)
    assert reading_for(measure, target, d(10, 15)).value == pytest.approx(75)


def test_ratio_with_no_denominator_gives_no_reading(ledgers):
    c = ledgers.c
    target = make_target(c, "项目开工率", "level", 70, unit_label="%")
    measure = bind(
        c, target, "ratio", filter=STARTED_THIS_YEAR, denominator_filter=SIGNED_THIS_YEAR
    )
    assert figures(measure, d(1, 31)).value is None
    assert reading_for(measure, target, d(1, 31)) is None
    assert evaluate_targets([target], d(1, 31))[target.pk].state == "not_started"


# --- hazards ---------------------------------------------------------------------------

OPEN_MAJOR_AS_OF = [
    (d(3, 31), (2, 3, 7), (7,)),
    (d(5, 31), (3, 7), (3, 7)),  # H2 closed 05-20
    (d(6, 30), (2, 3, 5, 7), (2, 3, 7)),  # H2 reopened 06-10, now past its deadline
    (d(8, 31), (3, 5), (3,)),  # H2 closed again 08-30; H7 closed 07-05
    (d(9, 30), (3, 5, 9), (3,)),  # H5 rectified, awaiting verification: still open
    (d(10, 15), (3, 5, 9), (3, 5)),  # H5 reopened 10-05, past its 09-30 deadline
]


@pytest.mark.parametrize(("at", "open_", "overdue"), OPEN_MAJOR_AS_OF)
def test_open_major_hazards_with_overdue_as_of_each_date(ledgers, at, open_, overdue):
    c = ledgers.c
    measure = bind(c, c.hazards, source="hazards", filter=OPEN_MAJOR)
    rows = rows_behind(measure, at)
    assert ids(rows[ROWS]) == ledgers.hazards(*open_)
    assert ids(rows[OVERDUE]) == ledgers.hazards(*overdue)
    reading = reading_for(measure, c.hazards, at)
    assert (reading.value, reading.overdue) == (len(open_), len(overdue))


def test_hazard_filters_by_domain_unit_and_status(ledgers):
    c = ledgers.c

    def rows(at, **spec):
        return ids(rows_behind(bind(c, c.hazards, source="hazards", filter=spec), at)[ROWS])

    assert rows(d(10, 15), status="open", domain="gas") == ledgers.hazards(5)
    assert rows(d(6, 30), status="open", unit="subtree:t-zjj-aq") == ledgers.hazards(2, 5)
    assert rows(d(6, 30), status="closed") == ledgers.hazards(1, 4, 6)
    assert rows(d(6, 30), status="reopened") == set()  # H2 reopened, then rectifying
    assert rows(d(10, 15), status="reopened") == ledgers.hazards(5)
    assert rows(d(10, 15), status="open_only") == ledgers.hazards(8, 9)
    assert rows(d(1, 15), status="open") == ledgers.hazards(1, 6, 7)  # H6 rectified 01-15
    assert rows(d(10, 15)) == ledgers.hazards(*range(1, 10))  # H10 not yet found


RECTIFICATION_AS_OF = [
    (d(6, 30), (1, 4), (1, 2, 3, 4, 5)),
    (d(10, 15), (1, 2, 4), (1, 2, 3, 4, 5, 8, 9)),
    (d(12, 31), (1, 2, 4, 10), (1, 2, 3, 4, 5, 8, 9, 10)),
]


@pytest.mark.parametrize(("at", "closed", "found"), RECTIFICATION_AS_OF)
def test_rectification_rate_of_hazards_found_this_year(ledgers, at, closed, found):
    c = ledgers.c
    target = make_target(c, "隐患整改率", "level", 45, unit=c.housing, unit_label="%")
    measure = bind(
        c,
        target,
        "ratio",
        source="hazards",
        filter=FOUND_AND_CLOSED,
        denominator_filter=FOUND_THIS_YEAR,
    )
    rows = rows_behind(measure, at)
    assert ids(rows[NUMERATOR]) == ledgers.hazards(*closed)
    assert ids(rows[DENOMINATOR]) == ledgers.hazards(*found)
    value = reading_for(measure, target, at).value
    assert value == pytest.approx(100 * len(closed) / len(found))


# --- through the status engine ------------------------------------------------------------


def test_evaluate_targets_judges_bound_targets_from_the_ledger(ledgers):
    c = ledgers.c
    # A manual approved reading on the signed target stops counting once it is bound.
    Report.objects.create(
        target=c.signed,
        unit=c.commerce,
        as_of=d(6, 30),
        value=45,
        status="approved",
        created_by=c.commerce_reporter,
        submitted_by=c.commerce_reporter,
    )
    assert evaluate_targets([c.signed], d(7, 15))[c.signed.pk].actual == 45
    signed = make_target(c, "签约项目（小目标）", "cumulative", 5, cadence="month")
    bind(c, signed, filter=SIGNED_THIS_YEAR)
    bind(c, c.signed, filter=SIGNED_THIS_YEAR)
    rate = make_target(c, "项目开工率", "level", 70, unit_label="%")
    bind(c, rate, "ratio", filter=STARTED_THIS_YEAR, denominator_filter=SIGNED_THIS_YEAR)
    bind(c, c.hazards, source="hazards", filter={**OPEN_MAJOR, "unit": "subtree:t-zjj-aq"})
    rectified = make_target(c, "隐患整改率", "level", 45, unit=c.housing, unit_label="%")
    bind(
        c,
        rectified,
        "ratio",
        source="hazards",
        filter=FOUND_AND_CLOSED,
        denominator_filter=FOUND_THIS_YEAR,
    )
    targets = list(
        Target.objects.filter(pk__in=[signed.pk, c.signed.pk, rate.pk, c.hazards.pk, rectified.pk])
        .select_related("plan")
        .order_by("pk")
    )

    def states(at):
        got = evaluate_targets(targets, at, lang="en")
        return {t.name: (got[t.pk].state, got[t.pk].actual, got[t.pk].missing) for t in targets}

    at = d(10, 15)  # signed 4 of 5 (expected 5 × 288/365 = 3.9); 4/4 started; H5 overdue
    assert states(at) == {
        "签约项目（小目标）": ("on_track", 4, False),
        "签约项目": ("behind", 4, False),  # the manual 45 no longer counts; no report owed
        "项目开工率": ("on_track", 100, False),
        "重大事故隐患动态清零": ("behind", 1, False),
        "隐患整改率": ("lagging", pytest.approx(300 / 7), False),  # 42.9 within 5% of 45
    }
    assert states(d(3, 31))["项目开工率"] == ("behind", 50, False)
    assert states(d(3, 31))["重大事故隐患动态清零"] == ("lagging", 1, False)  # H2 open, not late
    assert states(d(5, 31))["重大事故隐患动态清零"] == ("on_track", 0, False)
    assert states(d(8, 31))["重大事故隐患动态清零"] == ("lagging", 1, False)
    after = states(d(1, 10, 2026))
    assert after["签约项目（小目标）"] == ("done", 5, False)
    assert after["隐患整改率"] == ("done", 50, False)
    # the reason shows the overdue count of the zero target
    reason = evaluate_targets(targets, at, lang="zh")[c.hazards.pk].reason
    assert reason == "尚有1项未清零，其中1项已超期"


def test_unbinding_brings_the_manual_readings_back(ledgers):
    c = ledgers.c
    Report.objects.create(
        target=c.signed,
        unit=c.commerce,
        as_of=d(6, 30),
        value=45,
        status="approved",
        created_by=c.commerce_reporter,
        submitted_by=c.commerce_reporter,
    )
    bind(c, c.signed, filter=SIGNED_THIS_YEAR)
    assert evaluate_targets([c.signed], d(7, 15))[c.signed.pk].actual == 4
    assert unbind_measure(c.signed, c.supervisor, "back to manual reports") is True
    assert evaluate_targets([c.signed], d(7, 15))[c.signed.pk].actual == 45
    assert unbind_measure(c.signed, c.supervisor) is False
    reasons = list(Measure.history.order_by("history_id").values_list("history_change_reason"))
    assert reasons == [("bound",), ("back to manual reports",)]
    users = set(Measure.history.values_list("history_user__username", flat=True))
    assert users == {"supervisor"}


def test_queries_fixed_for_manual_targets_and_bounded_per_bound_target(ledgers):
    c = ledgers.c
    manual = [make_target(c, f"人工指标{i}", "cumulative", 10, cadence="month") for i in range(30)]
    targets = list(Target.objects.filter(pk__in=[t.pk for t in manual]).select_related("plan"))
    with CaptureQueriesContext(connection) as queries:
        evaluate_targets(targets, d(10, 15))
    assert len(queries) == 2  # approved readings; milestones with measures
    rate = make_target(c, "项目开工率", "level", 70, unit_label="%")
    bind(c, rate, "ratio", filter=STARTED_THIS_YEAR, denominator_filter=SIGNED_THIS_YEAR)
    bind(c, c.hazards, source="hazards", filter=OPEN_MAJOR)
    targets = list(
        Target.objects.filter(
            pk__in=[t.pk for t in manual] + [rate.pk, c.hazards.pk]
        ).select_related("plan")
    )
    with CaptureQueriesContext(connection) as queries:
        evaluate_targets(targets, d(10, 15))
    assert len(queries) == 2 + 2  # one aggregate query per ledger, the ratio's two counts in it


# --- binding ---------------------------------------------------------------------------------


def test_only_supervisors_bind_and_filters_are_checked(ledgers):
    c = ledgers.c
    with pytest.raises(PermissionDenied):
        bind_measure(c.signed, c.commerce_approver, source="projects", aggregate="count")
    bad = [
        {"source": "projects", "aggregate": "count", "filter": {"colour": "red"}},
        {"source": "projects", "aggregate": "count", "filter": {"stage_reached": "won"}},
        {"source": "hazards", "aggregate": "count", "filter": {"level": "huge"}},
        {"source": "hazards", "aggregate": "count", "filter": {"from": "last spring"}},
        {"source": "projects", "aggregate": "count", "filter": {"reached_in_period": True}},
        {"source": "projects", "aggregate": "sum", "field": "name"},
        {"source": "hazards", "aggregate": "count", "field": "funds"},
        {"source": "shops", "aggregate": "count"},
    ]
    for fields in bad:
        with pytest.raises(ValidationError):
            bind_measure(c.signed, c.supervisor, **fields)
    assert not Measure.objects.exists()
    with pytest.raises(ValidationError):
        bind_measure(c.policy, c.supervisor, source="projects", aggregate="count")
    with pytest.raises(ValidationError):  # a zero target counts
        bind_measure(c.hazards, c.supervisor, source="hazards", aggregate="sum", field="funds")
    measure = bind_measure(c.signed, c.supervisor, source="projects", aggregate="count")
    again = bind_measure(
        c.signed, c.supervisor, source="projects", aggregate="count", filter=SIGNED_THIS_YEAR
    )
    assert again.pk == measure.pk and Measure.objects.get().filter == SIGNED_THIS_YEAR


def test_measures_in_words(ledgers):
    c = ledgers.c
    rate = make_target(c, "项目开工率", "level", 70, unit_label="%")
    measure = bind(c, rate, "ratio", filter=STARTED_THIS_YEAR, denominator_filter=SIGNED_THIS_YEAR)
    words = describe(measure, lang="zh")
    assert "本期内达到开工" in words and "本期内达到签约" in words and "÷" in words
    hazards = bind(c, c.hazards, source="hazards", filter={**OPEN_MAJOR, "unit": "t-zjj"})
    words = describe(hazards, lang="zh", units={"t-zjj": "市住建局"})
    assert words == "按台账计算：市住建局负责的重大未销号的安全隐患数（并计超期未整改数）"
    assert describe(hazards, lang="en").startswith("From the ledger: count of safety hazards")


# --- pages -----------------------------------------------------------------------------------


def rows_url(target, figure: str, at: date) -> str:
    return f"/targets/{target.pk}/measure/rows/?figure={figure}&at={at.isoformat()}"


def listed(response) -> set[int]:
    import re

    return {int(pk) for pk in re.findall(r'data-row="(\d+)"', response.content.decode())}


def test_rows_page_lists_the_rows_behind_each_figure(ledgers):
    c = ledgers.c
    bind(c, c.hazards, source="hazards", filter=OPEN_MAJOR)
    supervisor = c.client("supervisor")
    response = supervisor.get(rows_url(c.hazards, "rows", d(10, 15)))
    assert response.status_code == 200
    assert listed(response) == ledgers.hazards(3, 5, 9)
    response = supervisor.get(rows_url(c.hazards, "overdue", d(6, 30)))
    assert listed(response) == ledgers.hazards(2, 3, 7)
    assert supervisor.get(rows_url(c.hazards, "numerator", d(6, 30))).status_code == 404


def test_rows_page_shows_only_the_rows_one_may_see(ledgers):
    c = ledgers.c
    bind(c, c.hazards, source="hazards", filter=OPEN_MAJOR)
    # team-reporter sees the target (its unit's) but only its unit's hazards: H5 of H3, H5, H9
    response = c.client("team-reporter").get(rows_url(c.hazards, "rows", d(10, 15)))
    assert response.status_code == 200
    assert listed(response) == ledgers.hazards(5)
    assert 'data-total="3"' in response.content.decode()
    assert 'data-hidden="2"' in response.content.decode()


@pytest.mark.parametrize("who", ["commerce-reporter", "commerce-approver", "outsider"])
def test_rows_page_is_404_for_those_who_cannot_see_the_target(ledgers, who):
    c = ledgers.c
    bind(c, c.hazards, source="hazards", filter=OPEN_MAJOR)
    assert c.client(who).get(rows_url(c.hazards, "rows", d(10, 15))).status_code == 404
    assert c.client(None).get(rows_url(c.hazards, "rows", d(10, 15))).status_code == 302


def test_rows_page_is_404_for_a_manual_target(ledgers):
    c = ledgers.c
    assert c.client("supervisor").get(rows_url(c.signed, "rows", d(10, 15))).status_code == 404


def test_target_page_says_computed_and_links_each_figure(ledgers):
    c = ledgers.c
    rate = make_target(c, "项目开工率", "level", 70, unit_label="%")
    bind(c, rate, "ratio", filter=STARTED_THIS_YEAR, denominator_filter=SIGNED_THIS_YEAR)
    response = c.client("commerce-reporter").get(f"/targets/{rate.pk}/?at=2025-08-31")
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="measure-block"' in page
    assert rows_url(rate, "numerator", d(8, 31)).replace("&", "&amp;") in page
    assert rows_url(rate, "denominator", d(8, 31)).replace("&", "&amp;") in page
    assert "75%" in page
    numerator = c.client("commerce-reporter").get(rows_url(rate, "numerator", d(8, 31)))
    # the reporter of 商务局 sees P1 and P3 (P7 is 住建局's): 1 hidden
    assert listed(numerator) == ledgers.projects(1, 3)
    assert 'data-hidden="1"' in numerator.content.decode()


def test_supervisor_binds_and_unbinds_through_the_form(ledgers):
    c = ledgers.c
    client = c.client("supervisor")
    url = f"/targets/{c.hazards.pk}/measure/"
    assert client.get(url).status_code == 200
    assert c.client("housing-approver").get(url).status_code == 403
    assert c.client("commerce-reporter").get(url).status_code == 404
    response = client.post(
        url,
        {
            "source": "hazards",
            "aggregate": "count",
            "field": "",
            "num-status": "open",
            "num-level": "major",
            "num-unit": "t-zjj",
            "num-subtree": "on",
            "num-exclude_dropped": "on",
            "den-exclude_dropped": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    measure = Measure.objects.get(target=c.hazards)
    assert (measure.source, measure.aggregate) == ("hazards", "count")
    assert measure.filter == {"status": "open", "level": "major", "unit": "subtree:t-zjj"}
    assert measure.denominator_filter == {}
    state = evaluate_targets(
        [Target.objects.select_related("plan").get(pk=c.hazards.pk)], d(10, 15)
    )
    assert state[c.hazards.pk].actual == 3  # H3, H5, H9 (all under 住建局)
    page = client.get(url).content.decode()
    assert 'id="measure-current"' in page and 'value="t-zjj" selected' in page
    # a sum without a field is refused with a message, nothing changes
    response = client.post(url, {"source": "projects", "aggregate": "sum", "field": ""})
    assert response.status_code == 200 and Measure.objects.get().source == "hazards"
    response = client.post(url, {"unbind": "1", "reason": "改回人工填报"})
    assert response.status_code == 302 and not Measure.objects.exists()
