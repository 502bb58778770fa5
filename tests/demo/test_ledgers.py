"""The demo city's ledgers: loaded once, through the actions, feeding four demo targets."""

from datetime import date

import pytest
from django.core.management import call_command

from luoshi.dashboards.evaluation import evaluate_targets
from luoshi.demo.city import PEOPLE, load_demo
from luoshi.demo.ledgers import (
    HAZARD_KEEPERS,
    PROJECT_KEEPERS,
    bound_demo_targets,
    load_demo_ledgers,
)
from luoshi.demo.plan import DEMO_DATE, load_demo_plan
from luoshi.ledgers.choices import HAZARD_OPEN_STATUSES
from luoshi.ledgers.measures import OVERDUE, ROWS, figures, rows_behind
from luoshi.ledgers.models import Hazard, HazardEvent, Measure, Project, StageEvent
from luoshi.reporting.models import Report

pytestmark = pytest.mark.django_db

DEMO_USERNAMES = {username for username, *_ in PEOPLE}


def counts():
    return (
        Project.objects.count(),
        StageEvent.objects.count(),
        Hazard.objects.count(),
        HazardEvent.objects.count(),
        Measure.objects.count(),
        Project.history.count(),
        Hazard.history.count(),
        Measure.history.count(),
    )


@pytest.fixture
def demo():
    load_demo()
    load_demo_plan()
    assert load_demo_ledgers() is True


def test_ledgers_are_filled_once_through_the_actions(demo):
    before = counts()
    assert load_demo_ledgers() is False
    assert counts() == before

    projects, hazards = Project.objects.all(), Hazard.objects.all()
    assert 200 <= projects.count() <= 400 and 200 <= hazards.count() <= 400
    assert set(projects.values_list("unit__code", flat=True)) == set(PROJECT_KEEPERS)
    assert set(hazards.values_list("unit__code", flat=True)) == set(HAZARD_KEEPERS)
    assert set(projects.values_list("stage", flat=True)) == {
        "negotiating",
        "signed",
        "landed",
        "started",
        "producing",
    }
    assert projects.filter(dropped_on__isnull=False).exclude(drop_reason="").count() >= 10
    # moved back: an event whose stage comes before the project's previous one
    ranks = {"negotiating": 0, "signed": 1, "landed": 2, "started": 3, "producing": 4}
    backs = 0
    for project in projects.prefetch_related("events"):
        stages = [ranks[e.stage] for e in project.events.all()]
        backs += any(b < a for a, b in zip(stages, stages[1:], strict=False))
        assert project.stage == project.events.all()[len(stages) - 1].stage
    assert backs >= 5
    assert HazardEvent.objects.filter(status="reopened").values("hazard").distinct().count() >= 5
    assert {h.domain for h in hazards} >= {"gas", "fire", "construction", "chemicals", "mining"}
    assert len({h.place_kind for h in hazards}) >= 6
    open_ = hazards.filter(status__in=HAZARD_OPEN_STATUSES)
    assert open_.filter(deadline__lt=DEMO_DATE).count() >= 5  # overdue ones stand out
    assert hazards.filter(level="major").exclude(contingency_plan="").count() >= 20
    # every row and event by a demo person, none after the demo date
    assert not StageEvent.objects.filter(date__gt=DEMO_DATE).exists()
    assert not HazardEvent.objects.filter(date__gt=DEMO_DATE).exists()
    for model in (Project, Hazard, Measure):
        names = set(model.history.values_list("history_user__username", flat=True))
        assert names <= DEMO_USERNAMES, (model, names)
    verifiers = set(
        HazardEvent.objects.filter(status__in=["closed", "reopened"]).values_list(
            "recorded_by__username", flat=True
        )
    )
    assert verifiers <= {"supervisor", "supervisor2"}


def test_four_demo_targets_are_computed_from_the_ledgers(demo):
    targets = bound_demo_targets()
    assert {t.name for t in targets} == {
        "签约项目",
        "项目开工率",
        "重大事故隐患",
        "城镇燃气安全隐患",
    }
    by_name = {t.name: t for t in targets}
    evaluations = evaluate_targets(targets, DEMO_DATE, lang="zh")
    got = {t.name: (evaluations[t.pk].state, evaluations[t.pk].actual) for t in targets}
    assert got == {
        "签约项目": ("lagging", 38),
        "项目开工率": ("lagging", pytest.approx(100 * 26 / 38)),
        "重大事故隐患": ("behind", 5),
        "城镇燃气安全隐患": ("lagging", 3),
    }
    assert not any(e.missing for e in evaluations.values())  # no report is owed any more
    assert evaluations[by_name["重大事故隐患"].pk].reason == "尚有5项未清零，其中2项已超期"
    # their manual reports are still there, in their history
    assert Report.objects.filter(target__in=targets, status="approved").count() >= 30

    major = Measure.objects.get(target=by_name["重大事故隐患"])
    major.target = by_name["重大事故隐患"]
    rows = rows_behind(major, DEMO_DATE)
    assert rows[ROWS].count() == 5 and rows[OVERDUE].count() == 2
    assert set(rows[OVERDUE].values_list("domain", flat=True)) == {"chemicals"}
    signed = Measure.objects.get(target=by_name["签约项目"])
    signed.target = by_name["签约项目"]
    # as of earlier dates the ledger reads less: the figure follows the dated events
    readings = [figures(signed, date(2025, m, 28)).value for m in range(1, 10)]
    assert readings == sorted(readings) and readings[0] < readings[-1] <= 38


def test_load_demo_command_loads_the_ledgers_once(capsys):
    call_command("load_demo")
    assert "Demo ledgers loaded" in capsys.readouterr().out
    before = counts()
    call_command("load_demo")
    assert "Demo ledgers already present: nothing changed." in capsys.readouterr().out
    assert counts() == before


def test_the_ledgers_need_the_plan():
    load_demo()
    with pytest.raises(RuntimeError):
        load_demo_ledgers()
