"""The approval queue, with what an approver needs to decide without opening each report.

Each row carries the target, the reported value, the value expected by the report's date,
and the state the target would be in if this report were approved: the status engine run
on the approved readings plus this one. Evidence comes along for viewing in place.

A fixed number of queries whatever the length of the queue: the reports (with their
target, plan, unit, author and milestone), their evidence, the approved readings of their
targets, and the targets' milestones.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from luoshi.core import status as engine
from luoshi.plans.engine import current_lang, plan_rules, to_engine
from luoshi.plans.models import Milestone

from .choices import ReportStatus
from .models import Report


@dataclass
class QueueRow:
    report: Report
    evidence: list
    preview: engine.Evaluation  # the target's evaluation if this report were approved

    @property
    def images(self) -> list:
        return [e for e in self.evidence if e.content_type.startswith("image/")]

    @property
    def pdfs(self) -> list:
        return [e for e in self.evidence if e.content_type == "application/pdf"]

    @property
    def others(self) -> list:
        return [e for e in self.evidence if e not in self.images and e not in self.pdfs]


def queue_for(user):
    """The reports `user` may approve, oldest submission first."""
    return (
        Report.objects.awaiting_review_by(user)
        .select_related("target__plan", "unit", "submitted_by", "milestone")
        .prefetch_related("evidence")
        .order_by("submitted_at", "pk")
    )


def queue_choices(user) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The units and the plans of the reports waiting for `user`, for the queue's filters:
    one query, as long as the pairs of unit and plan that have a report waiting."""
    pairs = (
        Report.objects.awaiting_review_by(user)
        .order_by()
        .values_list(
            "unit_id", "unit__short_name", "unit__path", "target__plan_id", "target__plan__title"
        )
        .distinct()
    )
    units, plans = {}, {}
    for unit_id, unit_name, path, plan_id, title in pairs:
        units[unit_id] = (path, unit_name)
        plans[plan_id] = title
    return (
        [(pk, name) for pk, (_path, name) in sorted(units.items(), key=lambda u: u[1][0])],
        sorted(plans.items(), key=lambda p: (p[1], p[0])),
    )


def next_in_queue(user, after: Report) -> Report | None:
    """The report to open once `after` is reviewed: the oldest other one still waiting."""
    return (
        Report.objects.awaiting_review_by(user)
        .exclude(pk=after.pk)
        .order_by("submitted_at", "pk")
        .only("pk")
        .first()
    )


def queue_rows(reports, at: date) -> list[QueueRow]:
    reports = list(reports)
    target_ids = {r.target_id for r in reports}
    readings: dict[int, list[engine.Reading]] = defaultdict(list)
    for target_id, as_of, value, overdue in (
        Report.objects.filter(target_id__in=target_ids, status=ReportStatus.APPROVED)
        .order_by("as_of", "reviewed_at", "pk")
        .values_list("target_id", "as_of", "value", "overdue")
    ):
        readings[target_id].append(engine.Reading(as_of, value, overdue))
    milestones: dict[int, list[tuple[int, str, date, date | None]]] = defaultdict(list)
    for target_id, pk, name, due, done in (
        Milestone.objects.filter(target_id__in=target_ids)
        .order_by("due", "pk")
        .values_list("target_id", "pk", "name", "due", "done")
    ):
        milestones[target_id].append((pk, name, due, done))
    lang = current_lang()
    rows = []
    for report in reports:
        target = report.target
        reading = engine.Reading(report.as_of, report.value, report.overdue)
        engine_milestones = [
            engine.Milestone(name, due, report.as_of if pk == report.milestone_id else done)
            for pk, name, due, done in milestones[target.pk]
        ]
        engine_target = to_engine(
            target, [*readings[target.pk], reading], engine_milestones, plan_rules(target.plan)
        )
        preview = engine.evaluate(engine_target, max(at, report.as_of), lang=lang)
        rows.append(QueueRow(report, list(report.evidence.all()), preview))
    return rows
