"""Which numbers luoshi stores and judges: the documented range, and each kind's readings.

Pure Python, shared by the status engine's snapshot parser (English messages) and
the app (plans.validators, which translates the same problems), so that a
form, the API, the 一表通 upload and `luoshi evaluate` refuse exactly the same
values. See docs/status.md, "Values".

- Every stored number is finite and within ±LIMIT (10^15: a city's largest
  figures, GDP in 元, are around 10^12; a bigger number is a typing error or an
  attack, and beyond 2^53 a float no longer counts whole units).
- cumulative: a year-to-date total, never below zero.
- zero: the number of open items and of those overdue: whole, not negative,
  overdue no more than open.
- growth: a rate in percent, not below -100 (a fall of more than 100% would
  leave a volume below zero; the indicators judged as growth are volumes).
- level, floor: any value in range; a level or a balance may be negative.
- milestone: no value.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing_extensions import TypeIs

LIMIT = 1e15
GROWTH_FLOOR = -100.0


def is_number(x: object) -> TypeIs[int | float]:
    """An int or a finite float; a bool is not a number (JSON's true is not 1)."""
    t = type(x)
    return t is int or (t is float and isinstance(x, float) and math.isfinite(x))


def in_range(x: float) -> bool:
    return -LIMIT <= x <= LIMIT


def number_problem(x: object) -> tuple[str, dict] | None:
    """(code, params) when `x` is not a storable number, else None."""
    if not is_number(x):
        return "not_a_number", {}
    if not in_range(x):
        return "out_of_range", {"limit": LIMIT}
    return None


def reading_problems(kind: str, value: object, overdue: object = None) -> dict[str, tuple]:
    """Problems of a reading of a target of `kind`, by field ("value", "overdue"):
    {field: (code, params)}. Empty when the reading may be stored. A missing value
    (None) is not judged here: whether one is required is the caller's rule."""
    problems: dict[str, tuple] = {}
    if value is not None:
        problem = number_problem(value)
        if problem is None and is_number(value):
            if kind == "cumulative" and value < 0:
                problem = ("negative_total", {})
            elif kind == "zero" and value < 0:
                problem = ("negative_count", {})
            elif kind == "zero" and value != int(value):
                problem = ("not_whole", {})
            elif kind == "growth" and value < GROWTH_FLOOR:
                problem = ("below_growth_floor", {"floor": GROWTH_FLOOR})
        if problem is not None:
            problems["value"] = problem
    if overdue is not None:
        problem = number_problem(overdue)
        if problem is None and is_number(overdue):
            if kind != "zero":
                problem = ("overdue_not_zero_kind", {})
            elif overdue < 0:
                problem = ("overdue_negative", {})
            elif overdue != int(overdue):
                problem = ("not_whole", {})
            elif "value" not in problems and is_number(value) and overdue > value:
                problem = ("overdue_above_open", {})
        if problem is not None:
            problems["overdue"] = problem
    return problems


def target_problems(kind: str, value: object, baseline: object) -> dict[str, tuple]:
    """Problems of a target's own numbers: in range, and a cumulative total not negative."""
    problems: dict[str, tuple] = {}
    for name, x in (("value", value), ("baseline", baseline)):
        if x is None:
            continue
        problem = number_problem(x)
        if problem is None and is_number(x) and name == "value" and kind == "cumulative" and x < 0:
            problem = ("negative_total", {})
        if problem is not None:
            problems[name] = problem
    return problems


# The English wording, for the snapshot parser and the CLI (the app translates its own).
ENGLISH = {
    "not_a_number": "expected a finite number",
    "out_of_range": "out of range: at most ±1e15",
    "negative_total": "a cumulative total cannot be negative",
    "negative_count": "an open count cannot be negative",
    "not_whole": "a count of items must be a whole number",
    "below_growth_floor": "a growth rate cannot be below -100%",
    "overdue_not_zero_kind": "only zero targets report overdue items",
    "overdue_negative": "overdue must be between 0 and the open count",
    "overdue_above_open": "overdue must be between 0 and the open count",
}


def bounded(x: float | None) -> float | None:
    """`x` within ±LIMIT, NaN as None.

    Inputs lie within ±LIMIT, but a forecast over decades or a ratio over a tiny
    expected value can leave that range or overflow to infinity; beyond LIMIT a
    figure says nothing more, and the API and the pages must only ever see finite
    numbers. The status engine decides by the bounded figure, so it keeps its sign.
    """
    if x is None or x != x:
        return None
    return LIMIT if x > LIMIT else -LIMIT if x < -LIMIT else x
