"""Read-side helpers shared by the plan pages, the overview and the API."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from luoshi.core.periods import share_at

from .evaluation import evaluate_targets, plan_rules, to_engine
from .models import Target


@dataclass
class Row:
    """A target with its evaluation, as the lists show it."""

    target: Target
    evaluation: object

    @property
    def state(self) -> str:
        return self.evaluation.state


def evaluated_rows(targets, at: date) -> list[Row]:
    targets = list(targets)
    evaluations = evaluate_targets(targets, at)
    return [Row(target, evaluations[target.pk]) for target in targets]


def month_ends(start: date, end: date) -> list[date]:
    """The last day of every month from start's month to end's month, capped at end."""
    days, year, month = [], start.year, start.month
    while True:
        following = date(year + month // 12, month % 12 + 1, 1)
        day = min(following - timedelta(days=1), end)
        days.append(day)
        if day >= end:
            return days
        year, month = following.year, following.month


def expected_path(target: Target) -> list[tuple[str, float]]:
    """The expected cumulative value at each month end (the 时间过半、任务过半 line)."""
    if target.kind != "cumulative" or target.value is None:
        return []
    engine_target = to_engine(target, [], [], plan_rules(target.plan))
    points = [(target.start - timedelta(days=1), 0.0)]
    points += [
        (
            day,
            target.value
            * share_at(
                engine_target.start_ord,
                engine_target.end_ord,
                engine_target.points,
                day.toordinal(),
            ),
        )
        for day in month_ends(target.start, target.end)
    ]
    return [(day.isoformat(), round(value, 4)) for day, value in points]
