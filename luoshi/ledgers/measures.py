"""Ledger measures: targets whose readings are computed from a ledger, as of any date.

A `Measure` (ledgers.models) binds a target to one ledger (`source`: "projects"
or "hazards") with an `aggregate`:

- ``count``: the number of rows that match `filter`;
- ``sum``: the sum of `field` over the rows that match `filter`
  (projects: ``planned_amount`` or ``paid_in_amount``, 万元; hazards: ``funds``);
- ``ratio``: 100 × count(`filter`) ÷ count(`denominator_filter`), in %; no
  reading at all (null) when the denominator is 0.

As-of semantics (the figure on day d)
-------------------------------------
- The stage of a project, or the status of a hazard, on day d is that of its
  latest event dated on or before d (ties: the one recorded last).
- A project exists from the date of its first stage event; a hazard from its
  ``found_on`` date. Rows that do not exist yet on d are not counted.
- A project dropped on or before d counts for nothing (unless the filter says
  ``"exclude_dropped": false``), whatever stage it had reached.
- A project *reached* stage S by d when its stage on d is S or a later stage
  (投产 has reached 签约). The date it reached S is the first date on which any
  event put it at S or beyond: a project that moved back and forth counts once,
  in the period where it first got there, and only while it is still there.
- A hazard is *open* on d in every status but ``closed`` (see
  choices.HAZARD_OPEN_STATUSES): open, rectifying, rectified (awaiting
  verification) and reopened. It is *overdue* on d when it is open on d and its
  deadline is before d.
- Amounts, levels, domains, deadlines and units are the rows' current values
  (they carry no dated history of their own).

Filter keys
-----------
Projects (``source = "projects"``):

- ``stage_reached``: a stage code (negotiating, signed, landed, started,
  producing): the project's stage on d is this one or beyond.
- ``reached_in_period``: ``true``, or a stage code: the date the project reached
  ``stage_reached`` (or, given a code, that stage) lies in the target's period,
  up to d. ``{"stage_reached": "started", "reached_in_period": "signed"}`` reads
  "started by d, among projects signed this year".
- ``from`` / ``to``: ISO dates narrowing that reached-date window further.
- ``unit``: a unit code (that unit's rows) or ``"subtree:CODE"`` (the unit and
  every unit under it).
- ``industry_chain``, ``origin``: exact text.
- ``exclude_dropped``: default ``true``.

Hazards (``source = "hazards"``):

- ``status``: ``"open"`` (any status but closed), or one status code (open is
  the special name above, so the bare "open" status is ``"open_only"``), or a
  list of status codes; the status on d.
- ``level`` (``ordinary`` | ``major``), ``domain``, ``place_kind``: codes of
  ledgers.choices, a code or a list of codes.
- ``found_in_period``: ``true``: found within the target's period, up to d.
- ``from`` / ``to``: ISO dates narrowing the found-date window.
- ``unit``: as for projects.

The four examples of issue 6::

    签约项目 ≥ 50:      count projects {"stage_reached": "signed", "reached_in_period": true}
    项目开工率 ≥ 70%:   ratio  {"stage_reached": "started", "reached_in_period": true}
                        ÷ {"stage_reached": "signed", "reached_in_period": true}
    重大事故隐患清零:    count hazards {"status": "open", "level": "major"}  (a zero target:
                        its reading carries `overdue`, the open ones past their deadline)
    隐患整改率:          ratio  {"found_in_period": true, "status": "closed"}
                        ÷ {"found_in_period": true}

Readings
--------
`reading_for(measure, target, at)` gives the status engine one Reading as of
min(at, target.end) (after the period the period's last day counts), or None
before the period starts or when a ratio's denominator is 0. `readings_for`
gives many at once, as a page of targets needs them: one aggregate query per
ledger, with a filtered COUNT or SUM per figure, whatever the number of targets
(up to FIGURES_PER_QUERY figures a query). The stage or
status on d comes from one window over the events up to d (latest first per
row), the date a stage was first reached from one grouped MIN: subqueries that
are not correlated with the rows, so their cost follows the size of the
ledger, whatever plan the database picks — and never one query per row. `rows_behind(measure, at)` returns the querysets
behind each figure, built from the very same conditions, so a list always adds
up to its figure. Binding and unbinding are `bind_measure` / `unbind_measure`.

Within `sweeping()` (the stored evaluations' refresh), a ledger of which many figures
are wanted at once is read once instead: its rows and their events up to the latest day,
and each figure counted from them in Python with the very same conditions
(tests/ledgers/test_measures_swept.py compares the two on every filter key).
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import (
    Aggregate,
    Count,
    F,
    Manager,
    Min,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Window,
)
from django.db.models.functions import FirstValue, RowNumber
from django.utils.translation import gettext as _

from luoshi.core import status as engine
from luoshi.orgs.history import delete_with_history, save_with_history
from luoshi.plans.models import Target

from .choices import (
    HAZARD_OPEN_STATUSES,
    HazardDomain,
    HazardLevel,
    HazardStatus,
    PlaceKind,
    Stage,
)
from .models import (
    Hazard,
    HazardEvent,
    Measure,
    MeasureAggregate,
    MeasureSource,
    Project,
    StageEvent,
)

PROJECTS, HAZARDS = MeasureSource.PROJECTS.value, MeasureSource.HAZARDS.value
COUNT, SUM, RATIO = (
    MeasureAggregate.COUNT.value,
    MeasureAggregate.SUM.value,
    MeasureAggregate.RATIO.value,
)

PROJECT_KEYS = frozenset(
    {
        "stage_reached",
        "reached_in_period",
        "from",
        "to",
        "unit",
        "industry_chain",
        "origin",
        "exclude_dropped",
    }
)
HAZARD_KEYS = frozenset(
    {"status", "level", "domain", "place_kind", "found_in_period", "from", "to", "unit"}
)
FILTER_KEYS = {PROJECTS: PROJECT_KEYS, HAZARDS: HAZARD_KEYS}
SUM_FIELDS = {PROJECTS: ("planned_amount", "paid_in_amount"), HAZARDS: ("funds",)}
# "open" in a filter means "not closed"; the bare status is "open_only".
OPEN, OPEN_ONLY = "open", "open_only"
STATUS_NAMES = frozenset({OPEN, OPEN_ONLY, *HazardStatus.values})

# Figure names used by rows_behind() and the rows page.
ROWS, NUMERATOR, DENOMINATOR, OVERDUE = "rows", "numerator", "denominator", "overdue"


# --- validation -------------------------------------------------------------------


def _as_list(value) -> list:
    return list(value) if isinstance(value, list | tuple) else [value]


def _check_codes(key: str, value, allowed) -> None:
    values = _as_list(value)
    if not values or any(v not in allowed for v in values):
        raise ValidationError(
            {"filter": _("%(key)s: unknown value %(value)s") % {"key": key, "value": value}}
        )


def _check_day(key: str, value) -> None:
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValidationError(
            {"filter": _("%(key)s must be a date (YYYY-MM-DD).") % {"key": key}}
        ) from None


def _check_unit(value) -> None:
    if not isinstance(value, str) or not value.removeprefix("subtree:"):
        raise ValidationError({"filter": _("unit must be a unit code or subtree:CODE.")})


def validate_filter(source: str, spec) -> dict:
    """The filter if its keys and values are known; a ValidationError naming the problem."""
    if source not in FILTER_KEYS:
        raise ValidationError({"source": _("Unknown ledger.")})
    if not isinstance(spec, dict):
        raise ValidationError({"filter": _("A filter is a set of keys and values.")})
    unknown = set(spec) - FILTER_KEYS[source]
    if unknown:
        raise ValidationError({"filter": _("Unknown filter keys: %s") % ", ".join(sorted(unknown))})
    for key in ("from", "to"):
        if spec.get(key) is not None:
            _check_day(key, spec[key])
    if spec.get("unit") is not None:
        _check_unit(spec["unit"])
    if source == PROJECTS:
        if spec.get("stage_reached") is not None:
            _check_codes("stage_reached", spec["stage_reached"], Stage.values)
        reached = spec.get("reached_in_period")
        if reached not in (None, True, False) and reached not in Stage.values:
            raise ValidationError({"filter": _("reached_in_period: true, false or a stage.")})
        windowed = reached or spec.get("from") or spec.get("to")
        if windowed and reached in (None, True, False) and not spec.get("stage_reached"):
            raise ValidationError(
                {"filter": _("A date window on projects needs the stage it applies to.")}
            )
        if spec.get("exclude_dropped") not in (None, True, False):
            raise ValidationError({"filter": _("exclude_dropped: true or false.")})
        for key in ("industry_chain", "origin"):
            if spec.get(key) is not None and not isinstance(spec[key], str):
                raise ValidationError({"filter": _("%(key)s must be text.") % {"key": key}})
    else:
        if spec.get("status") is not None:
            _check_codes("status", spec["status"], STATUS_NAMES)
        for key, choices in (
            ("level", HazardLevel.values),
            ("domain", HazardDomain.values),
            ("place_kind", PlaceKind.values),
        ):
            if spec.get(key) is not None:
                _check_codes(key, spec[key], choices)
        if spec.get("found_in_period") not in (None, True, False):
            raise ValidationError({"filter": _("found_in_period: true or false.")})
    return {k: v for k, v in spec.items() if v is not None}


def validate_measure(source: str, aggregate: str, field: str, spec, denominator) -> None:
    validate_filter(source, spec)
    if aggregate not in MeasureAggregate.values:
        raise ValidationError({"aggregate": _("Unknown aggregate.")})
    if aggregate == SUM and field not in SUM_FIELDS[source]:
        raise ValidationError({"field": _("Choose the field to sum.")})
    if aggregate != SUM and field:
        raise ValidationError({"field": _("Only a sum has a field.")})
    if aggregate == RATIO:
        validate_filter(source, denominator)
    elif denominator:
        raise ValidationError({"denominator_filter": _("Only a ratio has a denominator.")})


# --- the rows as of a day -------------------------------------------------------------


def stages_from(stage: str) -> list[str]:
    """`stage` and every later stage of the path."""
    return list(Stage.values)[Stage.rank(stage) :]


def _window(spec: dict, target, at: date, in_period) -> tuple[date | None, date | None]:
    lo = hi = None
    if in_period:
        lo, hi = target.start, min(target.end, at)
    if spec.get("from"):
        day = date.fromisoformat(spec["from"])
        lo = max(lo, day) if lo else day
    if spec.get("to"):
        day = date.fromisoformat(spec["to"])
        hi = min(hi, day) if hi else day
    return lo, hi


def _unit_q(code: str) -> Q:
    from luoshi.orgs.models import Unit

    if code.startswith("subtree:"):
        path = Unit.objects.filter(code=code.removeprefix("subtree:")).values("path")[:1]
        return Q(unit__path__startswith=Subquery(path))
    return Q(unit__code=code)


def _reach_stage(spec: dict) -> str | None:
    """The stage whose reached date the window applies to."""
    reached = spec.get("reached_in_period")
    if isinstance(reached, str):
        return reached
    if reached or spec.get("from") or spec.get("to"):
        return spec.get("stage_reached")
    return None


def _latest(events: QuerySet, row: str, value: str, at: date, values) -> QuerySet:
    """Ids (`row`) of the rows whose latest event up to `at` has `value` in `values`.

    One window over the events up to `at` (latest first per row), not a
    correlated subquery per row: its cost follows the number of events, and no
    plan can turn it into a scan of the whole event table per row.
    """
    latest_first = [F("date").desc(), F("pk").desc()]
    return (
        events.filter(date__lte=at)
        .annotate(
            position=Window(RowNumber(), partition_by=[F(row)], order_by=latest_first),
            latest=Window(FirstValue(value), partition_by=[F(row)], order_by=latest_first),
        )
        .filter(position=1, latest__in=sorted(values))
        .values(row)
    )


def _events_of(events: QuerySet, row: str, model, static: Q) -> QuerySet:
    """Events of the rows that pass the `static` conditions (none: every event)."""
    if not static:
        return events
    return events.filter(**{f"{row}__in": model.objects.filter(static).values("pk")})


def _stage_at_q(stages, at: date, static: Q) -> Q:
    events = _events_of(StageEvent.objects.all(), "project_id", Project, static)
    return Q(pk__in=_latest(events, "project_id", "stage", at, stages))


def _reached_q(stage: str, at: date, lo: date | None, hi: date | None) -> Q:
    """Projects that first reached `stage` (or beyond) within [lo, hi], by `at`."""
    first = (
        StageEvent.objects.filter(date__lte=at, stage__in=stages_from(stage))
        .values("project_id")
        .annotate(first=Min("date"))
    )
    if lo:
        first = first.filter(first__gte=lo)
    if hi:
        first = first.filter(first__lte=hi)
    return Q(pk__in=first.values("project_id"))


def _project_q(spec: dict, target, at: date) -> Q:
    # Conditions on the row itself first: the event subqueries only look at those rows.
    static = Q()
    if spec.get("exclude_dropped", True):
        static &= Q(dropped_on__isnull=True) | Q(dropped_on__gt=at)
    if spec.get("unit"):
        static &= _unit_q(spec["unit"])
    for key in ("industry_chain", "origin"):
        if spec.get(key) is not None:
            static &= Q(**{key: spec[key]})
    # A project exists from its first event.
    q = static & Q(pk__in=StageEvent.objects.filter(date__lte=at).values("project_id"))
    if spec.get("stage_reached"):
        q &= _stage_at_q(stages_from(spec["stage_reached"]), at, static)
    stage = _reach_stage(spec)
    if stage:
        lo, hi = _window(spec, target, at, spec.get("reached_in_period"))
        q &= _reached_q(stage, at, lo, hi)
    return q


def _statuses(value) -> set[str]:
    out: set[str] = set()
    for name in _as_list(value):
        if name == OPEN:
            out |= {str(s) for s in HAZARD_OPEN_STATUSES}
        elif name == OPEN_ONLY:
            out.add(HazardStatus.OPEN.value)
        else:
            out.add(name)
    return out


def _status_at_q(statuses: set[str], at: date, static: Q = Q()) -> Q:  # noqa: B008
    events = _events_of(HazardEvent.objects.all(), "hazard_id", Hazard, static)
    q = Q(pk__in=_latest(events, "hazard_id", "status", at, statuses))
    if HazardStatus.OPEN in statuses:
        # A hazard without events up to `at` (not entered through the actions) is open.
        q |= ~Q(pk__in=HazardEvent.objects.filter(date__lte=at).values("hazard_id"))
    return q


def _hazard_static_q(spec: dict, target, at: date) -> Q:
    """The conditions on the hazard itself (all but its status on `at`)."""
    q = Q(found_on__lte=at)
    for key in ("level", "domain", "place_kind"):
        if spec.get(key):
            q &= Q(**{f"{key}__in": _as_list(spec[key])})
    lo, hi = _window(spec, target, at, spec.get("found_in_period"))
    if lo:
        q &= Q(found_on__gte=lo)
    if hi:
        q &= Q(found_on__lte=hi)
    if spec.get("unit"):
        q &= _unit_q(spec["unit"])
    return q


def _hazard_q(spec: dict, target, at: date) -> Q:
    q = _hazard_static_q(spec, target, at)
    if spec.get("status"):
        q &= _status_at_q(_statuses(spec["status"]), at, q)
    return q


def _overdue_q(at: date, static: Q = Q()) -> Q:  # noqa: B008
    static = static & Q(deadline__lt=at)
    return static & _status_at_q({str(s) for s in HAZARD_OPEN_STATUSES}, at, static)


def _rows(source: str, spec: dict, target, at: date) -> QuerySet:
    if source == PROJECTS:
        return Project.objects.filter(_project_q(spec, target, at))
    return Hazard.objects.filter(_hazard_q(spec, target, at))


def positions_at(source: str, ids, at: date) -> dict[int, str]:
    """The stage (projects) or status (hazards) of each row of `ids` on `at`: one query.

    For showing a page of rows; a row without events up to `at` is missing.
    """
    events: Manager[Any]
    if source == PROJECTS:
        events, row, value = StageEvent.objects, "project_id", "stage"
    else:
        events, row, value = HazardEvent.objects, "hazard_id", "status"
    rows = (
        events.filter(**{f"{row}__in": list(ids)}, date__lte=at)
        .order_by(row, "date", "pk")
        .values_list(row, value)
    )
    return dict(rows)  # the latest of each row comes last


def source_model(source: str) -> type[Project] | type[Hazard]:
    """The ledger's model class."""
    return Project if source == PROJECTS else Hazard


