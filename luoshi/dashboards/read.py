"""Reading stored evaluations: lists that filter, count, sort and page in SQL.

`Evaluated(targets, at)` wraps a queryset of targets (already narrowed to what
the person may see) with their stored evaluation on `at`. When every target of
the queryset has one, counts, state filters and sorts by state or ratio run in
the database and only one page of rows is loaded. When `at` is a day that is
not stored (not today and not a month end), the rows of the page are evaluated
on demand and the counts are not available (`stored` is False): the page says
so and offers the nearest stored day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, F, FilteredRelation, Func, Max, Q, QuerySet, Subquery, Sum

from luoshi.clock import today as local_today
from luoshi.core.status import Evaluation
from luoshi.plans.choices import STATE_COLOURS, State
from luoshi.plans.engine import current_lang
from luoshi.plans.models import Target

from . import signals, store
from .models import STATE_RANK, EvaluationTally
from .queries import Row, evaluated_rows

# Sorts a list offers, and the columns they order by (worst first for the state).
SORTS = {
    "unit": ("unit__path", "pk"),
    "name": ("name", "pk"),
    "kind": ("kind", "unit__path", "pk"),
    "state": ("ev__state_rank", "unit__path", "pk"),
    "ratio": (F("ev__ratio").asc(nulls_last=True), "unit__path", "pk"),
}
NEEDS_STORE = {"state", "ratio"}
# The plan's source document: never needed to show a row of one of its targets.
PLAN_DOCUMENT = ("plan__source_text", "plan__source_file")
FIELDS = ("state", "missing", "awaiting", "expected", "actual", "ratio", "forecast", "will_miss")


@dataclass
class Counts:
    by_state: dict[str, int]
    missing: int
    awaiting: int
    total: int

    def chips(self) -> list[tuple[State, int, str]]:
        """Each state with its count and badge colour, in the order of the states."""
        return [(State(name), n, STATE_COLOURS[name]) for name, n in self.by_state.items()]


class Evaluated:
    """`targets` with their stored evaluation on `at`. `tally`, when given, holds the
    tally rows (summary.py) of exactly those targets: the counts are then its sums, not
    an aggregate over every target's stored row (the overview of someone who sees the
    whole city, filtered by plan or unit only)."""

    def __init__(
        self,
        targets: QuerySet[Target],
        at: date,
        tally: QuerySet[EvaluationTally] | None = None,
    ):
        signals.flush()  # this request's own changes first
        self.at = at
        self._tally = tally
        self.base = targets.annotate(
            ev=FilteredRelation("stored_evaluations", condition=Q(stored_evaluations__at=at))
        )
        totals = self._aggregate()
        if not self.stored and at == local_today() and self.total <= signals.INLINE_LIMIT:
            # A new day before the daily job ran: a small list brings itself up to date.
            store.refresh(targets.values_list("pk", flat=True), today=at)
            totals = self._aggregate()
        elif not self.stored and at == local_today():
            from . import tasks

            tasks.refresh_all.enqueue(at.isoformat())
        self._counts = (
            Counts(
                by_state={state: totals[state] for state in State.values},
                missing=totals["missing"],
                awaiting=totals["awaiting"],
                total=self.total,
            )
            if self.stored
            else None
        )

    def _aggregate(self) -> dict:
        """How many targets, how many have a stored evaluation, and the counts by state:
        one query (the counts mean something only when every target is stored)."""
        if self._tally is not None:
            totals = self._tally_sums(self._tally)
            if totals is not None:
                self.total, self.stored = totals["total"], True
                return totals
        by_state = {state: Count("pk", filter=Q(ev__state=state)) for state in State.values}
        totals = self.base.aggregate(
            total=Count("pk"),
            stored=Count("ev__pk"),
            missing=Count("pk", filter=Q(ev__missing=True, ev__awaiting=False)),
            awaiting=Count("pk", filter=Q(ev__awaiting=True)),
            **by_state,
        )
        self.total = totals["total"]
        self.stored = totals["total"] == totals["stored"]
        return totals

    def _tally_sums(self, tally: QuerySet[EvaluationTally]) -> dict | None:
        """The tally's sums on this day with the number of targets, in one query; None
        when the two differ (some target has no stored row that day, or the tally is
        being recounted) or the day has no tally row: then the stored rows are counted."""
        count = Func(F("pk"), function="COUNT")  # no GROUP BY: one row, the count
        targets = self.base.order_by().annotate(n=count).values("n")
        names = ("total", "missing", "awaiting", *State.values)
        row = tally.filter(at=self.at).aggregate(
            targets=Max(Subquery(targets)), **{name: Sum(name) for name in names}
        )
        if row["targets"] is None:  # no tally row that day: the targets were not counted
            return None
        totals = {name: row[name] for name in names}
        return totals if totals["total"] == row["targets"] else None

    def counts(self) -> Counts | None:
        """Targets by state, missing (缺报) and awaiting approval (待审核); None when the
        day is not stored. Counted with the totals, so no query of its own."""
        return self._counts

    def filtered(self, state: str | None) -> QuerySet[Target]:
        """The targets in `state` ("missing" and "awaiting" included); all when None."""
        if not state:
            return self.base
        if state == "missing":
            return self.base.filter(ev__missing=True, ev__awaiting=False)
        if state == "awaiting":
            return self.base.filter(ev__awaiting=True)
        return self.base.filter(ev__state=state)

    def ordered(self, queryset: QuerySet[Target], sort: str) -> QuerySet[Target]:
        """`queryset` in the order `sort` names ("-" first for descending)."""
        descending = sort.startswith("-")
        key = sort.lstrip("-")
        if key not in SORTS or (key in NEEDS_STORE and not self.stored):
            key = "unit"
        first, *rest = SORTS[key]
        if key == "ratio":
            first = F("ev__ratio").desc(nulls_last=True) if descending else first
        elif descending:
            first = f"-{first}"
        return queryset.order_by(first, *rest)

    def count(self, state: str | None) -> int:
        """How many targets `filtered(state)` holds, from the counts (no query); `state` is
        only ever given on a stored day."""
        counts = self._counts
        if not state or counts is None:
            return self.total
        if state == "missing":
            return counts.missing
        if state == "awaiting":
            return counts.awaiting
        return counts.by_state.get(state, 0)

    def page(self, state: str | None, sort: str, offset: int, limit: int) -> list[Any]:
        """Targets `offset`..`offset + limit` of `filtered(state)` in the order `sort` names,
        carrying what `rows` shows: one query.

        The page's ids are chosen first in a narrow subquery that the database can answer
        from its indexes and stop after `limit` rows (units in path order, then their
        targets), and only those targets are read whole; sorting every visible row with
        its plan, unit, task and reasons was most of the page's time at 10×. Worst first,
        the counts by state tell which states the page's rows are in, so the subquery
        reads those states only (the worst ones for the first pages), not every target.
        """
        queryset = self.filtered(state)
        chosen_by = sort
        if sort.lstrip("-") == "state" and not state and self._counts is not None:
            by_rank = sorted(State.values, key=STATE_RANK.__getitem__, reverse=sort.startswith("-"))
            wanted, before, seen = [], 0, 0
            for name in by_rank:
                n = self._counts.by_state[name]
                if seen + n <= offset:  # every row of this state is on an earlier page
                    before += n
                elif seen < offset + limit:  # some are on this page
                    wanted.append(name)
                seen += n
            queryset, offset = queryset.filter(Q(ev__state__in=wanted)), offset - before
            if len(wanted) == 1:
                # One state on the page: its rows in unit order, which the database reads
                # through the units' path index and stops after the page, where ordering by
                # the rank first sorts every target of that state in the list.
                chosen_by = "unit"
        if sort.lstrip("-") == "ratio" and self.stored:
            # Every target has its row on a stored day: joined so, the rows are read in the
            # order of a ratio index of that day and the page stops after its own, where a
            # join that may find no row sorts every target first.
            queryset = queryset.filter(Q(ev__isnull=False))
        ordered = self.ordered(queryset, chosen_by)
        ids = ordered.values("pk")[offset : offset + limit]
        return list(self.with_fields(self.ordered(self.base.filter(pk__in=ids), sort)))

    def rows(self, targets: list[Any]) -> list[Row]:
        """Rows of one page of targets (annotated by `with_fields`, or plain on demand):
        Targets that carry the stored evaluation's `ev_*` fields, which the type of a
        Target does not name."""
        if not self.stored:
            return evaluated_rows(targets, self.at)
        lang = current_lang()
        rows = []
        for target in targets:
            evaluation = Evaluation(
                id=str(target.pk),
                state=target.ev_state,
                missing=target.ev_missing,
                expected=target.ev_expected,
                actual=target.ev_actual,
                ratio=target.ev_ratio,
                forecast=target.ev_forecast,
                will_miss=target.ev_will_miss,
                reason=target.ev_reason_zh if lang == "zh" else target.ev_reason_en,
            )
            rows.append(Row(target, evaluation, awaiting=target.ev_awaiting))
        return rows

    def with_fields(self, queryset: QuerySet[Target]) -> QuerySet[Target]:
        """`queryset` carrying what `rows` shows: the plan (without its document, which
        can be megabytes), the unit, the task and the stored figures."""
        queryset = queryset.select_related("plan", "unit", "task").defer(*PLAN_DOCUMENT)
        if not self.stored:
            return queryset
        names = {f"ev_{name}": F(f"ev__{name}") for name in FIELDS}
        names["ev_reason_zh"] = F("ev__reason_zh")
        names["ev_reason_en"] = F("ev__reason_en")
        return queryset.annotate(**names)


@dataclass
class Summary:
    """What a unit or plan page shows of its targets: the counts and the worst few."""

    counts: Counts | None
    rows: list[Row]
    total: int


def summary(
    targets: QuerySet[Target],
    at: date,
    limit: int = 20,
    tally: QuerySet[EvaluationTally] | None = None,
) -> Summary:
    """Counts by state and the `limit` worst targets (a fixed number of queries).

    `tally`, as for Evaluated: the tally rows of exactly `targets` (a unit's subtree or a
    plan, for someone who sees the whole city), whose sums are the counts. The worst few
    are the first page of the overview's worst first: read from the worst states the
    counts hold only, instead of sorting every target of a city's plan (issue 14)."""
    evaluated = Evaluated(targets, at, tally)
    page = evaluated.page(None, "state", 0, limit)
    return Summary(evaluated.counts(), evaluated.rows(page), evaluated.total)
