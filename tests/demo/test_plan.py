"""The demo city's 2025 plan: loaded once, through the actions, showing every state."""

from collections import Counter

import pytest
from django.core.management import call_command

from luoshi.dashboards.evaluation import evaluate_targets
from luoshi.demo.city import PEOPLE, load_demo
from luoshi.demo.plan import DEMO_DATE, PLAN_TITLE, load_demo_plan
from luoshi.plans.choices import State, TargetKind
from luoshi.plans.models import Milestone, Plan, Rebaseline, Target, Task
from luoshi.reporting.choices import ReportStatus
from luoshi.reporting.models import Report

pytestmark = pytest.mark.django_db

DEMO_USERNAMES = {username for username, *_ in PEOPLE}


@pytest.fixture
def plan():
    load_demo()
    assert load_demo_plan() is True
    return Plan.objects.get(title=PLAN_TITLE)


def counts():
    return (
        Plan.objects.count(),
        Task.objects.count(),
        Target.objects.count(),
        Milestone.objects.count(),
        Report.objects.count(),
        Rebaseline.objects.count(),
        Target.history.count(),
        Report.history.count(),
    )


def test_loading_twice_creates_the_plan_once(plan):
    before = counts()
    assert load_demo_plan() is False
    assert counts() == before
    assert Plan.objects.filter(title=PLAN_TITLE).count() == 1


def test_load_demo_command_loads_the_plan_once(capsys):
    call_command("load_demo")
    first = capsys.readouterr().out
    assert "Demo plan loaded" in first
    before = counts()
    call_command("load_demo")
    assert "Demo plan already present: nothing changed." in capsys.readouterr().out
    assert counts() == before


def test_plan_is_confirmed_with_about_forty_targets_of_all_six_kinds(plan):
    assert plan.is_confirmed and plan.confirmed_by.username == "supervisor"
    targets = plan.targets.all()
    assert 36 <= targets.count() <= 46
    assert {t.kind for t in targets} == set(TargetKind.values)
    assert {t.cadence for t in targets} >= {"month", "quarter"}
    assert plan.tasks.filter(parent__isnull=False).exists()
    assert plan.tasks.filter(cooperating_units__isnull=False).exists()
    parts = targets.filter(part_of__isnull=False)
    assert parts.exists() and all(p.unit != p.part_of.unit for p in parts)
    # every target points at its words in the plan's source text
    for target in targets.filter(part_of__isnull=True):
        assert plan.source_text[target.source_start : target.source_end] == target.source_snippet
    # one re-baseline after confirmation, with its reason and the original kept
    rebaseline = Rebaseline.objects.get(target__plan=plan)
    assert rebaseline.reason and rebaseline.changed_by.username == "supervisor"
    assert rebaseline.target.is_rebaselined
    assert rebaseline.target.original_value == rebaseline.old_value != rebaseline.target.value
    assert not targets.filter(original_start__isnull=True).exists()


def test_every_state_appears_at_the_demo_date(plan):
    targets = list(plan.targets.select_related("plan"))
    evaluations = evaluate_targets(targets, DEMO_DATE).values()
    states = Counter(e.state for e in evaluations)
    assert set(states) == set(State.values), states
    assert any(e.missing for e in evaluations)
    assert any(e.will_miss for e in evaluations)


def test_reports_in_every_status_with_their_people(plan):
    assert plan.four_eyes
    reports = Report.objects.filter(target__plan=plan)
    statuses = set(reports.values_list("status", flat=True))
    assert statuses == set(ReportStatus.values)
    for report in reports.select_related("created_by", "submitted_by", "reviewed_by"):
        assert report.created_by.username in DEMO_USERNAMES
        if report.status != ReportStatus.DRAFT:
            assert report.submitted_by.username in DEMO_USERNAMES
        if report.status in (ReportStatus.APPROVED, ReportStatus.SUPERSEDED):
            assert report.reviewed_by.username in DEMO_USERNAMES
            # The plan's four-eyes rule (on in the demo too): nobody approves their own report.
            assert report.reviewed_by not in (report.created_by, report.submitted_by)
        assert report.as_of <= DEMO_DATE
    correction = reports.get(supersedes__isnull=False)
    assert correction.status == ReportStatus.APPROVED and correction.version == 2
    assert correction.supersedes.status == ReportStatus.SUPERSEDED
    assert reports.get(status=ReportStatus.RETURNED).return_reason
    # approved milestone reports mark their milestones done
    assert Milestone.objects.filter(target__plan=plan, done__isnull=False).exists()


def test_history_rows_name_the_demo_people(plan):
    histories = [
        Plan.history.filter(id=plan.pk),
        Task.history.filter(plan_id=plan.pk),
        Target.history.filter(plan_id=plan.pk),
        Milestone.history.filter(target_id__in=plan.targets.values("pk")),
        Report.history.filter(target_id__in=plan.targets.values("pk")),
    ]
    for rows in histories:
        assert rows.exists()
        names = set(rows.values_list("history_user__username", flat=True))
        assert names <= DEMO_USERNAMES, names
    assert set(Target.history.values_list("history_user__username", flat=True)) == {"supervisor"}
    report_people = set(Report.history.values_list("history_user__full_name", flat=True))
    assert {"张思琪", "刘海波", "彭诗涵", "林晓岚"} <= report_people
