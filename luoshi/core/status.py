"""The status engine: the rules of DESIGN.md section 4 as plain Python.

Public API (used alike by the web app, the API, the bulletins and the CLI):

- ``evaluate(target, at, rules, lang="zh") -> Evaluation``
- ``evaluate_snapshot(snapshot_dict, lang="zh") -> {"at": ..., "evaluations": [...]}``
- ``parse_snapshot(snapshot_dict) -> (at, rules, [Target])`` raising ``SnapshotError``

The engine is pure and deterministic: no clock, no database, no Django. Every
interpretation made where the design is silent is written down in
docs/status.md.
"""

from __future__ import annotations

import gc
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from luoshi.core.formatting import format_number
from luoshi.core.periods import owed_period_end, schedule_points, share_at
from luoshi.core.values import LIMIT

KINDS = ("cumulative", "growth", "level", "zero", "floor", "milestone")
COMPARATORS = (">=", "<=", ">", "<", "=", "~")
CAPS = frozenset(("<=", "<"))
STRICT = frozenset((">", "<"))
LANGS = ("zh", "en")

DONE = "done"
ON_TRACK = "on_track"
LAGGING = "lagging"
BEHIND = "behind"
OVERDUE = "overdue"
NOT_STARTED = "not_started"
STATES = (DONE, ON_TRACK, LAGGING, BEHIND, OVERDUE, NOT_STARTED)

# Slack for comparing computed figures with thresholds, so that binary floating
# point (365 * (73 / 365) == 72.99999999999999) never turns an exact hit into a
# miss. Readings compared with the target value itself are compared exactly.
EPS = 1e-9


@dataclass(slots=True, frozen=True)
class Rules:
    """The plan's thresholds (section 4), editable by the supervisor."""

    lagging_below: float = 1.0
    behind_below: float = 0.8
    growth_tolerance_pp: float = 1.0
    level_tolerance: float = 0.05
    milestone_grace_days: int = 15


DEFAULT_RULES = Rules()
RULE_NAMES = ("lagging_below", "behind_below", "growth_tolerance_pp", "level_tolerance")
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
    id: str
    state: str
    missing: bool
    expected: float | None
    actual: float | None
    ratio: float | None
    forecast: float | None
    will_miss: bool | None
    reason: str

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


# --- reason text ----------------------------------------------------------------


def fmt(x: float, unit: str = "", zh: bool = False) -> str:
    """A number for a reason: one decimal, trailing .0 stripped, thousands grouped, and in
    Chinese 亿 for large amounts, by the same rule as every page (core.formatting.format_number)."""
    return format_number(_bounded(x), 1, lang="zh" if zh else "en", unit=unit)


def _bounded(x: float | None) -> float | None:
    """`x` within ±LIMIT (core.values), NaN as None.

    Inputs lie within ±LIMIT, but a forecast over decades or a ratio over a tiny
    expected value can leave that range or overflow to infinity; beyond LIMIT a
    figure says nothing more, and the API and the pages must only ever see finite
    numbers. The state is decided by the bounded figure, so it keeps its sign.
    """
    if x is None or x != x:
        return None
    return LIMIT if x > LIMIT else -LIMIT if x < -LIMIT else x


def pct(ratio: float) -> str:
    return fmt(ratio * 100) + "%"


def zh_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


_CMP_ZH = {">=": "不低于", ">": "高于", "=": "达到", "~": "达到", "<=": "不高于", "<": "低于"}
_CMP_EN = {">=": "at least", ">": "above", "=": "at", "~": "about", "<=": "at most", "<": "below"}


def _meets(actual: float, comparator: str, value: float) -> bool:
    """The comparator test: = and ~ are judged as >=; > and < exclude equality."""
    if comparator in CAPS:
        return actual < value if comparator == "<" else actual <= value
    return actual > value if comparator == ">" else actual >= value


def _band(ratio: float, rules: Rules) -> str:
    if ratio >= rules.lagging_below - EPS:
        return ON_TRACK
    if ratio >= rules.behind_below - EPS:
        return LAGGING
    return BEHIND


# --- the kinds ------------------------------------------------------------------
# Each returns (state, expected, actual, ratio, forecast, will_miss, reason).


