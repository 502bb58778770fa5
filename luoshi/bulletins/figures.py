"""The numbers of a bulletin, read from the status engine's stored evaluations.

`gather(plan, at)` judges the plan's active targets at `at` through the read side
(luoshi.dashboards.read.Evaluated): the same rows, states, 缺报 and reasons as
`GET /api/v1/status?at=…&plan=…` gives a supervisor. It returns plain JSON (kept
on the bulletin, so an issued bulletin's text and tables never drift from the
numbers it was written from): counts by state, the units ranked, the 滞后 and
缺报 lists with each target's reason, and the change since the plan's previous
issued bulletin.
"""

from __future__ import annotations

from datetime import date

from django.utils import translation

from luoshi.dashboards.read import Evaluated
from luoshi.plans.choices import State
from luoshi.plans.models import Plan, Target

# 滞后: the red states of the engine (behind its expected path, or the period ended unmet).
BEHIND_STATES = (State.BEHIND.value, State.OVERDUE.value)
# What counts for the ranking: targets on their path or already met.
GOOD_STATES = (State.DONE.value, State.ON_TRACK.value)


def gather(plan: Plan, at: date, previous=None) -> dict:
    """The figures of `plan` at `at`; `previous` is the bulletin to compare with (or None)."""
    targets = Target.objects.active().filter(plan=plan)
    # Reasons as the document prints them: in Chinese, whatever the page's language.
    with translation.override("zh-hans"):
        evaluated = Evaluated(targets, at)
        listed = evaluated.with_fields(evaluated.base.order_by("unit__path", "pk"))
        rows = evaluated.rows(list(listed))
    by_state = dict.fromkeys(State.values, 0)
    units: dict[int, dict] = {}
    behind, missing = [], []
    for row in rows:
        target = row.target
        evaluation = row.evaluation
        by_state[evaluation.state] += 1
        unit = units.setdefault(
            target.unit_id,
            {
                "unit": target.unit_id,
                "name": target.unit.name,
                "path": target.unit.path,
                "total": 0,
                "good": 0,
                "behind": 0,
                "missing": 0,
            },
        )
        unit["total"] += 1
        line = {
            "target": target.pk,
            "name": target.name,
            "unit": target.unit_id,
            "unit_name": target.unit.name,
            "state": evaluation.state,
            "reason": evaluation.reason or "",
        }
        if evaluation.state in GOOD_STATES:
            unit["good"] += 1
        if evaluation.state in BEHIND_STATES:
            unit["behind"] += 1
            behind.append(line)
        if row.missing:  # the engine's missing, less the reports that await approval
            unit["missing"] += 1
            missing.append(line)
    return {
        "at": at.isoformat(),
        "plan": plan.pk,
        "plan_title": plan.title,
        "total": len(rows),
        "by_state": by_state,
        "missing": len(missing),
        "awaiting": sum(1 for row in rows if row.awaiting),
        "ranking": ranked(list(units.values())),
        "behind_list": behind,
        "missing_list": missing,
        "previous": _previous(previous),
    }


def ranked(units: list[dict]) -> list[dict]:
    """Units by their share of targets on track or done, best first; equal shares share a
    rank (1, 1, 3), and within them the unit with more targets comes first."""
    for unit in units:
        unit["share"] = round(unit["good"] / unit["total"], 4) if unit["total"] else 0.0
    units.sort(key=lambda u: (-u["share"], -u["total"], u["path"]))
    rank, last = 0, None
    for position, unit in enumerate(units, start=1):
        if unit["share"] != last:
            rank, last = position, unit["share"]
        unit["rank"] = rank
    return units


def _previous(bulletin) -> dict | None:
    if bulletin is None:
        return None
    figures = bulletin.figures or {}
    return {
        "bulletin": bulletin.pk,
        "label": bulletin.issue_label,
        "at": bulletin.at.isoformat(),
        "total": figures.get("total", 0),
        "by_state": figures.get("by_state", {}),
        "missing": figures.get("missing", 0),
    }
