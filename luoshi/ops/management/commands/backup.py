"""`luoshi backup FILE`: the database and the evidence files in one archive (luoshi/ops/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from luoshi.ops.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Write the database (SQLite online backup, or pg_dump -Fc on PostgreSQL) and every "
        "file under MEDIA_ROOT to one .tar archive with a manifest. The app may keep running."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the archive to write (must not exist yet)")

    def handle(self, *args, **options):
        try:
            result = backup(Path(options["file"]))
        except BackupError as error:
            raise CommandError(str(error)) from None
        manifest = result.manifest
        rows = sum(manifest["counts"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {manifest['vendor']} ({rows} rows) and "
                f"{manifest['media_files']} files to {result.path}."
            )
        )
