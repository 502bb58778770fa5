"""The status engine: the rules of DESIGN.md section 4 as plain Python.

Public API (used alike by the web app, the API, the bulletins and the CLI):

- ``evaluate(target, at, rules, lang="zh") -> Evaluation``
- ``evaluate_all(targets, at, rules, lang="zh") -> [Evaluation]``
- ``evaluate_snapshot(snapshot_dict, lang="zh") -> {"at": ..., "evaluations": [...]}``
- ``parse_snapshot(snapshot_dict) -> (at, rules, [Target])`` raising ``SnapshotError``

Decide, then explain: the functions of each kind return the state, the figures
and a ``Reason`` (a ``Code`` and the figures its sentence needs); core.explain
writes the sentence, in the language asked for, into ``Evaluation.reason``, and
``Evaluation.why`` keeps the reason itself, so a caller can write it again in
another language without judging again. The classes live in core.targets.

The engine is pure and deterministic: no clock, no database, no Django. Every
interpretation made where the design is silent is written down in
docs/status.md.
"""

from __future__ import annotations

import gc
from bisect import bisect_right
from datetime import date

from luoshi.core.explain import RENDERERS, fmt, pct, write, zh_date
from luoshi.core.periods import owed_period_end, share_at
from luoshi.core.snapshot import SnapshotError, parse_snapshot
from luoshi.core.targets import (
    CAPS,
    COMPARATORS,
    DEFAULT_RULES,
    KINDS,
    LANGS,
    RULE_NAMES,
    STRICT,
    Code,
    Evaluation,
    Milestone,
    Reading,
    Reason,
    Rules,
    State,
    Target,
)
from luoshi.core.values import LIMIT
from luoshi.core.values import bounded as _bounded

DONE = State.DONE
ON_TRACK = State.ON_TRACK
LAGGING = State.LAGGING
BEHIND = State.BEHIND
OVERDUE = State.OVERDUE
NOT_STARTED = State.NOT_STARTED
STATES = tuple(State)

# Slack for comparing computed figures with thresholds, so that binary floating
# point (365 * (73 / 365) == 72.99999999999999) never turns an exact hit into a
# miss. Readings compared with the target value itself are compared exactly.
EPS = 1e-9


def _meets(actual: float, comparator: str, value: float) -> bool:
    """The comparator test: = and ~ are judged as >=; > and < exclude equality."""
    if comparator in CAPS:
        return actual < value if comparator == "<" else actual <= value
    return actual > value if comparator == ">" else actual >= value


def _figure(number: float | None) -> float:
    """A figure the kind judges by: parse_snapshot gives every target of the kinds below
    its value (a floor target its baseline), and every reading of them its value."""
    if number is None:
        raise TypeError("a figure the target's kind needs is missing")
    return number


def _band(ratio: float, rules: Rules) -> State:
    if ratio >= rules.lagging_below - EPS:
        return ON_TRACK
    if ratio >= rules.behind_below - EPS:
        return LAGGING
    return BEHIND


# --- the kinds ------------------------------------------------------------------
# Each returns (state, expected, actual, ratio, forecast, will_miss, reason).


def _cumulative(t: Target, r: Reading | None, r_ord: int, at_ord: int, ended: bool, rules):
    value = _figure(t.value)
    unit = t.unit
    cap = t.comparator in CAPS
    if r is None:
        expected = value * share_at(t.start_ord, t.end_ord, t.points, at_ord)
        if ended:
            # Section 4: with no reading at all the state is not_started, ended or not;
            # the missing flag (with a cadence) says that reports are owed.
            why = Reason(Code.CUMULATIVE_NONE_ENDED, {"value": value, "unit": unit})
        else:
            code = Code.CAP_NONE if cap else Code.CUMULATIVE_NONE
            why = Reason(code, {"expected": expected, "unit": unit})
        return NOT_STARTED, expected, None, None, None, None, why

    actual = _figure(r.value)
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
        will_miss = None if forecast is None else not _meets(forecast, t.comparator, value)

    if ended:
        state = DONE if met else OVERDUE
    elif met and not cap:
        state = DONE
    elif ratio is None:
        state = ON_TRACK  # nothing was expected yet (or, for a cap, nothing used)
    else:
        state = _band(ratio, rules)

    figures = {"value": value, "actual": actual, "unit": unit}
    if state == DONE:
        why = Reason(Code.CAP_WITHIN_ENDED if cap else Code.CUMULATIVE_MET, figures)
    elif state == OVERDUE:
        if cap:
            why = Reason(Code.CAP_OVER_ENDED, figures)
        else:
            share = _bounded(actual / value) if value else None
            why = Reason(Code.CUMULATIVE_SHORT_ENDED, {**figures, "share": share})
    elif cap:
        used = _bounded(actual / expected) if expected else None
        params = {"expected": expected, "actual": actual, "unit": unit, "used": used}
        why = Reason(Code.CAP_PROGRESS, params)
    else:
        params = {"expected": expected, "actual": actual, "unit": unit, "ratio": ratio}
        why = Reason(Code.CUMULATIVE_PROGRESS, params)
    if will_miss and state not in (DONE, OVERDUE):
        why = why.noted(
            Reason(Code.FORECAST_MISS, {"forecast": forecast, "unit": unit, "cap": cap})
        )
    return state, expected, actual, ratio, forecast, will_miss, why


