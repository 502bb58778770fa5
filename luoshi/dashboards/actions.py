"""Changes the dashboards app makes: publishing plans and targets on the public page."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q

from luoshi.orgs.access import access_for
from luoshi.orgs.history import save_with_history
from luoshi.orgs.models import User
from luoshi.plans.models import Plan

from .models import Publication
from .public import forget


def _set(row: Publication | None, on: bool, user: User, reason: str, **fields) -> bool:
    """Make the publication `row` (or a new one with `fields`) active or not; True if changed."""
    if row is None:
        if not on:
            return False
        row = Publication(**fields, is_active=True, changed_by=user)
    elif row.is_active == on:
        return False
    row.is_active = on
    row.changed_by = user
    save_with_history(row, user, reason)
    return True


@transaction.atomic
def set_publication(
    user: User, plan: Plan, *, whole: bool, target_ids, among=None, reason: str = ""
) -> int:
    """Publish the whole `plan` or not, and exactly the targets `target_ids` of it one by
    one; the supervision office only. With `among` (the ids of one page of the choice),
    only those targets change: the others keep what they were. Returns how many
    publications changed."""
    if not access_for(user).can_manage_plans():
        raise PermissionDenied
    wanted = {int(pk) for pk in target_ids}
    allowed = set(plan.targets.filter(pk__in=wanted).values_list("pk", flat=True))
    publications = Publication.objects.select_for_update().filter(plan=plan).order_by("pk")
    if among is not None:
        among = {int(pk) for pk in among}
        allowed &= among
        publications = publications.filter(Q(target__isnull=True) | Q(target__in=among))
    rows = {row.target_id: row for row in publications}
    changed = int(_set(rows.get(None), whole, user, reason, plan=plan))
    for target_id in allowed | {pk for pk in rows if pk is not None}:
        changed += _set(
            rows.get(target_id), target_id in allowed, user, reason, plan=plan, target_id=target_id
        )
    transaction.on_commit(lambda: forget(plan.pk))
    return changed
