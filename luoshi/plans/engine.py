"""Targets as the status engine (luoshi.core.status) sees them: a plan's rules, a target
with the readings and milestones it is given, and the language of the sentences.

Plans only: the readings come from whoever calls (luoshi.dashboards.evaluation loads
approved reports and ledger figures; the approval queue adds the report under review).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from django.utils import translation

from luoshi.core import status as engine

from .models import Plan, Target


def plan_rules(plan: Plan) -> engine.Rules:
    return engine.Rules(
        lagging_below=plan.lagging_below,
        behind_below=plan.behind_below,
        growth_tolerance_pp=plan.growth_tolerance_pp,
        level_tolerance=plan.level_tolerance,
        milestone_grace_days=plan.milestone_grace_days,
    )


def current_lang() -> Literal["zh", "en"]:
    return "zh" if (translation.get_language() or "zh").startswith("zh") else "en"


def to_engine(
    target: Target,
    readings: list[engine.Reading],
    milestones: list[engine.Milestone],
    rules: engine.Rules,
    computed: bool = False,
) -> engine.Target:
    """The engine's view of `target`; `computed` targets (ledger measures) owe no reports."""
    return engine.Target(
        id=str(target.pk),
        kind=target.kind,
        start=target.start,
        end=target.end,
        comparator=target.comparator,
        value=target.value,
        unit=target.unit_label,
        cadence=None if computed else (target.cadence or None),
        due_day=target.due_day,
        schedule=tuple((date.fromisoformat(d), float(s)) for d, s in target.schedule or ()),
        readings=tuple(readings),
        milestones=tuple(milestones),
        baseline=target.baseline,
        rules=rules,
    )
