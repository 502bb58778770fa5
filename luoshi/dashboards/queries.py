"""Read-side helpers shared by the plan pages, the overview and the API."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from django.db.models import Max

from luoshi.core import status as engine
from luoshi.core.explain import render
from luoshi.core.periods import owed_period_end, share_at
from luoshi.core.targets import Evaluation
from luoshi.plans.engine import current_lang, plan_rules, to_engine
from luoshi.plans.models import Target
from luoshi.reporting.choices import ReportStatus
from luoshi.reporting.models import Report

from .evaluation import evaluate_targets


@dataclass
class Row:
    """A target with its evaluation, as the lists show it.

    The engine's `missing` (DESIGN.md section 4) counts approved readings only. A page
    tells its two cases apart: `awaiting` (待审核) when the owed report is submitted and
    waits for its approver (the unit has done its part), `missing` (缺报) otherwise.
    """

    target: Target
    evaluation: Evaluation
    awaiting: bool = False

    @property
    def state(self) -> str:
        return self.evaluation.state

    @property
    def missing(self) -> bool:
        return self.evaluation.missing and not self.awaiting


def evaluated_rows(targets, at: date) -> list[Row]:
    """Rows of `targets` at `at`: the evaluations, plus one query for the submitted reports of
    the targets the engine finds missing (none when nothing is missing)."""
    targets = list(targets)
    evaluations = evaluate_targets(targets, at)
    awaiting = awaiting_approval(
        [t for t in targets if evaluations[t.pk].missing and t.cadence], at
    )
    rows = []
    for target in targets:
        evaluation = evaluations[target.pk]
        is_awaiting = target.pk in awaiting
        if is_awaiting:
            evaluation = awaiting_evaluation(evaluation, current_lang())
        rows.append(Row(target, evaluation, awaiting=is_awaiting))
    return rows


def awaiting_approval(targets: list[Target], at: date) -> dict[int, date]:
    """Of `targets` (each owing a report at `at`), those whose owed report is submitted and
    not yet approved: target id → the end of the owed period. One query."""
    owed = {}
    for target in targets:
        end = owed_period_end(target.cadence, target.due_day, target.start, at)
        if end is not None:
            owed[target.pk] = end
    if not owed:
        return {}
    latest = (
        Report.objects.filter(target_id__in=owed, status=ReportStatus.SUBMITTED, as_of__lte=at)
        .values("target_id")
        .annotate(latest=Max("as_of"))
        .values_list("target_id", "latest")
    )
    return {pk: owed[pk] for pk, as_of in latest if as_of >= owed[pk]}


def awaiting_evaluation(evaluation: engine.Evaluation, lang: str) -> engine.Evaluation:
    """The evaluation with its owed report submitted and awaiting approval: the reason's
    "report overdue" note becomes "awaiting approval" (core.targets.Reason.awaiting)."""
    if evaluation.why is None:  # read back from storage, where the row says `awaiting`
        return evaluation
    why = evaluation.why.awaiting()
    return replace(evaluation, why=why, reason=render(why, lang))


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
