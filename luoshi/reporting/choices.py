from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned")
    SUPERSEDED = "superseded", _("Superseded")

    @property
    def colour(self) -> str:
        return REPORT_STATUS_COLOURS[self.value]


REPORT_STATUS_COLOURS = {
    "draft": "secondary",
    "submitted": "info",
    "approved": "success",
    "returned": "warning",
    "superseded": "light",
}

# Statuses in which the reporter may still change the report.
EDITABLE = frozenset({ReportStatus.DRAFT, ReportStatus.RETURNED})