def reading_day(target, at: date) -> date | None:
    """The day a ledger figure is taken for `target` evaluated at `at` (None: not yet)."""
    if at < target.start:
        return None
    return min(at, target.end)


def rows_behind(measure: Measure, at: date) -> dict[str, QuerySet]:
    """The rows behind each figure of `measure` at `at`, unscoped (callers apply restrict(user, "view")).

    Keys: ``rows`` (count and sum), ``numerator`` and ``denominator`` (ratio), and
    ``overdue`` (hazard counts: the open rows past their deadline).
    """
    target = measure.target
    day = reading_day(target, at) or at
    source = measure.source
    if measure.aggregate == RATIO:
        return {
            NUMERATOR: _rows(source, measure.filter, target, day),
            DENOMINATOR: _rows(source, measure.denominator_filter, target, day),
        }
    rows = _rows(source, measure.filter, target, day)
    out = {ROWS: rows}
    if source == HAZARDS and measure.aggregate == COUNT:
        out[OVERDUE] = rows.filter(_overdue_q(day, _hazard_static_q(measure.filter, target, day)))
    return out


@dataclass(frozen=True)
class Figures:
    """What a measure reads on `day`: the value and the counts behind it."""

    day: date | None
    value: float | None
    count: int | None = None  # rows (count/sum) or numerator (ratio)
    denominator: int | None = None
    overdue: int | None = None


