from datetime import date

from django import template

from luoshi.core.periods import days_in_month

from ..models import Reminder

register = template.Library()


@register.simple_tag
def reminded_this_month(unit, day: date) -> int:
    """How often the unit (with its sub-units) was chased in `day`'s month: each step of
    the ladder for a target's period counts once, however many people it reached. One query."""
    first = day.replace(day=1)
    last = day.replace(day=days_in_month(day.year, day.month))
    return (
        Reminder.objects.filter(
            target__unit__path__startswith=unit.path, sent_on__range=(first, last)
        )
        .values("target", "period_end", "step")
        .distinct()
        .count()
    )
