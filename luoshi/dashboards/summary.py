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
from datetime import date

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


def deferring() -> bool:
    """Within `deferred`: batches only note their targets."""
    return getattr(_local, "pending", None) is not None


def hold(targets: list[Target]) -> Upkeep:
    """At the start of the transaction that refreshes `targets`, before their stored rows
    are read: their units' tallies locked until it ends (see Upkeep)."""
    now = {t.pk: (t.plan_id, t.unit_id) for t in targets if t.is_active}
    before = {
        pk: (plan_id, unit_id)
        for pk, plan_id, unit_id in TallyMember.objects.filter(
            target_id__in=[t.pk for t in targets]
        ).values_list("target_id", "plan_id", "unit_id")
    }
    _lock({unit_id for _plan, unit_id in [*now.values(), *before.values()]})
    return Upkeep(targets, now, before)


class Upkeep:
    """The tally's part in one refresh of some targets (not within `deferred`).

    Their units are locked before their stored rows are read (`hold`), and every refresh
    of a target's rows holds them so: so the rows a refresh reads are the rows in its
    units' counts, and each row it replaces or deletes is counted out of its day, plan
    and unit and each row it writes counted in (one UPDATE of the changed counts, where
    counting a unit again reads and rewrites all of its days). Targets that joined, left
    or moved (active or not, another plan or unit) have their units counted again.

    A count can lag the rows only within a refresh of many (`deferred`), whose units are
    counted again under the same locks when it ends, after any change counted here."""

    def __init__(
        self,
        targets: list[Target],
        now: dict[int, tuple[int, int]],
        before: dict[int, tuple[int, int]],
    ):
        self.targets, self.now = targets, now
        self.moved = {pk for pk in now.keys() | before.keys() if before.get(pk) != now.get(pk)}
        # The units of the targets that moved: counted again whole, after the rows are written.
        self.recounted = {
            member[1]
            for pk in self.moved
            for member in (now.get(pk), before.get(pk))
            if member is not None
        }

    def done(self, removed: Iterable, added: Iterable) -> None:
        """The refresh replaced or deleted the stored rows `removed` and wrote `added`
        (each with target_id, at, state, missing, awaiting and will_miss)."""
        _seen().update(t.pk for t in self.targets)
        if self.moved:
            recount_ids(list(self.moved), {pk: self.now[pk] for pk in self.moved if pk in self.now})
        deltas: dict[tuple, list[int]] = {}
        for sign, rows in ((-1, removed), (1, added)):
            for row in rows:
                member = self.now.get(row.target_id)
                if member is None or row.target_id in self.moved or member[1] in self.recounted:
                    continue
                counts = deltas.setdefault((row.at, *member), [0] * len(COUNTED))
                for i, one in enumerate(_counted(row)):
                    counts[i] += sign * one
        _add({key: counts for key, counts in deltas.items() if any(counts)})


def _counted(row) -> tuple[int, ...]:
    """What one stored row adds to each of the tally's columns (as `counting`)."""
    return (
        1,
        int(bool(row.missing) and not row.awaiting),
        int(bool(row.awaiting)),
        int(row.state in RED or bool(row.will_miss)),
        *(int(row.state == state) for state in State.values),
    )


def _add(deltas: dict[tuple, list[int]]) -> None:
    """Add `deltas` ((day, plan, unit) → a change of each COUNTED column) to the tally: one
    UPDATE of the rows there are; a row whose total falls to 0 is deleted (a fresh count
    has none), a day, plan and unit not counted yet gets its row."""
    if not deltas:
        return
    quote = connection.ops.quote_name
    table = quote(EvaluationTally._meta.db_table)
    keys = [quote("at"), quote("plan_id"), quote("unit_id")]
    names = [quote(name) for name in COUNTED]
    row = "(" + ", ".join(["%s"] * (3 + len(names))) + ")"
    # A count never goes below 0: only a tally lagging within a refresh of many (see
    # Upkeep) would, and that refresh counts the unit again when it ends.
    sets = ", ".join(
        f"{name} = CASE WHEN {table}.{name} + d.{name} > 0 THEN {table}.{name} + d.{name} ELSE 0 END"
        for name in names
    )
    matches = " AND ".join(f"{table}.{key} = d.{key}" for key in keys)
    # Names from the model and this module only, quoted; every value is a bound parameter.
    sql = (
        f"WITH d ({', '.join(keys + names)}) AS (VALUES {', '.join([row] * len(deltas))}) "  # noqa: S608
        f"UPDATE {table} SET {sets} FROM d WHERE {matches} "
        f"RETURNING {table}.{quote('id')}, {', '.join(f'{table}.{key}' for key in keys)}, "
        f"{table}.{quote('total')}"
    )
    params = [value for key, counts in deltas.items() for value in (*key, *counts)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        updated = cursor.fetchall()
    empty = [pk for pk, *_key, total in updated if total == 0]
    if empty:
        EvaluationTally.objects.filter(pk__in=empty).delete()
    there = {(_day(at), plan_id, unit_id) for _pk, at, plan_id, unit_id, _total in updated}
    new = [
        EvaluationTally(
            at=at,
            plan_id=plan_id,
            unit_id=unit_id,
            **{name: max(0, value) for name, value in zip(COUNTED, counts, strict=True)},
        )
        for (at, plan_id, unit_id), counts in deltas.items()
        if (at, plan_id, unit_id) not in there and counts[0] > 0
    ]
    if new:
        EvaluationTally.objects.bulk_create(new)


def _day(value) -> date:
    """A date column as the cursor returns it (SQLite: its ISO text)."""
    return value if isinstance(value, date) else date.fromisoformat(value)


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