# Figures per aggregate query: each adds its conditional aggregates (and their subqueries)
# to one SELECT; a page of up to this many ledger-bound targets costs one query per ledger.
FIGURES_PER_QUERY = 100


def figures(measure: Measure, at: date) -> Figures:
    """The measure's figures for its target at `at`: one query."""
    return many_figures([(measure, measure.target, at)])[0]


def _aggregates(measure: Measure, target, day: date, tag: str) -> dict:
    """The conditional aggregates giving `measure`'s figures on `day`, named after `tag`."""
    source = measure.source
    rows = _project_q if source == PROJECTS else _hazard_q
    q = rows(measure.filter, target, day)
    out: dict[str, Aggregate] = {f"{tag}n": Count("pk", filter=q)}
    if measure.aggregate == RATIO:
        out[f"{tag}d"] = Count("pk", filter=rows(measure.denominator_filter, target, day))
    elif measure.aggregate == SUM:
        out[f"{tag}t"] = Sum(measure.field, filter=q)
    elif source == HAZARDS:
        static = _hazard_static_q(measure.filter, target, day)
        out[f"{tag}o"] = Count("pk", filter=q & _overdue_q(day, static))
    return out


def _figures_of(row: dict, measure: Measure, day: date, tag: str) -> Figures:
    n = row[f"{tag}n"]
    if measure.aggregate == RATIO:
        denominator = row[f"{tag}d"]
        value = 100.0 * n / denominator if denominator else None
        return Figures(day, value, n, denominator)
    if measure.aggregate == SUM:
        return Figures(day, float(row[f"{tag}t"] or 0), n)
    return Figures(day, float(n), n, None, row.get(f"{tag}o"))