def _cumulative(t: Target, r: Reading | None, r_ord: int, at_ord: int, ended: bool, rules, zh):
    value = t.value
    unit = t.unit
    cap = t.comparator in CAPS
    if r is None:
        expected = value * share_at(t.start_ord, t.end_ord, t.points, at_ord)
        if ended:
            # Section 4: with no reading at all the state is not_started, ended or not;
            # the missing flag (with a cadence) says that reports are owed.
            reason = (
                f"期末目标{fmt(value, unit, zh)}{unit}，尚无填报"
                if zh
                else f"Period ended: target {fmt(value, unit, zh)}{unit}, nothing reported"
            )
            return NOT_STARTED, expected, None, None, None, None, reason
        if zh:
            verb = "应控制在" if cap else "应完成"
            tail = "以内" if cap else ""
            reason = f"尚无填报，按序时进度{verb}{fmt(expected, unit, zh)}{unit}{tail}"
        else:
            reason = f"No report yet; {fmt(expected, unit, zh)}{unit} expected by schedule"
        return NOT_STARTED, expected, None, None, None, None, reason

    actual = r.value
    so = t.start_ord
    eo = t.end_ord
    expected = value * share_at(so, eo, t.points, r_ord)
    met = _meets(actual, t.comparator, value)
    if cap:
        ratio = _bounded(expected / actual) if actual != 0 else None
    else:
        ratio = _bounded(actual / expected) if expected != 0 else None
    # forecast: the pace since the start (actual per calendar day up to the
    # reading's as-of date) held until the end of the period.
    total = eo - so + 1
    elapsed = r_ord - so + 1
    if elapsed <= 0:
        forecast = None
        will_miss = None
    else:
        forecast = _bounded(actual * (total / elapsed)) if elapsed < total else actual
        will_miss = not _meets(forecast, t.comparator, value)

    if ended:
        state = DONE if met else OVERDUE
    elif met and not cap:
        state = DONE
    elif ratio is None:
        state = ON_TRACK  # nothing was expected yet (or, for a cap, nothing used)
    else:
        state = _band(ratio, rules)

    if zh:
        if state == DONE:
            if cap:
                reason = f"期末实际{fmt(actual, unit, zh)}{unit}，控制在目标{fmt(value, unit, zh)}{unit}以内"
            else:
                reason = (
                    f"已完成目标{fmt(value, unit, zh)}{unit}，实际{fmt(actual, unit, zh)}{unit}"
                )
        elif state == OVERDUE:
            if cap:
                reason = f"期末实际{fmt(actual, unit, zh)}{unit}，超出控制目标{fmt(value, unit, zh)}{unit}"
            else:
                reason = (
                    f"期末未完成目标{fmt(value, unit, zh)}{unit}，实际{fmt(actual, unit, zh)}{unit}"
                )
                if value:
                    reason += f"，完成{pct(_bounded(actual / value))}"
        elif cap:
            reason = f"按序时进度应控制在{fmt(expected, unit, zh)}{unit}以内，实际{fmt(actual, unit, zh)}{unit}"
            if expected:
                reason += f"，为序时控制量的{pct(_bounded(actual / expected))}"
        else:
            reason = f"按序时进度应完成{fmt(expected, unit, zh)}{unit}，实际{fmt(actual, unit, zh)}{unit}"
            if ratio is not None:
                reason += f"，完成{pct(ratio)}"
        if will_miss and state not in (DONE, OVERDUE):
            reason += f"；按当前进度预计期末{fmt(forecast, unit, zh)}{unit}，{'超出' if cap else '完不成'}目标"
    else:
        if state == DONE:
            if cap:
                reason = f"Period ended at {fmt(actual, unit, zh)}{unit}, within the cap of {fmt(value, unit, zh)}{unit}"
            else:
                reason = (
                    f"Target of {fmt(value, unit, zh)}{unit} met: {fmt(actual, unit, zh)}{unit}"
                )
        elif state == OVERDUE:
            if cap:
                reason = f"Period ended at {fmt(actual, unit, zh)}{unit}, over the cap of {fmt(value, unit, zh)}{unit}"
            else:
                reason = f"Period ended short of {fmt(value, unit, zh)}{unit}: {fmt(actual, unit, zh)}{unit}"
                if value:
                    reason += f", {pct(_bounded(actual / value))} done"
        elif cap:
            reason = f"At most {fmt(expected, unit, zh)}{unit} by schedule, actual {fmt(actual, unit, zh)}{unit}"
            if expected:
                reason += f", {pct(_bounded(actual / expected))} of the allowance"
        else:
            reason = f"Expected {fmt(expected, unit, zh)}{unit} by schedule, actual {fmt(actual, unit, zh)}{unit}"
            if ratio is not None:
                reason += f", {pct(ratio)} done"
        if will_miss and state not in (DONE, OVERDUE):
            verb = "exceed" if cap else "miss"
            reason += f"; at this pace the period ends at {fmt(forecast, unit, zh)}{unit} and will {verb} the target"
    return state, expected, actual, ratio, forecast, will_miss, reason


