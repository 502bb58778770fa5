"""The tally (luoshi.dashboards.summary) equals a fresh count of the stored rows, after
any change, and the cockpit reads the same figures from it as from the stored rows."""

import random
from collections import Counter
from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import Q
from django.test import Client
from django.test.utils import CaptureQueriesContext

from luoshi.dashboards import signals, store, summary
from luoshi.dashboards.models import EvaluationTally, StoredEvaluation
from luoshi.dashboards.read import Evaluated
from luoshi.demo.synthetic import generate
from luoshi.orgs.models import Membership, Unit, User
from luoshi.plans.choices import State
from luoshi.plans.models import Target
from luoshi.reporting.choices import ReportStatus
from luoshi.reporting.models import Report

from .test_stored_evaluations import TODAY, random_change


def fresh_tally() -> dict:
    """(day, plan, unit) → the counts, from every stored row of an active target."""
    counted: dict = {}
    rows = StoredEvaluation.objects.filter(target__is_active=True).values_list(
        "at", "target__plan_id", "target__unit_id", "state", "missing", "awaiting", "will_miss"
    )
    for at, plan, unit, state, missing, awaiting, will_miss in rows:
        count = counted.setdefault((at, plan, unit), Counter())
        count["total"] += 1
        count["missing"] += missing and not awaiting
        count["awaiting"] += awaiting
        count["flagged"] += state in (State.BEHIND, State.OVERDUE) or bool(will_miss)
        count[state] += 1
    return {key: {name: count[name] for name in summary.COUNTED} for key, count in counted.items()}


def kept_tally() -> dict:
    return {
        (row.at, row.plan_id, row.unit_id): {name: getattr(row, name) for name in summary.COUNTED}
        for row in EvaluationTally.objects.all()
    }


def assert_tally_is_fresh():
    assert kept_tally() == fresh_tally()


def other_change(rng: random.Random) -> str:
    """Changes the tally must follow that do not change an evaluation: a target moved to
    another unit, turned inactive and back, deleted."""
    choice = rng.randrange(3)
    target = Target.objects.filter(is_active=True).order_by("?").first()
    if choice == 0:
        target.unit = Unit.objects.exclude(pk=target.unit_id).order_by("?").first()
        target.save()
        return "move"
    if choice == 1:
        target.is_active = not target.is_active
        target.save()
        return "deactivate"
    spare = Target.objects.filter(reports__isnull=True).order_by("?").first()
    if spare is not None and not spare.parts.exists():
        spare.delete()
    return "delete"


@pytest.fixture
def small_city(db, settings):
    settings.LUOSHI_TODAY = TODAY
    generate(scale=1, fraction=0.02, seed=11, months=10)


def test_a_generated_city_is_tallied_whole(small_city):
    assert EvaluationTally.objects.exists()
    assert_tally_is_fresh()


def test_the_tally_follows_random_changes(small_city):
    rng = random.Random(7)
    done = Counter()
    for _ in range(40):
        done[random_change(rng) if rng.random() < 0.6 else other_change(rng)] += 1
        if rng.random() < 0.3:
            signals.flush()  # as a page would, between changes
    signals.flush()
    assert {"move", "deactivate", "delete", "approve"} <= set(done)
    assert_tally_is_fresh()


def test_a_refresh_in_many_batches_counts_once_at_the_end(small_city, monkeypatch):
    # Rows written behind the store's back: the refreshes below write them again.
    StoredEvaluation.objects.filter(at=TODAY).update(state=State.OVERDUE)
    monkeypatch.setattr(store, "CHUNK", 7)
    ids = list(Target.objects.order_by("pk").values_list("pk", flat=True)[:30])
    monkeypatch.setattr(summary, "REBUILD_ABOVE", 1000)
    store.refresh(ids)  # five batches: their units recounted at the end
    monkeypatch.setattr(summary, "REBUILD_ABOVE", 10)
    store.refresh(ids)  # more than REBUILD_ABOVE targets: the whole tally again
    assert_tally_is_fresh()
    store.refresh(None)
    assert_tally_is_fresh()


