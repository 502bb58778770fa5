"""The daily refresh computes today and the new month ends only, and stays equal to evaluate()."""

import random
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from luoshi.dashboards import signals, store
from luoshi.dashboards.models import StoredEvaluation
from luoshi.dashboards.tasks import refresh_all
from luoshi.demo.synthetic import generate
from luoshi.ledgers import measures
from luoshi.ledgers.models import Measure
from luoshi.plans.models import Target

from .test_stored_evaluations import TODAY, assert_store_is_fresh, random_change


@pytest.fixture
def small_city(db, settings):
    settings.LUOSHI_TODAY = TODAY
    generate(scale=1, fraction=0.02, seed=14, months=10)


def month_end_stamps() -> dict:
    return dict(
        ((target_id, at), computed_at)
        for target_id, at, computed_at in StoredEvaluation.objects.filter(at__lt=TODAY).values_list(
            "target_id", "at", "computed_at"
        )
    )


def test_the_next_morning_computes_today_only(small_city):
    before = month_end_stamps()
    assert before
    written = refresh_all.call("2025-10-16")
    # One row a target: today. The month ends were left as they were, and are still right.
    assert written == StoredEvaluation.objects.filter(at=date(2025, 10, 16)).count()
    assert month_end_stamps() == before
    assert_store_is_fresh(today=date(2025, 10, 16))


def test_a_month_end_not_yet_stored_is_computed(small_city):
    # The job did not run on 31 October: on 2 November that month end is computed too.
    store.refresh(None, today=date(2025, 11, 2), new_days_only=True)
    assert StoredEvaluation.objects.filter(at=date(2025, 10, 31)).exists()
    assert not StoredEvaluation.objects.filter(at=TODAY).exists()
    assert_store_is_fresh(today=date(2025, 11, 2))


def test_a_full_refresh_recomputes_every_day_and_writes_only_what_changed(small_city):
    # Month ends gone wrong behind the store's back (a bulk update sends no signal).
    month_ends = StoredEvaluation.objects.filter(at__lt=TODAY).order_by("pk")
    wrong = list(month_ends.values_list("pk", flat=True))[::7]
    StoredEvaluation.objects.filter(pk__in=wrong).update(actual=-1.0, reason_en="wrong")
    before = month_end_stamps()
    # Nothing changed today: the daily job rewrites no row, and leaves the month ends alone.
    assert refresh_all.call(TODAY.isoformat()) == 0
    assert month_end_stamps() == before
    assert StoredEvaluation.objects.filter(pk__in=wrong, reason_en="wrong").count() == len(wrong)
    # A full refresh computes every kept day again, and rewrites the wrong rows only.
    assert store.refresh(None, today=TODAY) == len(wrong)
    after = month_end_stamps()
    assert set(after) == set(before)
    rewritten = {key for key in after if after[key] != before[key]}
    assert rewritten == set(
        StoredEvaluation.objects.filter(pk__in=wrong).values_list("target_id", "at")
    )
    assert_store_is_fresh()


def test_the_ledger_bound_targets_are_refreshed_together_from_one_read_of_each_ledger(
    small_city, monkeypatch
):
    # Bound targets spread over the city, in batches of 10 that would each hold some; the
    # sweep's threshold at 1 (a small city has few figures).
    monkeypatch.setattr(store, "CHUNK", 10)
    monkeypatch.setattr(measures, "SWEEP_FROM", 1)
    spread = Target.objects.exclude(kind="milestone").filter(measure__isnull=True).order_by("pk")
    for n, target in enumerate(list(spread)[::12]):
        source = "hazards" if n % 2 else "projects"
        spec = {"status": "open"} if n % 2 else {"stage_reached": "signed"}
        Measure.objects.create(target=target, source=source, aggregate="count", filter=spec)
    batches = {pk // 10 for pk in Measure.objects.values_list("target_id", flat=True)}
    assert len(batches) >= 6
    rng = random.Random(3)
    for _ in range(12):
        random_change(rng)
    signals.flush()  # the changes' own refreshes (month ends included), as after a commit
    with CaptureQueriesContext(connection) as queries:
        store.refresh(None, today=date(2025, 10, 16), new_days_only=True)
    reads = [q["sql"] for q in queries if 'FROM "ledgers_hazardevent"' in q["sql"]]
    assert len(reads) == 1
    assert_store_is_fresh(today=date(2025, 10, 16))
    # A list of targets longer than a batch puts its bound ones together too.
    ids = list(Target.objects.values_list("pk", flat=True))
    with CaptureQueriesContext(connection) as queries:
        store.refresh(ids, today=date(2025, 10, 16))
    reads = [q["sql"] for q in queries if 'FROM "ledgers_hazardevent"' in q["sql"]]
    assert len(reads) == 1
    assert_store_is_fresh(today=date(2025, 10, 16))
