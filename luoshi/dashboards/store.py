"""Keeping the stored evaluations equal to a fresh evaluation.

Each target has a row for today and one for each month end of its period up to
today (the month ends are the trend's points and the dates a period closes on;
quarter ends are month ends too). `refresh` recomputes the rows of some targets
from the database as it is now and removes the rows of days no longer kept (the
previous "today"); it is a pure function of the database, so refreshing a
target too often is only wasted work, never a wrong figure.

What calls it: the signal handlers (signals.py) after a change commits, the
daily job (tasks.refresh_all), and `luoshi refresh_evaluations`.

A refresh sends `state_changed` with the targets whose state or will-miss forecast
for today differs from their latest stored row before it, inside its transaction
(luoshi.notices queues a task there that tells people when a target turns behind or
will miss: the task commits with the rows, or neither does).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from django.db import connection, transaction
from django.dispatch import Signal
from django.utils import timezone

from luoshi.clock import today as local_today
from luoshi.core.periods import owed_period_end
from luoshi.ledgers.measures import sweeping
from luoshi.ledgers.models import Measure
from luoshi.plans.models import Plan, Target
from luoshi.reporting.choices import ReportStatus
from luoshi.reporting.models import Report

from . import summary
from .evaluation import evaluate_on_days
from .models import STATE_RANK, StoredEvaluation
from .queries import awaiting_evaluation

CHUNK = 1000  # targets evaluated and written at a time: bounded memory for a province

# Sent in the refresh's transaction, once its rows are written, with changes=[(target id,
# old state, old will_miss, new state, new will_miss)] and today=the day refreshed.
# Targets with no stored row before are left out. A receiver writes only what must
# commit with the rows (a task row): the work itself belongs after the commit.
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
    return list(_kept_days(target.start, target.end, today))


@lru_cache(maxsize=1024)
def _kept_days(start: date, end: date, today: date) -> tuple[date, ...]:
    """kept_days of a period: the same for every target of a plan's year (computed once)."""
    days = month_ends_until(start, end, today)
    if not days or days[-1] != today:
        days.append(today)
    return tuple(days)


