"""Date and period arithmetic for the status engine (DESIGN.md section 4).

Everything here works on proleptic Gregorian ordinals (``date.toordinal()``),
so that the hot path of an evaluation is integer arithmetic. No Django.
"""

from __future__ import annotations

from bisect import bisect_right
from calendar import monthrange
from datetime import date

CADENCES = ("month", "quarter")


def parse_iso_date(text: object) -> date:
    """Parse a strict ``YYYY-MM-DD`` date; raise ValueError otherwise."""
    if not isinstance(text, str) or len(text) != 10 or text[4] != "-" or text[7] != "-":
        raise ValueError(f"expected a date as YYYY-MM-DD, got {text!r}")
    return date.fromisoformat(text)


def days_in_month(year: int, month: int) -> int:
    return monthrange(year, month)[1]


def schedule_points(
    start_ord: int, end_ord: int, checkpoints: tuple[tuple[int, float], ...]
) -> tuple[tuple[int, ...], tuple[float, ...]] | None:
    """The interpolation points of share(d): (day before start, 0), checkpoints, (end, 1).

    ``checkpoints`` are (ordinal, share) pairs, already validated: dates strictly
    increasing within [start, end], shares within 0..1 and not decreasing.
    Returns None when there is no schedule (the straight line is used).
    """
    if not checkpoints:
        return None
    xs = [start_ord - 1]
    ys = [0.0]
    for o, s in checkpoints:
        if o == end_ord:  # a checkpoint on the last day is the end point itself
            continue
        xs.append(o)
        ys.append(float(s))
    xs.append(end_ord)
    ys.append(1.0)
    return tuple(xs), tuple(ys)


def share_at(
    start_ord: int,
    end_ord: int,
    points: tuple[tuple[int, ...], tuple[float, ...]] | None,
    day_ord: int,
) -> float:
    """share(d): the part of the target expected by day ``day_ord``, within 0..1.

    The day before ``start`` has share 0 and ``end`` has share 1; schedule
    checkpoints are further points; share is linear in days between neighbouring
    points. Without a schedule share(d) = (d - start + 1) / (end - start + 1).
    """
    if day_ord < start_ord:
        return 0.0
    if day_ord >= end_ord:
        return 1.0
    if points is None:
        return (day_ord - start_ord + 1) / (end_ord - start_ord + 1)
    xs, ys = points
    i = bisect_right(xs, day_ord)  # xs[i-1] <= day_ord < xs[i]
    x0 = xs[i - 1]
    y0 = ys[i - 1]
    if day_ord == x0:
        return y0
    return y0 + (ys[i] - y0) * (day_ord - x0) / (xs[i] - x0)


def _month_index(d: date) -> int:
    return d.year * 12 + d.month - 1


def _last_day_of_month_index(mi: int) -> date:
    year, m0 = divmod(mi, 12)
    return date(year, m0 + 1, days_in_month(year, m0 + 1))


def due_date(period_end: date, due_day: int) -> date:
    """The day a report for the period ending ``period_end`` is due: ``due_day``
    of the following month, clamped to that month's length."""
    mi = _month_index(period_end) + 1
    year, m0 = divmod(mi, 12)
    return date(year, m0 + 1, min(due_day, days_in_month(year, m0 + 1)))


def last_period_end(cadence: str, day: date) -> date:
    """The end of the last calendar month (or quarter) that ended before ``day``."""
    month = day.month
    if cadence == "quarter":
        month = 3 * ((month - 1) // 3) + 1
    return _last_day_of_month_index(_month_index(day.replace(month=month, day=1)) - 1)


def owed_period_end(cadence: str, due_day: int, start: date, at: date) -> date | None:
    """The end of the latest reporting period whose report is due on or before ``at``.

    Section 4, literally: periods are calendar months or calendar quarters; take
    the latest one whose due date is on or before ``at``; periods that end
    before the target's start are not owed (None). Periods after the target's
    end are not exempted: section 4 does not exempt them, so once a period is
    over, its final figure is still expected as of each later period end.
    """
    mi = _month_index(at)
    # latest month index e whose due date (day due_day of month e+1) is <= at
    e = mi - 1 if at.day >= min(due_day, days_in_month(at.year, at.month)) else mi - 2
    if cadence == "quarter":
        e -= (e - 2) % 3  # quarters end in March, June, September, December (m0 = 2, 5, 8, 11)
    period_end = _last_day_of_month_index(e)
    if period_end < start:
        return None
    return period_end


def default_as_of(cadence: str | None, start: date, day: date) -> date:
    """The as-of date a new report most likely carries on ``day``.

    It is the end of the calendar month (or quarter, for a quarterly target)
    that ended last: on 2025-10-15 a report is about September, not about the
    15th. A target without a cadence is read monthly. Before the target's first
    period has ended there is nothing to be owed, so the day itself is offered.
    """
    end = last_period_end(cadence or "month", day)
    return end if end >= start else day