def test_rebuild_writes_what_the_store_keeps(small_city):
    before = kept_tally()
    EvaluationTally.objects.all().delete()
    summary.rebuild()
    assert kept_tally() == before == fresh_tally()


@pytest.mark.parametrize("who", ["leader", "approver"])
def test_the_cockpit_counts_from_the_tally_as_from_the_stored_rows(small_city, who):
    rng = random.Random(3)
    for _ in range(10):
        random_change(rng)
    if who == "leader":
        person = User.objects.get(username="syn11-leader")
    else:
        person = (
            Membership.objects.filter(
                role="approver", unit__children__isnull=False, unit__parent__parent__isnull=False
            )
            .select_related("user")
            .first()
            .user
        )
        # A cooperating part kept by a unit outside the approver's: seen through its lead.
        approved = Membership.objects.filter(user=person, role="approver").values("unit__path")
        lead = Target.objects.filter(unit__path__startswith=approved[0]["unit__path"]).first()
        part = Target.objects.exclude(unit__path__startswith=approved[0]["unit__path"]).first()
        part.part_of = lead
        part.save()
    client = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
    client.force_login(person)
    page = client.get("/cockpit/")
    assert page.status_code == 200 and page.context["stored"]
    targets = Target.objects.restrict(person, "view").filter(is_active=True)
    plain = Evaluated(targets, TODAY)
    assert who == "leader" or targets.filter(part_of__isnull=False).exists()
    assert page.context["counts"] == plain.counts()
    red = plain.base.filter(Q(ev__state__in=(State.BEHIND, State.OVERDUE)) | Q(ev__will_miss=True))
    assert page.context["red_total"] == red.count() > 0
    latest = page.context["latest"]
    on_day = StoredEvaluation.objects.filter(target__in=targets, at=latest.at)
    assert latest.total == on_day.count()
    assert latest.good == on_day.filter(state__in=(State.ON_TRACK, State.DONE)).count()


def test_one_approval_recounts_one_unit(small_city):
    report = Report.objects.filter(status=ReportStatus.SUBMITTED).first()
    signals.flush()
    others = {row.pk: row.total for row in EvaluationTally.objects.exclude(unit=report.unit)}
    report.status = ReportStatus.APPROVED
    report.save()
    signals.flush()
    # The other units' rows were not rewritten.
    assert {row.pk: row.total for row in EvaluationTally.objects.exclude(unit=report.unit)} == (
        others
    )
    assert_tally_is_fresh()


def test_one_refresh_counts_its_rows_in_and_out_of_its_units_days(small_city):
    # A unit's targets refreshed one by one on the next day: each takes its row of the day
    # before out of the tally and adds the new day's (a row the first one creates); the
    # day before's row goes when its last target has left it.
    unit = Target.objects.filter(is_active=True).values_list("unit", flat=True).first()
    ids = list(Target.objects.filter(unit=unit, is_active=True).values_list("pk", flat=True))
    later = TODAY + timedelta(days=1)
    assert len(ids) > 1
    assert not EvaluationTally.objects.filter(at=later).exists()
    for pk in ids:
        store.refresh([pk], today=later)
        assert_tally_is_fresh()
    assert EvaluationTally.objects.filter(unit=unit, at=later).exists()
    assert not EvaluationTally.objects.filter(unit=unit, at=TODAY).exists()


def test_one_approval_updates_the_counts_of_its_unit_without_counting_it_again(small_city):
    # The report awaited approval: approved, it moves its target out of "awaiting".
    waiting = StoredEvaluation.objects.filter(awaiting=True).values("target")
    report = Report.objects.filter(status=ReportStatus.SUBMITTED, target__in=waiting).first()
    signals.flush()
    report.status = ReportStatus.APPROVED
    report.save()
    with CaptureQueriesContext(connection) as captured:
        signals.flush()
    tally = [q["sql"] for q in captured.captured_queries if "evaluationtally" in q["sql"]]
    assert len(tally) == 1 and tally[0].startswith("WITH"), tally
    assert_tally_is_fresh()
