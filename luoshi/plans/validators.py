"""Is this a valid reading (or target value) for this target? The one check every path calls.

The rules are luoshi.core.values (shared with `luoshi evaluate`); this module only
words them for people, in the request's language. reporting.actions calls
`check_reading` whenever a report is created or changed, so the form, the API
and the 一表通 upload refuse exactly the same values; the workbook reader also
calls `reading_errors` to name the bad cell before anything is written.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from luoshi.core.values import reading_problems, target_problems


def _message(code: str, params: dict) -> str:
    messages = {
        "not_a_number": _("Enter a finite number."),
        "out_of_range": _("Enter a number between -10^15 and 10^15."),
        "negative_total": _("A cumulative total cannot be negative."),
        "negative_count": _("The number of open items cannot be negative."),
        "not_whole": _("Items are counted: enter a whole number."),
        "below_growth_floor": _("A growth rate cannot be below -100%."),
        "overdue_not_zero_kind": _("Only zero targets count overdue items."),
        "overdue_negative": _("Overdue items cannot be negative."),
        "overdue_above_open": _("Overdue items cannot exceed open items."),
    }
    return messages[code]


def reading_errors(kind: str, value, overdue=None) -> dict[str, str]:
    """{field: message} for a reading of a target of `kind`; empty when it may be stored."""
    return {
        field: _message(code, params)
        for field, (code, params) in reading_problems(kind, value, overdue).items()
    }


def check_reading(kind: str, value, overdue=None) -> None:
    errors = reading_errors(kind, value, overdue)
    if errors:
        raise ValidationError(errors)


def target_errors(kind: str, value, baseline) -> dict[str, str]:
    """{field: message} for a target's own value and baseline."""
    return {
        field: _message(code, params)
        for field, (code, params) in target_problems(kind, value, baseline).items()
    }