def _same_figure(measure: Measure, target, day: date) -> tuple:
    """What a figure depends on: two targets bound alike over one period share it."""
    return (
        measure.source,
        measure.aggregate,
        measure.field,
        json.dumps(measure.filter, sort_keys=True),
        json.dumps(measure.denominator_filter, sort_keys=True),
        target.start,
        target.end,
        day,
    )


def many_figures(wanted: list[tuple[Measure, Target, date]]) -> list[Figures]:
    """The figures of each (measure, its target, date) of `wanted`, in that order.

    Grouped per ledger: all the figures of the projects ledger come from one aggregate
    query with a filtered COUNT (or SUM) per figure, and so do the hazards' (one query
    per FIGURES_PER_QUERY figures): a page of ledger-bound targets costs the same number
    of queries whatever its length. Identical figures (same measure, period and day) are
    computed once.
    """
    out: list[Figures | None] = [None] * len(wanted)
    groups: dict[str, dict[tuple, list[int]]] = {PROJECTS: {}, HAZARDS: {}}
    first: dict[tuple, tuple[Measure, Target, date]] = {}
    for i, (measure, target, at) in enumerate(wanted):
        day = reading_day(target, at)
        if day is None:
            out[i] = Figures(None, None)
            continue
        key = _same_figure(measure, target, day)
        groups[measure.source].setdefault(key, []).append(i)
        first.setdefault(key, (measure, target, day))
    for source, by_key in groups.items():
        keys = list(by_key)
        if _SWEEPING.get() and len(keys) >= SWEEP_FROM:
            ledger = _Swept(source, max(first[key][2] for key in keys))
            for key in keys:
                got = ledger.figures(*first[key])
                for i in by_key[key]:
                    out[i] = got
            continue
        for start in range(0, len(keys), FIGURES_PER_QUERY):
            chunk = keys[start : start + FIGURES_PER_QUERY]
            aggregates = {}
            for n, key in enumerate(chunk):
                aggregates.update(_aggregates(*first[key], tag=f"f{n}_"))
            row = source_model(source).objects.aggregate(**aggregates)
            for n, key in enumerate(chunk):
                measure, _target, day = first[key]
                got = _figures_of(row, measure, day, f"f{n}_")
                for i in by_key[key]:
                    out[i] = got
    return cast("list[Figures]", out)  # every index was filled above


