"""The 催报 ladder: for a day, which reminders are owed, and sending them once.

For each step of a plan's rule the due date it concerns is `day − offset`; the period
whose report is due on that date (luoshi.core.periods.due_date) is the one reminded of.
Nothing is sent for a period whose report is already submitted or approved, and the
Reminder table's unique (target, period end, step, person) makes a rerun send nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from luoshi.core.periods import due_date
from luoshi.orgs.choices import Role
from luoshi.orgs.models import Membership, User
from luoshi.plans.choices import PlanStatus
from luoshi.plans.models import Target
from luoshi.reporting.choices import ReportStatus
from luoshi.reporting.models import Report

from . import actions, delivery
from .choices import Channel, NoticeKind, ReminderStep
from .models import Reminder, ReminderRule
from .recipients import ancestor_paths

# A period counts as reported once its report is in: waiting for approval, approved,
# or approved and since corrected.
REPORTED = (ReportStatus.SUBMITTED, ReportStatus.APPROVED, ReportStatus.SUPERSEDED)


@dataclass(frozen=True)
class Due:
    """One reminder owed: a step of the ladder, for a target's period, to one person."""

    target: Target
    period_end: date
    due: date
    step: str
    person: User


def period_due_on(cadence: str, due_day: int, due: date) -> date | None:
    """The end of the period whose report is due exactly on `due`, if any."""
    first = due.replace(day=1)
    period_end = first - timedelta(days=1)
    if cadence == "quarter" and period_end.month not in (3, 6, 9, 12):
        return None
    if due_date(period_end, due_day) != due:
        return None
    return period_end


def _period_start(cadence: str, period_end: date) -> date:
    months = 3 if cadence == "quarter" else 1
    month = period_end.month - months + 1
    return date(period_end.year, month, 1)


def _people_by_unit(units, roles) -> dict[tuple[str, str], list[User]]:
    """(unit path, role) → active people, for the units and every unit above them."""
    paths = {p for unit in units for p in ancestor_paths(unit)}
    found: dict[tuple[str, str], list[User]] = {}
    for m in Membership.objects.filter(
        role__in=roles, unit__is_active=True, user__is_active=True, unit__path__in=paths
    ).select_related("user", "unit"):
        found.setdefault((m.unit.path, m.role), []).append(m.user)
    return found


def owed_on(day: date) -> list[Due]:
    """Every reminder the ladder owes on `day` (sent or not)."""
    targets = list(
        Target.objects.filter(
            is_active=True,
            measure__isnull=True,
            plan__status=PlanStatus.CONFIRMED,
            start__lte=day,
        )
        .exclude(cadence="")
        .select_related("plan", "unit")
        .order_by("unit__path", "pk")
    )
    rules = {
        r.plan_id: r for r in ReminderRule.objects.filter(plan__in={t.plan_id for t in targets})
    }
    candidates = []  # (target, period_end, due, step)
    for target in targets:
        rule = rules.get(target.plan_id) or ReminderRule(plan=target.plan)
        for step, offset in rule.offsets().items():
            due = day - timedelta(days=offset)
            period_end = period_due_on(target.cadence, target.due_day, due)
            if period_end is None or period_end < target.start:
                continue
            if _period_start(target.cadence, period_end) > target.end:
                continue
            candidates.append((target, period_end, due, step))
    if not candidates:
        return []
    reported = set(
        Report.objects.filter(
            target__in={c[0].pk for c in candidates},
            status__in=REPORTED,
            as_of__gte=min(c[1] for c in candidates),
        ).values_list("target_id", "as_of")
    )
    # The newest report in of each target: one look-up per candidate, not a scan.
    latest: dict[int, date] = {}
    for target_id, as_of in reported:
        latest[target_id] = max(as_of, latest.get(target_id, as_of))
    people = _people_by_unit(
        {c[0].unit for c in candidates}, [Role.REPORTER, Role.APPROVER, Role.LEADER]
    )
    supervisors = list(
        User.objects.filter(
            is_active=True, memberships__role=Role.SUPERVISOR, memberships__unit__is_active=True
        ).distinct()
    )
    owed = []
    for target, period_end, due, step in candidates:
        if latest.get(target.pk, date.min) >= period_end:
            continue
        unit = target.unit
        own_reporters = people.get((unit.path, Role.REPORTER), [])
        approvers = [
            p for path in ancestor_paths(unit) for p in people.get((path, Role.APPROVER), [])
        ]
        leaders = [p for path in ancestor_paths(unit) for p in people.get((path, Role.LEADER), [])]
        by_step: dict[str, list[User]] = {
            ReminderStep.BEFORE: own_reporters,
            ReminderStep.DUE: own_reporters + approvers,
            ReminderStep.LATE: approvers + supervisors,
            ReminderStep.ESCALATED: leaders,
        }
        recipients = by_step[step]
        seen = set()
        for person in recipients:
            if person.pk not in seen:
                seen.add(person.pk)
                owed.append(Due(target, period_end, due, step, person))
    return owed


def _text(item: Due) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        if item.step == ReminderStep.BEFORE:
            when = _("due on %(due)s") % {"due": item.due.isoformat()}
        else:
            when = _("was due on %(due)s") % {"due": item.due.isoformat()}
        return _("%(unit)s · %(target)s: the report for the period ending %(end)s %(when)s") % {
            "unit": item.target.unit.name,
            "target": item.target.name,
            "end": item.period_end.isoformat(),
            "when": when,
        }


def run(day: date, *, dry_run: bool = False, channels: bool = True) -> list[Due]:
    """Send what the ladder owes on `day` and has not sent before; returns what was sent
    (with `dry_run`, what would be sent, changing nothing; without `channels`, in the app
    only: no e-mail, no webhook, as the demo's month is seeded)."""
    sent = []
    told_units: set[tuple[int, date, str]] = set()
    for item in owed_on(day):
        if dry_run:
            if not Reminder.objects.filter(
                target=item.target,
                period_end=item.period_end,
                step=item.step,
                person=item.person,
                chase__isnull=True,
            ).exists():
                sent.append(item)
            continue
        # The unit's group robot hears of each step of a target's period once, not once
        # per person reached.
        key = (item.target.pk, item.period_end, item.step)
        units = [] if key in told_units else [item.target.unit]
        try:
            with transaction.atomic():
                reminder = Reminder.objects.create(
                    target=item.target,
                    period_end=item.period_end,
                    due=item.due,
                    step=item.step,
                    person=item.person,
                    sent_on=day,
                )
                text = _text(item)
                link = reverse("target-detail", args=[item.target.pk])
                actions.notify([item.person], NoticeKind.REMINDER, text, link, channels=False)
                deliveries = (
                    delivery.fan_out([item.person], NoticeKind.REMINDER, text, link, units)
                    if channels
                    else []
                )
        except IntegrityError:
            continue  # sent before, by this job or a concurrent one
        told_units.add(key)
        # This runs in the background already: send now, after the record is committed (a
        # mail server that fails does not undo the reminder; the delivery retries it).
        # `emailed` says the mail went at once.
        for row in deliveries:
            went = delivery.attempt(row.pk)
            if went and row.channel == Channel.EMAIL:
                Reminder.objects.filter(pk=reminder.pk).update(emailed=True)
        sent.append(item)
    return sent
