"""Filters the API lists share with GET /status: a unit (and its subtree), a year.

Each narrows a queryset already scoped to what the person may see; a unit they
cannot see filters everything out, exactly like a unit that does not exist.
"""

from __future__ import annotations

from typing import Annotated

from django.db.models import Q, QuerySet
from ninja import Field

from luoshi.orgs.access import access_for

Year = Annotated[int, Field(ge=1990, le=2100, description="rows of this calendar year")]


def in_unit(user, rows: QuerySet, unit: int | None, subtree: bool, field: str = "unit") -> QuerySet:
    """`rows` of the unit `unit` (by `field`; "" when the rows are units), or of it and
    every unit under it."""
    if unit is None:
        return rows
    if not subtree:
        return rows.filter(**{f"{field}_id" if field else "pk": unit})
    root = access_for(user).visible_units().filter(pk=unit).only("path").first()
    if root is None:
        return rows.none()
    return rows.filter(**{f"{field}__path__startswith" if field else "path__startswith": root.path})


def in_year(rows: QuerySet, year: int | None, start: str = "start", end: str = "end") -> QuerySet:
    """`rows` whose period [`start`, `end`] overlaps the calendar year `year`."""
    if year is None:
        return rows
    return rows.filter(Q(**{f"{start}__year__lte": year}) & Q(**{f"{end}__year__gte": year}))
