"""The report one may see, or 404: the policy is luoshi.orgs.access, applied to reports."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Exists, OuterRef
from django.http import Http404

from .models import Evidence, Report

# What a page or an answer shows of a report, read with it in one query.
RELATED = ("target__plan", "unit", "milestone", "created_by", "submitted_by", "reviewed_by")


def access_report_by_id(
    user, report_id: int, *, for_update: bool = False, related: Iterable[str] = RELATED
) -> Report:
    """The report if the user may see it (drafts only within one's own units); else 404.

    It comes with `related` (by default its target, plan, unit, milestone and the
    people it names) and `has_evidence`: what a page or an answer shows of it, read
    in this one query. An action that replaces one of them (the approver is the
    reviewer) names fewer: each join is Django's work on every request. The access
    rule is the same whatever is joined."""
    reports = (
        Report.objects.restrict(user, "view")
        .select_related(*related)
        .annotate(has_evidence=Exists(Evidence.objects.filter(report=OuterRef("pk"))))
    )
    if for_update:
        reports = reports.select_for_update(of=("self",))
    try:
        # get(), not first(): no ORDER BY (the model's ordering goes through the target's
        # to its plan's), a third of this query's time in Django and joins in the database.
        return reports.get(pk=report_id)
    except Report.DoesNotExist:
        raise Http404("report") from None
