"""The bridge from the database to the status engine (luoshi.core.status).

Every page, the API and the bulletins get their states from `evaluate_targets`,
which turns rows into the engine's plain targets and evaluates them. It makes a
fixed number of queries, whatever the number of targets: the targets, their
approved readings and their milestones, each in one query.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.db.models import QuerySet
from django.utils import translation

from luoshi.core import status as engine
from luoshi.reporting.choices import ReportStatus
from luoshi.reporting.models import Report

from .models import Milestone, Plan, Target


def plan_rules(plan: Plan) -> engine.Rules:
    return engine.Rules(
        lagging_below=plan.lagging_below,
        behind_below=plan.behind_below,
        growth_tolerance_pp=plan.growth_tolerance_pp,
        level_tolerance=plan.level_tolerance,
        milestone_grace_days=plan.milestone_grace_days,
    )


def current_lang() -> str:
    return "zh" if (translation.get_language() or "zh").startswith("zh") else "en"


def to_engine(
    target: Target,
    readings: list[engine.Reading],
    milestones: list[engine.Milestone],
    rules: engine.Rules,
) -> engine.Target:
    return engine.Target(
        id=str(target.pk),
        kind=target.kind,
        start=target.start,
        end=target.end,
        comparator=target.comparator,
        value=target.value,
        unit=target.unit_label,
        cadence=target.cadence or None,
        due_day=target.due_day,
        schedule=tuple((date.fromisoformat(d), float(s)) for d, s in target.schedule or ()),
        readings=tuple(readings),
        milestones=tuple(milestones),
        baseline=target.baseline,
        rules=rules,
    )


def evaluate_targets(
    targets: QuerySet[Target] | list[Target], at: date, lang: str | None = None
) -> dict[int, engine.Evaluation]:
    """Evaluations of `targets` at `at`, from approved readings dated on or before `at`.

    `targets` should carry their plan (select_related("plan")) to stay within
    the fixed number of queries.
    """
    targets = list(targets)
    if not targets:
        return {}
    ids = [t.pk for t in targets]
    readings: dict[int, list[engine.Reading]] = defaultdict(list)
    rows = (
        Report.objects.filter(target_id__in=ids, status=ReportStatus.APPROVED, as_of__lte=at)
        .order_by("as_of", "reviewed_at", "pk")
        .values_list("target_id", "as_of", "value", "overdue")
    )
    for target_id, as_of, value, overdue in rows:
        readings[target_id].append(engine.Reading(as_of, value, overdue))
    milestones: dict[int, list[engine.Milestone]] = defaultdict(list)
    for target_id, name, due, done in Milestone.objects.filter(target_id__in=ids).values_list(
        "target_id", "name", "due", "done"
    ):
        milestones[target_id].append(engine.Milestone(name, due, done))

    rules_by_plan: dict[int, engine.Rules] = {}
    engine_targets = []
    for target in targets:
        rules = rules_by_plan.get(target.plan_id)
        if rules is None:
            rules = rules_by_plan[target.plan_id] = plan_rules(target.plan)
        engine_targets.append(to_engine(target, readings[target.pk], milestones[target.pk], rules))
    evaluations = engine.evaluate_all(engine_targets, at, lang=lang or current_lang())
    return {target.pk: evaluation for target, evaluation in zip(targets, evaluations, strict=True)}


def evaluate_target(target: Target, at: date, lang: str | None = None) -> engine.Evaluation:
    return evaluate_targets([target], at, lang)[target.pk]
