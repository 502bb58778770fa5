from datetime import date

from django import template
from django.urls import reverse

from luoshi.core.periods import days_in_month
from luoshi.orgs.access import access_for

from .. import actions
from ..models import Instruction, Reminder

register = template.Library()


@register.simple_tag
def reminded_this_month(unit, day: date) -> int:
    """How often the unit (with its sub-units) was chased in `day`'s month: each step of
    the ladder for a target's period counts once, however many people it reached, and so
    does each target of each 催报 the supervision office sent by hand. One query."""
    first = day.replace(day=1)
    last = day.replace(day=days_in_month(day.year, day.month))
    return (
        Reminder.objects.filter(
            target__unit__path__startswith=unit.path, sent_on__range=(first, last)
        )
        .values("target", "period_end", "step", "chase")
        .distinct()
        .count()
    )


@register.inclusion_tag("notices/instructions.html", takes_context=True)
def instructions(context, target=None, unit=None) -> dict:
    """The instructions (批示) on a target or a unit, newest first, and for leaders the form
    to write one. One query (two with the author's name)."""
    if target is not None:
        rows = Instruction.objects.filter(target=target)
        action = reverse("target-instruction", args=[target.pk])
    else:
        rows = Instruction.objects.filter(unit=unit)
        action = reverse("unit-instruction", args=[unit.pk])
    user = context["request"].user
    return {
        "instructions": list(rows.select_related("author")),
        "can_instruct": actions.can_instruct(user),
        "action": action,
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag(takes_context=True)
def can_chase(context) -> bool:
    """The supervision office may send a 催报 from the overview."""
    return access_for(context["request"].user).can_manage_plans()
