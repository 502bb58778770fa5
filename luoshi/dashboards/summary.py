"""The tally: stored evaluations counted by day, plan and unit (issue 14).

The cockpit reads a city's counts by state, its trend over the month ends and its
units' scorecard from these few rows (one per plan, unit and stored day: some
thousands for a province) instead of counting the stored evaluations of every
target on every request (half a million rows at 10×, 400 ms for the trend alone).

The store keeps it: whenever it writes the stored rows of some targets it calls
`recount` in the same transaction, which counts again, from the stored rows, the
units those targets are in now and were in before (`TallyMember` remembers the
latter: a target that moved, turned inactive or was deleted leaves its old unit's
count). A unit's count is one grouped query over its own targets, so it is exact by
construction, whatever changed; concurrent recounts of one unit are serialised by a
transaction-scoped lock on PostgreSQL (SQLite writes one at a time anyway), taken in
the order of the units' ids, so that a recount always reads the other's committed rows.

A refresh of many targets in batches (the daily job, a plan's rules changed) would
count every unit again for each batch of a thousand targets spread over the city:
within `deferred()` the batches only note their targets, and their units are counted
once at the end (the whole tally, when more than a batch was refreshed). Until that
end, which follows the last batch by a second or two at 10×, the counts may lag
the stored rows the batches committed.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager

from django.db import connection, transaction
from django.db.models import Count, Q

from luoshi.plans.choices import State
from luoshi.plans.models import Target

from .models import EvaluationTally, StoredEvaluation, TallyMember

RED = (State.BEHIND, State.OVERDUE)
# The namespace of the tally's advisory locks (pg_advisory_xact_lock(namespace, unit id)).
LOCK_NAMESPACE = 14_0001
COUNTED = ("total", "missing", "awaiting", "flagged", *State.values)


def counting() -> dict[str, Count]:
    """The tally's columns as counts of stored rows (for an annotate)."""
    return {
        "total": Count("pk"),
        "missing": Count("pk", filter=Q(missing=True, awaiting=False)),
        "awaiting": Count("pk", filter=Q(awaiting=True)),
        "flagged": Count("pk", filter=Q(state__in=RED) | Q(will_miss=True)),
        **{state: Count("pk", filter=Q(state=state)) for state in State.values},
    }


def _counts(stored) -> Iterable[dict]:
    """Stored rows of active targets counted by day, plan and unit: one grouped query."""
    return (
        stored.filter(target__is_active=True)
        .values("at", "target__plan_id", "target__unit_id")
        .annotate(**counting())
        .order_by()
    )


def _write(counts: Iterable[dict]) -> None:
    EvaluationTally.objects.bulk_create(
        [
            EvaluationTally(
                at=row["at"],
                plan_id=row["target__plan_id"],
                unit_id=row["target__unit_id"],
                **{name: row[name] for name in COUNTED},
            )
            for row in counts
        ],
        batch_size=1000,
    )


