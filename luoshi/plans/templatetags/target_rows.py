"""`{% load target_rows %}`: the body of a table of targets with their states
(plans/_target_rows.html), written in one pass in Python.

A page of the overview has 50 rows of nine cells; as template nodes each cell cost a
variable lookup, a filter or a tag, and the rows were most of the page's time (issue 14).
The markup is the one the template wrote, cell for cell.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from html import escape
from typing import Any

from django import template
from django.template import Context
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from luoshi.ui.templatetags.ui import num, percent, state_badge

register = template.Library()

# Cells as the template wrote them. Each field is escaped (html.escape, as Django's escape
# does) or is markup built safe by format_html.
_ROW = (
    '<tr data-target="{pk}">\n'
    "      {select}"
    '<td data-label="{l_target}"><a href="{url}">{name}</a>\n'
    '        <div class="small text-muted">{kind}{goal}</div></td>\n'
    '      <td data-label="{l_unit}">{unit}</td>\n'
    '      <td class="text-nowrap" data-label="{l_state}">{badge}</td>\n'
    '      <td class="text-end" data-label="{l_expected}">{expected}</td>\n'
    '      <td class="text-end" data-label="{l_actual}">{actual}</td>\n'
    '      <td class="text-end" data-label="{l_ratio}">{ratio}</td>\n'
    '      <td class="text-end" data-label="{l_forecast}">{forecast}{will_miss}</td>\n'
    '      <td class="small" data-label="{l_reason}">{reason}</td>\n'
    "    </tr>\n    "
)
_SELECT = (
    '<td><input class="form-check-input" type="checkbox" form="chase-form" name="targets" '
    'value="{}" aria-label="{}"></td>'
)


def goal(target: Any) -> SafeString:
    """What the target asks for, after its kind: " ≥ 50个", or the baseline kept."""
    unit = target.unit_label
    if target.value is not None and target.kind != "zero":
        return format_html(" {} {}{}", target.comparator, num(target.value, unit), unit)
    if target.baseline is not None:
        return format_html(" ≥ {}{}", num(target.baseline, unit), unit)
    return SafeString()


@register.simple_tag(takes_context=True)
def target_rows_body(context: Context, rows: Iterable[Any], selectable: Any = False) -> SafeString:
    """The <tr> of each row (a Row: target, evaluation, missing, awaiting), or the one
    line saying there is nothing to show. Links carry the page's `at` when it has one."""
    at = context.get("at")
    suffix = f"?at={at:%Y-%m-%d}" if isinstance(at, date) else ("?at=" if at else "")
    labels = {
        "l_target": escape(gettext("Target")),
        "l_unit": escape(gettext("Unit")),
        "l_state": escape(gettext("State")),
        "l_expected": escape(gettext("Expected")),
        "l_actual": escape(gettext("Actual")),
        "l_ratio": escape(gettext("Ratio")),
        "l_forecast": escape(gettext("Forecast")),
        "l_reason": escape(gettext("Reason")),
    }
    will_miss = format_html(
        ' <span class="badge text-bg-warning text-dark" title="{}">!</span>',
        gettext("At this pace the target will be missed"),
    )
    # One reverse, then the id swapped in (reversing is slow); kinds and badges once each.
    head, tail = reverse("target-detail", args=[0]).rsplit("/0/", 1)
    kinds: dict[str, str] = {}
    badges: dict[tuple, str] = {}
    out = []
    for row in rows:
        target, evaluation = row.target, row.evaluation
        unit = target.unit_label
        if target.kind not in kinds:
            kinds[target.kind] = escape(target.get_kind_display())
        look = (evaluation.state, row.missing, row.awaiting)
        if look not in badges:
            badges[look] = state_badge(*look)
        out.append(
            _ROW.format(
                pk=int(target.pk),
                select=format_html(_SELECT, target.pk, target.name) if selectable else "",
                url=escape(f"{head}/{target.pk}/{tail}{suffix}"),
                name=escape(target.name),
                kind=kinds[target.kind],
                goal=goal(target),
                unit=escape(target.unit.short_name),
                badge=badges[look],
                expected=escape(num(evaluation.expected, unit)),
                actual=escape(num(evaluation.actual, unit)),
                ratio=escape(percent(evaluation.ratio)),
                forecast=escape(num(evaluation.forecast, unit)),
                will_miss=will_miss if evaluation.will_miss else "",
                reason=escape(evaluation.reason),
                **labels,
            )
        )
    if not out:
        return format_html(
            '<tr><td colspan="{}" class="text-muted">{}</td></tr>',
            9 if selectable else 8,
            gettext("No targets to show."),
        )
    # Safe: every field of _ROW above is escaped or is format_html's markup.
    return mark_safe("".join(out))  # noqa: S308