# --- many figures at once: the ledger read once and counted in Python ----------------

# Within `sweeping()`, a ledger of which `many_figures` wants at least this many figures is
# read once (its rows and their events up to the latest day wanted: 2 or 3 queries) and the
# figures are counted from that in Python, instead of an aggregate whose every figure runs
# its own as-of window over the events (the daily refresh at 10×: ~1 s of ledger queries
# in each batch of 1,000 targets holding a few bound ones; 380 s for one query holding
# all 230 of them).
SWEEP_FROM = 10
_SWEEPING: ContextVar[bool] = ContextVar("ledger_sweeping", default=False)


@contextmanager
def sweeping() -> Iterator[None]:
    """Within: `many_figures` reads a ledger once when it needs SWEEP_FROM figures of it or
    more (the stored evaluations' refresh of many ledger-bound targets; a page keeps its one
    aggregate query per ledger). The figures are the same either way
    (tests/ledgers/test_measures_swept.py compares them)."""
    token = _SWEEPING.set(True)
    try:
        yield
    finally:
        _SWEEPING.reset(token)


def _prefix_test():
    """`unit__path__startswith` as the database reads it: SQLite's LIKE ignores the case of
    ASCII letters, PostgreSQL's does not."""
    if connection.vendor != "sqlite":
        return str.startswith
    fold = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
    return lambda text, prefix: text.translate(fold).startswith(prefix.translate(fold))