def _rate(t: Target, r: Reading | None, r_ord: int, at_ord: int, ended: bool, rules, zh):
    """growth and level: the reading against the value, with a tolerance band."""
    value = t.value
    growth = t.kind == "growth"
    unit = "%" if growth and not t.unit else t.unit
    points = growth or unit == "%"  # a gap between two percentages is in points
    gap_unit_zh = "个百分点" if points else unit
    gap_unit_en = " pp" if points else unit
    cmp = t.comparator
    cap = cmp in CAPS
    goal_zh = f"目标{'增长' if growth else ''}{_CMP_ZH[cmp]}{fmt(value, unit, zh)}{unit}"
    goal_en = f"target {'growth ' if growth else ''}{_CMP_EN[cmp]} {fmt(value, unit, zh)}{unit}"
    if r is None:
        if ended:
            state = NOT_STARTED
            reason = f"期末无填报，{goal_zh}" if zh else f"Period ended with no report; {goal_en}"
        else:
            state = NOT_STARTED
            reason = f"尚无填报，{goal_zh}" if zh else f"No report yet; {goal_en}"
        return state, value, None, None, None, None, reason

    actual = r.value
    if cap:
        ratio = _bounded(value / actual) if actual != 0 else None
    else:
        ratio = _bounded(actual / value) if value != 0 else None
    met = _meets(actual, cmp, value)
    gap = actual - value if cap else value - actual
    if ended:
        state = DONE if met else OVERDUE
    elif met:
        state = ON_TRACK
    else:
        if growth:
            tol = rules.growth_tolerance_pp
            slack = EPS
        else:
            tol = rules.level_tolerance * abs(value)
            slack = EPS * max(1.0, abs(value))
        state = LAGGING if gap <= tol + slack else BEHIND

    actual_zh = f"实际{'增长' if growth else ''}{fmt(actual, unit, zh)}{unit}"
    actual_en = f"actual {fmt(actual, unit, zh)}{unit}"
    if zh:
        head = "期末" if ended else ""
        reason = f"{head}{goal_zh}，{actual_zh}"
        if state in (ON_TRACK, DONE):
            reason += "，已达标"
        elif gap > 0:
            word = "超出" if cap else "差"
            reason += f"，{word}{fmt(gap)}{gap_unit_zh}"
            if state == LAGGING:
                reason += "（在容差内）"
        else:
            reason += "，未达标"
    else:
        head = "Period ended: " if ended else ""
        reason = f"{head}{goal_en[0].upper()}{goal_en[1:]}, {actual_en}"
        if state in (ON_TRACK, DONE):
            reason += ", met"
        elif gap > 0:
            word = "over" if cap else "short"
            reason += f", {fmt(gap)}{gap_unit_en} {word}"
            if state == LAGGING:
                reason += " (within tolerance)"
        else:
            reason += ", not met"
    return state, value, actual, ratio, None, None, reason


