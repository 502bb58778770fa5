"""Kinds and states of background jobs: each value carries its label (and colour) once."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JobKind(models.TextChoices):
    LEDGER_IMPORT = "ledger_import", _("Ledger import")
    LEDGER_CHECK = "ledger_check", _("Ledger check")
    LEDGER_EXPORT = "ledger_export", _("Ledger export")
    WORKBOOK_UPLOAD = "workbook_upload", _("One-workbook upload (一表通)")
    COCKPIT_EXPORT = "cockpit_export", _("Cockpit export")
    BULLETIN_DRAFT = "bulletin_draft", _("Bulletin draft")


class JobState(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")
    # Its owner cancelled it: waiting, it never ran; running, its transaction rolled back.
    CANCELLED = "cancelled", _("Cancelled")

    @property
    def colour(self) -> str:
        return JOB_STATE_COLOURS[self.value]


JOB_STATE_COLOURS = {
    "queued": "secondary",
    "running": "primary",
    "done": "success",
    "failed": "danger",
    "cancelled": "warning",
}
ACTIVE_STATES = (JobState.QUEUED, JobState.RUNNING)
