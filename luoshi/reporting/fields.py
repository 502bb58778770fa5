"""A file field that takes several files at once (evidence: photos, scans, tables)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from luoshi.uploads import check_upload

# Files per submission: each is bounded by EVIDENCE_MAX_MB, so a request stays bounded too.
MAX_FILES = 10


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A list of uploads (empty when none), each checked like any evidence file (type, size,
    content) before anything is stored, and at most EVIDENCE_MAX_FILES of them at once."""

    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        limit = MAX_FILES
        if len(uploads) > limit:
            raise ValidationError(
                ngettext(
                    "At most %(limit)d file at a time.",
                    "At most %(limit)d files at a time.",
                    limit,
                )
                % {"limit": limit}
            )
        errors, cleaned = [], []
        for upload in uploads:
            try:
                upload = super().clean(upload, initial)
                if not upload:
                    continue
                check_upload(upload)
            except ValidationError as error:
                errors.extend(error.messages)
            else:
                cleaned.append(upload)
        if errors:
            raise ValidationError(errors)
        if self.required and not cleaned:
            raise ValidationError(self.error_messages["required"], code="required")
        return cleaned


EVIDENCE_HELP = _("Photos, scans or tables: PDF, PNG, JPEG, DOCX or XLSX; several at once.")