class _Swept:
    """One ledger as of every day up to `last`: its rows, and per row the dates of its
    events (date, then recording order) with the stage or status each set."""

    def __init__(self, source: str, last: date) -> None:
        from luoshi.orgs.models import Unit

        self.source = source
        self.path_of: dict[int, str] = {}
        self.unit_of_code: dict[str, int] = {}
        for pk, code, path in Unit.objects.order_by().values_list("pk", "code", "path"):
            self.path_of[pk] = path
            self.unit_of_code[code] = pk
        events: QuerySet
        # Plain tuples (a row's columns by position, below), not models: a province's ledger.
        self.rows: list[tuple[Any, ...]]
        if source == PROJECTS:
            self.rows = list(
                Project.objects.order_by("pk").values_list(
                    "pk",
                    "unit_id",
                    "dropped_on",
                    "industry_chain",
                    "origin",
                    "planned_amount",
                    "paid_in_amount",
                )
            )
            events = StageEvent.objects.order_by("project_id", "date", "pk").values_list(
                "project_id", "date", "stage"
            )
        else:
            self.rows = list(
                Hazard.objects.order_by("pk").values_list(
                    "pk",
                    "unit_id",
                    "found_on",
                    "level",
                    "domain",
                    "place_kind",
                    "deadline",
                    "funds",
                )
            )
            events = HazardEvent.objects.order_by("hazard_id", "date", "pk").values_list(
                "hazard_id", "date", "status"
            )
        self.index = {row[0]: i for i, row in enumerate(self.rows)}
        self.by_unit: dict[int | None, list[int]] = defaultdict(list)
        for i, row in enumerate(self.rows):
            self.by_unit[row[1]].append(i)
        self.dates: list[list[date]] = [[] for _ in self.rows]
        self.values: list[list[str]] = [[] for _ in self.rows]
        for row_id, on, value in events.filter(date__lte=last):
            at = self.index.get(row_id)
            if at is not None:
                self.dates[at].append(on)
                self.values[at].append(value)
        if source == PROJECTS:
            # Per project, the first date of an event at each stage or a later one.
            order = list(Stage.values)
            self.first_at: list[list[date | None]] = []
            for on_days, stages in zip(self.dates, self.values, strict=True):
                first: list[date | None] = [None] * len(order)
                for on, stage in zip(on_days, stages, strict=True):
                    if stage not in order:
                        continue
                    for rank in range(order.index(stage) + 1):
                        earliest = first[rank]
                        if earliest is None or on < earliest:
                            first[rank] = on
                self.first_at.append(first)
        self._latest: dict[date, list[str | None]] = {}

    def latest(self, day: date) -> list[str | None]:
        """Each row's stage or status on `day` (None: no event up to `day`)."""
        got = self._latest.get(day)
        if got is None:
            got = []
            for on_days, values in zip(self.dates, self.values, strict=True):
                n = bisect_right(on_days, day)
                got.append(values[n - 1] if n else None)
            self._latest[day] = got
        return got

    def _candidates(self, spec: dict) -> list[int]:
        """Indexes of the rows the unit filter lets through (all rows without one)."""
        code = spec.get("unit")
        if not code:
            return list(range(len(self.rows)))
        if code.startswith("subtree:"):
            top = self.unit_of_code.get(code.removeprefix("subtree:"))
            if top is None:
                return []
            starts, prefix = _prefix_test(), self.path_of[top]
            units = [pk for pk, path in self.path_of.items() if starts(path, prefix)]
        else:
            unit = self.unit_of_code.get(code)
            units = [] if unit is None else [unit]
        return sorted(i for unit in units for i in self.by_unit.get(unit, ()))

    def _projects(self, spec: dict, target, day: date) -> list[int]:
        latest = self.latest(day)
        exclude_dropped = spec.get("exclude_dropped", True)
        texts = [
            (n, spec[key])
            for n, key in ((3, "industry_chain"), (4, "origin"))
            if spec.get(key) is not None
        ]
        stages = set(stages_from(spec["stage_reached"])) if spec.get("stage_reached") else None
        reach = _reach_stage(spec)
        rank = Stage.rank(reach) if reach else 0
        lo, hi = _window(spec, target, day, spec.get("reached_in_period")) if reach else (None,) * 2
        out = []
        for i in self._candidates(spec):
            row = self.rows[i]
            if exclude_dropped and row[2] is not None and row[2] <= day:
                continue
            if any(row[n] != text for n, text in texts):
                continue
            if latest[i] is None:  # not there yet: no event up to the day
                continue
            if stages is not None and latest[i] not in stages:
                continue
            if reach:
                first = self.first_at[i][rank]
                if first is None or first > day:
                    continue
                if (lo and first < lo) or (hi and first > hi):
                    continue
            out.append(i)
        return out

    def _hazards(self, spec: dict, target, day: date, statuses: set[str] | None) -> list[int]:
        latest = self.latest(day)
        lists = [
            (n, set(_as_list(spec[key])))
            for n, key in ((3, "level"), (4, "domain"), (5, "place_kind"))
            if spec.get(key)
        ]
        lo, hi = _window(spec, target, day, spec.get("found_in_period"))
        open_without_events = statuses is not None and HazardStatus.OPEN in statuses
        out = []
        for i in self._candidates(spec):
            row = self.rows[i]
            found = row[2]
            if found > day or (lo and found < lo) or (hi and found > hi):
                continue
            if any(row[n] not in allowed for n, allowed in lists):
                continue
            if statuses is not None:
                status = latest[i]
                if status is None:
                    if not open_without_events:
                        continue
                elif status not in statuses:
                    continue
            out.append(i)
        return out

    def _rows(self, spec: dict, target, day: date) -> list[int]:
        if self.source == PROJECTS:
            return self._projects(spec, target, day)
        statuses = _statuses(spec["status"]) if spec.get("status") else None
        return self._hazards(spec, target, day, statuses)

    def figures(self, measure: Measure, target, day: date) -> Figures:
        """What `many_figures` gives for (measure, target, day): the same conditions."""
        rows = self._rows(measure.filter, target, day)
        n = len(rows)
        if measure.aggregate == RATIO:
            denominator = len(self._rows(measure.denominator_filter, target, day))
            return Figures(day, 100.0 * n / denominator if denominator else None, n, denominator)
        if measure.aggregate == SUM:
            column = {"planned_amount": 5, "paid_in_amount": 6, "funds": 7}[measure.field]
            total = sum(
                (self.rows[i][column] for i in rows if self.rows[i][column] is not None),
                Decimal(0),
            )
            return Figures(day, float(total), n)
        if self.source != HAZARDS:
            return Figures(day, float(n), n, None, None)
        open_now = {str(s) for s in HAZARD_OPEN_STATUSES}
        latest = self.latest(day)
        overdue = len(
            [
                i
                for i in rows
                if self.rows[i][6] < day and (latest[i] or HazardStatus.OPEN.value) in open_now
            ]
        )
        return Figures(day, float(n), n, None, overdue)


