"""Named, atomic changes to units. Views, the admin and the CLI call these.

History rows are written by django-simple-history; the author is taken from
the request (HistoryRequestMiddleware) or, outside a request, passed here.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from .access import access_for
from .models import Unit


def _attribute(unit: Unit, user, reason: str) -> None:
    unit._history_user = user
    unit._change_reason = reason


@transaction.atomic
def update_unit(unit: Unit, user, *, name: str, short_name: str, reason: str = "") -> Unit:
    if not access_for(user).can_manage_units():
        raise PermissionDenied
    unit.name = name
    unit.short_name = short_name
    _attribute(unit, user, reason)
    unit.save()
    return unit


@transaction.atomic
def set_unit_active(unit: Unit, user, active: bool, reason: str = "") -> Unit:
    """Units are never deleted: they are deactivated and keep their history."""
    if not access_for(user).can_manage_units():
        raise PermissionDenied
    unit.is_active = active
    _attribute(unit, user, reason)
    unit.save(update_fields=["is_active"])
    return unit
