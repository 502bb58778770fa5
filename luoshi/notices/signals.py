"""Reports submitted, approved or returned notify the people concerned.

The reporting actions save every change with a history row whose reason names the
step ("submitted", "approved", "returned"); listening to that row tells a real
transition from an ordinary save without another query or an edit to the actions.
The notification and its deliveries are written in the action's own transaction (no
second commit per step), so an action rolled back notifies nobody; the deliveries are
handed to the task queue once it commits (delivery.fan_out).
"""

from __future__ import annotations

from django.dispatch import receiver
from django.urls import reverse
from simple_history.signals import post_create_historical_record

from luoshi.dashboards.store import state_changed
from luoshi.reporting.models import Report

from . import actions, tasks
from .choices import NoticeKind
from .recipients import approvers_of

STEPS = {
    "submitted": NoticeKind.SUBMITTED,
    "approved": NoticeKind.APPROVED,
    "returned": NoticeKind.RETURNED,
}


def _subject(report: Report) -> str:
    return f"{report.unit.name} · {report.target.name} · {report.as_of.isoformat()}"


def _report_changed(report: Report, kind: str, actor) -> None:
    link = reverse("report-detail", args=[report.pk])
    text = _subject(report)
    if kind == NoticeKind.SUBMITTED:
        people = [p for p in approvers_of(report.unit) if p.pk != getattr(actor, "pk", None)]
    else:
        reporter = report.submitted_by or report.created_by
        people = [] if reporter.pk == getattr(actor, "pk", None) else [reporter]
        if kind == NoticeKind.RETURNED and report.return_reason:
            text = f"{text} · {report.return_reason}"
    actions.notify(people, kind, text, link, units=[report.unit])


@receiver(post_create_historical_record)
def on_history_row(sender, instance, history_instance, **kwargs):
    if not isinstance(instance, Report):
        return
    kind = STEPS.get(history_instance.history_change_reason or "")
    if kind is None:
        return
    _report_changed(instance, kind, kwargs.get("history_user"))


state_changed.connect(tasks.queue_state_changes, dispatch_uid="notices-state-changed")
