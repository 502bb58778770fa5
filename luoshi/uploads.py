"""Uploaded files (report evidence, hazard photos): checked for type, size and content
before anything is stored, and given a name safe to store. No model: reporting and
ledgers both use it.
"""

from __future__ import annotations

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

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


# A stored file's own name, in UTF-8 bytes: file systems allow 255 per name, and the
# whole path must fit a FileField (100 characters), so a long name is cut, keeping its
# extension. Evidence.name (200 characters) keeps a longer form for people to read.
FILE_NAME_BYTES = 100
DISPLAY_NAME_CHARS = 200


def shortened(name: str, suffix: str, limit: int, *, in_bytes: bool = False) -> str:
    """`name` cut to `limit` characters (or UTF-8 bytes), keeping `suffix` at its end."""
    if len(suffix) > 16:  # not an extension anyone keeps; cut it like the rest
        suffix = ""
    stem, ext = (name[: -len(suffix)], name[-len(suffix) :]) if suffix else (name, "")
    room = limit - len(ext.encode() if in_bytes else ext)
    if in_bytes:
        stem = stem.encode()[:room].decode("utf-8", "ignore")
    else:
        stem = stem[:room]
    return (stem.rstrip("._-") or "evidence") + ext


def check_upload(upload) -> tuple[str, str]:
    """(file name safe to store, content type) of an acceptable upload; ValidationError
    naming the problem. The name is cut to FILE_NAME_BYTES, keeping the extension."""
    given = PurePath((upload.name or "").replace("\x00", ""))
    name = shortened(given.name, given.suffix, 500)  # messages never repeat a huge name
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
    return shortened(safe_name(name, suffix), suffix, FILE_NAME_BYTES, in_bytes=True), content_type


def safe_name(name: str, suffix: str) -> str:
    """Django's safe form of a file name (letters, digits, -, _ and .)."""
    try:
        return get_valid_filename(name)
    except SuspiciousFileOperation:  # nothing left of it
        return f"evidence{suffix}"
