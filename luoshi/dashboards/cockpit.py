"""The cockpit's figures (驾驶舱): the city, or a unit's subtree, at a glance.

Everything here is read from stored evaluations and the ledgers with grouped
queries: the counts by state, the units' scorecard, the red list, the trend over
the month ends, the investment funnel and the hazard burn-down each cost a fixed
number of queries, whatever the number of targets, reports, projects or hazards
(tests/dashboards/test_cockpit.py counts them at ten times the demo's size).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import BooleanField, F, FilteredRelation, Q, QuerySet, Sum, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat, StrIndex, Substr

from luoshi.ledgers.choices import HAZARD_OPEN_STATUSES, HazardLevel, HazardStatus, Stage
from luoshi.ledgers.models import (
    Hazard,
    HazardEvent,
    Measure,
    MeasureAggregate,
    MeasureSource,
    Project,
)
from luoshi.ledgers.views_projects import funnel_counts
from luoshi.orgs.access import access_for
from luoshi.orgs.models import Unit
from luoshi.plans.access import visible_plans
from luoshi.plans.choices import State
from luoshi.plans.models import Plan, Target

from . import signals
from .models import STATE_RANK, EvaluationTally, StoredEvaluation
from .queries import Row
from .read import Counts, Evaluated
from .summary import COUNTED, counting

GOOD = (State.ON_TRACK, State.DONE)
RED = (State.BEHIND, State.OVERDUE)
# The red list on the page; the export carries all of it.
RED_LIST_LIMIT = 30
SCORECARD_SORTS = ("rank", "name", "total", "red", "missing")


def month_end(day: date) -> date:
    following = day.replace(day=28) + timedelta(days=4)
    return following.replace(day=1) - timedelta(days=1)


def previous_month_end(day: date) -> date:
    """The last month end strictly before `day`."""
    return day.replace(day=1) - timedelta(days=1)


def month_ends(start: date, end: date) -> list[date]:
    """Every month end from `start`'s month to `end` (inclusive, when `end` is one)."""
    days = []
    day = month_end(start)
    while day <= end:
        days.append(day)
        day = month_end(day + timedelta(days=1))
    return days


def nearest_stored(at: date) -> date:
    """The month end on or before `at`: a day whose evaluations are kept."""
    return at if month_end(at) == at else previous_month_end(at)


@dataclass
class StateCount:
    state: str
    label: str
    colour: str
    count: int
    change: int | None  # since the previous month end; None when that day has no rows


@dataclass
class UnitScore:
    unit: Unit
    own: bool  # the scope unit's own targets only (本级), not its subtree
    by_state: dict[str, int] = field(default_factory=dict)
    total: int = 0
    missing: int = 0
    awaiting: int = 0
    rank: int | None = None

    @property
    def good(self) -> int:
        return sum(self.by_state.get(s, 0) for s in GOOD)

    @property
    def red(self) -> int:
        return sum(self.by_state.get(s, 0) for s in RED)

    @property
    def share(self) -> float | None:
        return self.good / self.total if self.total else None

    @property
    def parts(self) -> list[tuple[str, str, str, int]]:
        """(state, label, colour, count) of the states the unit has, worst first."""
        return [
            (state.value, str(state.label), state.colour, self.by_state[state.value])
            for state in _STATE_ORDER
            if self.by_state.get(state.value)
        ]


@dataclass
class TrendPoint:
    at: date
    total: int
    good: int
    red: int

    @property
    def share(self) -> float | None:
        return self.good / self.total if self.total else None


@dataclass
class FunnelStage:
    stage: Stage
    count: int
    goal: float | None  # the plan's target for this stage (a ledger measure), if any
    goal_target: int | None


@dataclass
class BurnPoint:
    at: date
    open: int
    overdue: int


