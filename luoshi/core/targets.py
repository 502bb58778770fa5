"""What the status engine takes and gives: targets, rules, states and reason codes.

The engine (core.status) decides; core.explain writes the sentences; the snapshot
parser (core.snapshot) builds these classes from JSON. All three import this
module and nothing imports them back, so the core has no import cycle.

Plain Python, no Django: the apps build their choices from ``State`` and ``Code``
(``luoshi.plans.choices``) instead of writing the values a second time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from luoshi.core.periods import schedule_points

KINDS = ("cumulative", "growth", "level", "zero", "floor", "milestone")
COMPARATORS = (">=", "<=", ">", "<", "=", "~")
CAPS = frozenset(("<=", "<"))
STRICT = frozenset((">", "<"))
LANGS = ("zh", "en")


class State(StrEnum):
    """A target's state on a day (DESIGN.md section 4); ``missing`` is a flag beside it."""

    DONE = "done"
    ON_TRACK = "on_track"
    LAGGING = "lagging"
    BEHIND = "behind"
    OVERDUE = "overdue"
    NOT_STARTED = "not_started"


class Code(StrEnum):
    """Why a target is in its state: one code per sentence core.explain can write.

    Each names the figures it needs in ``Reason.params`` (core.explain documents
    them beside its renderers). The first group opens a reason; the notes after it
    are clauses appended to it.
    """

    # cumulative targets (at least / about / more than)
    CUMULATIVE_NONE = "cumulative_none"  # expected, unit
    CUMULATIVE_NONE_ENDED = "cumulative_none_ended"  # value, unit
    CUMULATIVE_PROGRESS = "cumulative_progress"  # expected, actual, unit, ratio
    CUMULATIVE_MET = "cumulative_met"  # value, actual, unit
    CUMULATIVE_SHORT_ENDED = "cumulative_short_ended"  # value, actual, unit, share
    # cumulative caps (at most / less than)
    CAP_NONE = "cap_none"  # expected, unit
    CAP_PROGRESS = "cap_progress"  # expected, actual, unit, used
    CAP_WITHIN_ENDED = "cap_within_ended"  # value, actual, unit
    CAP_OVER_ENDED = "cap_over_ended"  # value, actual, unit
    # growth and level
    RATE_NONE = "rate_none"  # growth, comparator, value, unit, ended
    RATE_MET = "rate_met"  # growth, comparator, value, unit, ended, actual
    RATE_GAP = "rate_gap"  # ... and gap, cap, tolerated
    RATE_NOT_MET = "rate_not_met"  # growth, comparator, value, unit, ended, actual
    # zero
    ZERO_NONE = "zero_none"  # ended
    ZERO_CLEARED = "zero_cleared"  # ended
    ZERO_OPEN = "zero_open"  # ended, open, overdue, unit
    # floor
    FLOOR_NONE = "floor_none"  # ended, baseline, unit
    FLOOR_READING = "floor_reading"  # ended, actual, baseline, unit, comparator, met
    # milestones
    MILESTONES_DONE = "milestones_done"  # total
    MILESTONES_UNDONE_ENDED = "milestones_undone_ended"  # left
    MILESTONE_LATE = "milestone_late"  # name, due, late, grace, tolerated
    MILESTONES_NONE_DUE = "milestones_none_due"  # (nothing)
    MILESTONES_AHEAD = "milestones_ahead"  # done
    MILESTONES_DUE_DONE = "milestones_due_done"  # due, done
    # notes appended to a reason
    FORECAST_MISS = "forecast_miss"  # forecast, unit, cap
    REPORT_OVERDUE = "report_overdue"  # period_end
    REPORT_AWAITING = "report_awaiting"  # period_end (set by the apps, not the engine)


