""" "Today" for luoshi.

Normally the local date. `LUOSHI_TODAY=2025-10-15` fixes it, for the demo city
(whose 2025 plan would otherwise be long over) and for training copies.
"""

from datetime import date

from django.conf import settings
from django.utils import timezone


def today() -> date:
    fixed = getattr(settings, "LUOSHI_TODAY", None)
    return fixed or timezone.localdate()
