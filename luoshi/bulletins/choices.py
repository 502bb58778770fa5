"""Choice sets of the bulletins: each value carries its label once."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BulletinStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ISSUED = "issued", _("Issued")


class FileFormat(models.TextChoices):
    DOCX = "docx", _("Word (.docx)")
    PDF = "pdf", _("PDF")
    XLSX = "xlsx", _("Annex tables (.xlsx)")


class FileState(models.TextChoices):
    """A built file of an issued bulletin: asked for, being built by the worker, or ready."""

    PREPARING = "preparing", _("Being prepared")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")