def _lock(unit_ids: Collection[int] | None) -> None:
    """Until the transaction ends: these units' counts are ours (None: the whole tally's).

    A recount holds its units' advisory locks, taken in one order by everyone; a rebuild
    locks both tables against writers, which a recount becomes at its first delete."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        if unit_ids is None:
            cursor.execute(
                f"LOCK TABLE {EvaluationTally._meta.db_table}, {TallyMember._meta.db_table} "
                "IN EXCLUSIVE MODE"
            )
        elif unit_ids:
            # Sorted in a subquery, so the locks are taken in the order of the ids.
            cursor.execute(
                "SELECT pg_advisory_xact_lock(%s, u) FROM "
                "(SELECT u FROM unnest(%s::integer[]) AS u ORDER BY u) AS units",
                [LOCK_NAMESPACE, sorted(unit_ids)],
            )


_local = threading.local()
# Above this many targets noted within `deferred`, the whole tally is counted again.
REBUILD_ABOVE = 1000


@contextmanager
def deferred(active: bool = True) -> Iterator[None]:
    """Within: `recount` notes its targets; their units are counted once on leaving."""
    if not active or getattr(_local, "pending", None) is not None:
        yield
        return
    _local.pending = {}
    try:
        yield
    finally:
        pending: dict[int, tuple[int, int] | None] = _local.pending
        _local.pending = None
        with transaction.atomic():
            if len(pending) > REBUILD_ABOVE:
                rebuild()
            else:
                recount_ids(list(pending), {pk: g for pk, g in pending.items() if g})


def _seen() -> set[int]:
    if getattr(_local, "seen", None) is None:
        _local.seen = set()
    return _local.seen


def recount(targets: list[Target]) -> None:
    """Count again the units of these targets (just refreshed, in hand), now and before."""
    now = {t.pk: (t.plan_id, t.unit_id) for t in targets if t.is_active}
    _seen().update(t.pk for t in targets)
    pending = getattr(_local, "pending", None)
    if pending is not None:
        pending.update({t.pk: now.get(t.pk) for t in targets})
        return
    recount_ids([t.pk for t in targets], now)


def recount_ids(ids: Collection[int], now: dict[int, tuple[int, int]] | None = None) -> None:
    """Count again the units that targets `ids` are counted in (`now`: target id → its
    plan and unit, for those active now; None reads them) and were counted in before."""
    if not ids:
        return
    if now is None:
        now = {
            pk: (plan_id, unit_id)
            for pk, plan_id, unit_id in Target.objects.filter(
                pk__in=ids, is_active=True
            ).values_list("pk", "plan_id", "unit_id")
        }
    before = {
        pk: (plan_id, unit_id)
        for pk, plan_id, unit_id in TallyMember.objects.filter(target_id__in=ids).values_list(
            "target_id", "plan_id", "unit_id"
        )
    }
    units = {unit_id for _plan, unit_id in [*now.values(), *before.values()]}
    _lock(units)
    moved = [pk for pk in before if before[pk] != now.get(pk)]
    if moved:
        TallyMember.objects.filter(target_id__in=moved).delete()
    joined = [pk for pk in now if before.get(pk) != now[pk]]
    if joined:
        TallyMember.objects.bulk_create(
            [TallyMember(target_id=pk, plan_id=now[pk][0], unit_id=now[pk][1]) for pk in joined],
            batch_size=1000,
            ignore_conflicts=True,  # written meanwhile by a rebuild, as they are now
        )
    if not units:
        return
    EvaluationTally.objects.filter(unit_id__in=units).delete()
    _write(_counts(StoredEvaluation.objects.filter(target__unit_id__in=units)))


def forget_gone(ids: Collection[int] | None = None) -> None:
    """Take the deleted targets (among `ids`, or all) out of their units' counts: no
    query when every one of `ids` was just recounted (the refresh found them all)."""
    members = TallyMember.objects.all()
    existing = Target.objects.all()
    seen, _local.seen = _seen(), None
    if ids is not None:
        unseen = [pk for pk in ids if pk not in seen]
        if not unseen:
            return
        members = members.filter(target_id__in=unseen)
        existing = existing.filter(pk__in=unseen)
    members = members.exclude(target_id__in=existing.values("pk"))
    gone = list(members.values_list("target_id", flat=True))
    if gone:
        recount_ids(gone, {})


def _insert_select(model, columns: list[str], rows) -> int:
    """INSERT INTO model (columns) SELECT …: `rows`, a values() queryset of the same
    columns in the same order, written by the database without passing through Python."""
    select, params = rows.query.sql_with_params()
    quote = connection.ops.quote_name
    names = ", ".join(quote(model._meta.get_field(name).column) for name in columns)
    with connection.cursor() as cursor:
        # Table and column names from the models' metadata, quoted; values are parameters.
        cursor.execute(f"INSERT INTO {quote(model._meta.db_table)} ({names}) {select}", params)  # noqa: S608
        return cursor.rowcount


def rebuild() -> int:
    """The whole tally counted again from the stored rows: rows written (two INSERT …
    SELECT: a province's 50,000 members and 15,000 counts in a second or two)."""
    _lock(None)
    EvaluationTally.objects.all().delete()
    TallyMember.objects.all().delete()
    _insert_select(
        TallyMember,
        ["target_id", "plan_id", "unit_id"],
        Target.objects.filter(is_active=True).order_by().values("pk", "plan_id", "unit_id"),
    )
    return _insert_select(
        EvaluationTally,
        ["at", "plan", "unit", *COUNTED],
        _counts(StoredEvaluation.objects.all()),
    )
