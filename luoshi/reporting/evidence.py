"""Evidence files of a report: checked (luoshi.uploads) before anything is stored."""

from __future__ import annotations

from pathlib import PurePath

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from luoshi.orgs.access import access_for
from luoshi.orgs.models import User
from luoshi.uploads import DISPLAY_NAME_CHARS, check_upload, safe_name, shortened

from .models import Evidence, Report


@transaction.atomic
def add_evidence(report: Report, user: User, upload) -> Evidence:
    if not access_for(user).can_report_for(report.unit):
        raise PermissionDenied(_("You do not report for this unit."))
    if not report.is_editable:
        raise ValidationError(_("Evidence can only be added to draft or returned reports."))
    name, content_type = check_upload(upload)
    suffix = PurePath(name).suffix
    shown = shortened(
        safe_name(PurePath(upload.name or name).name, suffix), suffix, DISPLAY_NAME_CHARS
    )
    evidence = Evidence(
        report=report, name=shown, size=upload.size, content_type=content_type, uploaded_by=user
    )
    evidence.file.save(name, upload, save=False)
    # The file is written first; if its row cannot be saved, the file goes too.
    try:
        evidence.save()
    except Exception:
        evidence.file.delete(save=False)
        raise
    return evidence
