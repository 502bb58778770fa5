"""The report one may see, or 404: the policy is luoshi.orgs.access, applied to reports."""

from __future__ import annotations

from django.http import Http404

from .models import Report


def access_report_by_id(user, report_id: int, *, for_update: bool = False) -> Report:
    """The report if the user may see it (drafts only within one's own units); else 404."""
    reports = Report.objects.restrict(user, "view").select_related(
        "target__plan", "unit", "milestone"
    )
    if for_update:
        reports = reports.select_for_update(of=("self",))
    report = reports.filter(pk=report_id).first()
    if report is None:
        raise Http404("report")
    return report