def _reading(got: Figures, target) -> engine.Reading | None:
    if got.value is None or got.day is None:
        return None
    overdue = float(got.overdue) if got.overdue is not None and target.kind == "zero" else None
    return engine.Reading(as_of=got.day, value=got.value, overdue=overdue)


def reading_for(measure: Measure, target, at: date) -> engine.Reading | None:
    """The engine's reading of `target` at `at` from its measure, or None (no reading)."""
    return readings_for([(measure, target, at)])[0]


def readings_for(wanted: list[tuple[Measure, Target, date]]) -> list[engine.Reading | None]:
    """The engine's reading of each (measure, its target, date) of `wanted`, or None:
    grouped as `many_figures` groups them (a fixed number of queries for a page)."""
    for measure, target, _at in wanted:
        if measure.target_id != target.pk:
            raise ValueError("the measure belongs to another target")
    got = many_figures(wanted)
    return [
        _reading(figures, target) for figures, (_m, target, _at) in zip(got, wanted, strict=True)
    ]


# --- in words -------------------------------------------------------------------------


def _lang() -> str:
    from django.utils import translation

    return "zh" if (translation.get_language() or "zh").startswith("zh") else "en"


def _unit_words(code: str, names: dict[str, str] | None, zh: bool) -> str:
    subtree = code.startswith("subtree:")
    bare = code.removeprefix("subtree:")
    name = (names or {}).get(bare, bare)
    if zh:
        return f"{name}{'及下属单位' if subtree else ''}"
    return f"{name}{' and the units under it' if subtree else ''}"


def describe_filter(
    source: str, spec: dict, *, lang: str | None = None, units: dict[str, str] | None = None
) -> str:
    """A filter in words, e.g. "本期内达到签约（含以后阶段）的项目"."""
    zh = (lang or _lang()) == "zh"
    parts: list[str] = []
    if source == PROJECTS:
        stage = spec.get("stage_reached")
        reach = _reach_stage(spec)
        if spec.get("unit"):
            parts.append(_unit_words(spec["unit"], units, zh) + ("负责的" if zh else ""))
        for key, zh_word in (("industry_chain", "产业链"), ("origin", "来源地")):
            if spec.get(key):
                parts.append(f"{zh_word}为{spec[key]}的" if zh else f"{key}: {spec[key]}")
        if reach:
            label = str(Stage(reach).label)
            if spec.get("reached_in_period"):
                parts.append(f"本期内达到{label}的" if zh else f"reached {label} in the period")
            if spec.get("from") or spec.get("to"):
                span = f"{spec.get('from') or '…'}—{spec.get('to') or '…'}"
                parts.append(f"{span}达到{label}的" if zh else f"reached {label} {span}")
        if stage and stage != reach:
            label = str(Stage(stage).label)
            parts.append(f"已到{label}阶段（含以后）的" if zh else f"now at {label} or beyond")
        elif stage:
            label = str(Stage(stage).label)
            parts.append(f"目前仍在{label}或以后阶段的" if zh else f"still at {label} or beyond")
        if spec.get("exclude_dropped", True):
            parts.append("未终止的" if zh else "not dropped")
        noun = "招商项目" if zh else "investment projects"
    else:
        if spec.get("unit"):
            parts.append(_unit_words(spec["unit"], units, zh) + ("负责的" if zh else ""))
        if spec.get("found_in_period"):
            parts.append("本期内发现的" if zh else "found in the period")
        if spec.get("from") or spec.get("to"):
            span = f"{spec.get('from') or '…'}—{spec.get('to') or '…'}"
            parts.append(f"{span}发现的" if zh else f"found {span}")
        for key, choices in (("domain", HazardDomain), ("place_kind", PlaceKind)):
            if spec.get(key):
                labels = "、".join(str(choices(v).label) for v in _as_list(spec[key]))
                parts.append(f"{labels}领域的" if zh and key == "domain" else labels)
        if spec.get("level"):
            parts.append("、".join(str(HazardLevel(v).label) for v in _as_list(spec["level"])))
        if spec.get("status"):
            words = []
            for name in _as_list(spec["status"]):
                if name == OPEN:
                    words.append("未销号" if zh else "open (not closed)")
                elif name == OPEN_ONLY:
                    words.append(str(HazardStatus.OPEN.label))
                else:
                    words.append(str(HazardStatus(name).label))
            parts.append(("、".join(words) + "的") if zh else ", ".join(words))
        noun = "安全隐患" if zh else "safety hazards"
    if zh:
        return "".join(parts) + noun
    return noun + (" — " + "; ".join(parts) if parts else "")


