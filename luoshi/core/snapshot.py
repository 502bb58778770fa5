"""Parsing and validation of the snapshot JSON form of DESIGN.md section 4.

``parse_snapshot(dict) -> (at, rules, [Target])``. Every problem raises one
``SnapshotError`` naming the target (its id, or ``targets[i]`` when it has
none) and the field, e.g. ``target 't1', field 'schedule[1]': share 1.2 is
outside 0..1``.
"""

from __future__ import annotations

import gc
import math
from datetime import date
from typing import TYPE_CHECKING

from luoshi.core.periods import CADENCES
from luoshi.core.targets import (
    COMPARATORS,
    DEFAULT_RULES,
    KINDS,
    RULE_NAMES,
    Milestone,
    Reading,
    Rules,
    Target,
)
from luoshi.core.values import (
    ENGLISH,
    GROWTH_FLOOR,
    LIMIT,
    in_range,
    is_number,
    reading_problems,
    target_problems,
)

if TYPE_CHECKING:
    from typing_extensions import TypeIs

_ISO = date.fromisoformat


class SnapshotError(ValueError):
    """Bad snapshot input. ``target_id`` is None for snapshot-level fields."""

    def __init__(self, target_id: str | None, field: str, message: str) -> None:
        self.target_id = target_id
        self.field = field
        self.message = message
        where = "snapshot" if target_id is None else f"target {target_id!r}"
        super().__init__(f"{where}, field {field!r}: {message}")


def _is_number(x: object) -> TypeIs[int | float]:
    """A finite int or float within the documented range (core.values)."""
    return is_number(x) and in_range(x)


def _number(x: object, tid, field: str) -> float:
    if not _is_number(x):
        raise SnapshotError(tid, field, f"expected a number within ±1e15, got {_show(x)}")
    return x


def _show(x: object) -> str:
    """A value for an error message, cut short: a message never repeats a 400-digit input."""
    text = repr(x)
    return text if len(text) <= 40 else text[:37] + "..."


def _refuse(tid, problems: dict, prefix: str = "") -> None:
    """Raise the first of core.values' problems as a SnapshotError naming its field."""
    for name, (code, _params) in problems.items():
        raise SnapshotError(tid, f"{prefix}{name}", ENGLISH[code])


def _date(x: object, tid, field: str) -> date:
    # fast path: a well-formed ISO date string
    if type(x) is str and len(x) == 10 and x[4] == "-" and x[7] == "-":
        try:
            return _ISO(x)
        except ValueError:
            pass
    if x is None:
        raise SnapshotError(tid, field, "a date is required (YYYY-MM-DD)")
    raise SnapshotError(tid, field, f"expected a date as YYYY-MM-DD, got {x!r}")


def parse_rules(raw: object, base: Rules, tid, prefix: str) -> Rules:
    """Rules from a JSON object; absent keys keep the values of ``base``."""
    if raw is None:
        return base
    if not isinstance(raw, dict):
        raise SnapshotError(tid, prefix, f"expected an object, got {raw!r}")
    values = {name: getattr(base, name) for name in RULE_NAMES}
    for key, val in raw.items():
        if key not in values:
            raise SnapshotError(
                tid, f"{prefix}.{key}", f"unknown rule; known: {', '.join(RULE_NAMES)}"
            )
        if not _is_number(val) or val < 0:
            raise SnapshotError(
                tid, f"{prefix}.{key}", f"expected a number from 0 to 1e15, got {_show(val)}"
            )
        if key == "milestone_grace_days":
            if val != int(val):
                raise SnapshotError(tid, f"{prefix}.{key}", f"expected whole days, got {val!r}")
            val = int(val)
        values[key] = val
    if values["behind_below"] > values["lagging_below"]:
        raise SnapshotError(
            tid,
            f"{prefix}.behind_below",
            f"behind_below ({values['behind_below']}) is above lagging_below "
            f"({values['lagging_below']})",
        )
    return Rules(**values)