def _zero(t: Target, r: Reading | None, r_ord: int, at_ord: int, ended: bool, rules, zh):
    unit = t.unit or ("项" if zh else "")
    sp = "" if zh else " "
    if r is None:
        if ended:
            reason = "期末无填报" if zh else "Period ended with no report"
            return NOT_STARTED, 0, None, None, None, None, reason
        return NOT_STARTED, 0, None, None, None, None, "尚无填报" if zh else "No report yet"
    open_ = r.value
    overdue = r.overdue or 0
    if open_ == 0:
        state = DONE if ended else ON_TRACK
        reason = ("期末" if ended else "") + "已清零" if zh else "Cleared: nothing open"
    else:
        if ended:
            state = OVERDUE
        else:
            state = BEHIND if overdue > 0 else LAGGING
        if zh:
            reason = f"{'期末' if ended else ''}尚有{fmt(open_, unit, zh)}{unit}未清零"
            reason += f"，其中{fmt(overdue, unit, zh)}{unit}已超期" if overdue > 0 else "，均未超期"
        else:
            reason = f"{fmt(open_)}{sp}{unit}".rstrip() + " still open"
            reason += f", {fmt(overdue)} past deadline" if overdue > 0 else ", none past deadline"
            if ended:
                reason = "Period ended: " + reason
    return state, 0, open_, None, None, None, reason


def _floor(t: Target, r: Reading | None, r_ord: int, at_ord: int, ended: bool, rules, zh):
    base = t.baseline
    unit = t.unit
    cmp = t.comparator
    if r is None:
        if ended:
            state = NOT_STARTED
            reason = "期末无填报" if zh else "Period ended with no report"
        else:
            state = NOT_STARTED
            reason = "尚无填报" if zh else "No report yet"
        reason += (
            f"，基数{fmt(base, unit, zh)}{unit}"
            if zh
            else f"; baseline {fmt(base, unit, zh)}{unit}"
        )
        return state, base, None, None, None, None, reason
    actual = r.value
    if cmp in CAPS:
        ratio = _bounded(base / actual) if actual != 0 else None
    else:
        ratio = _bounded(actual / base) if base != 0 else None
    met = _meets(actual, cmp, base)
    if ended:
        state = DONE if met else OVERDUE
    else:
        state = ON_TRACK if met else BEHIND
    if zh:
        word = (
            ("不高于" if cmp in CAPS else "不低于") if met else ("高于" if cmp in CAPS else "低于")
        )
        if cmp in STRICT and actual == base:
            word = "等于"
        reason = f"{'期末' if ended else '当前'}{fmt(actual, unit, zh)}{unit}，{word}基数{fmt(base, unit, zh)}{unit}"
    else:
        rel = "meets" if met else "misses"
        reason = (
            f"{'Period ended at' if ended else 'Now'} {fmt(actual, unit, zh)}{unit}, "
            f"{rel} the baseline of {fmt(base, unit, zh)}{unit}"
        )
    return state, base, actual, ratio, None, None, reason


def _milestone(t: Target, at: date, ended: bool, rules: Rules, zh: bool):
    due_count = 0
    done_count = 0
    worst = None  # the most overdue undone milestone
    for m in t.milestones:
        is_done = m.done is not None and m.done <= at
        if is_done:
            done_count += 1
        if m.due <= at:
            due_count += 1
            if not is_done and (worst is None or m.due < worst.due):
                worst = m
    total = len(t.milestones)
    if done_count == total:
        state = DONE
        reason = f"全部{total}个节点已完成" if zh else f"All {total} milestones done"
    elif ended:
        state = OVERDUE
        left = total - done_count
        reason = (
            f"期末仍有{left}个节点未完成" if zh else f"Period ended with {left} milestone(s) undone"
        )
    elif worst is not None:
        late = (at - worst.due).days
        grace = rules.milestone_grace_days
        state = LAGGING if late <= grace else BEHIND
        if zh:
            reason = f"节点“{worst.name}”应于{zh_date(worst.due)}完成，"
            reason += f"已逾期{late}天" if late else "今日到期尚未完成"
            if state == LAGGING and late:
                reason += f"（宽限{grace}天内）"
        else:
            reason = f"Milestone “{worst.name}” was due {worst.due.isoformat()}, "
            reason += f"{late} day(s) late" if late else "due today and not done"
            if state == LAGGING and late:
                reason += f" (within {grace} days' grace)"
    elif due_count == 0 and done_count == 0:
        state = NOT_STARTED
        reason = "尚无到期节点" if zh else "No milestone due yet"
    else:
        state = ON_TRACK
        if due_count == 0:
            reason = (
                f"尚无到期节点，已提前完成{done_count}个"
                if zh
                else f"No milestone due yet, {done_count} done ahead of time"
            )
        elif zh:
            reason = f"到期节点{due_count}个均已完成，共完成{done_count}个"
        else:
            reason = f"All {due_count} milestone(s) due are done, {done_count} done in all"
    return state, due_count, done_count, None, None, None, reason


