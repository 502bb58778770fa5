"""A plan document uploaded but not yet imported, kept server-side for a short while.

The import form is two steps (choose the file; check the title and dates read
from it) and may be refused; the person should not have to choose the file
again. The file waits in storage under a random name; the session remembers
which one is this person's, so nobody else can use it. A new upload replaces
the old one; files older than a day are swept away when another arrives.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

SESSION_KEY = "luoshi_pending_import"
FOLDER = "pending-imports"
MAX_AGE = timedelta(days=1)


def held(request) -> dict | None:
    """{"name", "path"} of the document this session holds, or None."""
    info = request.session.get(SESSION_KEY)
    if not info or not default_storage.exists(info["path"]):
        return None
    return info


def keep(request, filename: str, content: bytes) -> dict:
    discard(request)
    _sweep()
    name = Path(filename or "").name or "document"
    path = default_storage.save(
        f"{FOLDER}/{secrets.token_hex(16)}{Path(name).suffix.lower()}", ContentFile(content)
    )
    info = {"name": name, "path": path}
    request.session[SESSION_KEY] = info
    return info


def content(info: dict) -> bytes:
    with default_storage.open(info["path"], "rb") as f:
        return f.read()


def discard(request) -> None:
    info = request.session.pop(SESSION_KEY, None)
    if info and default_storage.exists(info["path"]):
        default_storage.delete(info["path"])


def _sweep() -> None:
    """Remove what others left behind more than a day ago."""
    try:
        _dirs, files = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return
    limit = timezone.now() - MAX_AGE
    for name in files:
        path = f"{FOLDER}/{name}"
        try:
            if default_storage.get_modified_time(path) < limit:
                default_storage.delete(path)
        except FileNotFoundError:  # swept by another process meanwhile
            continue
