"""Keeping the stored evaluations equal to a fresh evaluation.

Each target has a row for today and one for each month end of its period up to
today (the month ends are the trend's points and the dates a period closes on;
quarter ends are month ends too). `refresh` recomputes the rows of some targets
from the database as it is now and removes the rows of days no longer kept (the
previous "today"); it is a pure function of the database, so refreshing a
target too often is only wasted work, never a wrong figure.

What calls it: the signal handlers (signals.py) after a change commits, the
daily job (tasks.refresh_all), and `luoshi refresh_evaluations`.

After a refresh commits, `state_changed` is sent with the targets whose state or
will-miss forecast for today differs from their latest stored row before it
(luoshi.notices tells people when a target turns behind or will miss).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from django.db import transaction
from django.dispatch import Signal

from luoshi.clock import today as local_today
from luoshi.plans.models import Target

from . import summary
from .evaluation import evaluate_on_days
from .models import STATE_RANK, StoredEvaluation
from .queries import awaiting_approval, awaiting_evaluation

CHUNK = 1000  # targets evaluated and written at a time: bounded memory for a province

# Sent on commit with changes=[(target id, old state, new state, old will_miss, new
# will_miss)] and today=the day refreshed. Targets with no stored row before are left out.
state_changed = Signal()


def month_ends_until(start: date, end: date, until: date) -> list[date]:
    """The last day of each month from `start`'s month on, capped at `end`, up to `until`."""
    days: list[date] = []
    year, month = start.year, start.month
    while True:
        following = date(year + month // 12, month % 12 + 1, 1)
        day = min(following - timedelta(days=1), end)
        if day > until:
            return days
        days.append(day)
        if day >= end:
            return days
        year, month = following.year, following.month


def kept_days(target: Target, today: date) -> list[date]:
    """The days a target's evaluation is stored for: its month ends so far, and today."""
    days = month_ends_until(target.start, target.end, today)
    if not days or days[-1] != today:
        days.append(today)
    return days


def refresh(
    target_ids: Iterable[int] | None = None,
    today: date | None = None,
    *,
    new_days_only: bool = False,
) -> int:
    """Recompute the stored evaluations of these targets (all when None); returns rows written.

    With `new_days_only` (the daily job), a stored month end is kept as it is: a past
    day's evaluation changes only when the data changes, and every change refreshes the
    targets it touches (signals.py). Only today and the month ends not yet stored are
    computed, a tenth of the work for a target in its tenth month.
    """
    today = today or local_today()
    targets = Target.objects.select_related("plan").order_by("pk")
    batches: Iterable[list[Target]]
    if target_ids is not None:
        ids = sorted(set(target_ids))
        if not ids:
            return 0
        chunks = (ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK))
        batches = (list(targets.filter(pk__in=chunk)) for chunk in chunks)
    else:
        batches = _all_in_chunks(targets)
    written = 0
    # The tally (summary.py, issue 14) counts the units once, after more than one batch.
    with summary.deferred(target_ids is None or len(ids) > CHUNK):
        for batch in batches:
            written += _refresh_batch(batch, today, new_days_only)
    if target_ids is None:
        # Targets that are gone (deleted plans in tests, say) leave nothing behind.
        StoredEvaluation.objects.exclude(target__in=Target.objects.all()).delete()
    # The tally (summary.py, issue 14): deleted targets leave their units' counts.
    summary.forget_gone(None if target_ids is None else ids)
    return written


def _all_in_chunks(targets) -> Iterable[list[Target]]:
    last = 0
    while True:
        batch = list(targets.filter(pk__gt=last)[:CHUNK])
        if not batch:
            return
        yield batch
        last = batch[-1].pk


def _refresh_batch(targets: list[Target], today: date, new_days_only: bool = False) -> int:
    days = {target.pk: kept_days(target, today) for target in targets}
    # The stored rows as they are before this refresh: the days no longer kept among them
    # go, and each target's latest state up to today is what `state_changed` compares with.
    # The range lets the planner walk the (target, at) index for a batch of consecutive
    # targets instead of scanning the table; order_by(): the model's ordering would join
    # the target, its plan and its unit.
    stored = list(
        StoredEvaluation.objects.filter(
            target_id__in=list(days), target_id__gte=min(days), target_id__lte=max(days)
        )
        .order_by()
        .values_list("pk", "target_id", "at", "state", "will_miss")
    )
    stale_ids = [pk for pk, target_id, at, _s, _w in stored if at not in days[target_id]]
    latest: dict[int, date] = {}
    before: dict[int, tuple[str, bool | None]] = {}
    for _pk, target_id, at, state, will_miss in stored:
        if at <= today and at >= latest.get(target_id, at):
            latest[target_id] = at
            before[target_id] = (state, will_miss)
    wanted = days
    if new_days_only:
        have = {(target_id, at) for _pk, target_id, at, _s, _w in stored}
        wanted = {
            pk: [day for day in kept if day == today or (pk, day) not in have]
            for pk, kept in days.items()
        }
    evaluations = evaluate_on_days(targets, wanted)
    awaiting = _awaiting(targets, evaluations)
    rows = []
    for (target_id, day), by_lang in evaluations.items():
        zh, en = by_lang["zh"], by_lang["en"]
        is_awaiting = (target_id, day) in awaiting
        if is_awaiting:
            zh, en = awaiting_evaluation(zh, "zh"), awaiting_evaluation(en, "en")
        rows.append(
            StoredEvaluation(
                target_id=target_id,
                at=day,
                state=zh.state,
                state_rank=STATE_RANK[zh.state],
                missing=zh.missing,
                awaiting=is_awaiting,
                expected=zh.expected,
                actual=zh.actual,
                ratio=zh.ratio,
                forecast=zh.forecast,
                will_miss=zh.will_miss,
                reason_zh=zh.reason,
                reason_en=en.reason,
            )
        )
    with transaction.atomic():
        StoredEvaluation.objects.bulk_create(
            rows,
            batch_size=500,
            update_conflicts=True,
            unique_fields=["target", "at"],
            update_fields=[
                "state",
                "state_rank",
                "missing",
                "awaiting",
                "expected",
                "actual",
                "ratio",
                "forecast",
                "will_miss",
                "reason_zh",
                "reason_en",
                "computed_at",
            ],
        )
        # Days no longer kept: yesterday's "today", or month ends a shorter period dropped.
        StoredEvaluation.objects.filter(pk__in=stale_ids).delete()
        # The tally (summary.py, issue 14): these targets' units counted again, in this
        # transaction, so the counts equal the stored rows whenever they are read.
        summary.recount(targets)
    changes = [
        (row.target_id, *before[row.target_id], row.state, row.will_miss)
        for row in rows
        if row.at == today
        and row.target_id in before
        and before[row.target_id] != (row.state, row.will_miss)
    ]
    if changes:
        transaction.on_commit(
            lambda: state_changed.send(StoredEvaluation, changes=changes, today=today),
            robust=True,
        )
    return len(rows)


def _awaiting(targets: list[Target], evaluations) -> dict[tuple[int, date], date]:
    """(target id, day) → the owed period's end, for the missing reports that are submitted
    and await approval: one query per day that has any."""
    by_pk = {target.pk: target for target in targets}
    missing_on: dict[date, list[Target]] = defaultdict(list)
    for (target_id, day), by_lang in evaluations.items():
        if by_lang["zh"].missing and by_pk[target_id].cadence:
            missing_on[day].append(by_pk[target_id])
    found = {}
    for day, missing in missing_on.items():
        for target_id, period_end in awaiting_approval(missing, day).items():
            found[(target_id, day)] = period_end
    return found
