""" "Today" for luoshi, and the window of dates the app answers for.

Normally the local date. `LUOSHI_TODAY=2025-10-15` fixes it, for the demo city
(whose 2025 plan would otherwise be long over) and for training copies.

Pages and the API judge targets "as of" a date they are given (`?at=`). A date
far outside any plan (0001-01-01, 9999-12-31) is refused, not evaluated: period
arithmetic near the ends of the calendar overflows, and no plan of a government
work programme lies there. The window is documented in docs/api.md.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

EARLIEST = date(1990, 1, 1)
LATEST = date(2100, 12, 31)


def today() -> date:
    fixed = getattr(settings, "LUOSHI_TODAY", None)
    return fixed or timezone.localdate()


def check_in_window(day: date) -> date:
    """`day` itself, or ValidationError when it lies outside EARLIEST..LATEST."""
    if not EARLIEST <= day <= LATEST:
        raise ValidationError(
            _("Choose a date between %(earliest)s and %(latest)s.")
            % {"earliest": EARLIEST.isoformat(), "latest": LATEST.isoformat()},
            code="date_out_of_window",
        )
    return day


def parse_at(raw: str | None) -> date:
    """The date of a `?at=` parameter: today when it is absent or blank, else the date
    written as YYYY-MM-DD within the window; ValidationError for anything else."""
    text = (raw or "").strip()
    if not text:
        return today()
    try:
        day = date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise ValidationError(
            _("“%(value)s” is not a date; write it as YYYY-MM-DD, e.g. 2025-06-30.")
            % {"value": text[:40]},
            code="invalid_date",
        )
    return check_in_window(day)
