"""Evidence files: checked for size and type before anything is stored."""

from __future__ import annotations

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from luoshi.orgs.access import access_for

from .models import Evidence, Report

# Extension → (content type, the bytes every such file starts with).
ALLOWED = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    ".xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (b"PK\x03\x04",),
    ),
}


def check_upload(upload) -> tuple[str, str]:
    """(safe file name, content type) of an acceptable upload; ValidationError naming the problem."""
    name = PurePath(upload.name or "").name
    suffix = PurePath(name).suffix.lower()
    if suffix not in ALLOWED:
        raise ValidationError(
            _("%(name)s: files of this type are not accepted (allowed: %(allowed)s).")
            % {"name": name, "allowed": ", ".join(sorted(ALLOWED))}
        )
    if upload.size > settings.EVIDENCE_MAX_BYTES:
        raise ValidationError(
            _("%(name)s is too large (%(size).1f MB; at most %(limit)d MB).")
            % {
                "name": name,
                "size": upload.size / 1024 / 1024,
                "limit": settings.EVIDENCE_MAX_BYTES // 1024 // 1024,
            }
        )
    if upload.size == 0:
        raise ValidationError(_("%(name)s is empty.") % {"name": name})
    content_type, signatures = ALLOWED[suffix]
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(signature) for signature in signatures):
        raise ValidationError(
            _("%(name)s is not really a %(suffix)s file.") % {"name": name, "suffix": suffix}
        )
    return get_valid_filename(name) or f"evidence{suffix}", content_type


@transaction.atomic
def add_evidence(report: Report, user, upload) -> Evidence:
    if not access_for(user).can_report_for(report.unit):
        raise PermissionDenied(_("You do not report for this unit."))
    if not report.is_editable:
        raise ValidationError(_("Evidence can only be added to draft or returned reports."))
    name, content_type = check_upload(upload)
    evidence = Evidence(
        report=report, name=name, size=upload.size, content_type=content_type, uploaded_by=user
    )
    evidence.file.save(name, upload, save=False)
    # The file is written first; if its row cannot be saved, the file goes too.
    try:
        evidence.save()
    except Exception:
        evidence.file.delete(save=False)
        raise
    return evidence
