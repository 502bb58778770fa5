"""Everything that writes notifications, reminders, instructions and channel settings.
Signals, the ladder, the daily job and the views call these."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from luoshi.clock import today
from luoshi.core.periods import due_date, last_period_end
from luoshi.orgs.access import access_for
from luoshi.orgs.choices import Role
from luoshi.orgs.history import save_with_history
from luoshi.orgs.models import Membership, Unit, User
from luoshi.plans.choices import PlanStatus
from luoshi.plans.models import Target

from . import delivery
from .choices import NoticeKind, ReminderStep
from .models import (
    ChannelDefault,
    ChannelPreference,
    Chase,
    Instruction,
    Notification,
    Reminder,
    ReminderRule,
    WebhookEndpoint,
)
from .recipients import ancestor_paths

RULE_FIELDS = ("days_before", "days_after_due", "days_late_approvers", "days_late_leader")


def notify(
    recipients: Iterable, kind: str, text: str, link: str = "", *, units=(), channels=True
) -> list[Notification]:
    """One unread notification per distinct active recipient, in one INSERT; and, with
    `channels`, the e-mails and webhook posts their preferences ask for (and the group
    robots of `units`), sent in the background once this commits."""
    seen, rows, people = set(), [], []
    for person in recipients:
        if person.pk in seen or not person.is_active:
            continue
        seen.add(person.pk)
        people.append(person)
        rows.append(Notification(recipient=person, kind=kind, text=text[:500], link=link))
    created = Notification.objects.bulk_create(rows)
    if channels:
        delivery.fan_out(people, kind, text, link, units)
    return created


def unit_people(unit: Unit, roles=(Role.REPORTER, Role.APPROVER)) -> list[User]:
    """The unit's own reporters, and the approvers of the unit and of every unit above it."""
    found: dict[int, User] = {}
    memberships = Membership.objects.filter(
        unit__path__in=ancestor_paths(unit),
        unit__is_active=True,
        user__is_active=True,
        role__in=roles,
    ).select_related("user")
    for m in memberships:
        if m.role == Role.APPROVER or m.unit_id == unit.pk:
            found.setdefault(m.user_id, m.user)
    return list(found.values())


@transaction.atomic
def mark_read(user: User, notification_id: int) -> int:
    """Mark one of `user`'s own notifications read; someone else's id changes nothing (0)."""
    return Notification.objects.filter(
        pk=notification_id, recipient=user, read_at__isnull=True
    ).update(read_at=timezone.now())


