"""Building a bulletin's files: the worker's part (tasks.build_files), apart from the
actions that ask for them, so that the actions may enqueue the task without a cycle."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.utils import timezone

from .choices import FileState
from .models import Bulletin, BulletinFile
from .render import filename, render


def build_files(bulletin_id: int) -> int:
    """Build the files asked for (being prepared) from the bulletin as it is; returns how many.

    A draft edited while its file is built gets the newer revision's file at the next ask:
    the row records the revision it was built from.
    """
    bulletin = Bulletin.objects.select_related("plan", "corrects").get(pk=bulletin_id)
    built = 0
    for row in BulletinFile.objects.filter(bulletin=bulletin, state=FileState.PREPARING):
        try:
            content = render(bulletin, row.format)
        except Exception as error:  # noqa: BLE001 - shown on the page, which asks again
            BulletinFile.objects.filter(pk=row.pk).update(
                state=FileState.FAILED, error=str(error)[:2000]
            )
            continue
        old = row.file.name
        row.file.save(filename(bulletin, row.format), ContentFile(content), save=False)
        kept = BulletinFile.objects.filter(
            pk=row.pk, state=FileState.PREPARING, revision=bulletin.revision
        ).update(file=row.file.name, state=FileState.READY, built_at=timezone.now(), error="")
        if not kept:  # edited meanwhile: the next task builds the newer revision
            if row.file.name:
                row.file.storage.delete(row.file.name)
            continue
        if old and old != row.file.name:
            row.file.storage.delete(old)  # a draft's earlier revision
        built += 1
    return built
