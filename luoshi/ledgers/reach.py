"""The stages each project reached and when (models.ProjectReach), from its events.

As in ledger measures (measures.py), a project reaches a stage on the date of its
first event at that stage or a later one: a project entered at 开工 has passed 签约
too, and one that moved back and forth reached each stage once, when it first got
there. Dropped projects keep the stages they reached.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Min, Q, QuerySet

from .choices import Stage
from .models import ProjectReach, StageEvent


def first_reached(events: QuerySet[StageEvent]) -> QuerySet:
    """`events` grouped by project: `reached_<stage>`, the first date at that stage or a
    later one (None when never), one row per project (a hash aggregate in one query)."""
    return (
        events.values("project_id")
        .annotate(
            **{
                f"reached_{stage}": Min("date", filter=Q(stage__in=Stage.values[rank:]))
                for rank, stage in enumerate(Stage.values)
            }
        )
        .order_by()
    )


def recount(project_ids: Iterable[int]) -> None:
    """Rewrite the reach rows of these projects from their events (two queries and the
    insert). Called in the transaction that adds the events, under the project's lock."""
    ids = sorted(set(project_ids))
    if not ids:
        return
    ProjectReach.objects.filter(project_id__in=ids).delete()
    rows = first_reached(StageEvent.objects.filter(project_id__in=ids))
    ProjectReach.objects.bulk_create(
        ProjectReach(project_id=row["project_id"], stage=stage, date=row[f"reached_{stage}"])
        for row in rows
        for stage in Stage.values
        if row[f"reached_{stage}"] is not None
    )
