"""The daily refresh computes today and the new month ends only, and stays equal to evaluate()."""

from datetime import date

import pytest

from luoshi.dashboards import store
from luoshi.dashboards.models import StoredEvaluation
from luoshi.dashboards.tasks import refresh_all
from luoshi.demo.synthetic import generate

from .test_stored_evaluations import TODAY, assert_store_is_fresh


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


def test_a_full_refresh_recomputes_every_day(small_city):
    before = month_end_stamps()
    store.refresh(None, today=TODAY)
    after = month_end_stamps()
    assert set(after) == set(before)
    assert all(after[key] > before[key] for key in before)