class Tallied(Evaluated):
    """An Evaluated whose counts were read from the tally: no aggregate of its own."""

    def __init__(self, targets: QuerySet[Target], at: date, counts: Counts):
        self.at = at
        self.base = targets.annotate(
            ev=FilteredRelation("stored_evaluations", condition=Q(stored_evaluations__at=at))
        )
        self.total = counts.total
        self.stored = True
        self._counts = counts


def _sums() -> dict[str, Sum]:
    return {name: Sum(name) for name in COUNTED}


def _add(into: dict[str, int], row: Any) -> None:
    for name in COUNTED:
        into[name] = into.get(name, 0) + (row.get(name) or 0)


class Cockpit:
    """The figures of one cockpit: `user`'s view of `plan` (or all) within `unit` (or all).

    The counts, the trend and the scorecard add up the tally (summary.py): a few rows
    per unit and day, whatever the number of targets. A person who does not see the
    whole city also sees the cooperating parts of their targets kept by other units
    (plans.models.TargetQuerySet.restrict): those few are counted from their stored rows.
    """

    def __init__(self, user, at: date, plan: Plan | None = None, unit: Unit | None = None):
        signals.flush()  # this request's own changes first
        self.user = user
        self.access = access_for(user)
        self.at = at
        self.plan = plan
        self.unit = unit

        def narrowed(queryset):
            if plan is not None:
                queryset = queryset.filter(plan=plan)
            if unit is not None:
                queryset = queryset.filter(unit__path__startswith=unit.path)
            return queryset

        active = Target.objects.filter(is_active=True)
        targets = narrowed(Target.objects.restrict(user, "view").filter(is_active=True))
        self.targets = targets
        self.tally = narrowed(EvaluationTally.objects.restrict(user, "view").order_by())
        # The targets of one's units, and the parts seen through a target one sees in
        # units one does not (outside the tally): the two halves of `targets`, each
        # counted through an index where their union (an OR across joins) scans them all.
        self.own = targets
        self.parts = None
        if not self.access.sees_whole_city:
            mine = self.access.visible_unit_q("unit")
            self.own = narrowed(active.filter(mine))
            self.parts = narrowed(
                active.filter(self.access.visible_unit_q("part_of__unit")).exclude(mine)
            )
        if plan is not None:
            self.start, self.end = plan.start, plan.end
        else:
            self.start, self.end = date(at.year, 1, 1), date(at.year, 12, 31)
        self.previous = previous_month_end(at)
        self.days = month_ends(self.start, self.end)
        wanted = [d for d in self.days if d <= at] + [self.previous, at]
        self._seen = self._by_day(wanted)
        counts = self._counts_on(at)
        if counts is not None:
            self.evaluated: Evaluated = Tallied(targets, at, counts)
        else:
            # Not every target has a row on `at`: the plain reading (which brings a new
            # day up to date, or asks the worker to) and no counts.
            self.evaluated = Evaluated(targets, at)
            if self.evaluated.stored:  # a new day, brought up to date just now
                self._seen = self._by_day(wanted)
        self.stored = self.evaluated.stored

    def plans(self) -> QuerySet[Plan]:
        """The plans one may choose (plans.access.visible_plans), found through the indexes
        of one's units and of the parts' leads rather than an OR across their joins."""
        if self.parts is None:
            return visible_plans(self.user)
        of_units = Target.objects.filter(self.access.visible_unit_q("unit"))
        of_parts = Target.objects.filter(self.access.visible_unit_q("part_of__unit"))
        return Plan.objects.filter(
            Q(pk__in=of_units.order_by().values("plan_id"))
            | Q(pk__in=of_parts.order_by().values("plan_id"))
        )

    # -- counts and trend ------------------------------------------------------
    def _by_day(self, days: list[date]) -> dict[date, dict]:
        """The tally added up by day for `days`: one grouped query (and one for the
        parts outside it, for those who do not see the whole city)."""
        days = sorted(set(days))
        rows = self.tally.filter(at__in=days).values("at").annotate(**_sums()).order_by("at")
        seen: dict[date, dict] = {}
        for row in rows:
            _add(seen.setdefault(row["at"], {}), row)
        if self.parts is not None:
            parts = (
                StoredEvaluation.objects.filter(target__in=self.parts.values("pk"), at__in=days)
                .values("at")
                .annotate(**counting())
                .order_by()
            )
            for row in parts:
                _add(seen.setdefault(row["at"], {}), row)
        return seen

    def _counts_on(self, at: date) -> Counts | None:
        """The counts on `at` when every target one sees has its row that day, else None:
        the tally's total against the number of targets (one counting query, two for
        those who see cooperating parts)."""
        row = self._seen.get(at)
        if row is None:
            return None
        total = self.own.order_by().count()
        if self.parts is not None:
            total += self.parts.order_by().count()
        if row["total"] != total:
            return None
        return Counts(
            by_state={state: row[state] for state in State.values},
            missing=row["missing"],
            awaiting=row["awaiting"],
            total=row["total"],
        )

    def trend_and_counts(
        self,
    ) -> tuple[list[TrendPoint], list[StateCount], Counts | None, int | None]:
        """The month ends of the period with their share on track or done and count red;
        the counts by state on `at`, each with its change since the previous month end,
        and the change of the 缺报 count: read with the cockpit's tally, no query."""
        seen = self._seen
        trend = []
        for day in self.days:
            row = seen.get(day) if day <= self.at else None
            if row is None:
                trend.append(TrendPoint(day, 0, 0, 0))
                continue
            good = sum(row[s] for s in GOOD)
            trend.append(TrendPoint(day, row["total"], good, sum(row[s] for s in RED)))
        counts = self.evaluated.counts()
        before = seen.get(self.previous)
        states = []
        if counts is not None:
            for state in sorted(State, key=lambda s: _STATE_ORDER.index(s)):
                now = counts.by_state[state.value]
                change = None if before is None else now - before[state.value]
                states.append(StateCount(state.value, str(state.label), state.colour, now, change))
        missing_change = None
        if counts is not None and before is not None:
            missing_change = counts.missing - before["missing"]
        return trend, states, counts, missing_change

    # -- scorecard ------------------------------------------------------------
    def scope_and_units(self) -> tuple[Unit | None, list[Unit]]:
        """The unit whose children are the scorecard's rows, and those rows' units.

        With a unit chosen: its children. Otherwise the top of what one may see: the
        city's departments and districts for the whole-city roles, an approver's
        units (or their children, when they approve a single unit).
        """
        visible = self.access.visible_units().filter(is_active=True)
        fields = ("pk", "parent_id", "path", "name", "short_name", "kind")
        scope = self.unit
        if scope is None:
            # Ids only for the whole tree (a province's thousands of units), then the few
            # units shown.
            pairs = list(visible.order_by().values_list("pk", "parent_id"))
            ids = {pk for pk, _parent in pairs}
            top = [pk for pk, parent in pairs if parent not in ids]
            if len(top) != 1:
                return None, list(visible.filter(pk__in=top).only(*fields).order_by("path"))
            # The one top and its children: one query, as for several tops.
            shown = visible.filter(Q(pk=top[0]) | Q(parent_id=top[0])).only(*fields)
            units = list(shown.order_by("path"))
            return units[0], [unit for unit in units if unit.parent_id == top[0]]
        return scope, list(visible.filter(parent=scope).only(*fields).order_by("path"))

    def scorecard(self, sort: str = "rank") -> tuple[Unit | None, list[UnitScore]]:
        """One row per unit under the scope, its subtree rolled up: one grouped query."""
        scope, units = self.scope_and_units()
        if not self.stored:
            return scope, []
        # The cooperating parts outside one's units sit under none of these rows.
        day = self.tally.filter(at=self.at)
        rows = [UnitScore(unit, own=False) for unit in units]
        if scope is not None:
            rows.append(UnitScore(scope, own=True))
        states = State.values
        compared = {row.unit.path: row for row in rows if not row.own}
        if scope is not None:
            # Rolled up by the database to the scope's children: each unit's rows counted
            # under the path of the child whose subtree holds it, the scope's own under its
            # path ("/a/" + "b/" of "/a/b/c/"), a row per child instead of one per unit of
            # a province (1,480 rows added up in Python).
            rest = Substr("unit__path", len(scope.path) + 1)
            child = Concat(Value(scope.path), Substr(rest, 1, StrIndex(rest, Value("/"))))
            entries: list[Any] = list(
                day.filter(unit__path__startswith=scope.path)
                .annotate(rolled=child)
                .values("rolled")
                .annotate(**_sums())
                .order_by()
            )
            for entry in entries:
                entry["unit__path"] = entry["rolled"]
        else:
            entries = list(day.values("unit__path").annotate(**_sums()))
        for entry in entries:
            path = entry["unit__path"]
            into = [row for row in rows[len(compared) :] if row.unit.path == path]  # 本级
            # The compared unit whose subtree holds this unit: the one among its ancestors'
            # paths (and its own), "/a/", "/a/b/", … (a unit's path ends with "/").
            cut = 0
            while (cut := path.find("/", cut + 1)) > 0:
                if path[: cut + 1] in compared:
                    into.append(compared[path[: cut + 1]])
                    break
            for row in into:
                row.total += entry["total"]
                row.missing += entry["missing"]
                row.awaiting += entry["awaiting"]
                for state in states:
                    row.by_state[state] = row.by_state.get(state, 0) + entry[state]
        rows = [row for row in rows if row.total or not row.own]
        ranked = sorted(
            # The scope's own targets (本级) are shown, not ranked against its units.
            (row for row in rows if row.total and not row.own),
            key=lambda r: (-(r.share or 0), r.red, r.missing, r.unit.path),
        )
        for position, row in enumerate(ranked, start=1):
            row.rank = position
        return scope, sort_scores(rows, sort)

    # -- red list -------------------------------------------------------------
    def red_targets(self, targets: QuerySet[Target] | None = None) -> QuerySet[Target]:
        """Behind, overdue, or set to miss at the current pace: worst first (of `targets`,
        one's own or the parts, or all one sees)."""
        evaluated = self.evaluated
        base = (
            evaluated.base
            if targets is None
            else targets.annotate(
                ev=FilteredRelation(
                    "stored_evaluations", condition=Q(stored_evaluations__at=self.at)
                )
            )
        )
        red = base.filter(Q(ev__state__in=RED) | Q(ev__will_miss=True))
        # `ev` is the stored evaluation that Evaluated.base joins (a FilteredRelation),
        # which the type checker's list of Target's fields does not name.
        return evaluated.with_fields(red).order_by(  # type: ignore[misc]
            "ev__state_rank", F("ev__ratio").asc(nulls_last=True), "unit__path", "pk"
        )

    def red_count(self) -> int:
        """How many targets the red list holds (0 when the day is not stored)."""
        if not self.stored:
            return 0
        row = self._seen.get(self.at)
        if isinstance(self.evaluated, Tallied) and row:
            return row["flagged"]
        return self.red_targets().count()

    def red_list(self, limit: int | None = RED_LIST_LIMIT) -> tuple[list[Row], int]:
        """The first `limit` rows of the red list, and how many there are in all."""
        if not self.stored:
            return [], 0
        total = self.red_count()
        if self.parts is None:
            targets = self.red_targets()
            return self.evaluated.rows(list(targets if limit is None else targets[:limit])), total
        # One's own units' red list walks the index in order and stops at `limit`; the
        # union with the parts (an OR across joins) would sort every red target one sees.
        # The two lists, each in order, merged in the same order.
        found: list[Any] = []
        for half in (self.own, self.parts):
            targets = self.red_targets(half)
            found += list(targets if limit is None else targets[:limit])
        found.sort(
            key=lambda t: (
                STATE_RANK[t.ev_state],
                t.ev_ratio is None,
                t.ev_ratio or 0,
                t.unit.path,
                t.pk,
            )
        )
        return self.evaluated.rows(found if limit is None else found[:limit]), total

    # -- ledgers --------------------------------------------------------------
    def _ledger_unit_q(self) -> Q:
        q = self.access.visible_unit_q("unit")
        if self.unit is not None:
            q &= Q(unit__path__startswith=self.unit.path)
        return q

    def funnel(self) -> list[FunnelStage]:
        """Projects that reached each stage within the period so far, against the targets
        of the plan bound to a project count at that stage: two queries."""
        projects = Project.objects.filter(self._ledger_unit_q())
        end = min(self.end, self.at)
        counts = funnel_counts(projects, self.start, end) if self.start <= end else []
        goals: dict[str, tuple[int, float, int]] = {}
        measures = Measure.objects.filter(
            target__in=self.targets.values("pk"),
            source=MeasureSource.PROJECTS,
            aggregate=MeasureAggregate.COUNT,
        ).values_list("filter", "target_id", "target__value", "target__unit__path")
        for spec, target_id, value, path in measures:
            stage = (spec or {}).get("stage_reached")
            if not stage or value is None:
                continue
            # Several units may carry the same stage's target: the one highest in the
            # tree speaks for the scope (the city's 50 签约, not a district's 10 as well).
            depth = path.count("/")
            if stage not in goals or depth < goals[stage][0]:
                goals[stage] = (depth, value, target_id)
        return [
            FunnelStage(
                stage,
                count,
                goals.get(stage.value, (None, None, None))[1],
                goals.get(stage.value, (None, None, None))[2],
            )
            for stage, count in counts
        ]

    def burn_down(self) -> list[BurnPoint]:
        """Major hazards open at each month end of the period so far (and today), the
        overdue ones apart: two queries (the hazards, their status events), then a sweep
        in Python. Twenty filtered counts over a window of the events, one pair a day,
        cost the database far more than reading the few major hazards once."""
        days = [d for d in month_ends(self.start, self.end) if d <= self.at]
        if self.start <= self.at and (not days or days[-1] != self.at):
            days.append(self.at)
        if not days:
            return []
        major = Hazard.objects.filter(
            Q(level=HazardLevel.MAJOR, found_on__lte=days[-1]) & self._ledger_unit_q()
        )
        hazards = list(major.order_by().values_list("pk", "found_on", "deadline"))
        history: dict[int, list[tuple[date, str]]] = {}
        # Their events by the hazards' ids, one array: PostgreSQL then reads each one's few
        # events through the index, where for a subquery it hashes every hazard's events
        # (a tenth of them major). Elsewhere (SQLite, no arrays) the subquery.
        of_major: Any = (
            RawSQL(  # noqa: S611 - the model's own table; the ids are a parameter
                f"{HazardEvent._meta.db_table}.hazard_id = ANY(%s)",
                ([pk for pk, _found, _deadline in hazards],),
                output_field=BooleanField(),
            )
            if connection.vendor == "postgresql"
            else Q(hazard__in=major.values("pk"))
        )
        open_statuses = {str(s) for s in HAZARD_OPEN_STATUSES}
        for hazard_id, day, status in self._turns(of_major, days[-1], open_statuses):
            changes = history.get(hazard_id)
            if changes is None:
                history[hazard_id] = [(day, status)]
            else:
                changes.append((day, status))
        # Each hazard's status is open until its first event, then each event's status
        # until the next (a hazard not entered through the actions has none, and stays
        # open), as luoshi.ledgers.measures reads it; it counts from the day it was found.
        # Each span it is open in adds one to the days it covers (a difference array
        # over the sorted days), and to those after its deadline as overdue. Spans are
        # kept as indexes into `days` (a bisect per event, none per day): a province has
        # thousands of major hazards, and this loop was the cockpit's largest cost.
        count = len(days)
        opened = [0] * (count + 1)
        overdue = [0] * (count + 1)
        no_events: list[tuple[date, str]] = []
        last: tuple[None, str] = (None, "")  # the span after the last event: to the end
        starts_open = str(HazardStatus.OPEN.value) in open_statuses
        for pk, found_on, deadline in hazards:
            found = bisect_left(days, found_on)
            late_from = bisect_right(days, deadline)
            since, is_open = found, starts_open
            for moved, then in (*history.get(pk, no_events), last):
                until = count if moved is None else max(found, bisect_left(days, moved))
                if is_open and since < until:
                    opened[since] += 1
                    opened[until] -= 1
                    late = max(since, late_from)
                    if late < until:
                        overdue[late] += 1
                        overdue[until] -= 1
                since, is_open = until, then in open_statuses
        open_now = overdue_now = 0
        points = []
        for index, day in enumerate(days):
            open_now += opened[index]
            overdue_now += overdue[index]
            points.append(BurnPoint(day, open_now, overdue_now))
        return points

    @staticmethod
    def _turns(of_major: Any, last: date, open_statuses: set[str]) -> list[tuple[int, date, str]]:
        """The status events of the major hazards up to `last` that open or close one (each
        hazard's events in order): an event whose status is open, as the one before it
        (or the hazard's start) was, changes nothing the burn-down counts. The database
        drops those with a window over each hazard's events, so a province's few
        thousand closings and reopenings come back instead of every move between them."""
        inner = (
            HazardEvent.objects.filter(of_major, date__lte=last)
            .order_by()
            .values("hazard_id", "date", "status", "id")
        )
        try:
            select, params = inner.query.sql_with_params()
        except EmptyResultSet:  # one sees no unit's hazards: no events to read
            return []
        marks = ", ".join(["%s"] * len(open_statuses))
        day = connection.ops.quote_name("date")
        opened = f"CASE WHEN e.status IN ({marks}) THEN 1 ELSE 0 END"
        # Built from the model's own query and fixed names; every value is a parameter.
        sql = (
            f"SELECT hazard_id, {day}, status FROM ("  # noqa: S608
            f"SELECT e.hazard_id, e.{day}, e.status, e.id, {opened} AS now_open, "
            f"LAG({opened}, 1, 1) OVER (PARTITION BY e.hazard_id ORDER BY e.{day}, e.id) "
            f"AS was_open FROM ({select}) e) turns WHERE now_open <> was_open "
            f"ORDER BY hazard_id, {day}, id"
        )
        statuses = sorted(open_statuses)
        with connection.cursor() as cursor:
            cursor.execute(sql, [*statuses, *statuses, *params])
            rows = cursor.fetchall()
        # SQLite's cursor gives the dates as text.
        return [
            (pk, day if isinstance(day, date) else date.fromisoformat(day), status)
            for pk, day, status in rows
        ]


# The order a leader reads the counts in: worst first, then the rest.
_STATE_ORDER = [
    State.OVERDUE,
    State.BEHIND,
    State.LAGGING,
    State.ON_TRACK,
    State.DONE,
    State.NOT_STARTED,
]


def sort_scores(rows: list[UnitScore], sort: str) -> list[UnitScore]:
    """The scorecard in the order `sort` names ("-" first reverses it)."""
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in SCORECARD_SORTS:
        key, descending = "rank", False
    keys = {
        "rank": lambda r: (r.rank is None, r.rank or 0),
        "name": lambda r: r.unit.path,
        # The biggest first by default: these are read as "who has the most".
        "total": lambda r: -r.total,
        "red": lambda r: -r.red,
        "missing": lambda r: -r.missing,
    }
    ordered = sorted(rows, key=keys[key])
    if descending:
        ordered.reverse()
    # The scope's own row (本级) stays last: it is not one of the units compared.
    return [r for r in ordered if not r.own] + [r for r in ordered if r.own]
