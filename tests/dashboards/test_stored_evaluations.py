"""Stored evaluations equal a fresh evaluation, after any change, on every kept day."""

import random
from datetime import date, timedelta

import pytest
from django.db import transaction
from django.utils import translation

from luoshi.dashboards import signals, store
from luoshi.dashboards.models import StoredEvaluation
from luoshi.dashboards.queries import evaluated_rows
from luoshi.demo.synthetic import generate
from luoshi.ledgers.choices import HazardStatus
from luoshi.ledgers.models import Hazard, HazardEvent
from luoshi.plans.models import Milestone, Plan, Target
from luoshi.reporting.choices import ReportStatus
from luoshi.reporting.models import Report

TODAY = date(2025, 10, 15)


def assert_store_is_fresh(today=TODAY):
    """Every target's stored rows are exactly its kept days, each equal to evaluate()."""
    targets = list(Target.objects.select_related("plan"))
    stored = {(row.target_id, row.at): row for row in StoredEvaluation.objects.all()}
    expected_keys = {(t.pk, day) for t in targets for day in store.kept_days(t, today)}
    assert set(stored) == expected_keys
    for day in sorted({day for _, day in expected_keys}):
        on_day = [t for t in targets if (t.pk, day) in stored]
        for lang in ("zh", "en"):
            with translation.override("zh-hans" if lang == "zh" else "en"):
                fresh = {row.target.pk: row for row in evaluated_rows(on_day, day)}
            for target in on_day:
                row, page_row = stored[(target.pk, day)], fresh[target.pk]
                evaluation = page_row.evaluation
                got = (
                    row.state,
                    row.missing,
                    row.awaiting,
                    row.expected,
                    row.actual,
                    row.ratio,
                    row.forecast,
                    row.will_miss,
                    row.reason(lang),
                )
                want = (
                    evaluation.state,
                    evaluation.missing,
                    page_row.awaiting,
                    evaluation.expected,
                    evaluation.actual,
                    evaluation.ratio,
                    evaluation.forecast,
                    evaluation.will_miss,
                    evaluation.reason,
                )
                assert got == want, (target.pk, day, lang)


def correct(report: Report, as_of, rng: random.Random) -> None:
    """Supersede an approved reading with an approved correction dated `as_of`."""
    report.status = ReportStatus.SUPERSEDED
    report.save()
    Report.objects.create(
        target=report.target,
        unit=report.unit,
        as_of=as_of,
        value=report.value * rng.uniform(0.5, 1.5),
        status=ReportStatus.APPROVED,
        version=report.version + 1,
        supersedes=report,
        created_by=report.created_by,
    )


def random_change(rng: random.Random) -> str:
    """One change of the kind people make, through ordinary saves."""
    choice = rng.randrange(6)
    if choice == 0:  # approve a waiting report
        report = Report.objects.filter(status=ReportStatus.SUBMITTED).order_by("?").first()
        if report:
            report.status = ReportStatus.APPROVED
            report.save()
        return "approve"
    if choice == 1:  # a correction of an approved reading
        report = Report.objects.filter(status=ReportStatus.APPROVED, value__isnull=False).first()
        if report:
            correct(report, report.as_of, rng)
        return "correct"
    if choice == 2:  # a re-baselined target value
        target = Target.objects.filter(kind="cumulative").order_by("?").first()
        target.value = round(target.value * rng.uniform(0.5, 2), 1)
        target.save()
        return "rebaseline"
    if choice == 3:  # the plan's rules
        plan = Plan.objects.first()
        plan.lagging_below, plan.behind_below = rng.choice([(1.0, 0.8), (0.95, 0.7), (1.1, 0.9)])
        plan.save()
        return "rules"
    if choice == 4:  # a milestone done
        milestone = Milestone.objects.filter(done__isnull=True).first()
        if milestone:
            milestone.done = milestone.due + timedelta(days=rng.randint(-10, 30))
            milestone.save()
        return "milestone"
    hazard = Hazard.objects.filter(level="major").exclude(status="closed").first()
    if hazard:  # a major hazard closed: the ledger-bound zero targets move
        HazardEvent.objects.create(
            hazard=hazard,
            status=HazardStatus.CLOSED,
            date=TODAY,
            recorded_by=Report.objects.first().created_by,
        )
        hazard.status = HazardStatus.CLOSED
        hazard.save()
    return "ledger"


