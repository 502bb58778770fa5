"""Private files: under MEDIA_ROOT/private, never given a URL.

Uploads waiting for their job and the files a job makes (an export) live here; a
view that checks the job's owner serves them (luoshi.jobs.views.job_file). The web
server must not serve this folder (docs/deploy.md): MEDIA_URL maps nothing here.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible
class PrivateStorage(FileSystemStorage):
    """MEDIA_ROOT/private, read from the settings each time (tests move MEDIA_ROOT)."""

    def __init__(self):
        super().__init__()

    @property
    def base_location(self):
        return Path(settings.MEDIA_ROOT) / "private"

    @property
    def location(self):
        return str(Path(self.base_location).resolve())

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("private files have no URL; a view serves them to their owner")


private_storage = PrivateStorage()