_KIND_FUNCS = {
    "cumulative": _cumulative,
    "growth": _rate,
    "level": _rate,
    "zero": _zero,
    "floor": _floor,
}


# --- the engine -----------------------------------------------------------------


def evaluate(
    target: Target, at: date, rules: Rules = DEFAULT_RULES, lang: str = "zh"
) -> Evaluation:
    """Evaluate one target at date ``at`` (section 4)."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    at_ord = at.toordinal()
    return _evaluate(target, at, at_ord, target.rules or rules, lang == "zh")


def _evaluate(t: Target, at: date, at_ord: int, rules: Rules, zh: bool) -> Evaluation:
    ords = t.reading_ords
    i = bisect_right(ords, at_ord)  # readings after ``at`` are ignored
    if i:
        r = t.sorted_readings[i - 1]  # latest as_of; on a tie the later in the list
        r_ord = ords[i - 1]
    else:
        r = None
        r_ord = 0
    ended = at_ord > t.end_ord
    kind = t.kind
    if kind == "milestone":
        out = _milestone(t, at, ended, rules, zh)
    else:
        out = _KIND_FUNCS[kind](t, r, r_ord, at_ord, ended, rules, zh)

    missing = False
    if t.cadence is not None:
        period_end = owed_period_end(t.cadence, t.due_day, t.start, at)
        if period_end is not None and (r is None or r_ord < period_end.toordinal()):
            missing = True
            if zh:
                reason = out[6] + f"；截至{zh_date(period_end)}的报告逾期未报"
            else:
                reason = out[6] + f"; the report as of {period_end.isoformat()} is overdue"
            out = out[:6] + (reason,)
    state, expected, actual, ratio, forecast, will_miss, reason = out
    # A reading or a target value stored before values were checked (1e999 from a cell).
    if actual is not None and not -LIMIT <= actual <= LIMIT:
        actual = _bounded(actual)
    if expected is not None and not -LIMIT <= expected <= LIMIT:
        expected = _bounded(expected)
    return Evaluation(t.id, state, missing, expected, actual, ratio, forecast, will_miss, reason)


def evaluate_all(
    targets: list[Target], at: date, rules: Rules = DEFAULT_RULES, lang: str = "zh"
) -> list[Evaluation]:
    """Evaluate many targets at one date, keeping their order."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    at_ord = at.toordinal()
    zh = lang == "zh"
    # Evaluations hold no reference cycles: pause the cyclic collector so that
    # it does not walk a large heap of targets again and again (see parse_snapshot).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return [_evaluate(t, at, at_ord, t.rules or rules, zh) for t in targets]
    finally:
        if was_enabled:
            gc.enable()


def evaluate_snapshot(snapshot: dict, lang: str = "zh") -> dict:
    """Parse and evaluate a snapshot dict (section 4's JSON form).

    Returns ``{"at": "YYYY-MM-DD", "evaluations": [ {...}, ... ]}`` in the
    input order of the targets. Raises ``SnapshotError`` on bad input.
    """
    at, rules, targets = parse_snapshot(snapshot)
    return {
        "at": at.isoformat(),
        "evaluations": [e.to_dict() for e in evaluate_all(targets, at, rules, lang)],
    }


# Imported last: snapshot.py builds the dataclasses defined above.
from luoshi.core.snapshot import SnapshotError, parse_snapshot  # noqa: E402

__all__ = [
    "DEFAULT_RULES",
    "Evaluation",
    "Milestone",
    "Reading",
    "Rules",
    "SnapshotError",
    "Target",
    "evaluate",
    "evaluate_all",
    "evaluate_snapshot",
    "parse_snapshot",
]
