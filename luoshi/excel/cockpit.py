"""The cockpit's scorecard and red list (luoshi.dashboards.cockpit) as an .xlsx workbook,
for the cockpit page's export button."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from luoshi.dashboards.cockpit import Cockpit, nearest_stored
from luoshi.dashboards.views_cockpit import cockpit_choices
from luoshi.formtools import bad_request
from luoshi.plans.choices import State

from .writer import cell_value, header_cells, new_write_only, xlsx_response


@login_required
def cockpit_export(request: HttpRequest) -> HttpResponse:
    """The scorecard and the red list of the cockpit as it is shown, as two sheets."""
    try:
        at, plan, unit, sort = cockpit_choices(request)
    except ValidationError as error:
        return bad_request(error)
    figures = Cockpit(request.user, at, plan, unit)
    if not figures.stored:
        return bad_request(
            ValidationError(
                _("States are kept for today and each month end; choose %(day)s.")
                % {"day": nearest_stored(at).isoformat()}
            )
        )
    scope, scores = figures.scorecard(sort)
    red, _total = figures.red_list(limit=None)
    book = new_write_only()
    sheet = book.create_sheet(_("Scorecard"))
    sheet.append(
        header_cells(
            sheet,
            [
                _("Rank"),
                _("Unit"),
                _("Targets"),
                *[state.label for state in State],  # in the engine's order, as the counts
                _("Share on track or done"),
                _("Missing report"),
                _("Awaiting approval"),
            ],
        )
    )
    own = _("own targets")
    for row in scores:
        name = f"{row.unit.name} ({own})" if row.own else row.unit.name
        values = [
            row.rank,
            name,
            row.total,
            *[row.by_state.get(state, 0) for state in State.values],
            None if row.share is None else round(row.share, 4),
            row.missing,
            row.awaiting,
        ]
        sheet.append([cell_value(sheet, value) for value in values])
    sheet = book.create_sheet(_("Red list"))
    sheet.append(
        header_cells(
            sheet,
            [
                _("Target"),
                _("Responsible unit"),
                _("Plan"),
                _("State"),
                _("Will miss at the current pace"),
                _("Expected"),
                _("Actual"),
                _("Reason"),
            ],
        )
    )
    for item in red:
        values = [
            item.target.name,
            item.target.unit.name,
            item.target.plan.title,
            str(State(item.state).label),
            _("yes") if item.evaluation.will_miss else "",
            item.evaluation.expected,
            item.evaluation.actual,
            item.evaluation.reason,
        ]
        sheet.append([cell_value(sheet, value) for value in values])
    where = (unit.short_name if unit else "") or (scope.short_name if scope else "")
    title = _("cockpit")
    return xlsx_response(book, f"{title}-{where}-{at.isoformat()}.xlsx")