def random_report_change(rng: random.Random) -> str:
    """A report's change on some day of the year: each refreshes its target's kept days
    from the report's date on only (signals.py), which must be all it changes."""
    reports = Report.objects.filter(value__isnull=False).order_by("?")
    choice = rng.randrange(5)
    if choice == 0:  # a waiting report returned
        report = reports.filter(status=ReportStatus.SUBMITTED).first()
        if report:
            report.status = ReportStatus.RETURNED
            report.save()
        return "return"
    if choice == 1:  # a returned or draft report dated again, then submitted
        report = reports.filter(status__in=[ReportStatus.RETURNED, ReportStatus.DRAFT]).first()
        if report:
            report.as_of = max(report.target.start, report.as_of - timedelta(rng.randint(1, 90)))
            report.save()
            report.status = ReportStatus.SUBMITTED
            report.save()
        return "resubmit"
    if choice == 2:  # a correction dated otherwise than the reading it replaces
        report = reports.filter(status=ReportStatus.APPROVED).first()
        if report:
            day = report.as_of + timedelta(rng.randint(-120, 40))
            correct(report, min(TODAY, max(report.target.start, day)), rng)
        return "correct"
    if choice == 3:  # a report deleted (an approved reading, or one awaiting approval)
        report = reports.filter(
            status__in=[ReportStatus.APPROVED, ReportStatus.SUBMITTED], supersedes__isnull=True
        ).first()
        if report and not Report.objects.filter(supersedes=report).exists():
            report.delete()
        return "delete"
    # A late report of an early month, submitted or approved at once.
    target = Target.objects.filter(kind="cumulative", cadence="month").order_by("?").first()
    Report.objects.create(
        target=target,
        unit=target.unit,
        as_of=target.start + timedelta(rng.randint(20, 150)),
        value=rng.uniform(0, target.value or 1),
        status=rng.choice([ReportStatus.SUBMITTED, ReportStatus.APPROVED]),
        created_by=Report.objects.first().created_by,
    )
    return "late"


@pytest.fixture
def small_city(db, settings):
    settings.LUOSHI_TODAY = TODAY
    generate(scale=1, fraction=0.02, seed=11, months=10)


def test_a_generated_city_is_stored_whole(small_city):
    assert_store_is_fresh()


def test_the_store_follows_random_changes(small_city):
    rng = random.Random(5)
    for _ in range(25):
        random_change(rng)
    signals.flush()  # what a page does before it reads
    assert_store_is_fresh()


def test_the_store_follows_reports_changed_on_any_day(small_city):
    rng = random.Random(7)
    done = set()
    for n in range(40):
        done.add(random_report_change(rng))
        if n % 4 == 3:
            signals.flush()
    signals.flush()
    assert done == {"return", "resubmit", "correct", "delete", "late"}
    assert_store_is_fresh()


def test_refreshing_targets_deleted_meanwhile_writes_nothing_and_fails_nothing(small_city):
    """A refresh queued for targets that are gone by the time it runs (a plan deleted
    after its change was recorded) finds an empty batch: nothing to compute."""
    last = Target.objects.order_by("-pk").values_list("pk", flat=True)[0]
    gone = [last + 1, last + 2, last + 3]  # ids of targets no longer there
    assert store.refresh(gone, TODAY) == 0
    assert not StoredEvaluation.objects.filter(target_id__in=gone).exists()
    assert_store_is_fresh()


@pytest.mark.django_db(transaction=True)
def test_committed_changes_refresh_the_store_without_anyone_reading(settings):
    settings.LUOSHI_TODAY = TODAY
    generate(scale=1, fraction=0.02, seed=12, months=10)
    rng = random.Random(9)
    for _ in range(10):
        with transaction.atomic():
            random_change(rng)
    assert not signals._pending()
    assert_store_is_fresh()


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_leaves_the_store_as_it_was(settings):
    settings.LUOSHI_TODAY = TODAY
    generate(scale=1, fraction=0.02, seed=13, months=10)
    before = sorted(StoredEvaluation.objects.values_list("target_id", "at", "state", "actual"))
    with pytest.raises(RuntimeError), transaction.atomic():
        Target.objects.filter(kind="cumulative").update(value=1)  # no signal: a bulk write
        for target in Target.objects.filter(kind="cumulative")[:3]:
            target.save()
        raise RuntimeError("the user cancelled")
    signals.flush()
    assert (
        sorted(StoredEvaluation.objects.values_list("target_id", "at", "state", "actual")) == before
    )


def test_the_next_day_drops_yesterday_and_keeps_the_month_ends(small_city):
    store.refresh(None, today=date(2025, 10, 31))
    store.refresh(None, today=date(2025, 11, 1))
    days = set(StoredEvaluation.objects.values_list("at", flat=True))
    assert date(2025, 10, 31) in days and date(2025, 11, 1) in days
    assert date(2025, 10, 15) not in days
    assert_store_is_fresh(today=date(2025, 11, 1))


def test_one_approval_refreshes_one_target_in_a_fixed_number_of_queries(
    small_city, django_assert_max_num_queries
):
    report = Report.objects.filter(status=ReportStatus.SUBMITTED).first()
    signals.flush()
    # The save and its history row, then the refresh: the target, its readings, its
    # milestones and measure, a savepoint, the upsert, the stale rows, the release; the
    # tally of the target's unit (issue 14): its members, the lock on PostgreSQL, the
    # unit's rows deleted, counted and written.
    with django_assert_max_num_queries(14):
        report.status = ReportStatus.APPROVED
        report.save()
        signals.flush()
    assert_store_is_fresh()
