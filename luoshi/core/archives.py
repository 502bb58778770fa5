"""Zip packages (.xlsx, .docx) checked before anything unpacks them.

An Office file is a zip archive, and a zip can declare a few kilobytes that
inflate to gigabytes (a "zip bomb"): openpyxl and python-docx unpack members
whole, so a 54 KB .docx could cost 1.6 GB and most of a minute. `check_zip`
reads only the archive's central directory and refuses, before any member is
inflated, an archive with too many members, too large a sum of declared
uncompressed sizes, or a member that inflates too many times over.

The declared sizes can be trusted as upper bounds: Python's zipfile stops a
member at its declared size and then fails its CRC check, so a member that
lies about its size is read short and refused, never inflated further.

Plain Python (no Django): the intake readers use it with the defaults, the web
app with the limits of its settings. Messages are English, as in the rest of
luoshi.core; callers that speak to a person translate `ArchiveRefused.reason`.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What a zip package may hold.

    The defaults: a 100,000-row hazard register (ten times a real city's) saved
    by openpyxl is a 6 MB file whose sheet inflates 14 times to 82 MB; Excel's
    own files are smaller. Apache POI, which reads Office files for most of the
    Java world, refuses a member inflating more than 100 times and more than
    1,000 members by default; we do the same.
    """

    max_unpacked: int = 200 * MB  # the sum of the members' declared sizes
    max_ratio: float = 100.0  # uncompressed / compressed size of one member
    max_members: int = 1000
    # Tiny members (a 300-byte [Content_Types].xml of repeated text) can show a
    # high ratio harmlessly: the ratio is checked from this size up.
    ratio_from: int = 1 * MB


DEFAULT_LIMITS = Limits()


class ArchiveRefused(ValueError):
    """The archive is refused; `reason` names why: not_zip, members, unpacked, ratio."""

    def __init__(self, reason: str, message: str, **details):
        super().__init__(message)
        self.reason = reason
        self.details = details


def check_zip(source, limits: Limits = DEFAULT_LIMITS) -> list[str]:
    """The member names of the zip in `source` (bytes or a seekable binary file), or
    ArchiveRefused. Reads the central directory only; a file object is left at 0."""
    stream = io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else source
    try:
        stream.seek(0)
        with zipfile.ZipFile(stream) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise ArchiveRefused("not_zip", "not a zip package") from None
    finally:
        stream.seek(0)
    if len(members) > limits.max_members:
        raise ArchiveRefused(
            "members",
            f"the package holds {len(members)} files (at most {limits.max_members})",
            count=len(members),
            limit=limits.max_members,
        )
    unpacked = sum(member.file_size for member in members)
    if unpacked > limits.max_unpacked:
        raise ArchiveRefused(
            "unpacked",
            f"the package unpacks to {unpacked // MB} MB (at most {limits.max_unpacked // MB} MB)",
            size=unpacked,
            limit=limits.max_unpacked,
        )
    for member in members:
        if member.file_size < limits.ratio_from:
            continue
        ratio = member.file_size / max(member.compress_size, 1)
        if ratio > limits.max_ratio:
            raise ArchiveRefused(
                "ratio",
                f"{member.filename} inflates {ratio:.0f} times (at most {limits.max_ratio:.0f})",
                name=member.filename,
                ratio=ratio,
                limit=limits.max_ratio,
            )
    return [member.filename for member in members]