def parse_snapshot(snapshot: object) -> tuple[date, Rules, list[Target]]:
    """Validate a snapshot dict into (at, rules, targets); raise SnapshotError.

    The cyclic garbage collector is paused while the targets are built: they
    hold no reference cycles, and on 100,000 targets with 1.2 million readings
    the collector's repeated passes over the growing heap cost four times the
    parsing itself (see docs/performance.md).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _parse_snapshot(snapshot)
    finally:
        if was_enabled:
            gc.enable()


def _parse_snapshot(snapshot: object) -> tuple[date, Rules, list[Target]]:
    if not isinstance(snapshot, dict):
        raise SnapshotError(None, "(top)", "the snapshot must be a JSON object")
    at = _date(snapshot.get("at"), None, "at")
    rules = parse_rules(snapshot.get("rules"), DEFAULT_RULES, None, "rules")
    raw_targets = snapshot.get("targets")
    if not isinstance(raw_targets, list):
        raise SnapshotError(None, "targets", "expected a list of targets")
    targets = []
    seen = set()
    for i, raw in enumerate(raw_targets):
        t = _parse_target(raw, i, rules)
        if t.id in seen:
            raise SnapshotError(t.id, "id", "duplicate target id")
        seen.add(t.id)
        targets.append(t)
    return at, rules, targets


def _parse_target(raw: object, index: int, plan_rules: Rules) -> Target:
    if not isinstance(raw, dict):
        raise SnapshotError(f"targets[{index}]", "(target)", "expected an object")
    tid = raw.get("id")
    if type(tid) is not str or not tid:
        label = f"targets[{index}]"
        if tid is None:
            raise SnapshotError(label, "id", "an id is required")
        raise SnapshotError(label, "id", f"expected a non-empty string, got {tid!r}")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise SnapshotError(
            tid, "kind", f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}"
        )
    comparator = raw.get("comparator")
    if comparator is None:
        comparator = ">="
    elif comparator not in COMPARATORS:
        raise SnapshotError(
            tid,
            "comparator",
            f"unknown comparator {comparator!r}; expected one of {' '.join(COMPARATORS)}",
        )

    start = _date(raw.get("start"), tid, "start")
    end = _date(raw.get("end"), tid, "end")
    if end < start:
        raise SnapshotError(
            tid, "end", f"end {end.isoformat()} is before start {start.isoformat()}"
        )

    value = raw.get("value")
    if kind in ("cumulative", "growth", "level"):
        if value is None:
            raise SnapshotError(tid, "value", f"a {kind} target needs a value")
        _number(value, tid, "value")
    elif value is not None:
        _number(value, tid, "value")

    unit = raw.get("unit")
    if unit is None:
        unit = ""
    elif type(unit) is not str:
        raise SnapshotError(tid, "unit", f"expected a string, got {unit!r}")

    baseline = raw.get("baseline")
    if kind == "floor":
        if baseline is None:
            raise SnapshotError(tid, "baseline", "a floor target needs a baseline")
        _number(baseline, tid, "baseline")
    elif baseline is not None:
        _number(baseline, tid, "baseline")
    _refuse(tid, target_problems(kind, value, baseline))

    cadence = raw.get("cadence")
    if cadence is not None and cadence not in CADENCES:
        raise SnapshotError(
            tid, "cadence", f"unknown cadence {cadence!r}; expected month or quarter"
        )
    due_day = raw.get("due_day")
    if due_day is None:
        due_day = 5
    elif type(due_day) is not int or not 1 <= due_day <= 31:
        raise SnapshotError(tid, "due_day", f"expected a day of the month 1..31, got {due_day!r}")

    schedule = _parse_schedule(raw.get("schedule"), tid, start, end)
    readings = _parse_readings(raw.get("readings"), tid, kind)

    milestones: tuple[Milestone, ...] = ()
    raw_ms = raw.get("milestones")
    if kind == "milestone":
        if not isinstance(raw_ms, list) or not raw_ms:
            raise SnapshotError(tid, "milestones", "a milestone target needs a non-empty list")
        milestones = tuple(_parse_milestone(m, tid, j) for j, m in enumerate(raw_ms))
    elif raw_ms is not None:
        raise SnapshotError(
            tid, "milestones", f"only milestone targets have milestones, not {kind}"
        )

    raw_rules = raw.get("rules")
    rules = None if raw_rules is None else parse_rules(raw_rules, plan_rules, tid, "rules")

    return Target(
        id=tid,
        kind=kind,
        start=start,
        end=end,
        comparator=comparator,
        value=value,
        unit=unit,
        cadence=cadence,
        due_day=due_day,
        schedule=schedule,
        readings=readings,
        milestones=milestones,
        baseline=baseline,
        rules=rules,
    )


def _parse_schedule(raw: object, tid: str, start: date, end: date) -> tuple:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise SnapshotError(tid, "schedule", "expected a list of [date, share] pairs")
    out = []
    prev_date = None
    prev_share = 0.0
    for j, item in enumerate(raw):
        f = f"schedule[{j}]"
        if not isinstance(item, list | tuple) or len(item) != 2:
            raise SnapshotError(tid, f, f"expected a [date, share] pair, got {item!r}")
        d = _date(item[0], tid, f)
        s = item[1]
        if not _is_number(s):
            raise SnapshotError(tid, f, f"share must be a number, got {s!r}")
        if not 0 <= s <= 1:
            raise SnapshotError(tid, f, f"share {s} is outside 0..1")
        if not start <= d <= end:
            raise SnapshotError(
                tid,
                f,
                f"checkpoint {d.isoformat()} is outside the period {start.isoformat()}..{end.isoformat()}",
            )
        if prev_date is not None and d <= prev_date:
            raise SnapshotError(
                tid, f, f"checkpoint {d.isoformat()} does not come after {prev_date.isoformat()}"
            )
        if s < prev_share:
            raise SnapshotError(
                tid, f, f"share {s} is below the previous checkpoint's {prev_share}"
            )
        if d == end and s != 1:
            raise SnapshotError(tid, f, f"the share at the period's end must be 1, got {s}")
        out.append((d, s))
        prev_date = d
        prev_share = s
    return tuple(out)


def _parse_readings(raw: object, tid: str, kind: str) -> tuple:
    """Readings of one target. A fast path for well-formed input; on any doubt
    the careful path below finds the first bad field and names it."""
    if raw is None:
        return ()
    if type(raw) is not list:
        raise SnapshotError(tid, "readings", "expected a list of readings")
    if kind == "zero" or kind == "milestone":
        return _parse_readings_carefully(raw, tid, kind)
    out: list[Reading] = []
    append = out.append
    iso = _ISO
    isfinite = math.isfinite
    # The lowest reading the kind accepts (core.values); the careful path names the problem.
    low = 0 if kind == "cumulative" else GROWTH_FLOOR if kind == "growth" else -LIMIT
    try:
        for r in raw:
            x = r["as_of"]
            v = r["value"]
            tv = type(v)
            if (
                type(x) is not str
                or len(x) != 10
                or x[4] != "-"
                or x[7] != "-"
                or not (tv is int or (tv is float and isfinite(v)))
                or not low <= v <= LIMIT
                or r.get("overdue") is not None
            ):
                raise ValueError
            append(Reading(iso(x), v))
    except (ValueError, TypeError, KeyError):
        return _parse_readings_carefully(raw, tid, kind)
    return tuple(out)


def _parse_readings_carefully(raw: list, tid: str, kind: str) -> tuple:
    out = []
    zero = kind == "zero"
    value_required = kind != "milestone"
    for j, r in enumerate(raw):
        if type(r) is not dict:
            raise SnapshotError(tid, f"readings[{j}]", f"expected an object, got {r!r}")
        as_of = _date(r.get("as_of"), tid, f"readings[{j}].as_of")
        v = r.get("value")
        if not _is_number(v) and (v is not None or value_required):
            raise SnapshotError(
                tid, f"readings[{j}].value", f"expected a number within ±1e15, got {_show(v)}"
            )
        overdue = r.get("overdue")
        if overdue is not None and not zero:
            raise SnapshotError(
                tid, f"readings[{j}].overdue", "only zero targets report overdue items"
            )
        if overdue is not None:
            _number(overdue, tid, f"readings[{j}].overdue")
        _refuse(tid, reading_problems(kind, v, overdue), f"readings[{j}].")
        out.append(Reading(as_of, v, overdue))
    return tuple(out)


def _parse_milestone(m: object, tid: str, j: int) -> Milestone:
    f = f"milestones[{j}]"
    if not isinstance(m, dict):
        raise SnapshotError(tid, f, f"expected an object, got {m!r}")
    name = m.get("name", "")
    if name is None:
        name = ""
    if type(name) is not str:
        raise SnapshotError(tid, f"{f}.name", f"expected a string, got {name!r}")
    due = _date(m.get("due"), tid, f"{f}.due")
    done = m.get("done")
    if done is not None:
        done = _date(done, tid, f"{f}.done")
    return Milestone(name or f"#{j + 1}", due, done)