def refresh(
    target_ids: Iterable[int] | None = None,
    today: date | None = None,
    *,
    new_days_only: bool = False,
    since: Mapping[int, date] | None = None,
    awaiting_only: Collection[int] = (),
) -> int:
    """Recompute the stored evaluations of these targets (all when None); returns the
    number of rows written (a row whose evaluation did not change is left as it is).

    `since` maps a target to the first day its change can show on (a report counts on
    the days from its date on: signals.py): its stored rows of earlier days are kept as
    they are, and only the kept days from that one on (and any kept day not stored yet)
    are computed; a target it does not name has every kept day computed. The targets in
    `awaiting_only` changed only in a report awaiting approval (submitted, returned,
    deleted before approval): that shows only on a day that misses a report (the
    reason says "awaiting approval"), so of their days from `since` on only those whose
    stored row misses a report are computed (and any not stored yet); most often none.

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
        if len(ids) > CHUNK:  # the ledger-bound targets together (see _all_in_chunks)
            bound = set(Measure.objects.values_list("target_id", flat=True))
            ids = [pk for pk in ids if pk in bound] + [pk for pk in ids if pk not in bound]
        chunks = (ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK))
        batches = (list(targets.filter(pk__in=chunk)) for chunk in chunks)
    else:
        batches = _all_in_chunks(targets)
    written = 0
    # The tally (summary.py, issue 14) counts the units once, after more than one batch.
    with summary.deferred(target_ids is None or len(ids) > CHUNK):
        with sweeping():  # many ledger figures at once: each ledger read once
            for batch in batches:
                written += _refresh_batch(
                    batch, today, new_days_only, Scope(since or {}, frozenset(awaiting_only))
                )
    if target_ids is None:
        # Targets that are gone (deleted plans in tests, say) leave nothing behind.
        StoredEvaluation.objects.exclude(target__in=Target.objects.all()).delete()
    # The tally (summary.py, issue 14): deleted targets leave their units' counts.
    summary.forget_gone(None if target_ids is None else ids)
    return written


def _all_in_chunks(targets) -> Iterable[list[Target]]:
    """Every target, CHUNK at a time: the ledger-bound ones first and together, so that
    their figures come from one read of each ledger (ledgers.measures.sweeping) and not
    from a ledger query in every batch (a province's 230 of them spread over 50 batches)."""
    # The plans once, each shared by its targets, rather than a copy joined to every row.
    plans = {plan.pk: plan for plan in Plan.objects.all()}
    targets = targets.select_related(None)
    for kind in (targets.filter(measure__isnull=False), targets.filter(measure__isnull=True)):
        last = 0
        while True:
            batch = list(kind.filter(pk__gt=last)[:CHUNK])
            if not batch:
                break
            new = {target.plan_id for target in batch} - plans.keys()  # made since
            if new:
                plans.update((plan.pk, plan) for plan in Plan.objects.filter(pk__in=new))
            for target in batch:
                target.plan = plans[target.plan_id]
            yield batch
            last = batch[-1].pk


def _refresh_batch(
    targets: list[Target],
    today: date,
    new_days_only: bool = False,
    scope: Scope | None = None,
) -> int:
    if not targets:  # every id of the chunk was deleted meanwhile: nothing to compute
        return 0
    scope = scope or Scope({}, frozenset())
    if new_days_only or summary.deferring():
        return _refresh_rows(targets, today, new_days_only, None, scope)
    # A refresh after a change (one approval, say): the tally of the targets' units is
    # locked before their stored rows are read, so that the rows counted out of it are
    # the rows this refresh replaces, and the rows it writes are counted in (summary.py).
    with transaction.atomic():
        return _refresh_rows(targets, today, False, summary.hold(targets), scope)


def _refresh_rows(
    targets: list[Target],
    today: date,
    new_days_only: bool,
    upkeep: summary.Upkeep | None,
    scope: Scope,
) -> int:
    days = {target.pk: kept_days(target, today) for target in targets}
    # The stored rows as they are before this refresh: the days no longer kept among them
    # go, and each target's latest state up to today is what `state_changed` compares with.
    # Refreshing every day, each row whole, to write only the rows whose evaluation
    # changed; the daily job reads today's whole rows apart, when it runs again on a day.
    columns = ("state", "will_miss") if new_days_only else Row._fields[2:]
    state, will_miss = columns.index("state"), columns.index("will_miss")
    low, high = min(days), max(days)
    rows_of = StoredEvaluation.objects.order_by()  # no ordering: it would join the target
    if high - low < 2 * len(days):
        # Targets close together (a batch of the daily job): the rows of the range through
        # the (target, at) index, those of the targets between them dropped here; a list
        # of a thousand ids costs more to send and plan than such rows to skip.
        rows_of = rows_of.filter(target_id__gte=low, target_id__lte=high)
    else:
        rows_of = rows_of.filter(target_id__in=list(days))
    stored = [
        row for row in rows_of.values_list("pk", "target_id", "at", *columns) if row[1] in days
    ]
    stale_ids = [pk for pk, target_id, at, *_values in stored if at not in days[target_id]]
    latest: dict[int, date] = {}
    before: dict[int, tuple[str, bool | None]] = {}
    for _pk, target_id, at, *values in stored:
        if at <= today and at >= latest.get(target_id, at):
            latest[target_id] = at
            before[target_id] = (values[state], values[will_miss])
    if not new_days_only:
        as_stored = {(row[1], row[2]): Row(*row[1:]) for row in stored}
    else:
        # Today's rows, if the job already ran today (none: no query).
        again = [pk for pk, _target_id, at, *_values in stored if at == today]
        whole = StoredEvaluation.objects.filter(pk__in=again).order_by().values_list(*Row._fields)
        as_stored = {(row.target_id, row.at): row for row in map(Row._make, whole)}
    wanted = days
    if new_days_only or scope.since:
        # The daily job: today and the days not stored yet. After a change from a day on
        # (`since`): the days from it on, and any earlier one not stored yet; of a change
        # of a report awaiting approval, only those of them that miss a report.
        have = {(target_id, at) for _pk, target_id, at, *_values in stored}
        have_missing = set()
        if scope.awaiting_only:
            missing = 3 + columns.index("missing")
            have_missing = {(row[1], row[2]) for row in stored if row[missing]}
        first = {pk: today if new_days_only else scope.since.get(pk, date.min) for pk in days}
        wanted = {
            pk: [
                day
                for day in kept
                if (pk, day) not in have
                or (
                    day >= first[pk]
                    and (pk not in scope.awaiting_only or (pk, day) in have_missing)
                )
            ]
            for pk, kept in days.items()
        }
    evaluations = evaluate_on_days(targets, wanted)
    awaiting = _awaiting(targets, evaluations)
    rows: list[Row] = []
    for (target_id, day), by_lang in evaluations.items():
        zh, en = by_lang["zh"], by_lang["en"]
        is_awaiting = (target_id, day) in awaiting
        if is_awaiting:
            zh, en = awaiting_evaluation(zh, "zh"), awaiting_evaluation(en, "en")
        rows.append(
            Row(
                target_id,
                day,
                zh.state,
                STATE_RANK[zh.state],
                zh.missing,
                is_awaiting,
                zh.expected,
                zh.actual,
                zh.ratio,
                zh.forecast,
                zh.will_miss,
                zh.reason,
                en.reason,
            )
        )
    changed = [row for row in rows if as_stored.get((row.target_id, row.at)) != row]
    changes = [
        (row.target_id, *before[row.target_id], row.state, row.will_miss)
        for row in changed
        if row.at == today
        and row.target_id in before
        and before[row.target_id] != (row.state, row.will_miss)
    ]
    # (Within the refresh's own transaction when it holds the tally: no savepoint.)
    with transaction.atomic(savepoint=False):
        _upsert(changed)
        # Days no longer kept: yesterday's "today", or month ends a shorter period dropped.
        StoredEvaluation.objects.filter(pk__in=stale_ids).delete()
        # The tally (summary.py, issue 14), in this transaction, so the counts equal the
        # stored rows whenever they are read: the rows replaced and deleted counted out and
        # the rows written counted in, or (within a refresh of many) the units counted again.
        if upkeep is None:
            summary.recount(targets)
        else:
            stale = set(stale_ids)
            upkeep.done(
                removed=[
                    *(
                        as_stored[key]
                        for key in ((r.target_id, r.at) for r in changed)
                        if key in as_stored
                    ),
                    *(Row(*row[1:]) for row in stored if row[0] in stale),
                ],
                added=changed,
            )
        if changes:
            state_changed.send(StoredEvaluation, changes=changes, today=today)
    return len(changed)


class Scope(NamedTuple):
    """Which kept days a refresh after a change computes (refresh's `since` and
    `awaiting_only`)."""

    since: Mapping[int, date]
    awaiting_only: frozenset[int]


class Row(NamedTuple):
    """A stored evaluation to write: the columns of StoredEvaluation but its id and time."""

    target_id: int
    at: date
    state: str
    state_rank: int
    missing: bool
    awaiting: bool
    expected: float | None
    actual: float | None
    ratio: float | None
    forecast: float | None
    will_miss: bool | None
    reason_zh: str
    reason_en: str


# PostgreSQL's type of each Row column, for the arrays _upsert unnests.
ROW_TYPES = (
    "bigint date text smallint boolean boolean double_precision double_precision "
    "double_precision double_precision boolean text text"
).split()


def _upsert(rows: list[Row]) -> None:
    """Insert the rows, or update the stored row of the same target and day.

    On PostgreSQL one INSERT … SELECT FROM unnest(one array per column) … ON CONFLICT DO
    UPDATE: what bulk_create(update_conflicts=True) sends, without building a model and
    preparing each of its fields (half the refresh's time in writing, at 1,000 rows a
    batch). Elsewhere bulk_create itself.
    """
    if not rows:
        return
    now = timezone.now()
    if connection.vendor != "postgresql":
        StoredEvaluation.objects.bulk_create(
            [StoredEvaluation(**row._asdict(), computed_at=now) for row in rows],
            batch_size=500,
            update_conflicts=True,
            unique_fields=["target", "at"],
            update_fields=[*Row._fields[2:], "computed_at"],
        )
        return
    name = connection.ops.quote_name
    columns = [*Row._fields, "computed_at"]
    arrays = ", ".join(f"%s::{kind.replace('_', ' ')}[]" for kind in ROW_TYPES)
    updates = ", ".join(f"{name(column)} = EXCLUDED.{name(column)}" for column in columns[2:])
    # Names from the model and this module only; every value is a bound parameter.
    sql = (
        f"INSERT INTO {name(StoredEvaluation._meta.db_table)} "  # noqa: S608 - see above
        f"({', '.join(name(column) for column in columns)}) "
        f"SELECT rows.*, %s FROM unnest({arrays}) AS rows "
        f"ON CONFLICT ({name('target_id')}, {name('at')}) DO UPDATE SET {updates}"
    )
    arrays_of = [
        # A figure may come as an int (0): an array holds one type.
        [None if v is None else float(v) for v in column] if kind == "double_precision" else column
        for kind, column in zip(ROW_TYPES, zip(*rows, strict=True), strict=True)
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, [now, *(list(column) for column in arrays_of)])


def _awaiting(targets: list[Target], evaluations) -> dict[tuple[int, date], date]:
    """(target id, day) → the owed period's end, for the missing reports that are submitted
    and await approval (as queries.awaiting_approval decides on one day: a submitted report
    dated from the owed period's end to the day): one query for every day."""
    by_pk = {target.pk: target for target in targets}
    owed: dict[tuple[int, date], date] = {}
    for (target_id, day), by_lang in evaluations.items():
        target = by_pk[target_id]
        if by_lang["zh"].missing and target.cadence:
            end = owed_period_end(target.cadence, target.due_day, target.start, day)
            if end is not None:
                owed[(target_id, day)] = end
    if not owed:
        return {}
    submitted: dict[int, list[date]] = defaultdict(list)
    for target_id, as_of in Report.objects.filter(
        target_id__in={target_id for target_id, _day in owed},
        status=ReportStatus.SUBMITTED,
        as_of__lte=max(day for _target_id, day in owed),
    ).values_list("target_id", "as_of"):
        submitted[target_id].append(as_of)
    return {
        (target_id, day): end
        for (target_id, day), end in owed.items()
        if any(end <= as_of <= day for as_of in submitted[target_id])
    }