@transaction.atomic
def mark_all_read(user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def save_reminder_rule(plan, user: User, reason: str = "", **numbers) -> ReminderRule:
    """Set a plan's 催报 ladder (the supervision office's), recorded with who and why."""
    if not access_for(user).can_manage_plans():
        raise PermissionDenied(_("Only the supervision office sets the reminder ladder."))
    rule = ReminderRule.objects.select_for_update().filter(plan=plan).first()
    rule = rule or ReminderRule(plan=plan)
    for name in RULE_FIELDS:
        setattr(rule, name, numbers[name])
    # The late steps come in order: approvers are told no earlier than the due-day step,
    # the leader no earlier than the approvers.
    if not rule.days_after_due <= rule.days_late_approvers <= rule.days_late_leader:
        raise ValidationError(
            {
                "days_late_leader": _(
                    "The late steps must come in order: due-day reminder, then the "
                    "approvers, then the leader."
                )
            }
        )
    save_with_history(rule, user, reason)
    return rule


def _can_instruct(user: User) -> bool:
    access = access_for(user)
    return Role.LEADER in access.roles or access.is_admin


def can_instruct(user: User) -> bool:
    """Leaders (and admins) write instructions (批示) on any target or unit page."""
    return _can_instruct(user)


@transaction.atomic
def give_instruction(
    user: User, text: str, *, target: Target | None = None, unit: Unit | None = None
):
    """A leader's 批示 on a target or a unit, kept in its history; the unit's people are told."""
    if not _can_instruct(user):
        raise PermissionDenied(_("Only leaders write instructions."))
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write the instruction.")})
    instruction = Instruction(target=target, unit=unit, author=user, text=text)
    save_with_history(instruction, user, "created")
    concerned = target.unit if target is not None else unit
    if concerned is None:
        raise ValueError("an instruction is about a target or a unit")
    with translation.override(settings.LANGUAGE_CODE):
        about = f"{concerned.name} · {target.name}" if target is not None else concerned.name
        message = _("%(author)s on %(about)s: %(text)s") % {
            "author": user,
            "about": about,
            "text": text,
        }
    link = (
        reverse("target-detail", args=[target.pk])
        if target is not None
        else reverse("unit-detail", args=[concerned.pk])
    )
    people = [p for p in unit_people(concerned) if p.pk != user.pk]
    notify(people, NoticeKind.INSTRUCTION, message, link, units=[concerned])
    return instruction


def chase_targets(targets: Iterable[Target] = (), units: Iterable[Unit] = ()) -> list[Target]:
    """What a manual 催报 covers: the chosen targets, and every target that reports of the
    chosen units and their sub-units (active, of a confirmed plan, not from a ledger)."""
    reporting = Target.objects.filter(
        is_active=True, measure__isnull=True, plan__status=PlanStatus.CONFIRMED
    ).select_related("unit")
    found = {t.pk: t for t in reporting.filter(pk__in=[t.pk for t in targets])}
    for unit in units:
        for target in reporting.filter(unit__path__startswith=unit.path).exclude(cadence=""):
            found.setdefault(target.pk, target)
    return sorted(found.values(), key=lambda t: (t.unit.path, t.pk))


@transaction.atomic
def send_chase(user: User, text: str, targets: Iterable[Target] = (), units: Iterable[Unit] = ()):
    """The supervision office's own 催报: recorded as Reminder rows (step "manual") like the
    ladder's, one notification per person and unit, and the units' group robots told."""
    if not access_for(user).can_manage_plans():
        raise PermissionDenied(_("Only the supervision office sends reminders."))
    chosen = chase_targets(targets, units)
    if not chosen:
        raise ValidationError(_("Choose at least one unit or target that reports."))
    chase = Chase.objects.create(author=user, text=text.strip()[:300])
    day = today()
    by_unit: dict[int, list[Target]] = {}
    for target in chosen:
        by_unit.setdefault(target.unit_id, []).append(target)
    rows = []
    for targets_of_unit in by_unit.values():
        unit = targets_of_unit[0].unit
        people = [p for p in unit_people(unit) if p.pk != user.pk]
        for target in targets_of_unit:
            period_end = last_period_end(target.cadence or "month", day)
            for person in people:
                rows.append(
                    Reminder(
                        target=target,
                        period_end=period_end,
                        due=due_date(period_end, target.due_day),
                        step=ReminderStep.MANUAL,
                        person=person,
                        sent_on=day,
                        chase=chase,
                    )
                )
        with translation.override(settings.LANGUAGE_CODE):
            names = "、".join(t.name for t in targets_of_unit[:5])
            if len(targets_of_unit) > 5:
                names += _(" and %(n)d more") % {"n": len(targets_of_unit) - 5}
            message = _(
                "Reminder from the supervision office to %(unit)s: %(text)s (%(targets)s)"
            ) % {
                "unit": unit.name,
                "text": chase.text,
                "targets": names,
            }
        link = (
            reverse("target-detail", args=[targets_of_unit[0].pk])
            if len(targets_of_unit) == 1
            else reverse("unit-detail", args=[unit.pk])
        )
        notify(people, NoticeKind.REMINDER, message, link, units=[unit])
    Reminder.objects.bulk_create(rows)
    return chase


@transaction.atomic
def save_preferences(user: User, choices: Mapping[str, tuple[bool, ...]]) -> None:
    """A person's channels per kind of event: {kind: (e-mail, webhook)}."""
    for kind, (email, webhook) in choices.items():
        preference = ChannelPreference.objects.filter(person=user, kind=kind).first()
        preference = preference or ChannelPreference(person=user, kind=kind)
        if preference.pk and (preference.email, preference.webhook) == (email, webhook):
            continue
        preference.email, preference.webhook = email, webhook
        save_with_history(preference, user, "changed")


@transaction.atomic
def save_defaults(user: User, choices: Mapping[str, tuple[bool, ...]]) -> None:
    """The supervision office's default channels: {kind: (e-mail, webhook, unit webhook)}."""
    if not access_for(user).is_supervisor:
        raise PermissionDenied(_("Only the supervision office sets the default channels."))
    for kind, (email, webhook, unit_webhook) in choices.items():
        default = ChannelDefault.objects.filter(kind=kind).first() or ChannelDefault(kind=kind)
        if default.pk and (default.email, default.webhook, default.unit_webhook) == (
            email,
            webhook,
            unit_webhook,
        ):
            continue
        default.email, default.webhook, default.unit_webhook = email, webhook, unit_webhook
        save_with_history(default, user, "changed")


@transaction.atomic
def save_webhook(user: User, endpoint: WebhookEndpoint, **fields) -> WebhookEndpoint:
    """Set a unit's group robot (the supervision office) or one's own (oneself)."""
    if endpoint.unit_id is not None and not access_for(user).is_supervisor:
        raise PermissionDenied(_("Only the supervision office sets a unit's webhook."))
    if endpoint.person_id is not None and endpoint.person_id != user.pk:
        raise PermissionDenied(_("People set their own webhook only."))
    for name, value in fields.items():
        setattr(endpoint, name, value)
    save_with_history(endpoint, user, "changed")
    return endpoint