def describe(measure: Measure, *, lang: str | None = None, units: dict[str, str] | None = None):
    """The measure in one sentence, in the current language."""
    zh = (lang or _lang()) == "zh"
    kw: dict[str, Any] = {"lang": "zh" if zh else "en", "units": units}
    what = describe_filter(measure.source, measure.filter, **kw)
    if measure.aggregate == RATIO:
        below = describe_filter(measure.source, measure.denominator_filter, **kw)
        if zh:
            return f"按台账计算：{what}数 ÷ {below}数 × 100%"
        return f"From the ledger: 100 × count of {what} ÷ count of {below}"
    if measure.aggregate == SUM:
        model_field = source_model(measure.source)._meta.get_field(measure.field)
        field = str(getattr(model_field, "verbose_name", measure.field))
        return (
            f"按台账计算：{what}的{field}合计"
            if zh
            else f"From the ledger: {field} summed over {what}"
        )
    if zh:
        tail = "（并计超期未整改数）" if measure.source == HAZARDS else ""
        return f"按台账计算：{what}数{tail}"
    tail = " (with the number past their deadline)" if measure.source == HAZARDS else ""
    return f"From the ledger: count of {what}{tail}"


def unit_names(*specs: dict) -> dict[str, str]:
    """Short names of the units a filter names (one query)."""
    from luoshi.orgs.models import Unit

    codes = {s["unit"].removeprefix("subtree:") for s in specs if s and s.get("unit")}
    if not codes:
        return {}
    return dict(Unit.objects.filter(code__in=codes).values_list("code", "short_name"))


# --- binding --------------------------------------------------------------------------


@transaction.atomic
def bind_measure(
    target,
    user,
    *,
    source: str,
    aggregate: str,
    field: str = "",
    filter: dict | None = None,  # noqa: A002  (the model's name)
    denominator_filter: dict | None = None,
    reason: str = "",
) -> Measure:
    """Bind `target` to a ledger measure (or change its measure). Supervisors only.

    From then on the target's readings are computed; its manual reports stay in
    its history but no longer count.
    """
    from luoshi.plans.actions import require_plan_manager

    require_plan_manager(user)
    if target.kind == "milestone":
        raise ValidationError(_("A milestone target cannot be computed from a ledger."))
    if target.kind == "zero" and aggregate != COUNT:
        raise ValidationError(
            {"aggregate": _("A zero target counts the items still open: choose a count.")}
        )
    spec = validate_filter(source, filter or {})
    denominator = validate_filter(source, denominator_filter or {}) if aggregate == RATIO else {}
    validate_measure(source, aggregate, field or "", spec, denominator)
    existing = Measure.objects.select_for_update().filter(target=target).first()
    created = existing is None
    measure = Measure(target=target) if existing is None else existing
    measure.source, measure.aggregate, measure.field = source, aggregate, field or ""
    measure.filter, measure.denominator_filter = spec, denominator
    save_with_history(measure, user, reason or ("bound" if created else "changed"))
    return measure


@transaction.atomic
def unbind_measure(target, user, reason: str = "") -> bool:
    """Turn `target` back into a manually reported one. False when it had no measure."""
    from luoshi.plans.actions import require_plan_manager

    require_plan_manager(user)
    measure = Measure.objects.select_for_update().filter(target=target).first()
    if measure is None:
        return False
    delete_with_history(measure, user, reason or "unbound")
    return True
