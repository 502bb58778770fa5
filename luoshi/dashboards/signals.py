"""What makes a stored evaluation stale, and when it is recomputed.

Any saved or deleted row that an evaluation depends on marks its targets dirty:
a report (approved, corrected, withdrawn), a target, its milestones or ledger
measure, its plan (the rules), and, for targets computed from a ledger, any row
or event of that ledger. Dirty targets are recomputed once, right after the
transaction commits (a rolled-back change leaves nothing to recompute), and
before any stored evaluation is read in the same thread (`flush`), so a page
rendered in the same request or test sees its own changes.

A report counts on the days from its date on (an approved reading, or one awaiting
approval), so a report saved or deleted marks only its target's kept days from its
date on; the earlier stored days stay as they are (store.refresh `since`). A report's
date changes only while it counts nowhere (a draft or a returned report,
reporting.actions.update_report), so its date when saved is the first day it changes.
A report that is now a draft, submitted or returned was never approved (a report goes
draft → submitted → approved or returned, returned → submitted, approved → superseded):
it changes no reading, only whether a day missing its report awaits approval (the
refresh then computes the stored days that miss a report, `awaiting_only`).
Any other change marks every kept day of its targets.

Hooking the models' signals keeps this in one place above the apps that change
data: the actions of plans, reporting and ledgers know nothing of it. Rows
written with bulk_create send no signals; code that writes so (the synthetic
city, imports) calls `mark_dirty` or `store.refresh` itself.
"""

from __future__ import annotations

import logging
import threading
from datetime import date

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from luoshi.reporting.choices import ReportStatus

logger = logging.getLogger(__name__)

# A report in these statuses was never approved: it counts only as awaiting approval.
AWAITING = frozenset({ReportStatus.DRAFT, ReportStatus.SUBMITTED, ReportStatus.RETURNED})

# Above this many targets a refresh runs in the background worker, not in the request.
INLINE_LIMIT = 200

_state = threading.local()


def _pending() -> dict[int, date | None]:
    """Target id → the first day to recompute (None: every kept day)."""
    if not hasattr(_state, "ids"):
        _state.ids = {}
        _state.awaiting = set()  # of those, the ones changed in reports awaiting approval only
        _state.ledgers = set()
    return _state.ids


def mark_dirty(
    target_ids=(),
    ledger: str | None = None,
    since: date | None = None,
    awaiting_only: bool = False,
) -> None:
    """Recompute these targets (or every target computed from `ledger`) after commit: the
    kept days from `since` on, or every kept day; with `awaiting_only` (the change is of
    a report awaiting approval, store.refresh), only those of them missing a report."""
    pending = _pending()
    for pk in target_ids:
        if pk in pending:
            first = pending[pk]
            pending[pk] = None if first is None or since is None else min(first, since)
            if not awaiting_only:
                _state.awaiting.discard(pk)
        else:
            pending[pk] = since
            if awaiting_only:
                _state.awaiting.add(pk)
    if ledger:
        _state.ledgers.add(ledger)
    # One callback per change: a rolled-back transaction drops its own callbacks, and
    # the callbacks after the first find nothing left to do.
    transaction.on_commit(flush, robust=True)


def flush() -> None:
    """Recompute what is dirty now (in this thread's current transaction, if any)."""
    from luoshi.ledgers.models import Measure

    from . import store, tasks

    pending = _pending()
    if not pending and not _state.ledgers:
        return
    ids = set(pending)
    since = {pk: day for pk, day in pending.items() if day is not None}
    awaiting = _state.awaiting & since.keys()
    if _state.ledgers:
        bound = Measure.objects.filter(source__in=_state.ledgers).values_list(
            "target_id", flat=True
        )
        for pk in bound:
            ids.add(pk)
            since.pop(pk, None)
            awaiting.discard(pk)
    pending.clear()
    _state.awaiting.clear()
    _state.ledgers.clear()
    if len(ids) > INLINE_LIMIT and not transaction.get_connection().in_atomic_block:
        tasks.refresh_targets.enqueue(sorted(ids))
    else:
        store.refresh(ids, since=since, awaiting_only=awaiting)


def _report_saved(sender, instance, created=False, **kwargs):
    # A new draft counts nowhere (only submitted and approved reports do): nothing to redo.
    if created and instance.status == ReportStatus.DRAFT:
        return
    mark_dirty(
        [instance.target_id], since=instance.as_of, awaiting_only=instance.status in AWAITING
    )


def _target_saved(sender, instance, **kwargs):
    mark_dirty([instance.pk])


def _by_target_id(sender, instance, **kwargs):
    mark_dirty([instance.target_id])


def _plan_saved(sender, instance, **kwargs):
    mark_dirty(instance.targets.values_list("pk", flat=True))


def _ledger(source: str):
    def changed(sender, instance, **kwargs):
        mark_dirty(ledger=source)

    return changed


_projects_changed = _ledger("projects")
_hazards_changed = _ledger("hazards")


def connect() -> None:
    from luoshi.ledgers.models import Hazard, HazardEvent, Measure, Project, StageEvent
    from luoshi.plans.models import Milestone, Plan, Target
    from luoshi.reporting.models import Report

    for model, handler in [
        (Report, _report_saved),
        (Target, _target_saved),
        (Milestone, _by_target_id),
        (Measure, _by_target_id),
        (Plan, _plan_saved),
        (Project, _projects_changed),
        (StageEvent, _projects_changed),
        (Hazard, _hazards_changed),
        (HazardEvent, _hazards_changed),
    ]:
        uid = f"stored-evaluations-{model._meta.label}"
        post_save.connect(handler, sender=model, dispatch_uid=uid)
        post_delete.connect(handler, sender=model, dispatch_uid=uid)