def _rate(t: Target, r: Reading | None, r_ord: int, at_ord: int, ended: bool, rules):
    """growth and level: the reading against the value, with a tolerance band."""
    value = t.value
    growth = t.kind == "growth"
    cmp = t.comparator
    cap = cmp in CAPS
    goal = {"growth": growth, "comparator": cmp, "value": value, "unit": t.unit, "ended": ended}
    if r is None:
        return NOT_STARTED, value, None, None, None, None, Reason(Code.RATE_NONE, goal)

    value = _figure(value)
    actual = _figure(r.value)
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

    goal["actual"] = actual
    if state in (ON_TRACK, DONE):
        why = Reason(Code.RATE_MET, goal)
    elif gap > 0:
        why = Reason(Code.RATE_GAP, {**goal, "gap": gap, "cap": cap, "tolerated": state == LAGGING})
    else:
        why = Reason(Code.RATE_NOT_MET, goal)
    return state, value, actual, ratio, None, None, why


def _zero(t: Target, r: Reading | None, r_ord: int, at_ord: int, ended: bool, rules):
    if r is None:
        return NOT_STARTED, 0, None, None, None, None, Reason(Code.ZERO_NONE, {"ended": ended})
    open_ = r.value
    overdue = r.overdue or 0
    if open_ == 0:
        state = DONE if ended else ON_TRACK
        why = Reason(Code.ZERO_CLEARED, {"ended": ended})
    else:
        if ended:
            state = OVERDUE
        else:
            state = BEHIND if overdue > 0 else LAGGING
        params = {"ended": ended, "open": open_, "overdue": overdue, "unit": t.unit}
        why = Reason(Code.ZERO_OPEN, params)
    return state, 0, open_, None, None, None, why


def _floor(t: Target, r: Reading | None, r_ord: int, at_ord: int, ended: bool, rules):
    base = t.baseline
    unit = t.unit
    cmp = t.comparator
    if r is None:
        why = Reason(Code.FLOOR_NONE, {"ended": ended, "baseline": base, "unit": unit})
        return NOT_STARTED, base, None, None, None, None, why
    base = _figure(base)
    actual = _figure(r.value)
    if cmp in CAPS:
        ratio = _bounded(base / actual) if actual != 0 else None
    else:
        ratio = _bounded(actual / base) if base != 0 else None
    met = _meets(actual, cmp, base)
    if ended:
        state = DONE if met else OVERDUE
    else:
        state = ON_TRACK if met else BEHIND
    params = {"ended": ended, "actual": actual, "baseline": base, "unit": unit}
    why = Reason(Code.FLOOR_READING, {**params, "comparator": cmp, "met": met})
    return state, base, actual, ratio, None, None, why


def _milestone(t: Target, at: date, ended: bool, rules: Rules):
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
        why = Reason(Code.MILESTONES_DONE, {"total": total})
    elif ended:
        state = OVERDUE
        why = Reason(Code.MILESTONES_UNDONE_ENDED, {"left": total - done_count})
    elif worst is not None:
        late = (at - worst.due).days
        grace = rules.milestone_grace_days
        state = LAGGING if late <= grace else BEHIND
        params = {"name": worst.name, "due": worst.due, "late": late, "grace": grace}
        why = Reason(Code.MILESTONE_LATE, {**params, "tolerated": state == LAGGING})
    elif due_count == 0 and done_count == 0:
        state = NOT_STARTED
        why = Reason(Code.MILESTONES_NONE_DUE)
    else:
        state = ON_TRACK
        if due_count == 0:
            why = Reason(Code.MILESTONES_AHEAD, {"done": done_count})
        else:
            why = Reason(Code.MILESTONES_DUE_DONE, {"due": due_count, "done": done_count})
    return state, due_count, done_count, None, None, None, why


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
    return _evaluate(target, at, at_ord, target.rules or rules, RENDERERS[lang])


def _evaluate(t: Target, at: date, at_ord: int, rules: Rules, words) -> Evaluation:
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
        out = _milestone(t, at, ended, rules)
    else:
        out = _KIND_FUNCS[kind](t, r, r_ord, at_ord, ended, rules)
    state, expected, actual, ratio, forecast, will_miss, why = out

    missing = False
    if t.cadence is not None:
        period_end = owed_period_end(t.cadence, t.due_day, t.start, at)
        if period_end is not None and (r is None or r_ord < period_end.toordinal()):
            missing = True
            why = why.noted(Reason(Code.REPORT_OVERDUE, {"period_end": period_end}))
    # A reading or a target value stored before values were checked (1e999 from a cell).
    if actual is not None and not -LIMIT <= actual <= LIMIT:
        actual = _bounded(actual)
    if expected is not None and not -LIMIT <= expected <= LIMIT:
        expected = _bounded(expected)
    reason = write(why, words)
    return Evaluation(
        t.id, state, missing, expected, actual, ratio, forecast, will_miss, reason, why
    )


def evaluate_all(
    targets: list[Target], at: date, rules: Rules = DEFAULT_RULES, lang: str = "zh"
) -> list[Evaluation]:
    """Evaluate many targets at one date, keeping their order."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    at_ord = at.toordinal()
    words = RENDERERS[lang]
    # Evaluations hold no reference cycles: pause the cyclic collector so that
    # it does not walk a large heap of targets again and again (see parse_snapshot).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return [_evaluate(t, at, at_ord, t.rules or rules, words) for t in targets]
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


__all__ = [
    "CAPS",
    "COMPARATORS",
    "DEFAULT_RULES",
    "KINDS",
    "LANGS",
    "RULE_NAMES",
    "STATES",
    "STRICT",
    "Code",
    "Evaluation",
    "Milestone",
    "Reading",
    "Reason",
    "Rules",
    "SnapshotError",
    "State",
    "Target",
    "evaluate",
    "evaluate_all",
    "evaluate_snapshot",
    "fmt",
    "parse_snapshot",
    "pct",
    "zh_date",
]