@dataclass(slots=True)
class Reason:
    """A code with its figures, and the notes that follow it (forecast, owed report).

    Treated as a value: ``noted`` and ``awaiting`` return a new reason. (Not a frozen
    dataclass only because building those is slower, and the engine builds one per
    target.)
    """

    code: Code
    params: dict = field(default_factory=dict)
    notes: tuple[Reason, ...] = ()

    def noted(self, note: Reason) -> Reason:
        return Reason(self.code, self.params, (*self.notes, note))

    def awaiting(self) -> Reason:
        """This reason with its owed report submitted and awaiting approval (待审核)."""
        notes = tuple(
            Reason(Code.REPORT_AWAITING, n.params) if n.code is Code.REPORT_OVERDUE else n
            for n in self.notes
        )
        return Reason(self.code, self.params, notes)


@dataclass(slots=True, frozen=True)
class Rules:
    """The plan's thresholds (section 4), editable by the supervisor."""

    lagging_below: float = 1.0
    behind_below: float = 0.8
    growth_tolerance_pp: float = 1.0
    level_tolerance: float = 0.05
    milestone_grace_days: int = 15


DEFAULT_RULES = Rules()
RULE_NAMES: tuple[str, ...] = (
    "lagging_below",
    "behind_below",
    "growth_tolerance_pp",
    "level_tolerance",
)
RULE_NAMES += ("milestone_grace_days",)


@dataclass(slots=True)
class Reading:
    """An approved reading: ``value`` as of ``as_of``.

    For zero targets ``value`` is the number of open items and ``overdue`` the
    number of them past their deadline. Milestone targets may carry readings
    without a value (they only show that a report was made).
    """

    as_of: date
    value: float | None
    overdue: float | None = None


@dataclass(slots=True, frozen=True)
class Milestone:
    name: str
    due: date
    done: date | None = None


@dataclass(slots=True, eq=False)
class Target:
    """A target as the engine sees it. Dates are ``datetime.date``.

    ``rules``, when set, replaces the plan's rules for this target (a snapshot's
    per-target "rules" are merged onto the plan's rules by ``parse_snapshot``).
    The fields after ``rules`` are derived once, at construction, so that an
    evaluation is integer arithmetic and one bisection.
    """

    id: str
    kind: str
    start: date
    end: date
    comparator: str = ">="
    value: float | None = None
    unit: str = ""
    cadence: str | None = None
    due_day: int = 5
    schedule: tuple[tuple[date, float], ...] = ()
    readings: tuple[Reading, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    baseline: float | None = None
    rules: Rules | None = None
    start_ord: int = field(init=False, repr=False)
    end_ord: int = field(init=False, repr=False)
    points: tuple | None = field(init=False, repr=False)
    reading_ords: list[int] = field(init=False, repr=False)
    sorted_readings: list[Reading] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.start_ord = so = self.start.toordinal()
        self.end_ord = eo = self.end.toordinal()
        if self.schedule:
            self.points = schedule_points(
                so, eo, tuple((d.toordinal(), s) for d, s in self.schedule)
            )
        else:
            self.points = None
        readings = self.readings
        ords = [r.as_of.toordinal() for r in readings]
        in_order = sorted(ords)
        if in_order == ords:
            self.reading_ords = ords
            self.sorted_readings = list(readings)
        else:
            # stable: of readings with the same as_of, the later in the list stays later
            order = sorted(range(len(ords)), key=ords.__getitem__)
            self.reading_ords = [ords[i] for i in order]
            self.sorted_readings = [readings[i] for i in order]


@dataclass(slots=True)
class Evaluation:
    """The engine's judgement of one target: state, figures, ``why`` (a ``Reason``) and
    ``reason``, that judgement written in one language by core.explain.

    ``why`` is None for an evaluation read back from storage, which keeps only the
    sentences (luoshi.dashboards).
    """

    id: str
    state: str
    missing: bool
    expected: float | None
    actual: float | None
    ratio: float | None
    forecast: float | None
    will_miss: bool | None
    reason: str
    why: Reason | None = None

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "state": self.state,
            "missing": self.missing,
            "expected": self.expected,
            "actual": self.actual,
            "ratio": self.ratio,
            "forecast": self.forecast,
            "will_miss": self.will_miss,
            "reason": self.reason,
        }
