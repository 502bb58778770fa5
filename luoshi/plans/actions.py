"""Everything that changes a plan, a task or a target. Views, the API and importers call these.

Each action is atomic, checks that the person may manage plans, and leaves
history rows naming the person. Changing a confirmed target's value or dates
is a re-baseline: it needs a reason and keeps the original.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.clock import check_in_window
from luoshi.orgs.access import access_for
from luoshi.orgs.history import null_errors, save_with_history
from luoshi.orgs.models import User

from .choices import Comparator, PlanStatus, TargetKind
from .models import Milestone, Plan, Rebaseline, Target, Task
from .signals import target_moved

RULE_FIELDS = (
    "lagging_below",
    "behind_below",
    "growth_tolerance_pp",
    "level_tolerance",
    "milestone_grace_days",
    "four_eyes",
)
TARGET_FIELDS = (
    "task",
    "part_of",
    "unit",
    "name",
    "kind",
    "comparator",
    "value",
    "unit_label",
    "start",
    "end",
    "cadence",
    "due_day",
    "schedule",
    "baseline",
    "source_snippet",
    "source_start",
    "source_end",
)
BASELINE_FIELDS = ("value", "start", "end")


def require_plan_manager(user: User) -> None:
    if not access_for(user).can_manage_plans():
        raise PermissionDenied(_("Only the supervision office manages plans."))


def check_values(obj: Plan | Target) -> None:
    """Dates within luoshi.clock's window and, for a target, its value and baseline finite
    and within ±1e15 (plans.validators): what the status engine can judge."""
    from .validators import target_errors

    errors: dict[str, Any] = {}
    for name in ("start", "end"):
        day = getattr(obj, name)
        if isinstance(day, date):
            try:
                check_in_window(day)
            except ValidationError as error:
                errors[name] = error.messages
    if isinstance(obj, Target):
        errors.update(target_errors(obj.kind, obj.value, obj.baseline))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_plan(user: User, *, title: str, start: date, end: date, **fields) -> Plan:
    require_plan_manager(user)
    plan = Plan(title=title, start=start, end=end, **fields)
    check_values(plan)
    save_with_history(plan, user, "created")
    return plan


@transaction.atomic
def update_plan_rules(plan: Plan, user: User, reason: str = "", **rules) -> Plan:
    """Change the plan's thresholds; every page judges with the new ones from now on."""
    require_plan_manager(user)
    unknown = set(rules) - set(RULE_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown rules: %s") % ", ".join(sorted(unknown)))
    for name, value in rules.items():
        setattr(plan, name, value)
    check_values(plan)
    save_with_history(plan, user, reason or "rules changed")
    return plan


@transaction.atomic
def create_task(
    plan: Plan, user: User, *, title: str, lead_unit, cooperating_units=(), **fields
) -> Task:
    require_plan_manager(user)
    task = Task(plan=plan, title=title, lead_unit=lead_unit, **fields)
    save_with_history(task, user, "created")
    if cooperating_units:
        task.cooperating_units.set(cooperating_units)
    return task


@transaction.atomic
def create_target(plan: Plan, user: User, **fields) -> Target:
    require_plan_manager(user)
    unknown = set(fields) - set(TARGET_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown target fields: %s") % ", ".join(sorted(unknown)))
    target = Target(plan=plan, **fields)
    if plan.is_confirmed:
        target.original_value, target.original_start, target.original_end = (
            target.value,
            target.start,
            target.end,
        )
    check_values(target)
    save_with_history(target, user, "created")
    return target


@transaction.atomic
def ask_part(
    target: Target,
    user: User,
    *,
    unit,
    value: float | None = None,
    name: str = "",
    milestone: str = "",
    due: date | None = None,
) -> Target:
    """Ask a cooperating unit for its own part of `target`, reported and judged separately.

    The part is a share of the value (`value`, the lead's whole value if not
    given) or, with `milestone`, a qualitative part (配合): a milestone target
    of its own, done when that milestone is, by `due` (the target's end).
    """
    require_plan_manager(user)
    fields = {
        f: getattr(target, f)
        for f in TARGET_FIELDS
        if f not in {"part_of", "unit", "name", "value"}
    }
    name = name or f"{target.name}（{unit.short_name}）"
    if not milestone.strip():
        return create_target(
            target.plan,
            user,
            **fields,
            part_of=target,
            unit=unit,
            name=name,
            value=target.value if value is None else value,
        )
    fields.update(kind=TargetKind.MILESTONE, comparator=Comparator.GE, unit_label="")
    fields.update(schedule=[], baseline=None)
    due = due or target.end
    if due > fields["end"]:
        fields["end"] = due
    part = create_target(target.plan, user, **fields, part_of=target, unit=unit, name=name)
    add_milestone(part, user, name=milestone.strip()[:200], due=due)
    return part


@transaction.atomic
def update_target(target: Target, user: User, reason: str = "", **fields) -> Target:
    """Change a target. On a confirmed plan, a new value or new dates is a re-baseline."""
    require_plan_manager(user)
    unknown = set(fields) - set(TARGET_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown target fields: %s") % ", ".join(sorted(unknown)))
    # The caller's object may predate confirm_plan(): never save stale originals over fresh ones.
    target.refresh_from_db(fields=["original_value", "original_start", "original_end"])
    old = {name: getattr(target, name) for name in BASELINE_FIELDS}
    old_unit_id = target.unit_id
    for name, value in fields.items():
        setattr(target, name, value)
    # A field set to None where none is allowed is named before anything else: a null
    # start or end would otherwise read as a re-baseline and be answered "needs a reason".
    nulls = null_errors(target)
    if nulls:
        raise ValidationError(nulls)
    if target.unit_id != old_unit_id:
        # What the apps above keep per unit moves with the target (reporting: its reports).
        target_moved.send(sender=Target, target=target, old_unit_id=old_unit_id)
    rebaselined = target.plan.is_confirmed and any(
        getattr(target, name) != old[name] for name in BASELINE_FIELDS
    )
    check_values(target)
    if rebaselined:
        if not reason.strip():
            raise ValidationError({"reason": _("A re-baseline needs a reason.")})
        save_with_history(target, user, f"re-baseline: {reason.strip()}")
        Rebaseline.objects.create(
            target=target,
            changed_by=user,
            reason=reason.strip(),
            old_value=old["value"],
            new_value=target.value,
            old_start=old["start"],
            new_start=target.start,
            old_end=old["end"],
            new_end=target.end,
        )
    else:
        save_with_history(target, user, reason or "edited")
    return target


@transaction.atomic
def add_milestone(target: Target, user: User, *, name: str, due: date) -> Milestone:
    """A dated deliverable of a milestone target."""
    require_plan_manager(user)
    if target.kind != "milestone":
        raise ValidationError(_("Only milestone targets have milestones."))
    milestone = Milestone(target=target, name=name, due=due)
    save_with_history(milestone, user, "created")
    return milestone


@transaction.atomic
def set_target_active(target: Target, user: User, active: bool, reason: str = "") -> Target:
    """Targets are never deleted: a withdrawn target is deactivated and keeps its history."""
    require_plan_manager(user)
    target.is_active = active
    check_values(target)
    save_with_history(target, user, reason or ("reactivated" if active else "withdrawn"))
    return target


@transaction.atomic
def confirm_plan(plan: Plan, user: User) -> Plan:
    """Confirm the plan: targets' current values and dates become their originals."""
    require_plan_manager(user)
    if plan.is_confirmed:
        return plan
    for target in plan.targets.all():
        target.original_value, target.original_start, target.original_end = (
            target.value,
            target.start,
            target.end,
        )
        save_with_history(
            target,
            user,
            "confirmed",
            update_fields=["original_value", "original_start", "original_end"],
        )
    plan.status = PlanStatus.CONFIRMED
    plan.confirmed_at, plan.confirmed_by = timezone.now(), user
    check_values(plan)
    save_with_history(plan, user, "confirmed")
    return plan
