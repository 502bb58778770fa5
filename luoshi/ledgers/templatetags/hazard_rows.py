"""`{% load hazard_rows %}`: the body of the hazard list's table (ledgers/hazard_list.html),
written in one pass in Python.

A page of the list has 50 rows of eight cells; as template nodes each cell cost a variable
lookup, a filter or a tag, and the rows were the larger part of the page's time at 10×
(issue 14). The markup is the one the template wrote, cell for cell; the rows carry the
labels the view gave them (views.labelled) and `is_overdue`.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import Any

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext, pgettext

register = template.Library()

# Each field is escaped (html.escape, as Django's escape does) or is markup written here.
_ROW = (
    "{open}\n"
    '      <td><a href="{url}">{place}</a><div class="small text-muted">\n'
    '        {place_kind}<span class="d-md-none"> · {domain} ·\n'
    "          {unit}{major_badge}</span>\n"
    "        </div></td>\n"
    '      <td class="text-nowrap"><span class="badge text-bg-{colour}"\n'
    '        data-status="{status}">{status_label}</span></td>\n'
    '      <td class="text-nowrap">\n'
    "        {deadline}{overdue_badge}\n"
    "        </td>\n"
    '      <td class="d-none d-md-table-cell">\n'
    "        {level}\n"
    "        </td>\n"
    '      <td class="d-none d-md-table-cell">{domain}</td>\n'
    '      <td class="d-none d-md-table-cell">{unit}</td>\n'
    '      <td class="text-nowrap d-none d-lg-table-cell">{found_on}</td>\n'
    '      <td class="d-none d-lg-table-cell">{description}</td>\n'
    "    </tr>\n  "
)


@register.simple_tag
def hazard_rows_body(hazards: Iterable[Any]) -> SafeString:
    """The <tr> of each hazard, or the one line saying none match."""
    head, tail = reverse("hazard-detail", args=[0]).rsplit("/0/", 1)
    overdue_badge = ' <span class="badge text-bg-danger">{}</span>'.format(
        escape(pgettext("hazard", "Overdue"))
    )
    out = []
    for hazard in hazards:
        level = escape(hazard.level_label)
        major = hazard.is_major
        badge = f'<span class="badge text-bg-danger">{level}</span>'
        overdue = hazard.is_overdue
        out.append(
            _ROW.format(
                open=(
                    f'<tr data-hazard="{int(hazard.pk)}" class="table-danger luoshi-overdue" '
                    'data-overdue="1">'
                    if overdue
                    else f'<tr data-hazard="{int(hazard.pk)}">'
                ),
                url=escape(f"{head}/{hazard.pk}/{tail}"),
                place=escape(hazard.place),
                place_kind=escape(hazard.place_kind_label),
                domain=escape(hazard.domain_label),
                unit=escape(hazard.unit.short_name),
                major_badge=f" {badge}" if major else "",
                colour=escape(hazard.status_colour),
                status=escape(hazard.status),
                status_label=escape(hazard.status_label),
                deadline=f"{hazard.deadline:%Y-%m-%d}",
                overdue_badge=overdue_badge if overdue else "",
                level=badge if major else level,
                found_on=f"{hazard.found_on:%Y-%m-%d}",
                description=escape(Truncator(hazard.description).chars(40)),
            )
        )
    if not out:
        out.append(
            '<tr><td colspan="8" class="text-muted">{}</td></tr>'.format(
                escape(gettext("No hazards match."))
            )
        )
    # Safe: every field of _ROW above is escaped or is markup written here.
    return mark_safe("".join(out))  # noqa: S308
